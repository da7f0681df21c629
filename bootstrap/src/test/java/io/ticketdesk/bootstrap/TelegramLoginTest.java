package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.telegram.webapp.InitDataSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC §5 auth against the running service: Mini App login, tokens, the caller's profile. */
class TelegramLoginTest {

    private static final long ADMIN_ID = 1;
    private static DeskUnderTest desk;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start(Map.of("ADMIN_TELEGRAM_IDS", ADMIN_ID + ", 2"));
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static DeskUnderTest.Response logIn(String initData) {
        return desk.post("/api/v1/auth/telegram", null, Map.of("initData", initData));
    }

    @Test
    void aValidLoginCreatesTheUserAndReturnsABearerToken() {
        String initData = new InitDataSigner(DeskUnderTest.BOT_TOKEN)
                .sign(1001, "Анна", "Петрова", "anna_p", "ru", Instant.now());

        DeskUnderTest.Response login = logIn(initData);

        assertEquals(200, login.status(), login.body());
        assertEquals(Set.of("access_token", "token_type", "expires_in", "user"), fieldNames(login.json()));
        assertEquals("bearer", login.json().get("token_type").asText());
        assertEquals(604800, login.json().get("expires_in").asInt());
        JsonNode user = login.json().get("user");
        assertEquals(1001, user.get("telegram_id").asLong());
        assertEquals("Анна", user.get("first_name").asText());
        assertEquals("Петрова", user.get("last_name").asText());
        assertEquals("anna_p", user.get("username").asText());
        assertEquals("USER", user.get("role").asText());
        assertTrue(user.get("is_active").asBoolean());
        assertTrue(user.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

        DeskUnderTest.Response me = desk.get("/api/v1/auth/me", login.json().get("access_token").asText());
        assertEquals(200, me.status());
        assertEquals(user, me.json());
        assertEquals(Set.of("id", "telegram_id", "username", "first_name", "last_name", "role", "is_active",
                "created_at", "updated_at"), fieldNames(me.json()));
    }

    @Test
    void aLaterLoginRefreshesTheProfileAndKeepsTheSameUser() {
        String firstId = desk.get("/api/v1/auth/me", desk.logIn(1002, "Old")).json().get("id").asText();

        DeskUnderTest.Response again = logIn(new InitDataSigner(DeskUnderTest.BOT_TOKEN)
                .sign(1002, "New", null, "new_name", null, Instant.now()));

        assertEquals(firstId, again.json().path("user").path("id").asText());
        assertEquals("New", again.json().path("user").path("first_name").asText());
        assertEquals("new_name", again.json().path("user").path("username").asText());
    }

    @Test
    void telegramIdsListedAsAdminsBecomeAdminOnFirstLogin() {
        assertEquals("ADMIN", desk.get("/api/v1/auth/me", desk.logIn(ADMIN_ID, "Boss")).json().get("role").asText());
        assertEquals("ADMIN", desk.get("/api/v1/auth/me", desk.logIn(2, "Deputy")).json().get("role").asText());
        assertEquals("USER", desk.get("/api/v1/auth/me", desk.logIn(3, "Customer")).json().get("role").asText());
    }

    @Test
    void aTamperedFieldIsRefused() {
        String initData = desk.initData(1003, "Eve");
        String tampered = initData.replace("%22id%22%3A1003", "%22id%22%3A" + ADMIN_ID);

        assertUnauthorized(logIn(tampered));
    }

    @Test
    void dataSignedWithAnotherBotTokenIsRefused() {
        String initData = new InitDataSigner("654321:ANOTHER_bot_token_entirely_x").sign(1004, "Mallory", null, null,
                null, Instant.now());

        assertUnauthorized(logIn(initData));
    }

    @Test
    void dataWithoutAHashIsRefused() {
        String initData = desk.initData(1005, "Ann");

        assertUnauthorized(logIn(initData.substring(0, initData.indexOf("&hash="))));
    }

    @Test
    void aSeparateHashThatDiffersFromTheOneInsideIsRefused() {
        String initData = desk.initData(1006, "Ann");

        assertUnauthorized(desk.post("/api/v1/auth/telegram", null, Map.of("initData", initData, "hash", "ab".repeat(32))));
    }

    @Test
    void staleAndFutureAuthDatesAreRefused() {
        InitDataSigner signer = new InitDataSigner(DeskUnderTest.BOT_TOKEN);

        assertUnauthorized(logIn(signer.sign(1007, "Ann", null, null, null,
                Instant.now().minus(Duration.ofHours(24)).minusSeconds(60))));
        assertUnauthorized(logIn(signer.sign(1007, "Ann", null, null, null, Instant.now().plus(Duration.ofHours(1)))));
    }

    @Test
    void aLoginWithoutInitDataIsAValidationError() {
        DeskUnderTest.Response response = desk.post("/api/v1/auth/telegram", null, Map.of("hash", "x"));

        assertEquals(422, response.status());
        assertEquals("initData", response.json().at("/error/details/0/field").asText());
    }

    @Test
    void protectedRoutesNeedAToken() {
        DeskUnderTest.Response response = desk.get("/api/v1/auth/me", null);

        assertUnauthorized(response);
        assertUnauthorized(desk.send("GET", "/api/v1/auth/me", null, null, "Authorization", "Basic YWxhZGRpbjpvcGVu"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String userId = desk.get("/api/v1/auth/me", desk.logIn(1008, "Ann")).json().get("id").asText();
        Instant longAgo = Instant.now().minus(Duration.ofDays(8));
        String expired = JWT.create().withIssuer("ticketdesk").withSubject(userId).withIssuedAt(longAgo)
                .withExpiresAt(longAgo.plus(Duration.ofDays(7))).sign(Algorithm.HMAC256(DeskUnderTest.JWT_SECRET));

        DeskUnderTest.Response response = desk.get("/api/v1/auth/me", expired);

        assertUnauthorized(response);
        assertEquals("The token has expired", response.json().at("/error/message").asText());
    }

    @Test
    void aTokenWithAForgedSignatureIsRefused() {
        String userId = desk.get("/api/v1/auth/me", desk.logIn(1009, "Ann")).json().get("id").asText();
        String forged = JWT.create().withIssuer("ticketdesk").withSubject(userId)
                .withExpiresAt(Instant.now().plus(Duration.ofDays(1)))
                .sign(Algorithm.HMAC256("a-guessed-secret-that-is-long-enough-to-sign"));

        assertUnauthorized(desk.get("/api/v1/auth/me", forged));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        String userId = desk.get("/api/v1/auth/me", desk.logIn(1010, "Ann")).json().get("id").asText();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"iss\":\"ticketdesk\",\"sub\":\"" + userId + "\",\"exp\":"
                + Instant.now().plus(Duration.ofDays(1)).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));

        assertUnauthorized(desk.get("/api/v1/auth/me", header + "." + payload + "."));
        assertUnauthorized(desk.get("/api/v1/auth/me", "not-a-jwt-at-all"));
    }

    @Test
    void aBlockedUserIsRefusedWithTheTokenTheyAlreadyHold() {
        String token = desk.logIn(1011, "Troll");
        assertEquals(200, desk.get("/api/v1/auth/me", token).status());

        desk.sql("UPDATE users SET is_active = false WHERE telegram_id = 1011");

        DeskUnderTest.Response me = desk.get("/api/v1/auth/me", token);
        assertEquals(403, me.status());
        assertEquals("USER_BLOCKED", me.errorCode());
        DeskUnderTest.Response login = logIn(desk.initData(1011, "Troll"));
        assertEquals(403, login.status());
        assertEquals("USER_BLOCKED", login.errorCode());
    }

    @Test
    void theRoleIsReadFreshNotTrustedFromTheToken() {
        String token = desk.logIn(1012, "Helper to be");

        desk.sql("UPDATE users SET role = 'HELPER' WHERE telegram_id = 1012");

        assertEquals("HELPER", desk.get("/api/v1/auth/me", token).json().get("role").asText());
    }

    @Test
    void theProfileCanBeEditedAndPartOfItCleared() {
        String token = desk.logIn(1013, "Ann");

        DeskUnderTest.Response edited = desk.put("/api/v1/auth/profile", token,
                "{\"first_name\": \"  Анна \", \"last_name\": \"Ли\", \"username\": \"@anna_li\"}");
        DeskUnderTest.Response cleared = desk.put("/api/v1/auth/profile", token, "{\"last_name\": null}");

        assertEquals(200, edited.status(), edited.body());
        assertEquals("Анна", edited.json().get("first_name").asText());
        assertEquals("Ли", edited.json().get("last_name").asText());
        assertEquals("anna_li", edited.json().get("username").asText());
        assertTrue(cleared.json().get("last_name").isNull());
        assertEquals("Анна", cleared.json().get("first_name").asText());
        assertEquals(cleared.json(), desk.get("/api/v1/auth/me", token).json());
    }

    @Test
    void invalidProfileEditsNameEveryBadFieldAndChangeNothing() {
        String token = desk.logIn(1014, "Ann");
        JsonNode before = desk.get("/api/v1/auth/me", token).json();

        DeskUnderTest.Response response = desk.put("/api/v1/auth/profile", token,
                Map.of("first_name", " ", "last_name", "x".repeat(65), "username", "no spaces allowed"));
        DeskUnderTest.Response wrongType = desk.put("/api/v1/auth/profile", token, "{\"first_name\": 42, \"username\": \"ab\"}");

        assertEquals(422, response.status());
        assertEquals("VALIDATION_ERROR", response.errorCode());
        assertEquals(List.of("first_name", "last_name", "username"), response.errorFields());
        assertEquals("Must be at most 64 characters", response.json().at("/error/details/1/message").asText());
        assertEquals(422, wrongType.status());
        assertEquals(List.of("first_name", "username"), wrongType.errorFields());
        assertEquals("Must be a string", wrongType.json().at("/error/details/0/message").asText());
        assertEquals(before, desk.get("/api/v1/auth/me", token).json());
    }

    @Test
    void loginIsRefusedWhenNoBotTokenIsConfigured() {
        try (DeskUnderTest withoutBot = DeskUnderTest.start(java.util.Collections.singletonMap("BOT_TOKEN", null))) {
            DeskUnderTest.Response response = withoutBot.post("/api/v1/auth/telegram", null,
                    Map.of("initData", withoutBot.initData(1, "Ann")));

            assertUnauthorized(response);
            assertTrue(response.json().at("/error/message").asText().contains("BOT_TOKEN"));
        }
    }

    private static void assertUnauthorized(DeskUnderTest.Response response) {
        assertEquals(401, response.status(), response.body());
        assertEquals("UNAUTHORIZED", response.errorCode());
        assertNotEquals("", response.json().at("/error/message").asText());
        assertFalse(response.body().contains("Exception"));
    }


    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
