package se.nduh.localplatform.testing;

import com.tngtech.archunit.lang.ArchRule;

import java.util.Arrays;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module and feature boundaries both applications keep, as ArchUnit rules over their own classes. */
public final class Boundaries {

    private Boundaries() {
    }

    /**
     * Every package under the application's root is a feature, except the shared plumbing named here; a feature
     * reaches another only through that one's {@code api} package, and the plumbing reaches none of them.
     */
    public static ArchRule featuresMeetOnlyThroughTheirApi(String root, String... plumbing) {
        String[] plumbingPackages = Arrays.stream(plumbing).map(name -> root + "." + name + "..").toArray(String[]::new);
        return slices().matching(root + ".(*)..").namingSlices("feature $1")
                .should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAnyPackage(root + ".*.api.."))
                .ignoreDependency(resideInAnyPackage(root + ".."), resideInAnyPackage(plumbingPackages))
                .as("features of " + root + " meet only through their api packages and the plumbing " + String.join(", ", plumbing));
    }

    /** The single-machine run's tools (embedded servers, demo, checks) are never part of an application. */
    public static ArchRule neverTheLocalPlatform(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage("se.nduh.localplatform..");
    }

    /** The adapters serve the applications and know none of them, nor the local platform. */
    public static ArchRule adaptersKnowNoFeature() {
        return noClasses().that().resideInAPackage("se.nduh.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("se.nduh.command..", "se.nduh.query..", "se.nduh.localplatform..");
    }
}
