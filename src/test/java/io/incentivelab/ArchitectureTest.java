package io.incentivelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.incentivelab.cli.Cli;
import io.incentivelab.cli.bench.PeakHeapMain;
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

    /**
     * No two packages depend on each other, directly or round a loop. One edge is let through: the bench's child
     * JVM entry point runs a CLI command ({@code cli.bench.PeakHeapMain} calls {@code cli.Cli}) while the CLI
     * offers the bench command; the child's class has to reach the CLI, and the CLI has to list the bench.
     */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.incentivelab.(**)").should().beFreeOfCycles()
                .ignoreDependency(PeakHeapMain.class, Cli.class)
                .check(classes);
    }
}
