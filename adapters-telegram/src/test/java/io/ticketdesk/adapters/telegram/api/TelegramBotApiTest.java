package io.ticketdesk.adapters.telegram.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Failure;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of answer the sender must tell apart, from a real HTTP server. */
class TelegramBotApiTest {

    private static FakeTelegram telegram;
    private static TelegramBotApi api;

    @BeforeAll
    static void start() {
        telegram = FakeTelegram.start();
        api = new TelegramBotApi(telegram.baseUrl(), FakeTelegram.TOKEN);
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    private static ApiAnswer sendText(long chatId, String text) {
        return api.call("sendMessage", Map.of("chat_id", chatId, "text", text));
    }

    @Test
    void okAnswersCarryTheResultAndTheMessageId() {
        ApiAnswer first = sendText(501, "hello");
        ApiAnswer second = sendText(501, "again");
        assertEquals(ApiAnswer.Kind.OK, first.kind());
        assertEquals(1L, first.messageId().orElseThrow());
        assertEquals(2L, second.messageId().orElseThrow());
        Message message = second.result(Message.class);
        assertEquals(501, message.chat().id());
        assertEquals("again", message.text());
        User me = api.call("getMe", null).result(User.class);
        assertTrue(me.isBot());
        assertEquals(FakeTelegram.BOT_USERNAME, me.username());
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        telegram.failNext("sendMessage", Failure.tooManyRequests(7));
        ApiAnswer answer = sendText(502, "x");
        assertEquals(ApiAnswer.Kind.RETRY_AFTER, answer.kind());
        assertEquals(7, answer.retryAfterSeconds());
    }

    @Test
    void forbiddenWhenTheUserBlockedTheBot() {
        telegram.blockChat(503);
        ApiAnswer answer = sendText(503, "x");
        assertEquals(ApiAnswer.Kind.FORBIDDEN, answer.kind());
        assertTrue(answer.description().contains("blocked"));
        telegram.unblockChat(503);
        assertTrue(sendText(503, "x").ok());
    }

    @Test
    void migratedGroupsNameTheirNewId() {
        telegram.migrateChat(-504, -100504);
        ApiAnswer answer = sendText(-504, "x");
        assertEquals(ApiAnswer.Kind.CHAT_MIGRATED, answer.kind());
        assertEquals(-100504L, answer.migrateToChatId());
    }

    @Test
    void deletedTopicsAreThreadNotFound() {
        telegram.makeForum(-100505);
        long thread = api.call("createForumTopic", Map.of("chat_id", -100505, "name", "#1 printer"))
                .result(ForumTopic.class).messageThreadId();
        assertTrue(api.call("sendMessage", Map.of("chat_id", -100505, "message_thread_id", thread, "text", "a")).ok());
        telegram.deleteTopic(-100505, thread);
        ApiAnswer answer = api.call("sendMessage", Map.of("chat_id", -100505, "message_thread_id", thread, "text", "b"));
        assertEquals(ApiAnswer.Kind.THREAD_NOT_FOUND, answer.kind());
    }

    @Test
    void editingToTheSameTextIsNotModified() {
        long id = sendText(506, "same").messageId().orElseThrow();
        ApiAnswer answer = api.call("editMessageText", Map.of("chat_id", 506, "message_id", id, "text", "same"));
        assertEquals(ApiAnswer.Kind.NOT_MODIFIED, answer.kind());
        assertTrue(api.call("editMessageText", Map.of("chat_id", 506, "message_id", id, "text", "other")).ok());
    }

    @Test
    void otherClientErrorsAreRejectedWithTheReason() {
        ApiAnswer tooLong = sendText(507, "x".repeat(4097));
        assertEquals(ApiAnswer.Kind.REJECTED, tooLong.kind());
        assertEquals(400, tooLong.httpStatus());
        assertTrue(tooLong.description().contains("too long"));
        telegram.failNext("sendMessage", Failure.forbidden("Forbidden: user is deactivated"));
        assertEquals(ApiAnswer.Kind.FORBIDDEN, sendText(507, "x").kind());
        assertEquals(ApiAnswer.Kind.REJECTED, api.call("noSuchMethod", Map.of()).kind());
    }

    @Test
    void serverErrorsResetsAndGarbageAreUnavailable() {
        telegram.failNext("sendMessage", Failure.serverError(502));
        assertEquals(ApiAnswer.Kind.UNAVAILABLE, sendText(508, "x").kind());
        telegram.failNext("sendMessage", Failure.connectionReset());
        ApiAnswer reset = sendText(508, "x");
        assertEquals(ApiAnswer.Kind.UNAVAILABLE, reset.kind());
        assertFalse(reset.description().contains(FakeTelegram.TOKEN), "the token never appears in a reason");
        telegram.failNext("sendMessage", Failure.notJson());
        assertEquals(ApiAnswer.Kind.UNAVAILABLE, sendText(508, "x").kind());
        assertTrue(sendText(508, "x").ok(), "the next call works again");
    }

    @Test
    void aTimeoutIsUnavailable() {
        telegram.failNext("sendMessage", Failure.slow(Duration.ofSeconds(3)));
        ApiAnswer answer = api.call("sendMessage", Map.of("chat_id", 509, "text", "x"), Duration.ofMillis(300));
        assertEquals(ApiAnswer.Kind.UNAVAILABLE, answer.kind());
    }

    @Test
    void methodNamesAreMatchedInAnyCaseAndRecordedWithTheirTime() {
        assertTrue(api.call("SENDMESSAGE", Map.of("chat_id", 510, "text", "loud")).ok());
        FakeTelegram.Call call = telegram.sentTo(510).get(0);
        assertEquals("SENDMESSAGE", call.method());
        assertNotNull(call.at());
        assertEquals("loud", call.text());
    }

    @Test
    void aWrongTokenIsUnauthorized() {
        TelegramBotApi stranger = new TelegramBotApi(telegram.baseUrl(), "1:wrong_token_of_someone_else_xxxx");
        ApiAnswer answer = stranger.call("getMe", null);
        assertEquals(ApiAnswer.Kind.REJECTED, answer.kind());
        assertEquals(401, answer.httpStatus());
    }

    @Test
    void filesGoBothWays() throws IOException {
        byte[] content = "%PDF-1.4 receipt".getBytes(StandardCharsets.UTF_8);
        ApiAnswer sent = api.upload("sendDocument", Map.of("chat_id", "511", "caption", "your receipt"), "document",
                "receipt.pdf", "application/pdf", content);
        assertTrue(sent.ok(), sent.toString());
        String fileId = sent.result(Message.class).document().fileId();
        assertArrayEquals(content, telegram.fileContent(fileId));

        File file = api.call("getFile", Map.of("file_id", fileId)).result(File.class);
        assertArrayEquals(content, api.download(file.filePath(), TelegramBotApi.MAX_DOWNLOAD_BYTES));
        assertThrows(IOException.class, () -> api.download(file.filePath(), 3), "over the limit is refused");
        assertThrows(IOException.class, () -> api.download("documents/missing", 100));
    }

    @Test
    void webhookInfoReadsBack() {
        assertTrue(api.call("setWebhook", Map.of("url", "https://desk.example/tg", "secret_token", "s3cret",
                "allowed_updates", List.of("message"))).ok());
        WebhookInfo info = api.call("getWebhookInfo", null).result(WebhookInfo.class);
        assertEquals("https://desk.example/tg", info.url());
        assertEquals(List.of("message"), info.allowedUpdates());
        ApiAnswer polling = api.getUpdates(0, 0, List.of("message"));
        assertTrue(polling.conflictWithWebhook());
        assertTrue(api.call("deleteWebhook", null).ok());
        assertTrue(api.getUpdates(0, 0, List.of("message")).ok());
    }

    @Test
    void updatesReadWithUnknownFieldsIgnored() {
        var update = FakeTelegram.privateText(512, "Анна", "ru", 1, "/start");
        ((com.fasterxml.jackson.databind.node.ObjectNode) update.get("message")).put("some_future_field", 1);
        long id = telegram.pushUpdate(update);
        ApiAnswer answer = api.getUpdates(id, 0, List.of("message"));
        Update[] updates = answer.result(Update[].class);
        assertEquals(1, updates.length);
        assertEquals(id, updates[0].updateId());
        assertEquals("ru", updates[0].message().from().languageCode());
        assertEquals(512, updates[0].chatId());
        assertTrue(updates[0].message().date() > 1_600_000_000L && updates[0].message().date() < 10_000_000_000L,
                "dates are seconds");
        api.getUpdates(id + 1, 0, List.of("message"));
        assertEquals(0, telegram.pendingUpdates(), "the next offset confirmed it");
    }

    @Test
    void theBaseUrlMayEndWithASlash() {
        TelegramBotApi slashed = new TelegramBotApi(URI.create(telegram.baseUrl() + "/"), FakeTelegram.TOKEN);
        assertTrue(slashed.call("getMe", null).ok());
    }
    @Test
    void theObserverHearsEveryCallWithItsOutcomeClass() throws IOException {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        TelegramBotApi observed = new TelegramBotApi(telegram.baseUrl(), FakeTelegram.TOKEN,
                (method, outcome) -> heard.add(method + " " + outcome));
        observed.call("sendMessage", Map.of("chat_id", 520, "text", "fine"));
        telegram.failNext("sendMessage", Failure.tooManyRequests(3));
        observed.call("sendMessage", Map.of("chat_id", 520, "text", "x"));
        telegram.blockChat(521);
        observed.call("sendMessage", Map.of("chat_id", 521, "text", "x"));
        telegram.migrateChat(-522, -100522);
        observed.call("sendMessage", Map.of("chat_id", -522, "text", "x"));
        telegram.failNext("sendMessage", Failure.badRequest("Bad Request: message thread not found"));
        observed.call("sendMessage", Map.of("chat_id", 520, "text", "x"));
        telegram.failNext("editMessageText", Failure.badRequest("Bad Request: message is not modified"));
        observed.call("editMessageText", Map.of("chat_id", 520, "message_id", 1, "text", "fine"));
        telegram.failNext("sendMessage", Failure.badRequest("Bad Request: can't parse entities"));
        observed.call("sendMessage", Map.of("chat_id", 520, "text", "x"));
        telegram.failNext("getMe", Failure.serverError(502));
        observed.call("getMe", null);
        telegram.failNext("getMe", Failure.notJson());
        observed.call("getMe", null);
        telegram.failNext("getMe", Failure.connectionReset());
        observed.call("getMe", null);
        String fileId = telegram.addFile("a.txt", "abc".getBytes(StandardCharsets.UTF_8));
        String path = observed.call("getFile", Map.of("file_id", fileId)).result(File.class).filePath();
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), observed.download(path, 100));
        assertThrows(IOException.class, () -> observed.download("no/such/file", 100));

        assertEquals(List.of("sendMessage ok", "sendMessage rate_limited", "sendMessage blocked", "sendMessage migrated",
                "sendMessage thread_not_found", "editMessageText not_modified", "sendMessage other_4xx",
                "getMe server_error", "getMe server_error", "getMe network", "getFile ok", "download ok",
                "download other_4xx"), heard);
    }
}
