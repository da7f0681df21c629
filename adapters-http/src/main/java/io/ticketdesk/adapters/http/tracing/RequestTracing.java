package io.ticketdesk.adapters.http.tracing;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id, sent back in {@code X-Request-Id} and put on every log line of the
 * request, and writes one access line per request. Never logs headers, bodies or query strings,
 * where tokens live.
 */
public final class RequestTracing {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    /** The authenticated caller's id, on every log line of the request once the token is checked. */
    public static final String USER_KEY = "user_id";
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Logger ACCESS = LoggerFactory.getLogger("access");

    private RequestTracing() {
    }

    /** Runs first: reuses a caller's well-formed id (so a proxy's id follows the request), or makes one. */
    public static void begin(Context ctx) {
        String id = idFor(ctx.header(HEADER));
        MDC.remove(USER_KEY);
        MDC.put(MDC_KEY, id);
        ctx.header(HEADER, id);
    }

    /** The caller's id when it is a short safe token, a new one otherwise. */
    public static String idFor(String offered) {
        return offered != null && ACCEPTABLE_ID.matcher(offered).matches() ? offered : newId();
    }

    /**
     * A random id in the shape of a UUID: it only has to be unique enough to find a request in the
     * logs, so no SecureRandom (UUID.randomUUID's, shared by every request thread) is needed.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(3L << 62) | (1L << 63)).toString();
    }

    /** Runs last, whatever happened: the access line, then the thread forgets the id. */
    public static void end(Context ctx, Float millis) {
        try {
            long duration = Math.round(millis);
            // the same facts as typed fields, for LOG_FORMAT=json
            ACCESS.atInfo().setMessage("{} {} {} {}ms")
                    .addArgument(ctx.method()).addArgument(ctx.path()).addArgument(ctx.statusCode()).addArgument(duration)
                    .addKeyValue("method", ctx.method().name())
                    .addKeyValue("route", RouteLabel.of(ctx))
                    .addKeyValue("status", ctx.statusCode())
                    .addKeyValue("duration_ms", duration)
                    .log();
        } finally {
            MDC.remove(MDC_KEY);
            MDC.remove(USER_KEY);
        }
    }
}
