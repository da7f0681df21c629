package io.ticketdesk.adapters.telegram.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.api.Update;
import io.ticketdesk.adapters.telegram.bot.BotHarness;
import io.ticketdesk.adapters.telegram.bot.BotTestbed;
import io.ticketdesk.adapters.telegram.bot.TelegramBot;
import io.ticketdesk.adapters.telegram.bot.TestBotDatabase;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Polling: one leader across instances, updates stored with their offset and handled once. */
class PollingTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    final BotTestbed testbed = new BotTestbed();
    private final FakeTelegram telegram = testbed.telegram();
    private final TestBotDatabase database = testbed.database();

    private long say(long user, String text) {
        return telegram.pushUpdate(FakeTelegram.privateText(user, "Ann", "en", System.nanoTime() % 1_000_000, text));
    }

    @Test
    void updatesAreStoredWithTheOffsetAndHandledOnceInOrder() throws Exception {
        BotHarness harness = new BotHarness();
        List<Long> ids;
        try (TelegramBot bot = TelegramBot.start(BotHarness.polling(telegram), database.bot(), harness.recorder())) {
            ids = List.of(say(1, "one"), say(1, "two"), say(2, "three"));
            assertTrue(harness.awaitHandled(3, WAIT));
            assertTrue(BotHarness.await(() -> telegram.pendingUpdates() == 0, WAIT), "the offset confirmed them");
        }
        assertEquals(ids, harness.handled.stream().map(Update::updateId).toList());
        assertEquals(ids.get(2) + 1, database.count("SELECT next_offset FROM telegram_poll_state"));
        assertEquals(3, database.count("SELECT count(*) FROM telegram_updates WHERE handled_at IS NOT NULL"));

        // a restart neither asks for them again nor handles them again
        BotHarness again = new BotHarness();
        try (TelegramBot bot = TelegramBot.start(BotHarness.polling(telegram), database.bot(), again.recorder())) {
            long later = say(1, "four");
            assertTrue(again.awaitHandled(1, WAIT));
            Thread.sleep(300);
            assertEquals(List.of(later), again.handled.stream().map(Update::updateId).toList());
        }
        assertTrue(telegram.calls("getUpdates").stream().allMatch(call -> call.status() == 200),
                "one poller at a time: never a 409");
    }

    @Test
    void oneLeaderPollsAndAnotherTakesOverWhenItDies() throws Exception {
        BotHarness harness = new BotHarness();
        TestBotDatabase second = database.secondInstance();
        java.time.Instant[] leaderDied = new java.time.Instant[1];
        TelegramBot first = TelegramBot.start(BotHarness.polling(telegram), database.bot(), harness.recorder());
        TelegramBot other = TelegramBot.start(BotHarness.polling(telegram), second.bot(), harness.recorder());
        try {
            assertTrue(BotHarness.await(() -> first.status().leader() || other.status().leader(), WAIT));
            Thread.sleep(1_500);
            assertTrue(first.status().leader() ^ other.status().leader(), "exactly one leader");
            for (int i = 0; i < 10; i++) {
                say(10 + i % 3, "message " + i);
            }
            assertTrue(harness.awaitHandled(10, WAIT));

            TelegramBot leader = first.status().leader() ? first : other;
            TelegramBot follower = leader == first ? other : first;
            leaderDied[0] = java.time.Instant.now();
            leader.close();
            assertTrue(BotHarness.await(() -> follower.status().leader(), WAIT), "the other instance takes over");
            say(20, "after the leader died");
            assertTrue(harness.awaitHandled(11, WAIT));
        } finally {
            first.close();
            other.close();
            second.close();
        }
        Set<Long> distinct = harness.handled.stream().map(Update::updateId).collect(Collectors.toSet());
        assertEquals(11, harness.handled.size(), "each update handled once across both instances");
        assertEquals(11, distinct.size());
        // (the dead leader's abandoned long poll may be ended with a 409 by the next leader's first poll)
        assertTrue(telegram.calls("getUpdates").stream()
                        .noneMatch(call -> call.status() == 409 && call.answered().isBefore(leaderDied[0])),
                "the two instances never polled at once while both lived");
    }

    @Test
    void aWebhookLeftBehindIsRemovedBeforePolling() throws Exception {
        new io.ticketdesk.adapters.telegram.api.TelegramBotApi(telegram.baseUrl(), FakeTelegram.TOKEN)
                .call("setWebhook", Map.of("url", "https://old.example/hook"));
        BotHarness harness = new BotHarness();
        try (TelegramBot bot = TelegramBot.start(BotHarness.polling(telegram), database.bot(), harness.recorder())) {
            say(3, "hello");
            assertTrue(harness.awaitHandled(1, WAIT));
        }
        assertFalse(telegram.calls("deleteWebhook").isEmpty());
        assertEquals("", telegram.webhook().path("url").asText());
    }

    @Test
    void theLeaderSetsCommandsInBothLanguages() throws Exception {
        try (TelegramBot bot = TelegramBot.start(BotHarness.polling(telegram), database.bot(), update -> { })) {
            assertTrue(BotHarness.await(() -> telegram.commands("ru") != null && telegram.commands("en") != null, WAIT));
        }
        assertEquals("new", telegram.commands("ru").get(0).path("command").asText());
        assertEquals("Новое обращение", telegram.commands("ru").get(0).path("description").asText());
        assertEquals("Open a new ticket", telegram.commands("en").get(0).path("description").asText());
    }

    @Test
    void aFailingUpdateIsSetAsideAfterThreeTriesAndTheChatGoesOn() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        BotHarness harness = new BotHarness();
        UpdateHandler handler = update -> {
            if ("poison".equals(update.message().text())) {
                tries.incrementAndGet();
                throw new IllegalStateException("cannot handle this one");
            }
            harness.handled.add(update);
        };
        try (TelegramBot bot = TelegramBot.start(BotHarness.polling(telegram), database.bot(), handler)) {
            say(5, "poison");
            long next = say(5, "fine");
            assertTrue(harness.awaitHandled(1, WAIT));
            assertEquals(next, harness.handled.get(0).updateId());
        }
        assertEquals(UpdateProcessor.MAX_ATTEMPTS, tries.get());
        assertEquals(1, database.count("SELECT count(*) FROM telegram_updates WHERE failure LIKE 'IllegalStateException%'"
                + " AND handled_at IS NOT NULL"));
    }

    @Test
    void pollingRidesOutTelegramFailures() throws Exception {
        telegram.failNext("getUpdates", FakeTelegram.Failure.serverError(502));
        telegram.failNext("getUpdates", FakeTelegram.Failure.connectionReset());
        BotHarness harness = new BotHarness();
        try (TelegramBot bot = TelegramBot.start(BotHarness.polling(telegram), database.bot(), harness.recorder())) {
            say(6, "still arrives");
            assertTrue(harness.awaitHandled(1, WAIT));
        }
    }
}
