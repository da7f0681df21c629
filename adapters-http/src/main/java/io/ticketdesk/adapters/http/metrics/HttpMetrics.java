package io.ticketdesk.adapters.http.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ticketdesk.adapters.http.Access;
import io.ticketdesk.adapters.http.HttpApi;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.adapters.http.errors.ErrorMapping;
import io.ticketdesk.adapters.http.realtime.SocketObserver;
import io.ticketdesk.adapters.http.tracing.RouteLabel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the HTTP side measures (requests by route template, sockets, login failures) and
 * {@code GET /metrics}, which answers the registry in Prometheus text format. The
 * route is the template ({@code /api/v1/tickets/{id}}), never the raw path, so ids never become labels.
 */
public final class HttpMetrics implements SocketObserver {

    public static final String PATH = "/metrics";
    /** Latency buckets from a cached read to a slow report; few enough to keep a scrape small. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Supplier<String> scrape;
    private final Optional<byte[]> token;
    private final Map<RequestKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> eventsSent = new ConcurrentHashMap<>();
    private final Map<String, Counter> loginFailures = new ConcurrentHashMap<>();
    private final AtomicInteger openSockets = new AtomicInteger();

    /** The login routes' templates, by the kind of login each is (a label of the failure counter). */
    private static final Map<String, String> LOGINS = Map.of(
            HttpApi.PREFIX + "/auth/telegram", "init_data",
            HttpApi.PREFIX + "/auth/telegram-widget", "widget",
            HttpApi.PREFIX + "/auth/demo", "demo");

    private record RequestKey(String method, String route, int status) {
    }

    /**
     * {@code scrape} renders the registry (bootstrap owns the Prometheus registry); with a {@code token}
     * {@code /metrics} wants {@code Authorization: Bearer <token>}.
     */
    public HttpMetrics(MeterRegistry registry, Supplier<String> scrape, Optional<String> token) {
        this.registry = registry;
        this.scrape = scrape;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        registry.gauge("desk.websockets.open", openSockets);
    }

    public void register(RoutesConfig routes) {
        // public as far as sign-in goes: the scrape checks its own token, when one is set
        routes.get(PATH, this::metrics, Access.PUBLIC);
    }

    private void metrics(Context ctx) {
        if (token.isPresent()) {
            String header = ctx.header("Authorization");
            if (header == null || header.isBlank()) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "auth.token.missing");
            }
            byte[] offered = header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (!MessageDigest.isEqual(offered, token.get())) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "auth.token.invalid");
            }
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape.get());
    }

    /** Runs when a request ends (a request logger): one timer per method, route template and status. */
    public void requestEnded(Context ctx, Float millis) {
        RequestKey key = new RequestKey(ctx.method().name(), RouteLabel.of(ctx), ctx.statusCode());
        timers.computeIfAbsent(key, k -> Timer.builder("http.server.requests")
                        .description("HTTP requests by method, route template and status")
                        .tags("method", k.method(), "route", k.route(), "status", Integer.toString(k.status()))
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry))
                .record(Math.round(millis * 1000.0), TimeUnit.MICROSECONDS);
        String login = LOGINS.get(key.route());
        if (login != null && key.method().equals("POST") && key.status() >= 400) {
            loginFailed(login, loginFailure(ctx, key.status()));
        }
    }

    /**
     * Why a login was refused: the verifier's reason when there is one (e.g. {@code auth.init_data.expired}),
     * otherwise what the answer's status says (blocked, over the limit, a bad body, the demo refused).
     */
    private static String loginFailure(Context ctx, int status) {
        String reason = ctx.attribute(ErrorMapping.AUTH_FAILURE);
        if (reason != null) {
            return reason;
        }
        return switch (status) {
            case 403 -> "auth.user_blocked";
            case 404 -> "auth.demo_refused";
            case 429 -> "rate_limited";
            case 400, 413, 415, 422 -> "request.invalid";
            default -> status >= 500 ? "server_error" : "status." + status;
        };
    }

    /** A refused login of one kind ({@code init_data}, {@code widget}, {@code demo}), by reason. */
    public void loginFailed(String login, String reason) {
        loginFailures.computeIfAbsent(login + ' ' + reason, k -> Counter.builder("desk.login.failures")
                .description("Refused logins by kind and reason").tags("login", login, "reason", reason)
                .register(registry)).increment();
    }

    @Override
    public void opened() {
        openSockets.incrementAndGet();
    }

    @Override
    public void closed() {
        openSockets.decrementAndGet();
    }

    @Override
    public void eventSent(String type) {
        eventsSent.computeIfAbsent(type, t -> Counter.builder("desk.websocket.events.sent")
                .description("Frames sent on ticket sockets by type").tag("type", t).register(registry)).increment();
    }
}
