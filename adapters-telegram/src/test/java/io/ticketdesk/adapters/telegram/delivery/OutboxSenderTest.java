package io.ticketdesk.adapters.telegram.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.api.InlineKeyboardButton;
import io.ticketdesk.adapters.telegram.api.InlineKeyboardMarkup;
import io.ticketdesk.adapters.telegram.bot.BotHarness;
import io.ticketdesk.adapters.telegram.bot.BotTestbed;
import io.ticketdesk.adapters.telegram.bot.TelegramBot;
import io.ticketdesk.adapters.telegram.bot.TestBotDatabase;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Call;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Failure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox sender against the fake Bot API: order, spacing, every answer class, several senders. */
class OutboxSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    final BotTestbed testbed = new BotTestbed();
    private final FakeTelegram telegram = testbed.telegram();
    private final TestBotDatabase database = testbed.database();

    private TelegramBot bot() {
        return TelegramBot.start(BotHarness.polling(telegram), database.bot(), update -> { });
    }

    private static List<OutgoingCall> text(long chat, String text) {
        return OutgoingCall.text(chat, null, "", text, null, null, false);
    }

    private boolean delivered(long chat, int count) throws InterruptedException {
        return BotHarness.await(() -> telegram.sentTo(chat).size() >= count, WAIT);
    }

    private static List<String> texts(List<Call> calls) {
        return calls.stream().map(Call::text).toList();
    }

    @Test
    void aChatsCallsGoInOrderAtMostOneASecond() throws Exception {
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(text(100, "first"));
            bot.outbox().enqueue(text(100, "second"));
            bot.outbox().enqueue(text(100, "third"));
            bot.outbox().enqueue(text(-100200, "to a group"));
            bot.outbox().enqueue(text(-100200, "to a group again"));
            assertTrue(delivered(100, 3));
            assertTrue(delivered(-100200, 2));
        }
        List<Call> sent = telegram.sentTo(100);
        assertEquals(List.of("first", "second", "third"), texts(sent));
        for (int i = 1; i < sent.size(); i++) {
            long gap = Duration.between(sent.get(i - 1).at(), sent.get(i).at()).toMillis();
            assertTrue(gap >= 950, "a private chat gets one message a second, got " + gap + " ms");
        }
        List<Call> group = telegram.sentTo(-100200);
        assertTrue(Duration.between(group.get(0).at(), group.get(1).at()).toMillis() >= 2_950, "a group one per 3 s");
        assertEquals(0, database.count("SELECT count(*) FROM telegram_outbox WHERE state <> 'SENT'"));
        assertEquals(3, database.count("SELECT count(*) FROM telegram_outbox WHERE chat_id = 100 AND message_id IS NOT NULL"));
    }

    @Test
    void tooManyRequestsWaitsRetryAfterForThatChat() throws Exception {
        telegram.failNext("sendMessage", Failure.tooManyRequests(2));
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(text(101, "patient"));
            assertTrue(delivered(101, 1));
        }
        List<Call> attempts = telegram.calls(call -> call.chatId() == 101);
        assertEquals(2, attempts.size());
        assertEquals(429, attempts.get(0).status());
        long waited = Duration.between(attempts.get(0).at(), attempts.get(1).at()).toMillis();
        assertTrue(waited >= 1_950, "retry_after honoured, waited " + waited + " ms");
        assertEquals(1, telegram.sentTo(101).size());
    }

    @Test
    void serverErrorsAndResetsAreRetriedUntilDelivered() throws Exception {
        telegram.failNext("sendMessage", Failure.serverError(502));
        telegram.failNext("sendMessage", Failure.connectionReset());
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(text(102, "stubborn"));
            assertTrue(delivered(102, 1));
        }
        assertEquals(1, telegram.sentTo(102).size());
        assertEquals(3, database.count("SELECT attempts FROM telegram_outbox WHERE chat_id = 102"));
    }

    @Test
    void aBlockedChatWaitsUntilThePersonWritesAgain() throws Exception {
        telegram.blockChat(103);
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(text(103, "while blocked"));
            bot.outbox().enqueue(text(104, "someone else"));
            assertTrue(delivered(104, 1), "one chat's refusal holds up no other chat");
            assertTrue(BotHarness.await(() -> database.count(
                    "SELECT count(*) FROM telegram_chats WHERE chat_id = 103 AND parked_at IS NOT NULL") == 1, WAIT));
            int attempts = telegram.calls(call -> call.chatId() == 103).size();
            Thread.sleep(1_500);
            assertEquals(attempts, telegram.calls(call -> call.chatId() == 103).size(), "a parked chat is left alone");

            telegram.unblockChat(103);
            telegram.pushUpdate(FakeTelegram.privateText(103, "Ann", "en", 9, "I'm back"));
            assertTrue(delivered(103, 1), "delivered once the person wrote");
        }
        assertEquals(List.of("while blocked"), texts(telegram.sentTo(103)));
    }

    @Test
    void aMigratedGroupIsFollowed() throws Exception {
        telegram.migrateChat(-105, -100105);
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(text(-105, "to the old group"));
            assertTrue(delivered(-100105, 1));
            bot.outbox().enqueue(text(-105, "written later to the old id"));
            assertTrue(delivered(-100105, 2));
        }
        assertEquals(List.of("to the old group", "written later to the old id"), texts(telegram.sentTo(-100105)));
    }

    @Test
    void notModifiedIsDoneAndOtherRefusalsFailWithoutBlockingTheChat() throws Exception {
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(text(106, "original"));
            assertTrue(delivered(106, 1));
            long messageId = telegram.sentTo(106).get(0).answer().path("result").path("message_id").asLong();
            bot.outbox().enqueue(OutgoingCall.of(106, "editMessageText", Map.of("message_id", messageId,
                    "text", "original"), null));
            bot.outbox().enqueue(text(106, "x".repeat(10)).get(0).withText("<unclosed"));
            bot.outbox().enqueue(text(106, "after the refusals"));
            assertTrue(delivered(106, 2));
        }
        assertEquals(List.of("original", "after the refusals"), texts(telegram.sentTo(106)));
        assertEquals(1, database.count("SELECT count(*) FROM telegram_outbox WHERE method = 'editMessageText'"
                + " AND state = 'SENT'"), "not modified counts as done");
        assertEquals(1, database.count("SELECT count(*) FROM telegram_outbox WHERE state = 'FAILED'"
                + " AND failure LIKE '%can''t parse entities%'"), "the refusal is kept with its reason");
    }

    @Test
    void aDeletedTopicFailsThatCallOnly() throws Exception {
        telegram.makeForum(-100107);
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(OutgoingCall.text(-100107, 999, "", "to a topic that is gone", null, null, false));
            bot.outbox().enqueue(text(-100107, "to the general topic"));
            assertTrue(delivered(-100107, 1));
        }
        assertEquals(1, database.count("SELECT count(*) FROM telegram_outbox WHERE state = 'FAILED'"
                + " AND failure LIKE 'THREAD_NOT_FOUND%'"));
    }

    @Test
    void longTextsAreSplitAndEscaped() throws Exception {
        String body = "<script> & ".repeat(400);
        List<OutgoingCall> calls = OutgoingCall.text(108, null, "<b>#1042</b>\n", body,
                InlineKeyboardMarkup.of(List.of(List.of(InlineKeyboardButton.callback("Close", "close:1")))),
                null, false);
        assertEquals(3, calls.size(), "4,400 characters escape to 8,400: three messages");
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(calls);
            assertTrue(delivered(108, 3));
        }
        List<Call> sent = telegram.sentTo(108);
        assertEquals(3, sent.size(), "Telegram took every part (valid HTML, each within 4096)");
        assertTrue(sent.get(0).text().startsWith("<b>#1042</b>\n&lt;script&gt; &amp;"));
        assertTrue(sent.get(2).params().has("reply_markup"), "buttons go under the last part");
        assertTrue(!sent.get(0).params().has("reply_markup"));
    }

    @Test
    void repliesThreadUnderTheLastMessageAboutTheTicketAndAreMapped() throws Exception {
        UUID ticket = UUID.randomUUID();
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(OutgoingCall.text(109, null, "", "ticket created", null, ticket, true));
            bot.outbox().enqueue(OutgoingCall.text(109, null, "", "status changed", null, ticket, true));
            assertTrue(delivered(109, 2));
        }
        List<Call> sent = telegram.sentTo(109);
        assertTrue(!sent.get(0).params().has("reply_parameters"));
        long first = sent.get(0).answer().path("result").path("message_id").asLong();
        assertEquals(first, sent.get(1).params().path("reply_parameters").path("message_id").asLong());
        assertEquals(2, database.count("SELECT count(*) FROM telegram_message_tickets WHERE chat_id = 109"
                + " AND ticket_id = '" + ticket + "'"));
    }

    @Test
    void twoInstancesSendEachCallOnceInOrderPerChat() throws Exception {
        TestBotDatabase second = database.secondInstance();
        Map<Long, List<String>> expected = new HashMap<>();
        try (TelegramBot one = bot();
             TelegramBot two = TelegramBot.start(BotHarness.polling(telegram), second.bot(), update -> { })) {
            for (int round = 0; round < 3; round++) {
                for (long chat = 200; chat < 215; chat++) {
                    String text = "chat " + chat + " #" + round;
                    expected.computeIfAbsent(chat, c -> new ArrayList<>()).add(text);
                    (chat % 2 == 0 ? one : two).outbox().enqueue(text(chat, text));
                }
            }
            for (long chat = 200; chat < 215; chat++) {
                assertTrue(delivered(chat, 3));
            }
            Thread.sleep(500);
        } finally {
            second.close();
        }
        for (long chat = 200; chat < 215; chat++) {
            assertEquals(expected.get(chat), texts(telegram.sentTo(chat)), "chat " + chat);
        }
    }

    @Test
    void aSenderStoppedMidQueueLeavesTheRestToTheNextOne() throws Exception {
        List<String> expected = new ArrayList<>();
        try (TelegramBot bot = bot()) {
            for (int i = 0; i < 4; i++) {
                for (long chat = 300; chat < 305; chat++) {
                    expected.add(chat + ":" + i);
                    bot.outbox().enqueue(text(chat, chat + ":" + i));
                }
            }
            assertTrue(delivered(300, 1));
        }
        long pendingAtStop = database.count("SELECT count(*) FROM telegram_outbox WHERE state = 'PENDING'");
        assertTrue(pendingAtStop > 0, "stopped mid-queue");
        try (TelegramBot bot = bot()) {
            for (long chat = 300; chat < 305; chat++) {
                assertTrue(delivered(chat, 4));
            }
            Thread.sleep(300);
        }
        List<String> sent = telegram.calls(call -> call.status() == 200 && call.method().equals("sendMessage"))
                .stream().map(Call::text).toList();
        assertEquals(expected.size(), sent.size(), "each call sent once");
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(sent));
        for (long chat = 300; chat < 305; chat++) {
            long c = chat;
            assertEquals(expected.stream().filter(t -> t.startsWith(c + ":")).toList(), texts(telegram.sentTo(chat)));
        }
    }

    @Test
    void aFileIdTelegramForgotIsUploadedAgainAndAGoneFileFailsWithoutHoldingUpTheChat() throws Exception {
        UUID photo = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        UUID reader = UUID.randomUUID();
        byte[] picture = "a picture's bytes".getBytes(StandardCharsets.UTF_8);
        OutgoingFiles files = (fileId, readerId) -> fileId.equals(photo) && readerId.equals(reader)
                ? Optional.of(new OutgoingFiles.OutgoingFile("shot.png", "image/png", picture.length,
                        () -> new ByteArrayInputStream(picture)))
                : Optional.empty();
        // an id Telegram gave for this photo once, which it no longer knows
        database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO telegram_file_ids (file_id, kind,"
                + " telegram_file_id) VALUES (:file, 'photo', 'forgotten-id')").bind("file", photo).execute());
        try (TelegramBot bot = TelegramBot.start(BotHarness.polling(telegram), database.bot(), Optional.empty(),
                (api, outbox) -> update -> { }, files)) {
            bot.outbox().enqueue(List.of(OutgoingCall.file(105, OutgoingCall.PHOTO, photo, reader, null, false)));
            bot.outbox().enqueue(List.of(OutgoingCall.file(105, OutgoingCall.DOCUMENT, gone, reader, null, false)));
            bot.outbox().enqueue(text(105, "after the files"));
            assertTrue(delivered(105, 2), "the photo and the text arrive");
        }
        List<Call> photos = telegram.calls(call -> call.chatId() == 105 && call.method().equals("sendPhoto"));
        assertEquals(2, photos.size(), "the forgotten id once, then an upload");
        assertEquals("forgotten-id", photos.get(0).params().path("photo").asText());
        assertEquals(400, photos.get(0).status());
        assertEquals(200, photos.get(1).status());
        assertTrue(photos.get(1).files().values().stream().anyMatch(bytes -> Arrays.equals(bytes, picture)),
                "the file's bytes were uploaded");
        String fresh = photos.get(1).answer().at("/result/photo/0/file_id").asText();
        assertFalse(fresh.isEmpty(), photos.get(1).answer().toString());
        assertEquals(1, database.count("SELECT count(*) FROM telegram_file_ids WHERE file_id = '" + photo
                + "' AND telegram_file_id = '" + fresh + "'"), "Telegram's new id is kept for the next send");

        assertEquals(0, telegram.calls(call -> call.method().equals("sendDocument")).size(), "nothing to send");
        assertEquals(1, database.count("SELECT count(*) FROM telegram_outbox WHERE file_id = '" + gone
                + "' AND state = 'FAILED' AND failure LIKE 'the file is gone%'"));
        assertEquals(List.of("after the files"), texts(telegram.sentTo(105)).stream().filter(t -> t != null).toList());
    }
}
