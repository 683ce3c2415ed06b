package org.learninglog.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportedVersionsTest {

    @Test
    void the_versions_on_the_class_path_are_the_supported_ones() {
        assertThat(SupportedVersions.mongoJavaServerInUse()).isEqualTo(SupportedVersions.MONGO_JAVA_SERVER);
        assertThat(SupportedVersions.h2InUse()).isEqualTo(SupportedVersions.H2);
        assertThatNoException().isThrownBy(SupportedVersions::ensureInUse);
    }

    @Test
    void another_mongo_java_server_is_refused_naming_the_supported_and_the_found_versions() {
        assertThatThrownBy(() -> SupportedVersions.ensure("1.48.0", SupportedVersions.H2))
                .isInstanceOf(SupportedVersions.UnsupportedVersions.class)
                .hasMessageContaining("supports mongo-java-server 1.47.0 with H2 2.4.240")
                .hasMessageContaining("found mongo-java-server 1.48.0 with H2 2.4.240");
    }

    @Test
    void another_h2_is_refused_naming_the_supported_and_the_found_versions() {
        assertThatThrownBy(() -> SupportedVersions.ensure(SupportedVersions.MONGO_JAVA_SERVER, "2.3.232"))
                .isInstanceOf(SupportedVersions.UnsupportedVersions.class)
                .hasMessageContaining("supports mongo-java-server 1.47.0 with H2 2.4.240")
                .hasMessageContaining("found mongo-java-server 1.47.0 with H2 2.3.232");
    }
}
