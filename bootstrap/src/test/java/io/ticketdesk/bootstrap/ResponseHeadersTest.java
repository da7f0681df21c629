package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 14, finding 6: Allow on 405, OPTIONS answered, no caching of people's data, no framing of the API. */
class ResponseHeadersTest {

    private static DeskUnderTest plain;
    private static DeskUnderTest withCors;
    private static String token;

    @BeforeAll
    static void start() {
        plain = DeskUnderTest.start();
        withCors = DeskUnderTest.start(Map.of("CORS_ORIGINS", "https://desk.example.org"));
        token = plain.logIn(1501, "Hedy");
    }

    @AfterAll
    static void stop() {
        plain.close();
        withCors.close();
    }

    private static Set<String> methods(String allow) {
        return Arrays.stream(allow.split(",")).map(String::strip).collect(Collectors.toSet());
    }

    @Test
    void aWrongMethodIs405WithAllowNamingTheRightOnes() {
        DeskUnderTest.Response response = plain.delete("/api/v1/auth/me", token);

        assertEquals(405, response.status());
        assertEquals("METHOD_NOT_ALLOWED", response.errorCode());
        assertEquals(Set.of("GET", "OPTIONS"), methods(response.header("Allow")));
    }

    @Test
    void optionsIsAnsweredWithTheAllowedMethods() {
        DeskUnderTest.Response tickets = plain.send("OPTIONS", "/api/v1/tickets/" + java.util.UUID.randomUUID(), null, null);

        assertEquals(204, tickets.status(), tickets.body());
        assertEquals(Set.of("GET", "PUT", "DELETE", "OPTIONS"), methods(tickets.header("Allow")));
        assertTrue(tickets.body().isEmpty());
        assertTrue(tickets.header("X-Request-Id") != null);
    }

    @Test
    void aCorsPreflightFromAnAllowedOriginStillGetsItsCorsAnswer() {
        DeskUnderTest.Response preflight = withCors.send("OPTIONS", "/api/v1/tickets", null, null,
                "Origin", "https://desk.example.org", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");

        assertTrue(preflight.status() == 200 || preflight.status() == 204, preflight.toString());
        assertEquals("https://desk.example.org", preflight.header("Access-Control-Allow-Origin"));
        assertEquals("POST", preflight.header("Access-Control-Allow-Methods"));
        DeskUnderTest.Response plainOptions = withCors.send("OPTIONS", "/api/v1/tickets", null, null);
        assertEquals(Set.of("GET", "POST", "OPTIONS"), methods(plainOptions.header("Allow")));
    }

    @Test
    void apiAnswersAreNotCachedFramedOrSniffed() {
        for (DeskUnderTest.Response response : new DeskUnderTest.Response[] {
                plain.get("/api/v1/auth/me", token), plain.get("/api/v1/auth/me", null), plain.get("/health", null)}) {
            assertEquals("no-store", response.header("Cache-Control"), response.toString());
            assertEquals("DENY", response.header("X-Frame-Options"));
            assertTrue(response.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
            assertEquals("no-referrer", response.header("Referrer-Policy"));
        }
    }

    @Test
    void pagesOutsideTheApiMayBeFramedByTelegramOnly() {
        DeskUnderTest.Response page = plain.get("/", null);

        assertNull(page.header("X-Frame-Options"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'self' https://web.telegram.org"),
                page.toString());
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
    }
}
