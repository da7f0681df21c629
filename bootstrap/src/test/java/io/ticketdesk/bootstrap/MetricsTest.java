package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.webapp.InitDataSigner;
import io.ticketdesk.adapters.telegram.webapp.LoginWidgetSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: Prometheus text with requests by route template, the pool, sockets, logins and the JVM. */
class MetricsTest {

    @Test
    void aRequestJustMadeShowsUnderItsRouteTemplateBesideThePoolAndJvmGauges() {
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("DATABASE_POOL_SIZE", "7"))) {
            DeskUnderTest.Person ann = desk.person(2101, "Ann", "USER");
            String ticket = desk.newTicket(ann, "Metrics", "d");
            assertEquals(200, desk.get("/api/v1/tickets/" + ticket, ann.token()).status());
            assertEquals(404, desk.get("/api/v1/tickets/" + java.util.UUID.randomUUID(), ann.token()).status());

            String metrics = scrapeUntil(desk, "route=\"/api/v1/tickets/{id}\",status=\"404\"");

            assertEquals(1.0, value(metrics, "http_server_requests_seconds_count",
                    "method=\"GET\",route=\"/api/v1/tickets/{id}\",status=\"200\""));
            assertEquals(1.0, value(metrics, "http_server_requests_seconds_bucket",
                    "method=\"GET\",route=\"/api/v1/tickets/{id}\",status=\"200\",le=\"+Inf\""));
            assertFalse(metrics.contains(ticket), "a raw id became a label");
            assertEquals(7.0, value(metrics, "hikaricp_connections_max", "pool=\"ticketdesk\""), "DATABASE_POOL_SIZE");
            assertTrue(metrics.contains("hikaricp_connections_active{pool=\"ticketdesk\"}"));
            assertTrue(metrics.contains("hikaricp_connections_pending{pool=\"ticketdesk\"}"));
            assertTrue(metrics.contains("jvm_memory_used_bytes{area=\"heap\""));
            assertTrue(metrics.contains("jvm_gc_"));
            assertTrue(metrics.contains("jetty_threads_busy"));
            assertTrue(metrics.startsWith("# HELP") || metrics.contains("\n# TYPE "));
        }
    }

    @Test
    void metricsOffLeavesNoMetricsRouteAndRequestsAnswerAsBefore() {
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("METRICS", "off"))) {
            DeskUnderTest.Person ann = desk.person(2151, "Ann", "USER");
            String ticket = desk.newTicket(ann, "Unmeasured", "d");
            assertEquals(200, desk.get("/api/v1/tickets/" + ticket, ann.token()).status());
            DeskUnderTest.Response metrics = desk.get("/metrics", null);
            assertEquals(404, metrics.status());
            assertEquals("NOT_FOUND", metrics.errorCode());
        }
    }

    @Test
    void loginFailuresAreCountedByReasonAndSocketsWhileOpen() {
        try (DeskUnderTest desk = DeskUnderTest.start()) {
            String forged = desk.initData(2201, "Mallory").replaceAll("hash=[0-9a-f]+", "hash=" + "0".repeat(64));
            assertEquals(401, desk.post("/api/v1/auth/telegram", null, Map.of("initData", forged)).status());
            assertEquals(401, desk.post("/api/v1/auth/telegram", null, Map.of("initData", forged)).status());

            DeskUnderTest.Person ann = desk.person(2202, "Ann", "USER");
            String ticket = desk.newTicket(ann, "Live", "d");
            try (LiveClient socket = LiveClient.open(desk, ticket, ann.token())) {
                socket.send("{\"type\":\"ping\"}");
                socket.next();
                desk.post("/api/v1/tickets/" + ticket + "/messages", ann.token(), Map.of("content", "hello"));
                socket.next();

                String metrics = scrapeUntil(desk, "desk_websocket_events_sent_total{type=\"new_message\"}");
                assertEquals(2.0, value(metrics, "desk_login_failures_total",
                        "login=\"init_data\",reason=\"auth.init_data.signature\""));
                assertEquals(1.0, value(metrics, "desk_websockets_open", null));
                assertEquals(1.0, value(metrics, "desk_websocket_events_sent_total", "type=\"new_message\""));
            }
            assertEquals(0.0, value(scrapeUntil(desk, "desk_websockets_open 0"), "desk_websockets_open", null));
        }
    }

    @Test
    void everyLoginPathCountsItsFailuresByKindAndReason() {
        // seven attempts from this address pass the login limit, the eighth is refused
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("RATE_LIMIT_LOGIN", "7/PT1H"))) {
            InitDataSigner signer = new InitDataSigner(DeskUnderTest.BOT_TOKEN);
            String stale = signer.sign(2301, "Old", null, null, null, Instant.now().minus(Duration.ofDays(3)));
            assertEquals(401, desk.post("/api/v1/auth/telegram", null, Map.of("initData", stale)).status());
            assertEquals(422, desk.post("/api/v1/auth/telegram", null, Map.of("hash", "abc")).status());
            desk.logIn(2302, "Blocked");
            desk.sql("UPDATE users SET is_active = false WHERE telegram_id = 2302");
            DeskUnderTest.Response blocked = desk.post("/api/v1/auth/telegram", null,
                    Map.of("initData", desk.initData(2302, "Blocked")));
            assertEquals("USER_BLOCKED", blocked.errorCode());

            Map<String, String> widget = new LinkedHashMap<>(new LoginWidgetSigner(DeskUnderTest.BOT_TOKEN)
                    .sign(Map.of("id", "2303", "first_name", "Wendy", "auth_date",
                            Long.toString(Instant.now().getEpochSecond()))));
            widget.put("first_name", "Mallory");
            assertEquals(401, desk.post("/api/v1/auth/telegram-widget", null, widget).status());
            // a desk with a bot has no demo: the door is refused as if absent
            assertEquals(404, desk.post("/api/v1/auth/demo", null, Map.of("role", "ADMIN")).status());
            String gone = desk.logIn(2304, "Gone");
            desk.sql("DELETE FROM users WHERE telegram_id = 2304");
            assertEquals(429, desk.post("/api/v1/auth/telegram", null,
                    Map.of("initData", desk.initData(2305, "Late"))).status());

            String metrics = scrapeUntil(desk, "reason=\"rate_limited\"");
            assertEquals(1.0, value(metrics, "desk_login_failures_total",
                    "login=\"init_data\",reason=\"auth.init_data.expired\""));
            assertEquals(1.0, value(metrics, "desk_login_failures_total",
                    "login=\"init_data\",reason=\"request.invalid\""));
            assertEquals(1.0, value(metrics, "desk_login_failures_total",
                    "login=\"init_data\",reason=\"auth.user_blocked\""));
            assertEquals(1.0, value(metrics, "desk_login_failures_total",
                    "login=\"widget\",reason=\"auth.init_data.signature\""));
            assertEquals(1.0, value(metrics, "desk_login_failures_total",
                    "login=\"demo\",reason=\"auth.demo_refused\""));
            assertEquals(1.0, value(metrics, "desk_login_failures_total",
                    "login=\"init_data\",reason=\"rate_limited\""));
            assertEquals(6, Pattern.compile("(?m)^desk_login_failures_total\\{").matcher(metrics).results().count(),
                    "the successful logins counted as no failure, and nothing else was counted:\n" + metrics);

            // a token whose person is gone, on an ordinary route, is a refused request but no refused login
            assertEquals(401, desk.post("/api/v1/tickets", gone, Map.of("title", "x")).status());
            String after = scrapeUntil(desk, "route=\"/api/v1/tickets\",status=\"401\"");
            assertFalse(after.contains("reason=\"auth.token"), after);
        }
    }

    @Test
    void aMetricsTokenClosesTheEndpointToAnyoneWithoutIt() {
        String token = "scrape-token-of-the-test-1234";
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("METRICS_TOKEN", token))) {
            DeskUnderTest.Response none = desk.get("/metrics", null);
            assertEquals(401, none.status());
            assertEquals("UNAUTHORIZED", none.errorCode());
            assertEquals(401, desk.get("/metrics", "scrape-token-of-the-test-9999").status());
            DeskUnderTest.Response allowed = desk.get("/metrics", token);
            assertEquals(200, allowed.status());
            assertTrue(allowed.header("Content-Type").startsWith("text/plain"));
            assertTrue(allowed.body().contains("http_server_requests_seconds_count{method=\"GET\",route=\"/metrics\",status=\"401\"}"));
        }
    }

    /** Scrapes until {@code expected} shows: a request is measured just after its answer is sent. */
    static String scrapeUntil(DeskUnderTest desk, String expected) {
        return scrapeUntil(desk, expected, () -> "");
    }

    /** As above; {@code context} adds what was stored to the failure message. */
    static String scrapeUntil(DeskUnderTest desk, String expected, java.util.function.Supplier<String> context) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String metrics;
        do {
            DeskUnderTest.Response response = desk.get("/metrics", null);
            assertEquals(200, response.status());
            metrics = response.body();
        } while (!metrics.contains(expected) && System.nanoTime() < deadline);
        String shown = metrics;
        assertTrue(metrics.contains(expected), () -> "never showed " + expected + " " + context.get() + "\n"
                + shown.lines().filter(line -> line.startsWith("desk_")).collect(java.util.stream.Collectors.joining("\n")));
        return metrics;
    }

    /** The value of one sample; {@code labels} is the exact label text (null: no labels), or its start. */
    static double value(String metrics, String name, String labels) {
        String prefix = labels == null ? name + " " : name + "{" + labels;
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "[^\\n]*?([-+0-9.eE]+|NaN)$").matcher(metrics);
        if (!line.find()) {
            throw new AssertionError("no sample " + prefix + " in\n" + metrics);
        }
        return Double.parseDouble(line.group(1));
    }
}
