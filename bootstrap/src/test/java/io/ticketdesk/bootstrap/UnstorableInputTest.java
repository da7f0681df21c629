package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import io.ticketdesk.adapters.telegram.webapp.InitDataSigner;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, findings 1, 3 and 4 end to end: text the database can't keep as sent, tokens without
 * the claims that bound them, bodies that are not exactly one JSON value, enums in the wrong case.
 */
class UnstorableInputTest {

    private static DeskUnderTest desk;
    private static DeskUnderTest.Person admin;
    private static DeskUnderTest.Person ann;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start();
        admin = desk.person(901, "Admin", "ADMIN");
        ann = desk.person(902, "Ann", "USER");
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void aNulInAQueryValueIsNamedInA422NotA500() {
        assertRefused(desk.get("/api/v1/tickets?search=%00", ann.token()), 422, "search");
        assertRefused(desk.get("/api/v1/users?search=abc%00def", admin.token()), 422, "search");
        assertRefused(desk.get("/api/v1/tickets?page=1&search=%F0%9F", ann.token()), 422, "search");
    }

    @Test
    void ordinaryNonAsciiQueriesStillWork() {
        DeskUnderTest.Response search = desk.get("/api/v1/tickets?search=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82+%F0%9F%98%80",
                ann.token());

        assertEquals(200, search.status(), search.body());
    }

    @Test
    void aSignedInitDataWhoseNameHoldsANulIsRefusedNamingTheFieldAndNobodyIsCreated() {
        String initData = new InitDataSigner(DeskUnderTest.BOT_TOKEN)
                .sign(903, "Bad\u0000Name", null, null, null, Instant.now());

        DeskUnderTest.Response login = desk.post("/api/v1/auth/telegram", null, Map.of("initData", initData));

        assertRefused(login, 422, "initData");
        assertEquals(0, desk.count("SELECT count(*) FROM users WHERE telegram_id = 903"));
    }

    @Test
    void aTokenWithoutExpiryIssueTimeOrSubjectIsRefused() {
        assertEquals(200, desk.get("/api/v1/auth/me", token(builder -> builder)).status(),
                "the forging helper itself must make an acceptable token");

        for (String missing : List.of("exp", "iat", "sub")) {
            String token = token(builder -> switch (missing) {
                case "exp" -> builder.withExpiresAt((Instant) null);
                case "iat" -> builder.withIssuedAt((Instant) null);
                default -> builder.withSubject(null);
            });
            DeskUnderTest.Response me = desk.get("/api/v1/auth/me", token);
            assertEquals(401, me.status(), "without " + missing + ": " + me.body());
            assertEquals("UNAUTHORIZED", me.errorCode());
        }
    }

    /** A token signed with the service's own secret, as {@code JwtTokens} makes them, then altered. */
    private static String token(UnaryOperator<JWTCreator.Builder> alter) {
        Instant now = Instant.now();
        JWTCreator.Builder builder = JWT.create().withIssuer("ticketdesk").withSubject(ann.id())
                .withIssuedAt(now).withExpiresAt(now.plusSeconds(600));
        return alter.apply(builder).sign(Algorithm.HMAC256(DeskUnderTest.JWT_SECRET));
    }

    @Test
    void aBodyWithTrailingTokensIsNotJsonAndNothingIsApplied() {
        DeskUnderTest.Response response = desk.put("/api/v1/auth/profile", ann.token(),
                "{\"first_name\": \"Trailing\"} trailing");

        assertRefused(response, 400, null);
        assertEquals("Ann", desk.get("/api/v1/auth/me", ann.token()).json().get("first_name").asText());
        assertRefused(desk.put("/api/v1/auth/profile", ann.token(), "{\"first_name\": \"A\"} {}"), 400, null);
    }

    @Test
    void invalidUtf8IsRefusedRatherThanStoredAsReplacementCharacters() throws Exception {
        byte[] body = "{\"first_name\": \"Ann\u00ff\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        desk.uri("/api/v1/auth/profile"))
                .header("Authorization", "Bearer " + ann.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertRefused(DeskUnderTest.Response.of(response), 400, null);
        assertEquals("Ann", desk.get("/api/v1/auth/me", ann.token()).json().get("first_name").asText());
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanStoredAsAQuestionMark() {
        DeskUnderTest.Response response = desk.put("/api/v1/auth/profile", ann.token(),
                "{\"first_name\": \"Ann\\ud800\"}");

        assertRefused(response, 422, "first_name");
        assertEquals("Ann", desk.get("/api/v1/auth/me", ann.token()).json().get("first_name").asText());
        DeskUnderTest.Response ticket = desk.post("/api/v1/tickets", ann.token(),
                "{\"title\": \"x\\udc00\", \"description\": \"d\", \"category_id\": \"" + desk.categoryId() + "\"}");
        assertRefused(ticket, 422, "title");
    }

    @Test
    void enumsAreAcceptedOnlyAsTheSpecSpellsThemAndTheRefusalListsThem() {
        DeskUnderTest.Response status = desk.get("/api/v1/tickets?status=open", ann.token());
        assertRefused(status, 422, "status");
        assertEquals("Must be one of: OPEN, IN_PROGRESS, WAITING_RESPONSE, RESOLVED, CLOSED",
                status.json().at("/error/details/0/message").asText());

        DeskUnderTest.Response role = desk.put("/api/v1/users/" + ann.id() + "/role", admin.token(),
                Map.of("role", "admin"));
        assertRefused(role, 422, "role");
        assertEquals("Must be one of: USER, HELPER, MODERATOR, ADMIN", role.json().at("/error/details/0/message").asText());
        assertEquals("USER", desk.get("/api/v1/auth/me", ann.token()).json().get("role").asText());

        assertEquals(200, desk.get("/api/v1/tickets?status=OPEN", ann.token()).status());
    }

    static void assertRefused(DeskUnderTest.Response response, int status, String field) {
        assertEquals(status, response.status(), response.body());
        assertEquals(status == 400 ? "BAD_REQUEST" : "VALIDATION_ERROR", response.errorCode(), response.body());
        assertNotNull(response.header("X-Request-Id"));
        if (field != null) {
            assertTrue(response.errorFields().contains(field), "expected " + field + " in " + response.body());
        }
    }
}
