package io.incentivelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of architecture.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.incentivelab");
    }

    @Test
    void simulationDependsOnlyOnJavaAndCommonsMath() {
        classes().that().resideInAPackage("io.incentivelab.simulation..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.apache.commons.math3..", "io.incentivelab.simulation..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void vaadinIsUsedOnlyInUiPackagesAndTheApplicationClass() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .and().doNotHaveFullyQualifiedName(Application.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(classes);
    }

    @Test
    void featureServicesDoNotDependOnUi() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .and().doNotHaveFullyQualifiedName(Application.class.getName())
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .check(classes);
    }

    @Test
    void baseImportsNoFeature() {
        noClasses().that().resideInAPackage("io.incentivelab.base..")
                .should().dependOnClassesThat().resideInAnyPackage("io.incentivelab.notebook..",
                        "io.incentivelab.experiment..", "io.incentivelab.scenario..", "io.incentivelab.metagraph..",
                        "io.incentivelab.cli..", "io.incentivelab.output..")
                .check(classes);
    }

    @Test
    void experimentsKnowNothingOfNotebooks() {
        noClasses().that().resideInAPackage("io.incentivelab.experiment..")
                .should().dependOnClassesThat().resideInAPackage("io.incentivelab.notebook..")
                .check(classes);
    }

    /** No two packages depend on each other, directly or round a loop (the bench, in src/bench, is not imported). */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.incentivelab.(**)").should().beFreeOfCycles()
                .check(classes);
    }
}
