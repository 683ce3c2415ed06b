package org.learninglog.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The published events are the contract between the sides: they may not pull in any framework. */
class EventsDependOnNothingTest {

    private final JavaClasses events = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.learninglog.events");

    @Test
    void events_depend_only_on_the_jdk_the_revision_annotation_and_jackson_annotations() {
        classes().should().onlyDependOnClassesThat(
                        resideInAnyPackage("java..", "org.learninglog.events..", "com.fasterxml.jackson.annotation..")
                                .or(equivalentTo(Revision.class)))
                .because("shared-events may carry no framework code beyond these annotations")
                .check(events);
    }

    /** Packages that hold events only; value types events share live in {@code framework} and {@code personal}. */
    private static final String[] EVENT_PACKAGES = {"org.learninglog.events.programme..", "org.learninglog.events.place..",
            "org.learninglog.events.funder..", "org.learninglog.events.person..", "org.learninglog.events.insight..",
            "org.learninglog.events.practice..", "org.learninglog.events.sharing..", "org.learninglog.events.sensemaking.."};

    @Test
    void every_event_is_a_record_with_an_explicit_revision() {
        classes().that().resideInAnyPackage(EVENT_PACKAGES)
                .and().areTopLevelClasses()
                .should().beRecords().andShould().beAnnotatedWith(Revision.class)
                .check(events);
    }
}
