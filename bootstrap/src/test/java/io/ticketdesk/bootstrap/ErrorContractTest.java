package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC §2 on the running service: one error shape, the right status, a request id everywhere. */
class ErrorContractTest {

    private static DeskUnderTest desk;
    private static String token;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start(Map.of("CORS_ORIGINS", "https://desk.example.org"));
        token = desk.logIn(77, "Ann");
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        DeskUnderTest.Response response = desk.put("/api/v1/auth/profile", token, "{\"first_name\": ");

        assertError(response, 400, "BAD_REQUEST", "Request body is not valid JSON");
        assertEquals(0, response.json().at("/error/details").size());
    }

    @Test
    void aJsonBodyThatIsNotAnObjectIsABadRequest() {
        assertError(desk.put("/api/v1/auth/profile", token, "[1, 2]"), 400, "BAD_REQUEST",
                "Request body must be a JSON object");
        assertError(desk.post("/api/v1/auth/telegram", null, ""), 400, "BAD_REQUEST",
                "Request body must be a JSON object");
    }

    @Test
    void unknownFieldsAreIgnored() {
        DeskUnderTest.Response response = desk.put("/api/v1/auth/profile", token,
                Map.of("first_name", "Ann", "favourite_colour", "green"));

        assertEquals(200, response.status());
    }

    @Test
    void anUnknownRouteIsNotFound() {
        assertError(desk.get("/api/v1/no-such-thing", token), 404, "NOT_FOUND", "No such endpoint");
        assertError(desk.get("/nowhere", null), 404, "NOT_FOUND", "No such endpoint");
    }

    @Test
    void aKnownRouteWithTheWrongMethodIsMethodNotAllowed() {
        assertError(desk.delete("/api/v1/auth/me", token), 405, "METHOD_NOT_ALLOWED",
                "This endpoint does not accept this method");
    }

    @Test
    void messagesFollowAcceptLanguage() {
        DeskUnderTest.Response russian = desk.send("GET", "/api/v1/auth/me", null, null,
                "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8");
        DeskUnderTest.Response preferEnglish = desk.send("GET", "/api/v1/auth/me", null, null,
                "Accept-Language", "de, en;q=0.9, ru;q=0.5");
        DeskUnderTest.Response nonsense = desk.send("GET", "/api/v1/auth/me", null, null,
                "Accept-Language", ";;;===");
        DeskUnderTest.Response validation = desk.send("PUT", "/api/v1/auth/profile", token, "{\"first_name\": \"\"}",
                "Accept-Language", "ru");

        assertEquals("Нужен токен в заголовке Authorization: Bearer", russian.json().at("/error/message").asText());
        assertEquals("An Authorization: Bearer token is required", preferEnglish.json().at("/error/message").asText());
        assertEquals(401, nonsense.status());
        assertEquals("Некорректные данные", validation.json().at("/error/message").asText());
        assertEquals("Поле обязательно", validation.json().at("/error/details/0/message").asText());
    }

    @Test
    void everyResponseCarriesItsOwnRequestId() {
        Set<String> ids = new HashSet<>();
        for (DeskUnderTest.Response response : new DeskUnderTest.Response[] {
                desk.get("/health", null), desk.get("/api/v1/auth/me", token), desk.get("/api/v1/auth/me", null),
                desk.get("/api/v1/missing", token), desk.put("/api/v1/auth/profile", token, "nope")}) {
            String id = response.header("X-Request-Id");
            assertNotNull(id, "no X-Request-Id on a " + response.status());
            ids.add(id);
        }
        assertEquals(5, ids.size());
    }

    @Test
    void aWellFormedRequestIdFromTheCallerIsKeptAndAMalformedOneReplaced() {
        DeskUnderTest.Response kept = desk.send("GET", "/health", null, null, "X-Request-Id", "proxy-1234abcd");
        DeskUnderTest.Response replaced = desk.send("GET", "/health", null, null, "X-Request-Id", "bad id\twith junk");

        assertEquals("proxy-1234abcd", kept.header("X-Request-Id"));
        assertNotEquals("bad id\twith junk", replaced.header("X-Request-Id"));
        assertTrue(replaced.header("X-Request-Id").matches("[0-9a-f-]{36}"));
    }

    @Test
    void browsersFromConfiguredOriginsMayCallTheApiAndOthersMayNot() {
        DeskUnderTest.Response allowed = desk.send("GET", "/api/v1/auth/me", token, null,
                "Origin", "https://desk.example.org");
        DeskUnderTest.Response foreign = desk.send("GET", "/api/v1/auth/me", token, null,
                "Origin", "https://evil.example.com");

        assertEquals("https://desk.example.org", allowed.header("Access-Control-Allow-Origin"));
        assertNull(foreign.header("Access-Control-Allow-Origin"));
    }

    private static void assertError(DeskUnderTest.Response response, int status, String code, String message) {
        assertEquals(status, response.status(), response.body());
        assertEquals(code, response.errorCode());
        assertEquals(message, response.json().at("/error/message").asText());
        assertTrue(response.json().at("/error/details").isArray(), response.body());
        assertEquals("application/json", response.header("Content-Type").split(";")[0]);
    }
}
