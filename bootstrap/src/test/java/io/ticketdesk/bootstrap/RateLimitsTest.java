package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shared rate limits: one budget for every instance on a database, kept across restarts, 429 with Retry-After. */
class RateLimitsTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void twoInstancesShareOneBudgetAndTheSecondRefusesOnceTheFirstSpentIt() {
        MutableClock clock = new MutableClock(START);
        // 3 per minute: all 3 at once, then one every 20 s
        try (DeskUnderTest a = DeskUnderTest.start(Map.of("RATE_LIMIT_TICKETS", "3/PT1M"), clock);
             DeskUnderTest b = a.secondInstance()) {
            DeskUnderTest.Person ann = a.person(3101, "Ann", "USER");
            String category = a.categoryId();

            for (int left = 2; left >= 0; left--) {
                DeskUnderTest.Response created = newTicket(a, ann, category);
                assertEquals(201, created.status(), created.body());
                assertEquals("3", created.header("RateLimit-Limit"));
                assertEquals(String.valueOf(left), created.header("RateLimit-Remaining"));
                assertEquals("3;w=60", created.header("RateLimit-Policy"));
            }

            DeskUnderTest.Response refused = newTicket(b, ann, category);
            assertEquals(429, refused.status(), refused.body());
            assertEquals("RATE_LIMITED", refused.errorCode());
            assertEquals("20", refused.header("Retry-After"));
            assertEquals("0", refused.header("RateLimit-Remaining"));
            assertEquals("60", refused.header("RateLimit-Reset"));
            assertEquals(3, a.count("SELECT count(*) FROM tickets"), "a refused request changes nothing");

            clock.advance(Duration.ofSeconds(19));
            DeskUnderTest.Response stillRefused = newTicket(a, ann, category);
            assertEquals(429, stillRefused.status());
            assertEquals("1", stillRefused.header("Retry-After"));

            clock.advance(Duration.ofSeconds(1));
            DeskUnderTest.Response again = newTicket(b, ann, category);
            assertEquals(201, again.status(), again.body());
            assertEquals("0", again.header("RateLimit-Remaining"));
        }
    }

    @Test
    void aSpentBudgetSurvivesARestart() {
        MutableClock clock = new MutableClock(START);
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("RATE_LIMIT_MESSAGES", "2/PT1M"), clock)) {
            DeskUnderTest.Person ann = desk.person(3201, "Ann", "USER");
            String ticket = newTicket(desk, ann, desk.categoryId()).json().get("id").asText();
            assertEquals(201, message(desk, ann, ticket).status());
            assertEquals(201, message(desk, ann, ticket).status());

            desk.restart();

            DeskUnderTest.Response refused = message(desk, ann, ticket);
            assertEquals(429, refused.status());
            assertEquals("30", refused.header("Retry-After"));
        }
    }

    @Test
    void staffGetHigherLimitsButAreNotExempt() {
        MutableClock clock = new MutableClock(START);
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("RATE_LIMIT_MESSAGES", "2/PT1M",
                "RATE_LIMIT_STAFF_FACTOR", "3"), clock)) {
            DeskUnderTest.Person ann = desk.person(3301, "Ann", "USER");
            DeskUnderTest.Person helga = desk.person(3302, "Helga", "HELPER");
            String ticket = newTicket(desk, ann, desk.categoryId()).json().get("id").asText();

            assertEquals(201, message(desk, ann, ticket).status());
            assertEquals(201, message(desk, ann, ticket).status());
            assertEquals(429, message(desk, ann, ticket).status());
            for (int i = 0; i < 6; i++) {
                DeskUnderTest.Response answered = message(desk, helga, ticket);
                assertEquals(201, answered.status(), answered.body());
                assertEquals("6", answered.header("RateLimit-Limit"));
            }
            DeskUnderTest.Response refused = message(desk, helga, ticket);
            assertEquals(429, refused.status());
            assertEquals("10", refused.header("Retry-After"));
        }
    }

    @Test
    void loginIsLimitedPerAddressBeforeTheSignatureIsChecked() {
        MutableClock clock = new MutableClock(START);
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("RATE_LIMIT_LOGIN", "2/PT1H"), clock)) {
            assertEquals(401, desk.post("/api/v1/auth/telegram", null, Map.of("initData", "user=%7B%7D&hash=00")).status());
            desk.logIn(3401, "Ann");

            DeskUnderTest.Response refused = desk.post("/api/v1/auth/telegram", null,
                    Map.of("initData", desk.initData(3401, "Ann")));
            assertEquals(429, refused.status());
            assertEquals("RATE_LIMITED", refused.errorCode());
            assertEquals("1800", refused.header("Retry-After"));
        }
    }

    @Test
    void socketsAndUploadsAreLimitedPerUser() {
        MutableClock clock = new MutableClock(START);
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("RATE_LIMIT_SOCKETS", "1/PT1M",
                "RATE_LIMIT_UPLOADS", "1/PT1M"), clock)) {
            DeskUnderTest.Person ann = desk.person(3501, "Ann", "USER");
            String ticket = newTicket(desk, ann, desk.categoryId()).json().get("id").asText();

            try (LiveClient first = LiveClient.open(desk, ticket, ann.token())) {
                assertEquals(429, LiveClient.refusal(desk, ticket, ann.token()));
            }
            byte[] text = "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(201, desk.upload(ann.token(), "file", "a.txt", "text/plain", text).status());
            DeskUnderTest.Response refused = desk.upload(ann.token(), "file", "b.txt", "text/plain", text);
            assertEquals(429, refused.status());
            assertEquals("60", refused.header("Retry-After"));
        }
    }

    @Test
    void limitsCanBeTurnedOff() {
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("RATE_LIMITS", "off", "RATE_LIMIT_TICKETS", "1/PT1H"))) {
            DeskUnderTest.Person ann = desk.person(3601, "Ann", "USER");
            String category = desk.categoryId();
            assertEquals(201, newTicket(desk, ann, category).status());
            DeskUnderTest.Response second = newTicket(desk, ann, category);
            assertEquals(201, second.status());
            assertEquals(null, second.header("RateLimit-Limit"));
        }
    }

    private static DeskUnderTest.Response newTicket(DeskUnderTest desk, DeskUnderTest.Person who, String category) {
        return desk.post("/api/v1/tickets", who.token(), Map.of("title", "Limited", "description", "d",
                "category_id", category));
    }

    private static DeskUnderTest.Response message(DeskUnderTest desk, DeskUnderTest.Person who, String ticket) {
        return desk.post("/api/v1/tickets/" + ticket + "/messages", who.token(), Map.of("content", "hi"));
    }
}
