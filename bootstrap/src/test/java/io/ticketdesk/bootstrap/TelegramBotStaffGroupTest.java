package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Call;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staff group end to end (the real service polling the fake Bot API): one forum topic per
 * ticket that follows the ticket, staff acting inside topics, Take/Resolve buttons, plain groups,
 * and a group spoken to in Russian (STAFF_CHAT_LANGUAGE=ru).
 */
class TelegramBotStaffGroupTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long STAFF_GROUP = -100_888;
    private static final long IVAN = 6_001;
    private static final long ANNA = 6_002;
    private static final long GREG = 9_102;
    private static final long HELEN = 9_103;
    private static final long MAYA = 9_104;
    private static final long NOSY = 9_105;
    @RegisterExtension
    final BotDesk botDesk = new BotDesk();
    private final FakeTelegram telegram = botDesk.telegram();
    private DeskUnderTest desk;

    /** Started by each test itself, once it has shaped the staff group on the fake. */
    private void startDesk() {
        startDesk(Map.of());
    }

    /** As above, with {@code more} settings (STAFF_CHAT_LANGUAGE). */
    private void startDesk(Map<String, String> more) {
        Map<String, String> env = botDesk.environment("polling");
        env.putAll(more);
        env.put("WEBAPP_URL", "https://desk.example/app");
        env.put("STAFF_CHAT_ID", Long.toString(STAFF_GROUP));
        desk = botDesk.start(env);
    }

    private void say(long user, String name, String language, String text) {
        botDesk.say(user, name, language, text);
    }

    private void inTopic(long thread, long user, String name, String text) {
        telegram.pushUpdate(FakeTelegram.topicText(STAFF_GROUP, thread, user, name, 1_000 + botDesk.nextMessageId(), text));
    }

    /** A reply in the (plain) group to the bot's post {@code post}; the fake's group writers have English Telegram. */
    private void replyTo(long post, long user, String name, String text) {
        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, user, name, 2_000 + botDesk.nextMessageId(), post, text));
    }

    private void press(long user, String name, long messageId, String data) {
        telegram.pushUpdate(FakeTelegram.groupCallback(STAFF_GROUP, user, name, messageId, data));
    }

    private Call awaitCall(String what, Predicate<Call> which) {
        assertTrue(telegram.awaitCalls(calls -> calls.stream().anyMatch(which), WAIT),
                "no " + what + "; calls: " + telegram.calls().stream()
                        .filter(call -> !call.method().equals("getUpdates"))
                        .map(call -> call.method() + " " + call.status() + " " + call.params()).toList());
        return telegram.calls(which).get(telegram.calls(which).size() - 1);
    }

    private Call awaitText(long chat, String fragment) {
        return awaitCall("message with \"" + fragment + "\" to " + chat, call -> call.status() == 200
                && call.chatId() == chat && call.method().startsWith("send") && call.text() != null
                && call.text().contains(fragment));
    }

    private Call awaitAnswer(String fragment) {
        return awaitCall("callback answer \"" + fragment + "\"", call -> call.method().equals("answerCallbackQuery")
                && call.params().path("text").asText().contains(fragment));
    }

    private List<Call> topicsMade() {
        return telegram.calls(call -> call.method().equals("createForumTopic") && call.status() == 200);
    }

    private static long thread(Call call) {
        return call.params().path("message_thread_id").asLong(-1);
    }

    private static long messageId(Call call) {
        return call.answer().path("result").path("message_id").asLong();
    }

    private String ticketOf(DeskUnderTest.Person author, String title) {
        return desk.newTicket(author, title, "since the morning");
    }

    private JsonNode ticket(String id, DeskUnderTest.Person reader) {
        return desk.get("/api/v1/tickets/" + id, reader.token()).json();
    }

    private void awaitTicket(String id, DeskUnderTest.Person reader, Predicate<JsonNode> state) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!state.test(ticket(id, reader))) {
            assertTrue(System.nanoTime() < deadline, "the ticket never got there: " + ticket(id, reader));
            Thread.sleep(50);
        }
    }

    private void awaitTopicName(long thread, String prefix) {
        awaitCall("topic renamed to " + prefix, call -> call.method().equals("editForumTopic") && call.status() == 200
                && thread(call) == thread && call.params().path("name").asText().startsWith(prefix));
        assertTrue(telegram.topics(STAFF_GROUP).get(thread).startsWith(prefix), telegram.topics(STAFF_GROUP).toString());
    }

    @Test
    void aForumGroupGetsOneTopicPerTicketWhereStaffAnswerAndAct() throws Exception {
        telegram.makeForum(STAFF_GROUP);
        startDesk();
        DeskUnderTest.Person ivan = desk.person(IVAN, "Иван", "USER");
        say(IVAN, "Иван", "ru", "/start");
        awaitText(IVAN, "Здравствуйте, Иван");
        DeskUnderTest.Person greg = desk.person(GREG, "Greg", "HELPER");
        DeskUnderTest.Person maya = desk.person(MAYA, "Maya", "MODERATOR");
        desk.person(NOSY, "Nosy", "USER");
        String ticketId = ticketOf(ivan, "Не работает VPN " + "и".repeat(150));
        long number = ticket(ticketId, ivan).path("number").asLong();

        // the new ticket: one topic named with its number (cut to Telegram's limit), the post inside it
        Call post = awaitText(STAFF_GROUP, "since the morning");
        assertEquals(1, topicsMade().size());
        Call made = topicsMade().get(0);
        String name = made.params().path("name").asText();
        assertTrue(name.startsWith("🆕 #" + number + " Не работает VPN"), name);
        assertEquals(128, name.length(), "the name is cut to Telegram's 128 characters: " + name);
        long thread = made.answer().path("result").path("message_thread_id").asLong();
        assertEquals(thread, thread(post), "the post is in the ticket's topic");
        assertEquals(1, telegram.calls("getChat").size(), "the group was asked once whether it is a forum");

        // buttons: Take and Resolve call back; the Mini App opens through a t.me link (no web_app in groups)
        assertEquals("take:" + ticketId, post.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText());
        assertEquals("resolve:" + ticketId, post.params().at("/reply_markup/inline_keyboard/0/1/callback_data").asText());
        assertEquals("https://t.me/" + FakeTelegram.BOT_USERNAME + "?startapp=" + ticketId,
                post.params().at("/reply_markup/inline_keyboard/1/0/url").asText());
        assertTrue(post.params().at("/reply_markup/inline_keyboard/1/0/web_app").isMissingNode());

        // the author's next message goes into the same topic, no second topic
        desk.post("/api/v1/tickets/" + ticketId + "/messages", ivan.token(), Map.of("content", "Всё ещё не работает"));
        assertEquals(thread, thread(awaitText(STAFF_GROUP, "Всё ещё не работает")));

        // staff write in the topic: a public answer reaches the customer (in Russian), a !note never does,
        // a non-staff member is ignored
        inTopic(thread, NOSY, "Nosy", "I am not staff");
        inTopic(thread, GREG, "Greg", "!проверить роутер");
        inTopic(thread, GREG, "Greg", "Перезапускаю VPN");
        Call answer = awaitText(IVAN, "Перезапускаю VPN");
        assertTrue(answer.text().contains("ответ поддержки"), answer.text());
        JsonNode messages = desk.get("/api/v1/tickets/" + ticketId + "/messages", greg.token()).json().path("items");
        assertEquals(3, messages.size(), "the author's message, the note and the answer: " + messages);
        assertTrue(messages.get(1).path("is_internal").asBoolean());
        assertEquals("проверить роутер", messages.get(1).path("content").asText());
        assertEquals("Greg", messages.get(2).path("user").path("first_name").asText());

        // commands in the topic act on its ticket with the writer's rights; answers stay in the topic
        inTopic(thread, GREG, "Greg", "/priority high");
        awaitTicket(ticketId, greg, t -> t.path("priority").asText().equals("HIGH"));
        inTopic(thread, GREG, "Greg", "/resolve");
        awaitTicket(ticketId, greg, t -> t.path("status").asText().equals("RESOLVED"));
        awaitTopicName(thread, "✅ #" + number);
        assertEquals(thread, thread(awaitText(STAFF_GROUP, ": resolved")));
        inTopic(thread, GREG, "Greg", "/close");
        awaitCall("the topic closed", call -> call.method().equals("closeForumTopic") && call.status() == 200
                && thread(call) == thread);
        assertTrue(telegram.topicClosed(STAFF_GROUP, thread));
        awaitTopicName(thread, "🔒 #" + number);
        assertEquals("CLOSED", ticket(ticketId, greg).path("status").asText());

        // a helper may not reopen a closed ticket: refused in the topic, nothing changes
        inTopic(thread, GREG, "Greg", "/reopen");
        assertEquals(thread, thread(awaitText(STAFF_GROUP, "your role does not allow it")));
        assertEquals("CLOSED", ticket(ticketId, greg).path("status").asText());
        inTopic(thread, MAYA, "Maya", "/reopen");
        awaitTicket(ticketId, maya, t -> t.path("status").asText().equals("OPEN"));
        awaitCall("the topic reopened", call -> call.method().equals("reopenForumTopic") && call.status() == 200
                && thread(call) == thread);
        assertFalse(telegram.topicClosed(STAFF_GROUP, thread));
        awaitTopicName(thread, "🆕 #" + number);
        inTopic(thread, MAYA, "Maya", "/assign");
        awaitTicket(ticketId, maya, t -> t.path("assigned_to").path("first_name").asText().equals("Maya"));

        assertEquals(1, topicsMade().size(), "still one topic for the ticket");
        assertTrue(telegram.sentTo(IVAN).stream().noneMatch(call -> call.text().contains("роутер")),
                "the internal note never reached the customer");
        assertTrue(telegram.sentTo(STAFF_GROUP).stream().allMatch(call -> thread(call) == thread),
                "everything about the ticket went into its topic");
        assertEquals(0, desk.count("SELECT count(*) FROM telegram_outbox WHERE state = 'FAILED'"));
    }

    @Test
    void aDeletedTopicIsMadeAgainAndThePostDeliveredOnceInIt() throws Exception {
        telegram.makeForum(STAFF_GROUP);
        startDesk();
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        desk.person(GREG, "Greg", "HELPER");
        say(ANNA, "Anna", "en", "/start");
        awaitText(ANNA, "Hello, Anna");
        String ticketId = ticketOf(anna, "Printer on fire");
        long first = thread(awaitText(STAFF_GROUP, "Printer on fire"));

        // an admin deleted the topic in the app: Telegram says "message thread not found"
        telegram.deleteTopic(STAFF_GROUP, first);
        desk.post("/api/v1/tickets/" + ticketId + "/messages", anna.token(), Map.of("content", "Smoke everywhere"));
        Call again = awaitText(STAFF_GROUP, "Smoke everywhere");
        assertEquals(2, topicsMade().size());
        long second = topicsMade().get(1).answer().path("result").path("message_thread_id").asLong();
        assertEquals(second, thread(again), "the post went into the new topic");
        assertTrue(telegram.topics(STAFF_GROUP).get(second).contains("Printer on fire"));
        assertEquals(1, telegram.calls(call -> call.status() == 400 && call.method().equals("sendMessage")
                && "Smoke everywhere".equals(lastLine(call))).size(), "refused once, in the deleted topic");

        // the same answer scripted for a topic that Telegram lost
        telegram.failNext("sendMessage", Failure.threadNotFound());
        desk.post("/api/v1/tickets/" + ticketId + "/messages", anna.token(), Map.of("content", "Now the fax too"));
        Call third = awaitText(STAFF_GROUP, "Now the fax too");
        assertEquals(3, topicsMade().size());
        assertEquals(topicsMade().get(2).answer().path("result").path("message_thread_id").asLong(), thread(third));

        // staff answer in the new topic: it is the ticket's now, and the (English) customer hears it
        inTopic(thread(third), GREG, "Greg", "Unplug the fax");
        assertTrue(awaitText(ANNA, "Unplug the fax").text().contains("support answered"));

        Thread.sleep(3_500);
        for (String text : List.of("Smoke everywhere", "Now the fax too")) {
            assertEquals(1, telegram.sentTo(STAFF_GROUP).stream().filter(call -> text.equals(lastLine(call))).count(),
                    "delivered exactly once: " + text);
        }
        assertEquals(0, desk.count("SELECT count(*) FROM telegram_outbox WHERE state <> 'SENT'"),
                "nothing lost, nothing left pending");
    }

    private static String lastLine(Call call) {
        String text = call.text() == null ? "" : call.text();
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    /** A message posted as the group itself, as an anonymous admin's message arrives. */
    private static com.fasterxml.jackson.databind.node.ObjectNode anonymous(long messageId, String text) {
        com.fasterxml.jackson.databind.node.ObjectNode update = FakeTelegram.groupReply(STAFF_GROUP, 1_087_968_824L,
                "Group", messageId, 1, text);
        com.fasterxml.jackson.databind.node.ObjectNode message = (com.fasterxml.jackson.databind.node.ObjectNode)
                update.get("message");
        message.remove("reply_to_message");
        ((com.fasterxml.jackson.databind.node.ObjectNode) message.get("from")).put("is_bot", true)
                .put("username", "GroupAnonymousBot");
        ((com.fasterxml.jackson.databind.node.ObjectNode) message.get("chat")).put("is_forum", true);
        message.set("sender_chat", message.get("chat").deepCopy());
        return update;
    }

    @Test
    void aGroupMadeAForumIsFollowedAndTopicsFollowTitleAndDeletion() throws Exception {
        startDesk();
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        DeskUnderTest.Person admin = desk.person(MAYA, "Maya", "ADMIN");
        String older = ticketOf(anna, "Older ticket");
        assertEquals(-1, thread(awaitText(STAFF_GROUP, "Older ticket")), "a plain group: a plain post");

        // the group is turned into a forum; the next message from it says so (here: an anonymous admin's,
        // who gets one hint, once)
        telegram.makeForum(STAFF_GROUP);
        telegram.pushUpdate(anonymous(500, "who takes the printer?"));
        telegram.pushUpdate(anonymous(501, "anyone?"));
        awaitText(STAFF_GROUP, "write under your own name");
        String newer = ticketOf(anna, "Newer ticket");
        long thread = thread(awaitText(STAFF_GROUP, "Newer ticket"));
        assertTrue(thread > 0, "the forum is noticed: the new ticket has a topic");
        long number = ticket(newer, anna).path("number").asLong();

        // a new title renames the topic; deleting the ticket closes it
        desk.put("/api/v1/tickets/" + newer, admin.token(), Map.of("title", "Newer, retitled"));
        awaitTopicName(thread, "🆕 #" + number + " Newer, retitled");
        assertEquals(200, desk.delete("/api/v1/tickets/" + newer, admin.token()).status());
        awaitCall("the deleted ticket's topic closed", call -> call.method().equals("closeForumTopic")
                && call.status() == 200 && thread(call) == thread);

        // the older ticket gets its topic when something is next posted about it
        desk.post("/api/v1/tickets/" + older + "/messages", anna.token(), Map.of("content", "Any news?"));
        long olderThread = thread(awaitText(STAFF_GROUP, "Any news?"));
        assertTrue(olderThread > 0 && olderThread != thread);
        assertTrue(telegram.topics(STAFF_GROUP).get(olderThread).contains("Older ticket"));
        assertEquals(1, telegram.sentTo(STAFF_GROUP).stream().filter(call -> call.text().contains("own name")).count(),
                "one hint for anonymous admins");
    }

    @Test
    void takeAndResolveButtonsActOnlyWithinThePressersRightsInAPlainGroup() throws Exception {
        startDesk();
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        DeskUnderTest.Person greg = desk.person(GREG, "Greg", "HELPER");
        desk.person(HELEN, "Helen", "HELPER");
        desk.person(NOSY, "Nosy", "USER");
        String ticketId = ticketOf(anna, "Mail is slow");
        Call post = awaitText(STAFF_GROUP, "Mail is slow");
        assertEquals(-1, thread(post), "a plain group gets plain posts");
        assertTrue(telegram.calls("createForumTopic").isEmpty());
        assertEquals("https://t.me/" + FakeTelegram.BOT_USERNAME + "?startapp=" + ticketId,
                post.params().at("/reply_markup/inline_keyboard/1/0/url").asText());
        long postId = messageId(post);

        press(NOSY, "Nosy", postId, "take:" + ticketId);
        awaitAnswer("Staff only.");
        press(GREG, "Greg", postId, "take:" + UUID.randomUUID());
        awaitAnswer("That ticket is no longer there.");
        press(GREG, "Greg", postId, "take:" + ticketId + "'; DROP TABLE tickets; --");
        awaitAnswer("This button no longer works.");
        assertTrue(ticket(ticketId, greg).path("assigned_to").isNull(), "nothing acted yet");

        press(GREG, "Greg", postId, "take:" + ticketId);
        awaitAnswer("Assigned to you.");
        assertEquals("Greg", ticket(ticketId, greg).path("assigned_to").path("first_name").asText());
        // another helper may not take a ticket someone has
        press(HELEN, "Helen", postId, "take:" + ticketId);
        awaitAnswer("your role does not allow it");
        assertEquals("Greg", ticket(ticketId, greg).path("assigned_to").path("first_name").asText());

        press(GREG, "Greg", postId, "resolve:" + ticketId);
        awaitAnswer("Resolved.");
        assertEquals("RESOLVED", ticket(ticketId, greg).path("status").asText());
        // the author closes it; a late press of the stale button changes nothing
        desk.put("/api/v1/tickets/" + ticketId, anna.token(), Map.of("status", "CLOSED"));
        press(GREG, "Greg", postId, "resolve:" + ticketId);
        awaitAnswer("not possible in the ticket's current state");
        assertEquals("CLOSED", ticket(ticketId, greg).path("status").asText());

        assertTrue(telegram.calls(call -> call.method().endsWith("ForumTopic")).isEmpty(),
                "no topic calls for a plain group: " + telegram.calls(call -> call.method().endsWith("ForumTopic")));
        assertEquals(0, desk.count("SELECT count(*) FROM telegram_outbox WHERE state = 'FAILED'"));
    }

    @Test
    void aRussianStaffGroupReadsPostsButtonsAndAnswersInRussianWhoeverWrites() throws Exception {
        startDesk(Map.of("STAFF_CHAT_LANGUAGE", "ru"));
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        DeskUnderTest.Person greg = desk.person(GREG, "Greg", "HELPER");
        desk.person(HELEN, "Helen", "HELPER");
        desk.person(NOSY, "Nosy", "USER");
        String ticketId = ticketOf(anna, "Mail is slow");
        long number = ticket(ticketId, anna).path("number").asLong();

        // the new ticket's post: the priority in Russian, Russian buttons that act as before
        Call post = awaitText(STAFF_GROUP, "since the morning");
        assertTrue(post.text().startsWith("🆕 <b>#" + number + "</b> Mail is slow\n"), post.text());
        assertTrue(post.text().contains(" · приоритет обычный · Anna"), post.text());
        assertEquals("🙋 Взять", post.params().at("/reply_markup/inline_keyboard/0/0/text").asText());
        assertEquals("take:" + ticketId, post.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText());
        assertEquals("✅ Решено", post.params().at("/reply_markup/inline_keyboard/0/1/text").asText());
        assertEquals("📱 Открыть в приложении", post.params().at("/reply_markup/inline_keyboard/1/0/text").asText());
        long postId = messageId(post);

        // the customer's message with a file: the group's note about it is Russian too
        DeskUnderTest.Response file = desk.upload(anna.token(), "file", "error.txt", "text/plain",
                "Error 500".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(201, file.status(), file.body());
        assertEquals(201, desk.post("/api/v1/tickets/" + ticketId + "/messages", anna.token(), Map.of("content",
                "Screenshot of the error", "attachments", List.of(file.json().path("id").asText()))).status());
        Call withFile = awaitText(STAFF_GROUP, "Screenshot of the error");
        assertTrue(withFile.text().endsWith("\n\n📎 Вложения: 1"), withFile.text());

        // presses are answered in Russian, refusals included, though the pressers' Telegram is English
        press(NOSY, "Nosy", postId, "take:" + ticketId);
        awaitAnswer("Только для сотрудников.");
        press(GREG, "Greg", postId, "take:" + ticketId);
        awaitAnswer("Назначено на вас.");
        press(HELEN, "Helen", postId, "take:" + ticketId);
        awaitAnswer("Не сделано: ваша роль этого не позволяет.");
        assertEquals("Greg", ticket(ticketId, greg).path("assigned_to").path("first_name").asText(),
                "the refused press changed nothing");

        // commands in a reply to the post: the help, a bad priority and the ticket's new state in Russian
        replyTo(postId, GREG, "Greg", "/what");
        awaitText(STAFF_GROUP, "В теме обращения или в ответе на сообщение о нём: /assign");
        replyTo(postId, GREG, "Greg", "/priority urgent");
        awaitText(STAFF_GROUP, "Приоритет — один из: low, normal, high, critical.");
        replyTo(postId, GREG, "Greg", "/priority high");
        awaitText(STAFF_GROUP, "<b>#" + number + "</b> Mail is slow: открыто, приоритет высокий, исполнитель: Greg");
        replyTo(postId, GREG, "Greg", "/resolve");
        awaitText(STAFF_GROUP, "<b>#" + number + "</b> Mail is slow: решено, приоритет высокий, исполнитель: Greg");
        assertEquals("RESOLVED", ticket(ticketId, greg).path("status").asText());

        // an anonymous admin gets the hint in the group's language too
        telegram.pushUpdate(anonymous(900, "кто возьмёт принтер?"));
        awaitText(STAFF_GROUP, "пишите от своего имени (отключите «Анонимность» в правах администратора)");

        List<String> said = telegram.sentTo(STAFF_GROUP).stream().map(Call::text).toList();
        assertTrue(said.stream().noneMatch(text -> text != null
                        && text.matches("(?s).*(Take|Resolve|Not done|Staff only|Priority|own name|Attachments).*")),
                "no English left in the group: " + said);
    }
}
