package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Call;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bot spends the REST API's rate limits for people writing in Telegram: one budget per person
 * across both ways in, staff higher; over the limit one notice, then silence, and nothing stored.
 */
class BotRateLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long STAFF_GROUP = -100888;
    private static final long ANNA = 7_001;
    private static final long GREG = 7_002;
    @RegisterExtension
    final BotDesk botDesk = new BotDesk();
    private final FakeTelegram telegram = botDesk.telegram();
    private DeskUnderTest desk;

    private void start(Map<String, String> more) {
        Map<String, String> env = botDesk.environment("polling");
        env.put("STAFF_CHAT_ID", Long.toString(STAFF_GROUP));
        // three messages an hour for customers, six for staff: no refill while the test runs
        env.put("RATE_LIMIT_MESSAGES", "3/PT1H");
        env.put("RATE_LIMIT_TICKETS", "1/PT1H");
        env.put("RATE_LIMIT_STAFF_FACTOR", "2");
        env.putAll(more);
        desk = botDesk.start(env);
    }

    private void say(long user, String name, String language, String text) {
        botDesk.say(user, name, language, text);
    }

    private Call awaitText(long chat, String fragment) {
        return botDesk.awaitText(chat, fragment, WAIT);
    }

    private long sentContaining(long chat, String fragment) {
        return telegram.sentTo(chat).stream().filter(call -> call.text() != null && call.text().contains(fragment))
                .count();
    }

    @Test
    void aCustomerOverTheLimitInChatHearsOnceThatNothingWasSavedAndTheBudgetIsTheOneOfHerRestCalls() {
        start(Map.of());
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        String ticket = desk.newTicket(anna, "Slow VPN", "d");
        assertEquals(201, message(anna, ticket, "one through the API").status());
        assertEquals(201, message(anna, ticket, "two through the API").status());

        say(ANNA, "Anna", "en", "three from the chat");
        awaitText(ANNA, "Added to your open ticket");
        say(ANNA, "Anna", "en", "four from the chat");
        Call notice = awaitText(ANNA, "Too many messages in a row");
        assertTrue(notice.text().contains("not saved") && notice.text().contains("send it again in 20 min"),
                notice.text());
        say(ANNA, "Anna", "en", "five from the chat");
        // her updates are handled in order: once /help is answered, "five" was handled (silently)
        say(ANNA, "Anna", "en", "/help");
        awaitText(ANNA, "What the bot does");

        assertEquals(1, sentContaining(ANNA, "Too many messages"), "one notice, then silence");
        assertEquals(1, sentContaining(ANNA, "Added to"), "only the message within the budget was added");
        JsonNode messages = desk.get("/api/v1/tickets/" + ticket + "/messages", anna.token()).json().path("items");
        assertEquals(List.of("one through the API", "two through the API", "three from the chat"),
                contents(messages), "nothing over the limit was stored, nothing twice");
        DeskUnderTest.Response refused = message(anna, ticket, "six through the API");
        assertEquals(429, refused.status(), "the chat spent the budget her API calls draw on");
        assertEquals("RATE_LIMITED", refused.errorCode());

        // a new ticket: the one of the hour is spent through the API, so /new says so in Russian, once
        say(ANNA, "Анна", "ru", "/new");
        Call noNew = awaitText(ANNA, "Слишком много новых обращений");
        assertTrue(noNew.text().contains("через 60 мин"), noNew.text());
        say(ANNA, "Анна", "ru", "/new");
        say(ANNA, "Анна", "ru", "/cancel");
        awaitText(ANNA, "Нечего отменять");
        assertEquals(1, sentContaining(ANNA, "Слишком много новых обращений"));
        assertEquals(0, sentContaining(ANNA, "Выберите категорию"), "no ticket was begun");
        assertEquals(1, desk.count("SELECT count(*) FROM tickets"));

        // each refusal is counted by where it happened: "four" and "five" in chat, "six" by the API, /new twice
        String metrics = desk.get("/metrics", null).body();
        assertEquals(2.0, MetricsTest.value(metrics, "desk_rate_limited_total",
                "action=\"post_message\",channel=\"telegram\""));
        assertEquals(1.0, MetricsTest.value(metrics, "desk_rate_limited_total",
                "action=\"post_message\",channel=\"http\""));
        assertEquals(2.0, MetricsTest.value(metrics, "desk_rate_limited_total",
                "action=\"create_ticket\",channel=\"telegram\""));
    }

    @Test
    void staffAnsweringFromTheGroupHaveTheHigherStaffBudgetSharedWithTheirApiCalls() {
        start(Map.of());
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        DeskUnderTest.Person greg = desk.person(GREG, "Greg", "HELPER");
        String ticket = desk.newTicket(anna, "Printer", "d");
        Call post = awaitText(STAFF_GROUP, "Printer");
        // five internal notes through the API: past a customer's three, within a helper's six
        notesThroughApi(greg, ticket, 5);
        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, GREG, "Greg", 200, messageId(post), "!sixth from the group"));
        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, GREG, "Greg", 201, messageId(post), "!seventh"));
        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, GREG, "Greg", 202, messageId(post), "!eighth"));
        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, GREG, "Greg", 203, messageId(post), "/priority high"));
        Call notice = awaitText(STAFF_GROUP, "Too many messages in a row");
        assertTrue(notice.text().contains("send it again in 10 min"), notice.text());
        awaitText(STAFF_GROUP, ", high");

        assertEquals(1, sentContaining(STAFF_GROUP, "Too many messages"), "one notice, then silence");
        JsonNode messages = desk.get("/api/v1/tickets/" + ticket + "/messages", greg.token()).json().path("items");
        assertEquals(List.of("note 1", "note 2", "note 3", "note 4", "note 5", "sixth from the group"),
                contents(messages));
        assertEquals("HIGH", desk.get("/api/v1/tickets/" + ticket, greg.token()).json().path("priority").asText(),
                "commands are no messages: not limited");
    }

    @Test
    void aRussianStaffGroupHearsTheLimitInRussianThoughTheWritersTelegramIsEnglish() {
        start(Map.of("STAFF_CHAT_LANGUAGE", "ru"));
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        DeskUnderTest.Person greg = desk.person(GREG, "Greg", "HELPER");
        String ticket = desk.newTicket(anna, "Scanner", "d");
        Call post = awaitText(STAFF_GROUP, "Scanner");
        // a helper's six messages spent through the API: the next one from the group is over the limit
        notesThroughApi(greg, ticket, 6);
        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, GREG, "Greg", 300, messageId(post), "!seventh"));

        Call notice = awaitText(STAFF_GROUP, "Слишком много сообщений подряд");
        assertTrue(notice.text().contains("Отправьте его снова через 10 мин"), notice.text());
        assertEquals(0, sentContaining(STAFF_GROUP, "Too many"), "no English notice in a Russian group");
        assertEquals(6, desk.get("/api/v1/tickets/" + ticket + "/messages", greg.token()).json().path("items").size(),
                "the message over the limit was not saved");
    }

    /** Internal notes "note 1" … "note {@code count}" by {@code staff}, each one stored. */
    private void notesThroughApi(DeskUnderTest.Person staff, String ticket, int count) {
        for (int i = 1; i <= count; i++) {
            DeskUnderTest.Response note = desk.post("/api/v1/tickets/" + ticket + "/messages", staff.token(),
                    Map.of("content", "note " + i, "is_internal", true));
            assertEquals(201, note.status(), note.body());
        }
    }

    private DeskUnderTest.Response message(DeskUnderTest.Person person, String ticket, String content) {
        return desk.post("/api/v1/tickets/" + ticket + "/messages", person.token(), Map.of("content", content));
    }

    private static List<String> contents(JsonNode messages) {
        List<String> contents = new java.util.ArrayList<>();
        messages.forEach(message -> contents.add(message.path("content").asText()));
        return contents;
    }

    private static long messageId(Call call) {
        return call.answer().path("result").path("message_id").asLong();
    }
}
