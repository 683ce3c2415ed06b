package org.learninglog.launcher;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.learninglog.embedded.RecoveryReport;
import org.learninglog.embedded.StoreDamaged;
import org.learninglog.embedded.StoreInUse;

import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The embedded store (module {@code embedded-store}) reaches into mongo-java-server's and H2's
 * internals; only the store-mode switch starts it and hands it the engine's layout, so that
 * everything else works the same on any store. Its failures and a recovery's report are the
 * exception: they carry the words the person running Learning Log reads, so whoever ends a start
 * or a command may catch and print them.
 */
class EmbeddedStoreBehindTheSwitchTest {

    /** {@code MongoStore} and {@code StoreMode} choose the store; the others are the embedded branch of that choice. */
    private static final Set<String> THE_SWITCH = Set.of("org.learninglog.store.MongoStore", "org.learninglog.store.StoreMode",
            "org.learninglog.store.EmbeddedServer", "org.learninglog.store.EngineLayout", "org.learninglog.store.CommitShape");

    private static final DescribedPredicate<JavaClass> THE_STORE_MODE_SWITCH = DescribedPredicate.describe(
            "belong to the store-mode switch " + THE_SWITCH, type -> THE_SWITCH.contains(type.getName().split("\\$")[0]));

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.learninglog");

    @Test
    void only_the_store_mode_switch_uses_the_embedded_store() {
        classes().that().resideInAPackage("org.learninglog.embedded..")
                .and().doNotBelongToAnyOf(StoreDamaged.class, StoreInUse.class, RecoveryReport.class)
                .should().onlyHaveDependentClassesThat(resideInAPackage("org.learninglog.embedded..").or(THE_STORE_MODE_SWITCH))
                .check(classes);
    }
}
