package se.nduh.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The command side meets the query side only through events, and its features keep to themselves. */
@AnalyzeClasses(packages = "se.nduh", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule never_the_query_side = noClasses().that().resideInAPackage("se.nduh.command..")
            .should().dependOnClassesThat().resideInAPackage("se.nduh.query..");

    @ArchTest
    static final ArchRule only_connection_strings_to_the_embedded_servers = noClasses().that().resideInAPackage("se.nduh.command..")
            .should().dependOnClassesThat().resideInAPackage("se.nduh.infrastructure.embedded..");

    @ArchTest
    static final ArchRule features_do_not_reach_into_each_other = slices().matching("se.nduh.command.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule aggregates_do_no_io = noClasses().that().resideInAPackage("se.nduh.command.need..")
            .and().haveSimpleNameNotEndingWith("Controller").and().haveSimpleNameNotEndingWith("Request")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "com.mongodb..", "org.apache.kafka..");
}
