package se.nduh.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The query side meets the command side only through events, and its features keep to themselves. */
@AnalyzeClasses(packages = "se.nduh", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    @ArchTest
    static final ArchRule never_the_command_side = noClasses().that().resideInAPackage("se.nduh.query..")
            .should().dependOnClassesThat().resideInAPackage("se.nduh.command..");

    @ArchTest
    static final ArchRule only_connection_strings_to_the_embedded_servers = noClasses().that().resideInAPackage("se.nduh.query..")
            .should().dependOnClassesThat().resideInAPackage("se.nduh.infrastructure.embedded..");

    @ArchTest
    static final ArchRule features_do_not_reach_into_each_other = slices().matching("se.nduh.query.(*)..")
            .should().notDependOnEachOther();

    /**
     * Domain events stay in the region: only the published language goes on Kafka, the comparison record
     * (benchmark) and the released experience (bestpractice).
     */
    @ArchTest
    static final ArchRule only_the_published_language_features_use_kafka = noClasses()
            .that().resideOutsideOfPackages("se.nduh.query.benchmark..", "se.nduh.query.bestpractice..")
            .and().resideInAPackage("se.nduh.query..")
            .should().dependOnClassesThat().resideInAPackage("se.nduh.infrastructure.kafka..");
}
