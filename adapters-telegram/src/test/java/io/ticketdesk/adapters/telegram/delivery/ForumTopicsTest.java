package io.ticketdesk.adapters.telegram.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.bot.BotHarness;
import io.ticketdesk.adapters.telegram.bot.BotTestbed;
import io.ticketdesk.adapters.telegram.bot.TelegramBot;
import io.ticketdesk.adapters.telegram.bot.TestBotDatabase;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Call;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sender keeping one forum topic per ticket in the staff group, against the fake Bot API. */
class ForumTopicsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long GROUP = -100_300;
    @RegisterExtension
    final BotTestbed testbed = new BotTestbed();
    private final FakeTelegram telegram = testbed.telegram();
    private final TestBotDatabase database = testbed.database();

    private TelegramBot bot() {
        return TelegramBot.start(BotHarness.polling(telegram), database.bot(), Optional.of(GROUP), (api, outbox) -> update -> { });
    }

    private void want(UUID ticket, String name) {
        database.bot().inTransaction(handle -> ForumTopics.want(handle, GROUP, ticket, name, false));
    }

    private static List<OutgoingCall> post(UUID ticket, String text) {
        return OutgoingCall.text(GROUP, null, "", text, null, ticket, false);
    }

    private boolean delivered(int count) throws InterruptedException {
        return BotHarness.await(() -> telegram.sentTo(GROUP).size() >= count, WAIT);
    }

    private static long thread(Call call) {
        return call.params().path("message_thread_id").asLong(-1);
    }

    @Test
    void aTopicHeldBackByTooManyRequestsIsMadeOnceAndThePostFollowsIt() throws Exception {
        telegram.makeForum(GROUP);
        telegram.failNext("createForumTopic", Failure.tooManyRequests(1));
        UUID ticket = UUID.randomUUID();
        want(ticket, "🆕 #7 Fax");
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(post(ticket, "about the fax"));
            bot.outbox().enqueue(post(ticket, "more about the fax"));
            assertTrue(delivered(2));
        }
        List<Call> creations = telegram.calls("createForumTopic");
        assertEquals(List.of(429, 200), creations.stream().map(Call::status).toList());
        assertEquals(Map.of(creations.get(1).answer().path("result").path("message_thread_id").asLong(), "🆕 #7 Fax"),
                telegram.topics(GROUP));
        long topic = telegram.topics(GROUP).keySet().iterator().next();
        assertEquals(List.of(topic, topic), telegram.sentTo(GROUP).stream().map(ForumTopicsTest::thread).toList());
        assertEquals(1, database.count("SELECT count(*) FROM telegram_outbox WHERE method = 'createForumTopic'"),
                "the creation waiting after the 429 was sent again, not queued twice");
        assertEquals(topic, database.count("SELECT thread_id FROM telegram_forum_topics WHERE ticket_id = '" + ticket + "'"));
        assertEquals(0, database.count("SELECT count(*) FROM telegram_outbox WHERE state <> 'SENT'"));
    }

    @Test
    void aGroupThatIsNoForumGetsPlainPostsAndNoTopicCalls() throws Exception {
        UUID ticket = UUID.randomUUID();
        want(ticket, "🆕 #8 Mail");
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(post(ticket, "plain as ever"));
            bot.outbox().enqueue(OutgoingCall.of(GROUP, "editForumTopic", Map.of("name", "✅ #8 Mail"), ticket));
            bot.outbox().enqueue(post(ticket, "and again"));
            assertTrue(delivered(2));
        }
        assertEquals(List.of(-1L, -1L), telegram.sentTo(GROUP).stream().map(ForumTopicsTest::thread).toList());
        assertEquals(1, telegram.calls("getChat").size(), "asked once whether the group is a forum");
        assertTrue(telegram.calls("editForumTopic").isEmpty());
        assertEquals(1, database.count("SELECT count(*) FROM telegram_outbox WHERE state = 'SKIPPED'"
                + " AND method = 'editForumTopic'"));
        assertEquals(1, database.count("SELECT count(*) FROM telegram_chats WHERE chat_id = " + GROUP + " AND NOT is_forum"));
    }

    @Test
    void whenTelegramRefusesTopicsThePostsGoPlainAndNothingIsLost() throws Exception {
        telegram.makeForum(GROUP);
        telegram.failNext("createForumTopic", Failure.badRequest("Bad Request: not enough rights to create a topic"));
        UUID ticket = UUID.randomUUID();
        want(ticket, "🆕 #9 Phones");
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(post(ticket, "phones are down"));
            assertTrue(delivered(1));
        }
        assertEquals(-1, thread(telegram.sentTo(GROUP).get(0)), "in the General topic");
        assertEquals(1, telegram.calls("createForumTopic").size(), "no retrying of a refused creation");
    }

    @Test
    void aPostAboutATicketWithoutATopicMeantGoesToTheGeneralTopic() throws Exception {
        telegram.makeForum(GROUP);
        try (TelegramBot bot = bot()) {
            bot.outbox().enqueue(post(UUID.randomUUID(), "from before the topics"));
            bot.outbox().enqueue(post(null, "about no ticket"));
            assertTrue(delivered(2));
        }
        assertEquals(List.of(-1L, -1L), telegram.sentTo(GROUP).stream().map(ForumTopicsTest::thread).toList());
        assertTrue(telegram.calls("createForumTopic").isEmpty());
    }

    @Test
    void namesAreCutToTelegramsLimitWithoutSplittingACharacter() {
        assertEquals("✅ #1042 VPN is down", ForumTopics.name("✅", 1042, "  VPN   is\ndown "));
        String cut = ForumTopics.name("🆕", 7, "x".repeat(300));
        assertEquals(ForumTopics.NAME_LIMIT, cut.length());
        assertTrue(cut.endsWith("…"));
        // 🔥 is two UTF-16 units: the cut falls in the middle of one here, which is left out whole
        String emoji = ForumTopics.name("🆕", 7, "🔥".repeat(100));
        assertEquals(ForumTopics.NAME_LIMIT - 1, emoji.length());
        assertTrue(emoji.endsWith("🔥…"), emoji);
    }
}
