package org.learninglog.security.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.learninglog.security.Role;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's accounts, whose password the README prints, are served only while the demo is on and
 * nobody else can reach the server (a loopback address and the embedded store), unless forced.
 */
class DemoAccountsGateTest {

    @ParameterizedTest(name = "demo={0} address=''{1}'' store=''{2}'' forced={3}: served {4}")
    @CsvSource(delimiter = '|', value = {
            "auto | 127.0.0.1 |                                    | false | true",
            "auto | ::1       |                                    | false | true",
            "on   | localhost |                                    | false | true",
            "auto | 0.0.0.0   |                                    | false | false",
            "auto |           |                                    | false | false",
            "auto | 10.1.2.3  |                                    | false | false",
            "auto | 127.0.0.1 | mongodb://db.example:27017/ll       | false | false",
            "off  | 127.0.0.1 |                                    | false | false",
            "auto | 0.0.0.0   |                                    | true  | true",
            "auto | 127.0.0.1 | mongodb://db.example:27017/ll       | true  | true",
            "off  | 127.0.0.1 |                                    | true  | true"})
    void the_demo_accounts_are_served_only_on_loopback_with_the_embedded_store_unless_forced(
            String demo, String address, String storeUri, boolean forced, boolean served) {
        MockEnvironment environment = new MockEnvironment().withProperty("learninglog.demo", demo);
        if (address != null) {
            environment.setProperty("server.address", address);
        }
        if (storeUri != null) {
            environment.setProperty("learninglog.store.uri", storeUri);
        }
        SecurityProperties properties = new SecurityProperties(null, null, null, null, null, null,
                List.of(new SecurityProperties.Account("operator", "$2a$10$x", null, Set.of(Role.OPERATOR), Set.of())),
                forced, false, null, null);
        assertThat(DemoAccountsGate.open(environment, properties)).isEqualTo(served);
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void without_demo_accounts_nothing_is_served(boolean forced) {
        SecurityProperties properties = new SecurityProperties(null, null, null, null, null, null, List.of(), forced, false, null, null);
        assertThat(DemoAccountsGate.open(new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("learninglog.demo", "auto"), properties)).isFalse();
    }
}
