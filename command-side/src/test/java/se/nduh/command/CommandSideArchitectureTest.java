package se.nduh.command;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import se.nduh.localplatform.testing.Boundaries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command side meets the query side only through events, and its features keep to themselves. */
@AnalyzeClasses(packages = "se.nduh", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule never_the_query_side = noClasses().that().resideInAPackage("se.nduh.command..")
            .should().dependOnClassesThat().resideInAPackage("se.nduh.query..");

    @ArchTest
    static final ArchRule never_the_local_platform = Boundaries.neverTheLocalPlatform("se.nduh.command");

    @ArchTest
    static final ArchRule features_meet_only_through_their_api = Boundaries.featuresMeetOnlyThroughTheirApi(
            "se.nduh.command", "web", "view");

    @ArchTest
    static final ArchRule adapters_know_no_feature = Boundaries.adaptersKnowNoFeature();

    @ArchTest
    static final ArchRule aggregates_do_no_io = noClasses().that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "com.mongodb..",
                    "org.apache.kafka..", "java.io..", "java.net..", "java.nio..");

    /** Ids and times come with the command or the message, so replaying an aggregate gives the same state. */
    @ArchTest
    static final ArchRule aggregates_read_no_clock_and_make_no_random_ids = noClasses().that().areAnnotatedWith(Aggregate.class)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("random")));
}
