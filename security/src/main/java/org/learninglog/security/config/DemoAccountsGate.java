package org.learninglog.security.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether the demo accounts (whose password the README prints) are served. Only while the demo is
 * on ({@code learninglog.demo} is not {@code off}) and nobody else can reach the server: it listens
 * on a loopback address ({@code server.address}) and the store is the embedded one (no
 * {@code learninglog.store.uri}). {@code learninglog.security.demo-accounts-forced=true} serves them
 * anyway (as the tests of one side alone do), with a warning; nothing else does.
 */
final class DemoAccountsGate {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsGate.class);

    private DemoAccountsGate() {
    }

    static boolean open(Environment environment, SecurityProperties properties) {
        if (properties.demoAccounts().isEmpty()) {
            return false;
        }
        boolean demoOff = "off".equalsIgnoreCase(environment.getProperty("learninglog.demo", "off").strip());
        if (demoOff && !properties.demoAccountsForced()) {
            log.info("Demo accounts off: the demo is off (learninglog.demo=off)");
            return false;
        }
        String address = environment.getProperty("server.address", "");
        String storeUri = environment.getProperty("learninglog.store.uri", "");
        boolean loopback = isLoopback(address);
        boolean embedded = storeUri.isBlank();
        if (loopback && embedded && !demoOff) {
            log.info("Demo accounts on: the server listens on loopback only, with the embedded store");
            return true;
        }
        String why = demoOff ? "the demo is off" : !loopback ? "the server listens on " + (address.isBlank() ? "every address" : "a non-loopback address")
                : "the store is given by URI";
        if (properties.demoAccountsForced()) {
            log.warn("Demo accounts FORCED ON although {}: anyone who can reach this server can sign in with the "
                    + "README's password; turn learninglog.security.demo-accounts-forced off outside a trial", why);
            return true;
        }
        log.warn("Demo accounts off: {} (learninglog.security.demo-accounts-forced=true would force them on)", why);
        return false;
    }

    private static boolean isLoopback(String address) {
        if (address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
