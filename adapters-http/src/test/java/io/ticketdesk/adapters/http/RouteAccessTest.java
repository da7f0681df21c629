package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.ticketdesk.adapters.http.auth.JwtTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Endpoints need a caller unless their route role says public; a missing token is refused before any handler. */
class RouteAccessTest {

    private Javalin app;

    @BeforeEach
    void start() {
        JwtTokens tokens = new JwtTokens("unit-test-secret-that-is-at-least-32-bytes", Duration.ofDays(7),
                Clock.systemUTC());
        // no use case behind the ticket routes: reaching a handler without a token would be a 500
        app = new HttpApi(HttpApi.UseCases.signInOnly(command -> {
            throw new IllegalArgumentException("not signed in here");
        }, userId -> {
            throw new IllegalStateException("nobody is identified in this test");
        }, null, () -> true), tokens, List.of()).create().start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publicEndpointsAnswerWithoutATokenAndEveryOtherOneAsksForIt() throws Exception {
        assertEquals(200, send("GET", "/health").statusCode(), "health is public");
        assertNotEquals(401, send("POST", "/api/v1/auth/telegram").statusCode(), "the login is public");
        for (String[] endpoint : new String[][] {{"GET", "/api/v1/auth/me"}, {"GET", "/api/v1/tickets"},
                {"POST", "/api/v1/tickets"}, {"GET", "/api/v1/tickets/00000000-0000-0000-0000-000000000001/history"},
                {"GET", "/api/v1/categories"}, {"GET", "/api/v1/statistics/dashboard"}, {"PUT", "/api/v1/users/x/role"}}) {
            HttpResponse<String> refused = send(endpoint[0], endpoint[1]);
            assertEquals(401, refused.statusCode(), endpoint[0] + " " + endpoint[1]);
            assertTrue(refused.body().contains("\"code\":\"UNAUTHORIZED\""), refused.body());
        }
        assertEquals(404, send("GET", "/tickets").statusCode(), "the API lives under its prefix only");
    }
}
