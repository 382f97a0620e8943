package se.nduh.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import se.nduh.localplatform.testing.Boundaries;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The query side meets the command side only through events, and its features keep to themselves. */
@AnalyzeClasses(packages = "se.nduh", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    @ArchTest
    static final ArchRule never_the_command_side = noClasses().that().resideInAPackage("se.nduh.query..")
            .should().dependOnClassesThat().resideInAPackage("se.nduh.command..");

    @ArchTest
    static final ArchRule never_the_local_platform = Boundaries.neverTheLocalPlatform("se.nduh.query");

    @ArchTest
    static final ArchRule features_meet_only_through_their_api = Boundaries.featuresMeetOnlyThroughTheirApi(
            "se.nduh.query", "readmodel", "admin", "keys");

    @ArchTest
    static final ArchRule adapters_know_no_feature = Boundaries.adaptersKnowNoFeature();

    /**
     * Domain events stay in the region: only the published language goes on Kafka, the comparison record
     * (comparison out, benchmark in) and the released experience (bestpractice), with the two pieces of
     * plumbing their subscriptions need: the regions' public keys (keys) and the places kept beside the read
     * models (readmodel).
     */
    @ArchTest
    static final ArchRule only_the_published_language_features_use_kafka = noClasses()
            .that().resideOutsideOfPackages("se.nduh.query.comparison..", "se.nduh.query.benchmark..", "se.nduh.query.bestpractice..",
                    "se.nduh.query.keys..", "se.nduh.query.readmodel..")
            .and().resideInAPackage("se.nduh.query..")
            .should().dependOnClassesThat().resideInAPackage("se.nduh.infrastructure.kafka..");
}
