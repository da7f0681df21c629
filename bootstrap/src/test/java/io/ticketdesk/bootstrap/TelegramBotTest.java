package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Call;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bot end to end: the real service polling the fake Bot API, driven as a person in Telegram would. */
class TelegramBotTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long STAFF_GROUP = -100777;
    private static final long ANNA = 5_001;
    private static final long JOHN = 5_002;
    @RegisterExtension
    final BotDesk botDesk = new BotDesk();
    private final FakeTelegram telegram = botDesk.telegram();
    private DeskUnderTest desk;

    @BeforeEach
    void start() {
        desk = botDesk.start(environment("polling"));
    }

    private Map<String, String> environment(String mode) {
        Map<String, String> env = botDesk.environment(mode);
        env.put("WEBAPP_URL", "https://desk.example/app");
        env.put("STAFF_CHAT_ID", Long.toString(STAFF_GROUP));
        // room for a file over the 50 MB a bot may upload to Telegram
        env.put("FILES_MAX_BYTES", Long.toString(60L * 1024 * 1024));
        return env;
    }

    private void say(long user, String name, String language, String text) {
        botDesk.say(user, name, language, text);
    }

    private void press(long user, String name, String language, long messageId, String data) {
        telegram.pushUpdate(FakeTelegram.callback(user, name, language, messageId, data));
    }

    /** Waits for the bot's next message to {@code chat} that satisfies {@code which}, and returns it. */
    private Call awaitSent(long chat, Predicate<Call> which) {
        return botDesk.awaitSent(chat, "such message", which, WAIT);
    }

    private Call awaitText(long chat, String fragment) {
        return botDesk.awaitText(chat, fragment, WAIT);
    }

    /** Waits until the sender has recorded which ticket the bot's message {@code messageId} in {@code chat} is about. */
    private void awaitMapped(long chat, long messageId) throws InterruptedException {
        String mapped = "SELECT count(*) FROM telegram_message_tickets WHERE chat_id = " + chat + " AND message_id = " + messageId;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (desk.count(mapped) == 0) {
            assertTrue(System.nanoTime() < deadline, "message " + messageId + " in " + chat + " never mapped to a ticket");
            Thread.sleep(20);
        }
    }

    private static long messageId(Call call) {
        return call.answer().path("result").path("message_id").asLong();
    }

    @Test
    void aCustomerOpensATicketInEnglishAndFollowsItToTheEnd() throws Exception {
        String category = desk.categoryId();
        say(ANNA, "Anna", "en", "/start");
        Call welcome = awaitText(ANNA, "Hello, Anna");
        assertEquals("https://desk.example/app",
                welcome.params().at("/reply_markup/inline_keyboard/0/0/web_app/url").asText());

        say(ANNA, "Anna", "en", "/new");
        Call categories = awaitText(ANNA, "Choose a category");
        String data = categories.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText();
        assertEquals("cat:" + category, data);
        press(ANNA, "Anna", "en", messageId(categories), data);
        awaitText(ANNA, "Sum the problem up");
        say(ANNA, "Anna", "en", "Printer <jammed> & smoking");
        awaitText(ANNA, "describe it in detail");
        String photo = telegram.addFile("jam.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        telegram.pushUpdate(FakeTelegram.privateMessage(ANNA, "Anna", "en", botDesk.nextMessageId(), message -> message
                .set("photo", DeskUnderTest.JSON.createArrayNode().add(DeskUnderTest.JSON.createObjectNode()
                        .put("file_id", photo).put("file_unique_id", "u1").put("width", 10).put("height", 10)
                        .put("file_size", 6)))));
        awaitText(ANNA, "Attachment received (1)");
        say(ANNA, "Anna", "en", "It jams on every page since Monday.");
        Call created = awaitText(ANNA, "is open");
        assertTrue(created.text().contains("Printer &lt;jammed&gt; &amp; smoking"), "titles are escaped: " + created.text());

        DeskUnderTest.Person helper = desk.person(9_001, "Helen", "HELPER");
        say(9_001, "Helen", "en", "/start");
        awaitText(9_001, "Hello, Helen");
        JsonNode tickets = desk.get("/api/v1/tickets", helper.token()).json().path("items");
        assertEquals(1, tickets.size());
        String ticketId = tickets.get(0).path("id").asText();
        long number = tickets.get(0).path("number").asLong();
        assertTrue(created.text().contains("#" + number));
        assertTrue(created.params().at("/reply_markup/inline_keyboard/0/0/web_app/url").asText().endsWith(
                "?startapp=" + ticketId));
        assertEquals("It jams on every page since Monday.", tickets.get(0).path("description").asText());
        JsonNode messages = desk.get("/api/v1/tickets/" + ticketId + "/messages", helper.token()).json().path("items");
        assertEquals(1, messages.get(0).path("attachments").size(), "the photo is on the first message");

        // the staff group hears of it
        awaitSent(STAFF_GROUP, call -> call.text().contains("#" + number) && call.text().contains("Monday"));

        // staff answer in public: the author hears it, as a reply to the last message about the ticket
        desk.post("/api/v1/tickets/" + ticketId + "/messages", helper.token(),
                Map.of("content", "Please open the tray", "is_internal", false));
        desk.post("/api/v1/tickets/" + ticketId + "/messages", helper.token(),
                Map.of("content", "secret staff note", "is_internal", true));
        Call answer = awaitText(ANNA, "Please open the tray");
        assertEquals(messageId(created), answer.params().at("/reply_parameters/message_id").asLong());

        // the customer replies to it: the reply joins the ticket (once the sender has recorded which
        // ticket that message is about, which it does right after Telegram's answer: no person is faster)
        awaitMapped(ANNA, messageId(answer));
        telegram.pushUpdate(FakeTelegram.privateReply(ANNA, "Anna", "en", botDesk.nextMessageId(), messageId(answer),
                "Done, still jams"));
        awaitText(ANNA, "Added to ticket #" + number);
        assertTrue(desk.get("/api/v1/tickets/" + ticketId + "/messages", helper.token()).body()
                .contains("Done, still jams"));
        // her first answer made Helen the assignee: the author's new message reaches her in private
        awaitSent(9_001, call -> call.text().contains("Done, still jams") && call.text().contains("#" + number));

        // resolved: two buttons; "Solved" closes it
        desk.put("/api/v1/tickets/" + ticketId, helper.token(), Map.of("status", "RESOLVED"));
        Call resolved = awaitText(ANNA, "Is the problem solved?");
        assertEquals("solved:" + ticketId, resolved.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText());
        press(ANNA, "Anna", "en", messageId(resolved), "solved:" + ticketId);
        awaitText(ANNA, "is closed. Thank you");
        assertEquals("CLOSED", desk.get("/api/v1/tickets/" + ticketId, helper.token()).json().path("status").asText());

        Thread.sleep(500);
        assertTrue(telegram.sentTo(ANNA).stream().noneMatch(call -> call.text().contains("secret staff note")),
                "internal notes never reach the customer");
        assertTrue(telegram.calls().stream().noneMatch(call -> call.status() != 200 && call.method().startsWith("send")),
                "Telegram accepted every message (HTML valid, lengths within limits)");
    }

    @Test
    void russianSpeakersAreAnsweredInRussianAndPlainMessagesFindTheirTicket() {
        say(JOHN, "Иван", "ru", "/help");
        awaitText(JOHN, "Что умеет бот");
        say(JOHN, "Иван", "ru", "/whatever");
        awaitText(JOHN, "Неизвестная команда");
        telegram.pushUpdate(FakeTelegram.privateMessage(JOHN, "Иван", "ru", botDesk.nextMessageId(),
                message -> message.putObject("sticker").put("file_id", "s1")));
        awaitText(JOHN, "бот не понимает");

        say(JOHN, "Иван", "ru", "Не работает оплата");
        Call offer = awaitText(JOHN, "Создать новое с этим текстом?");
        press(JOHN, "Иван", "ru", messageId(offer), "newtext");
        Call categories = awaitText(JOHN, "Выберите категорию");
        press(JOHN, "Иван", "ru", messageId(categories),
                categories.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText());
        awaitText(JOHN, "Коротко опишите");
        say(JOHN, "Иван", "ru", "Оплата");
        Call created = awaitText(JOHN, "создано");

        say(JOHN, "Иван", "ru", "Ещё подробность");
        awaitText(JOHN, "Добавлено в ваше открытое обращение");
        say(JOHN, "Иван", "ru", "/tickets");
        Call listed = awaitText(JOHN, "Статус: открыто");
        assertTrue(listed.text().contains("Оплата"));
        assertTrue(created.text().contains("Оплата"));

        say(JOHN, "Иван", "ru", "/cancel");
        awaitText(JOHN, "Нечего отменять");
    }

    @Test
    void aForgedButtonActsOnlyWithinThePressersRights() {
        String category = desk.categoryId();
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        String ticketId = desk.post("/api/v1/tickets", anna.token(),
                Map.of("title", "Anna's ticket", "description", "mine", "category_id", category)).json().path("id").asText();
        say(JOHN, "John", "en", "/start");
        awaitText(JOHN, "Hello, John");
        press(JOHN, "John", "en", 1, "close:" + ticketId);
        awaitText(JOHN, "no longer there");
        press(JOHN, "John", "en", 1, "rm -rf /");
        awaitText(JOHN, "no longer works");
        assertEquals("OPEN", desk.get("/api/v1/tickets/" + ticketId, anna.token()).json().path("status").asText());
    }

    @Test
    void staffAnswerFromTheGroupByReplyingToATicketsPost() {
        DeskUnderTest.Person helper = desk.person(9_002, "Greg", "HELPER");
        desk.person(9_003, "Nosy", "USER");
        say(ANNA, "Anna", "en", "/start");
        awaitText(ANNA, "Hello, Anna");
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        String ticketId = desk.newTicket(anna, "VPN is down", "since the morning");
        Call post = awaitText(STAFF_GROUP, "VPN is down");

        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, 9_003, "Nosy", 100, messageId(post), "I am not staff"));
        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, 9_002, "Greg", 101, messageId(post), "!check the router first"));
        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, 9_002, "Greg", 102, messageId(post), "Restarting the VPN now"));
        awaitText(ANNA, "Restarting the VPN now");
        telegram.pushUpdate(FakeTelegram.groupReply(STAFF_GROUP, 9_002, "Greg", 103, messageId(post), "/resolve"));
        awaitText(STAFF_GROUP, "resolved");
        awaitText(ANNA, "Is the problem solved?");

        JsonNode messages = desk.get("/api/v1/tickets/" + ticketId + "/messages", helper.token()).json().path("items");
        assertEquals(2, messages.size(), "the non-staff member's message was ignored: " + messages);
        assertEquals(true, messages.get(0).path("is_internal").asBoolean());
        assertEquals("check the router first", messages.get(0).path("content").asText());
        assertEquals("Greg", messages.get(1).path("user").path("first_name").asText());
        assertEquals("RESOLVED", desk.get("/api/v1/tickets/" + ticketId, helper.token()).json().path("status").asText());
        assertTrue(telegram.sentTo(ANNA).stream().noneMatch(call -> call.text().contains("router")),
                "the internal note never reached the customer");
    }

    @Test
    void staffTurnTheirPrivateNoticesOffAndOnInEnglishAndRussian() {
        DeskUnderTest.Person admin = desk.person(9_010, "Ada", "ADMIN");
        DeskUnderTest.Person helen = desk.person(9_011, "Helen", "HELPER");
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        desk.person(9_012, "Пётр", "HELPER");
        say(9_011, "Helen", "en", "/help");
        assertTrue(awaitText(9_011, "What the bot does").text().contains("/notify off"), "staff are shown /notify");
        say(ANNA, "Anna", "en", "/help");
        assertFalse(awaitText(ANNA, "What the bot does").text().contains("/notify"), "customers are not");
        say(ANNA, "Anna", "en", "/notify off");
        awaitText(ANNA, "/notify is for support staff");

        say(9_011, "Helen", "en", "/notify off");
        awaitText(9_011, "Notices are off");
        String first = desk.newTicket(anna, "Quiet one", "d");
        long firstNumber = desk.get("/api/v1/tickets/" + first, anna.token()).json().path("number").asLong();
        assertEquals(200, desk.put("/api/v1/tickets/" + first, admin.token(), Map.of("assigned_to", helen.id())).status());
        desk.post("/api/v1/tickets/" + first + "/messages", anna.token(), Map.of("content", "said while she is away"));
        // the notifier handles events in order: once the group has the message, Helen's notices were decided
        awaitText(STAFF_GROUP, "said while she is away");
        assertTrue(telegram.sentTo(9_011).stream().noneMatch(call -> call.text().contains("#" + firstNumber)),
                "nothing about the ticket reached Helen while her notices were off");

        say(9_011, "Helen", "en", "/notify");
        awaitText(9_011, "Notices are off now");
        say(9_011, "Helen", "en", "/notify on");
        awaitText(9_011, "Notices are on:");
        desk.post("/api/v1/tickets/" + first + "/messages", anna.token(), Map.of("content", "said when she is back"));
        awaitSent(9_011, call -> call.text().contains("said when she is back") && call.text().contains("#" + firstNumber));
        String second = desk.newTicket(anna, "Loud one", "d");
        assertEquals(200, desk.put("/api/v1/tickets/" + second, admin.token(), Map.of("assigned_to", helen.id())).status());
        awaitText(9_011, "is assigned to you");

        say(9_012, "Пётр", "ru", "/help");
        assertTrue(awaitText(9_012, "Что умеет бот").text().contains("Для сотрудников"));
        say(9_012, "Пётр", "ru", "/notify off");
        awaitText(9_012, "Уведомления выключены");
        say(9_012, "Пётр", "ru", "/notify");
        awaitText(9_012, "Уведомления сейчас выключены");
        say(9_012, "Пётр", "ru", "/notify on");
        awaitText(9_012, "Уведомления включены");
        say(JOHN, "Иван", "ru", "/notify");
        awaitText(JOHN, "для сотрудников поддержки");
    }

    @Test
    void staffFilesFollowTheirTextAsPhotosAndDocumentsAndNotesKeepTheirsInside() {
        DeskUnderTest.Person helen = desk.person(9_020, "Helen", "HELPER");
        say(9_020, "Helen", "en", "/start");
        awaitText(9_020, "Hello, Helen");
        say(ANNA, "Anna", "en", "/start");
        awaitText(ANNA, "Hello, Anna");
        DeskUnderTest.Person anna = desk.person(ANNA, "Anna", "USER");
        String ticket = desk.newTicket(anna, "Scanner", "broken");

        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        byte[] pdf = "%PDF-1.4\nthe manual\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] secret = "%PDF-1.4\nstaff only\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String pngId = upload(helen, "screen.png", "image/png", png);
        String pdfId = upload(helen, "manual.pdf", "application/pdf", pdf);
        String secretId = upload(helen, "internal.pdf", "application/pdf", secret);
        desk.post("/api/v1/tickets/" + ticket + "/messages", helen.token(), Map.of("content",
                "See the screenshot and the manual", "is_internal", false, "attachments", java.util.List.of(pngId, pdfId)));
        desk.post("/api/v1/tickets/" + ticket + "/messages", helen.token(), Map.of("content", "a note with a file",
                "is_internal", true, "attachments", java.util.List.of(secretId)));
        desk.post("/api/v1/tickets/" + ticket + "/messages", helen.token(), Map.of("content", "That is all",
                "is_internal", false));

        Call last = awaitText(ANNA, "That is all");
        java.util.List<Call> toAnna = telegram.sentTo(ANNA);
        Call text = toAnna.stream().filter(call -> call.text() != null && call.text().contains("See the screenshot"))
                .findFirst().orElseThrow();
        Call photo = toAnna.stream().filter(call -> call.method().equalsIgnoreCase("sendPhoto")).findFirst().orElseThrow();
        Call document = toAnna.stream().filter(call -> call.method().equalsIgnoreCase("sendDocument")).findFirst()
                .orElseThrow();
        assertTrue(toAnna.indexOf(text) < toAnna.indexOf(photo) && toAnna.indexOf(photo) < toAnna.indexOf(document)
                && toAnna.indexOf(document) < toAnna.indexOf(last), "text, then the files in order, then the next answer");
        org.junit.jupiter.api.Assertions.assertArrayEquals(png, photo.files().get("screen.png"), "uploaded from the store");
        org.junit.jupiter.api.Assertions.assertArrayEquals(pdf, document.files().get("manual.pdf"));
        assertEquals(messageId(text), photo.params().at("/reply_parameters/message_id").asLong(),
                "the files read as part of the answer's thread");
        assertTrue(toAnna.stream().noneMatch(call -> call.files().containsKey("internal.pdf")
                || (call.text() != null && call.text().contains("a note with a file"))), "the note and its file stay inside");
        assertEquals(2, desk.count("SELECT count(*) FROM telegram_outbox WHERE file_id IS NOT NULL"
                + " AND NOT jsonb_exists(params, 'photo') AND NOT jsonb_exists(params, 'document')"),
                "the outbox names the files; the sender builds each upload when it sends");

        // Anna answers with a photo from her phone: Helen (now assigned) gets it by Telegram's own id, no upload
        String phonePhoto = telegram.addFile("phone.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9, 9});
        telegram.pushUpdate(FakeTelegram.privateMessage(ANNA, "Anna", "en", botDesk.nextMessageId(), message -> message
                .put("caption", "Here is the error").set("photo", DeskUnderTest.JSON.createArrayNode().add(
                        DeskUnderTest.JSON.createObjectNode().put("file_id", phonePhoto).put("file_unique_id", "u9")
                                .put("width", 10).put("height", 10).put("file_size", 5)))));
        awaitText(9_020, "Here is the error");
        assertTrue(telegram.awaitCalls(calls -> calls.stream().anyMatch(call -> call.status() == 200
                && call.chatId() == 9_020 && call.method().equalsIgnoreCase("sendPhoto")), WAIT));
        Call forwarded = telegram.sentTo(9_020).stream().filter(call -> call.method().equalsIgnoreCase("sendPhoto"))
                .findFirst().orElseThrow();
        assertEquals(phonePhoto, forwarded.params().path("photo").asText());
        assertTrue(forwarded.files().isEmpty(), "sent by file_id, nothing uploaded");

        // a file over the 50 MB a bot may upload: named, with the Mini App to fetch it (Russian here)
        // the Mini App login carries no language: the bot's contact afterwards sets Russian
        DeskUnderTest.Person john = desk.person(JOHN, "Иван", "USER");
        say(JOHN, "Иван", "ru", "/start");
        awaitText(JOHN, "Здравствуйте");
        String johns = desk.newTicket(john, "Архив", "нужен");
        String huge = upload(helen, "archive.zip", "application/zip", new byte[50 * 1024 * 1024 + 1]);
        desk.post("/api/v1/tickets/" + johns + "/messages", helen.token(), Map.of("content", "Вот архив",
                "is_internal", false, "attachments", java.util.List.of(huge)));
        Call bigOne = awaitText(JOHN, "archive.zip");
        assertTrue(bigOne.text().contains("больше, чем бот может отправить"), bigOne.text());
        assertTrue(telegram.calls().stream().noneMatch(call -> call.files().containsKey("archive.zip")));
    }

    private String upload(DeskUnderTest.Person who, String name, String type, byte[] content) {
        DeskUnderTest.Response uploaded = desk.upload(who.token(), "file", name, type, content);
        assertEquals(201, uploaded.status(), uploaded.body());
        return uploaded.json().path("id").asText();
    }

    @Test
    void healthShowsTheBotWithoutDependingOnTelegram() throws Exception {
        assertTrue(telegram.awaitCalls(calls -> calls.stream().anyMatch(c -> c.method().equals("setMyCommands")), WAIT));
        JsonNode health = desk.get("/health", null).json();
        assertEquals("UP", health.path("status").asText());
        assertEquals("polling", health.path("bot").path("mode").asText());
        assertEquals(0, health.path("bot").path("outbox_depth").asLong());

        telegram.close();
        desk.sql("INSERT INTO telegram_outbox (chat_id, method, params) VALUES (1, 'sendMessage', '{\"chat_id\":1,\"text\":\"x\"}')");
        Thread.sleep(1_500);
        JsonNode down = desk.get("/health", null).json();
        assertEquals("UP", down.path("status").asText(), "Telegram being away does not make the desk unhealthy");
        assertEquals(1, down.path("bot").path("outbox_depth").asLong());
        assertTrue(down.path("bot").path("oldest_pending_seconds").canConvertToLong(), down.toString());
    }

    @Test
    void theWebhookChecksItsSecretAndDropsRepeats() throws Exception {
        Map<String, String> env = environment("webhook");
        env.put("TELEGRAM_WEBHOOK_URL", "https://desk.example/telegram/hook");
        env.put("TELEGRAM_WEBHOOK_SECRET", "the-Secret_1");
        desk = botDesk.start(env); // closes the polling desk first
        assertTrue(telegram.awaitCalls(calls -> calls.stream().anyMatch(c -> c.method().equals("setWebhook")), WAIT));
        assertEquals("https://desk.example/telegram/hook", telegram.webhook().path("url").asText());

        String update = FakeTelegram.privateText(ANNA, "Anna", "en", 1, "/start").put("update_id", 42).toString();
        assertEquals(401, webhook(update, null));
        assertEquals(401, webhook(update, "wrong"));
        assertEquals(200, webhook(update, "the-Secret_1"));
        assertEquals(200, webhook(update, "the-Secret_1"));
        awaitText(ANNA, "Hello, Anna");
        Thread.sleep(1_000);
        assertEquals(1, telegram.sentTo(ANNA).stream().filter(call -> call.text().contains("Hello")).count(),
                "the repeated update was handled once");
        assertFalse(desk.get("/health", null).json().path("bot").path("leader").isMissingNode());
    }

    private int webhook(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(desk.uri("/telegram/hook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
