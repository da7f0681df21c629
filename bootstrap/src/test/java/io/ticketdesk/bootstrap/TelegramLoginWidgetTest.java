package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.adapters.telegram.webapp.LoginWidgetSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /auth/telegram-widget}: the Login Widget's fields, checked as Telegram documents for the widget. */
class TelegramLoginWidgetTest {

    private static DeskUnderTest desk;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start(Map.of("ADMIN_TELEGRAM_IDS", "555"));
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static Map<String, String> fields(long id, Instant authDate) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", Long.toString(id));
        fields.put("first_name", "Wendy");
        fields.put("username", "wendy_w");
        fields.put("photo_url", "https://t.me/i/userpic/320/wendy.jpg");
        fields.put("auth_date", Long.toString(authDate.getEpochSecond()));
        return fields;
    }

    /** As the widget hands it over: id and auth_date are JSON numbers. */
    private static Map<String, Object> body(Map<String, String> signed) {
        Map<String, Object> body = new LinkedHashMap<>(signed);
        body.put("id", Long.parseLong(signed.get("id")));
        body.put("auth_date", Long.parseLong(signed.get("auth_date")));
        return body;
    }

    @Test
    void genuineWidgetDataLogsInTheSameAccountAsTheMiniApp() {
        Map<String, String> signed = new LoginWidgetSigner(DeskUnderTest.BOT_TOKEN).sign(fields(555, Instant.now()));
        DeskUnderTest.Response login = desk.post("/api/v1/auth/telegram-widget", null, body(signed));
        assertEquals(200, login.status(), login.body());
        assertEquals("ADMIN", login.json().at("/user/role").asText());
        assertEquals("wendy_w", login.json().at("/user/username").asText());
        String token = login.json().path("access_token").asText();
        assertEquals(555, desk.get("/api/v1/auth/me", token).json().path("telegram_id").asLong());
        String viaMiniApp = desk.logIn(555, "Wendy");
        assertEquals(desk.get("/api/v1/auth/me", token).json().path("id"), desk.get("/api/v1/auth/me", viaMiniApp).json().path("id"));
    }

    @Test
    void tamperedStaleOrMiniAppSignedDataIsRefused() {
        LoginWidgetSigner signer = new LoginWidgetSigner(DeskUnderTest.BOT_TOKEN);
        Map<String, Object> tampered = body(signer.sign(fields(556, Instant.now())));
        tampered.put("id", 1L);
        assertUnauthorized(desk.post("/api/v1/auth/telegram-widget", null, tampered));

        Map<String, Object> stale = body(signer.sign(fields(557, Instant.now().minus(Duration.ofHours(25)))));
        assertUnauthorized(desk.post("/api/v1/auth/telegram-widget", null, stale));

        Map<String, Object> otherBot = body(new LoginWidgetSigner("999:ANOTHER_bot_token_of_someone_else")
                .sign(fields(558, Instant.now())));
        assertUnauthorized(desk.post("/api/v1/auth/telegram-widget", null, otherBot));

        Map<String, String> unsigned = fields(559, Instant.now());
        assertUnauthorized(desk.post("/api/v1/auth/telegram-widget", null, unsigned));
        assertEquals(400, desk.post("/api/v1/auth/telegram-widget", null, "[1]").status());
    }

    @Test
    void withoutABotTheWidgetCannotLogAnyoneIn() {
        try (DeskUnderTest noBot = DeskUnderTest.start(Collections.singletonMap("BOT_TOKEN", null))) {
            Map<String, String> signed = new LoginWidgetSigner(DeskUnderTest.BOT_TOKEN).sign(fields(560, Instant.now()));
            assertUnauthorized(noBot.post("/api/v1/auth/telegram-widget", null, body(signed)));
        }
    }

    private static void assertUnauthorized(DeskUnderTest.Response response) {
        assertEquals(401, response.status(), response.body());
        assertEquals("UNAUTHORIZED", response.errorCode());
    }
}
