package org.learninglog.command;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.common.IdentifierFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The shape of every identifier we accept. Views use identifiers as document keys and field
 * names, so they may hold neither dots nor dollar signs; and an identifier is never a name.
 */
public final class Identifiers {

    /** Letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);
    private static final String NAMED_AFTER = Identifiers.class.getName() + ".namedAfter";

    private Identifiers() {
    }

    /**
     * A new aggregate identifier: a time-ordered UUID (the event store's
     * {@code TimeOrderedIdentifierFactory}), so that the unique index the store checks on every
     * append finds a recent aggregate's key among the other recent ones rather than on a random
     * page, and a commit rewrites pages whose older copies sit in recent chunks of the file (on
     * the embedded store their bookkeeping was a large part of a commit). Measured with
     * {@code StoreBenchmark} at 100,000 events: commands per second against raw inserts 0.48 with
     * random identifiers (0.37 in a second run, under a JFR recording), 0.56–0.67 with these (two
     * runs); store file 196–232 MB, then 160–178 MB.
     * <p>
     * A request sent under an {@code Idempotency-Key} is the exception (see {@link #nameAfter}):
     * every attempt of it names what it creates alike.
     */
    public static String next() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(NAMED_AFTER) instanceof Names names) {
            return names.next();
        }
        return IdentifierFactory.getInstance().generateIdentifier();
    }

    /**
     * From now on, the identifiers this request makes are derived from {@code commandId}, the n-th
     * one always alike: a keyed request sent again after its first answer was lost runs again under
     * the same command id, and so names what it created as the first attempt did, which its answer
     * (the {@code Location}, the body) repeats. Called again, the count starts over.
     */
    public static void nameAfter(HttpServletRequest request, String commandId) {
        request.setAttribute(NAMED_AFTER, new Names(commandId));
    }

    private record Names(String commandId, AtomicInteger made) {

        Names(String commandId) {
            this(commandId, new AtomicInteger());
        }

        String next() {
            return UUID.nameUUIDFromBytes((commandId + "#" + made.incrementAndGet()).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }

    public static boolean isValid(String identifier) {
        return identifier != null && COMPILED.matcher(identifier).matches();
    }
}
