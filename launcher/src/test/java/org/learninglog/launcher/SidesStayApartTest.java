package org.learninglog.launcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The two sides share events, never code: either can be deployed and changed without the other. */
class SidesStayApartTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.learninglog");

    @Test
    void the_query_side_does_not_use_the_command_side() {
        noClasses().that().resideInAPackage("org.learninglog.query..")
                .should().dependOnClassesThat().resideInAPackage("org.learninglog.command..")
                .check(classes);
    }

    @Test
    void the_command_side_does_not_use_the_query_side() {
        noClasses().that().resideInAPackage("org.learninglog.command..")
                .should().dependOnClassesThat().resideInAPackage("org.learninglog.query..")
                .check(classes);
    }

    @Test
    void neither_side_uses_the_launcher() {
        noClasses().that().resideInAnyPackage("org.learninglog.command..", "org.learninglog.query..")
                .should().dependOnClassesThat().resideInAPackage("org.learninglog.launcher..")
                .check(classes);
    }
}
