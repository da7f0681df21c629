package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Call;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * STAFF_CHAT_LANGUAGE=ru end to end (the real service polling the fake Bot API): the staff group's
 * posts, buttons, command answers and button answers are Russian, even to staff whose Telegram is English.
 */
class TelegramBotStaffLanguageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long STAFF_GROUP = -100_777;
    private static final long ANNA = 7_002;
    private static final long GREG = 7_102;
    private static final long HELEN = 7_103;
    private static final long NOSY = 7_105;
    private FakeTelegram telegram;
    private DeskUnderTest desk;
    private long nextMessageId = 1;

    @BeforeEach
    void start() {
        telegram = FakeTelegram.start();
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", FakeTelegram.TOKEN);
        env.put("TELEGRAM_MODE", "polling");
        env.put("TELEGRAM_API_URL", telegram.baseUrl().toString());
        env.put("STAFF_CHAT_ID", Long.toString(STAFF_GROUP));
        env.put("STAFF_CHAT_LANGUAGE", "ru");
        desk = DeskUnderTest.start(env);
    }

    @AfterEach
    void stop() {
        try {
            if (desk != null) {
                desk.close();
            }
        } finally {
            telegram.close();
        }
    }

    private Call awaitCall(String what, Predicate<Call> which) {
        assertTrue(telegram.awaitCalls(calls -> calls.stream().anyMatch(which), WAIT),
                "no " + what + "; calls: " + telegram.calls().stream()
                        .filter(call -> !call.method().equals("getUpdates"))
                        .map(call -> call.method() + " " + call.status() + " " + call.params()).toList());
        return telegram.calls(which).get(telegram.calls(which).size() - 1);
    }

    private Call awaitGroupText(String fragment) {
        return awaitCall("staff group message with \"" + fragment + "\"", call -> call.status() == 200
                && call.chatId() == STAFF_GROUP && call.method().startsWith("send") && call.text() != null
                && call.text().contains(fragment));
    }

    private void awaitAnswer(String text) {
        awaitCall("callback answer \"" + text + "\"", call -> call.method().equals("answerCallbackQuery")
                && call.params().path("text").asText().equals(text));
    }

    /** Staff (with English Telegram, as the fake's group updates are) reply in the group to the bot's post. */
    private void replyTo(long post, long user, String name, String text) {
        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, user, name, 2_000 + nextMessageId++, post, text));
    }

    @Test
    void aRussianStaffGroupReadsPostsButtonsAndAnswersInRussian() throws Exception {
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        DeskUnderTest.Person greg = desk.person(GREG, "Greg", "HELPER");
        desk.person(HELEN, "Helen", "HELPER");
        desk.person(NOSY, "Nosy", "USER");
        String ticketId = desk.post("/api/v1/tickets", anna.token(), Map.of("title", "Mail is slow",
                "description", "since the morning", "category_id", desk.categoryId())).json().path("id").asText();
        long number = desk.get("/api/v1/tickets/" + ticketId, anna.token()).json().path("number").asLong();

        // the new ticket's post: the priority in Russian, Russian buttons acting as before
        Call post = awaitGroupText("since the morning");
        assertTrue(post.text().startsWith("🆕 <b>#" + number + "</b> Mail is slow\n"), post.text());
        assertTrue(post.text().contains(" · приоритет обычный · Anna"), post.text());
        assertEquals("🙋 Взять", post.params().at("/reply_markup/inline_keyboard/0/0/text").asText());
        assertEquals("take:" + ticketId, post.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText());
        assertEquals("✅ Решено", post.params().at("/reply_markup/inline_keyboard/0/1/text").asText());
        assertEquals("📱 Открыть в приложении", post.params().at("/reply_markup/inline_keyboard/1/0/text").asText());
        long postId = post.answer().path("result").path("message_id").asLong();

        // button presses are answered in Russian, refusals included
        telegram.pushUpdate(FakeTelegram.groupCallback(STAFF_GROUP, NOSY, "Nosy", postId, "take:" + ticketId));
        awaitAnswer("Только для сотрудников.");
        telegram.pushUpdate(FakeTelegram.groupCallback(STAFF_GROUP, GREG, "Greg", postId, "take:" + ticketId));
        awaitAnswer("Назначено на вас.");
        telegram.pushUpdate(FakeTelegram.groupCallback(STAFF_GROUP, HELEN, "Helen", postId, "take:" + ticketId));
        awaitAnswer("Не сделано: ваша роль этого не позволяет.");
        assertEquals("Greg", desk.get("/api/v1/tickets/" + ticketId, greg.token()).json()
                .path("assigned_to").path("first_name").asText(), "the refused press changed nothing");

        // commands in a reply to the post: help, a bad priority and the new state in Russian
        replyTo(postId, GREG, "Greg", "/what");
        awaitGroupText("В теме обращения или в ответе на сообщение о нём: /assign");
        replyTo(postId, GREG, "Greg", "/priority urgent");
        awaitGroupText("Приоритет — один из: low, normal, high, critical.");
        replyTo(postId, GREG, "Greg", "/priority high");
        awaitGroupText("<b>#" + number + "</b> Mail is slow: открыто, приоритет высокий, исполнитель: Greg");
        replyTo(postId, GREG, "Greg", "/resolve");
        awaitGroupText("<b>#" + number + "</b> Mail is slow: решено, приоритет высокий, исполнитель: Greg");
        assertEquals("RESOLVED", desk.get("/api/v1/tickets/" + ticketId, greg.token()).json().path("status").asText());

        assertTrue(telegram.sentTo(STAFF_GROUP).stream().map(Call::text)
                        .noneMatch(text -> text != null && text.matches("(?s).*(Take|Resolve|Not done|Staff only|Priority).*")),
                "no English left in the group: " + telegram.sentTo(STAFF_GROUP).stream().map(Call::text).toList());
    }
}
