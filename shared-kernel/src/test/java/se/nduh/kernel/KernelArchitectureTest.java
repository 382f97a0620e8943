package se.nduh.kernel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The kernel is pure Java: the published language and the domain messages outlive any framework. */
@AnalyzeClasses(packages = "se.nduh.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {

    @ArchTest
    static final ArchRule no_spring_and_no_axon = noClasses().that().resideInAPackage("se.nduh.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                    "com.mongodb..", "org.apache.kafka..", "se.nduh.infrastructure..", "se.nduh.command..", "se.nduh.query..");
}
