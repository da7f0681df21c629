package io.ticketdesk.bootstrap;

import static io.ticketdesk.bootstrap.MetricsTest.scrapeUntil;
import static io.ticketdesk.bootstrap.MetricsTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Failure;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /metrics} of a desk with a bot: Telegram calls by method and outcome, and the outbox gauges. */
class TelegramMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long ANNA = 6_001;
    private static final long BORIS = 6_002;
    private static final long CLARA = 6_003;
    @RegisterExtension
    final BotDesk botDesk = new BotDesk();
    private final FakeTelegram telegram = botDesk.telegram();
    private DeskUnderTest desk;

    @BeforeEach
    void start() {
        desk = botDesk.start(botDesk.environment("polling"));
    }

    private void say(long user, String name, String text) {
        botDesk.say(user, name, "en", text);
    }

    private void awaitSent(long chat, String fragment) {
        botDesk.awaitText(chat, fragment, WAIT);
    }

    @Test
    void callsAreCountedByMethodAndOutcomeAndTheOutboxShowsItsBacklog() {
        say(ANNA, "Anna", "/start");
        awaitSent(ANNA, "Hello, Anna");

        // Telegram slows the bot down once, then fails once: the answer still arrives, late
        telegram.failNext("sendMessage", Failure.tooManyRequests(1));
        telegram.failNext("sendMessage", Failure.serverError(502));
        say(BORIS, "Boris", "/help");
        awaitSent(BORIS, "What the bot does");

        // the next poll loses its connection; the poller comes back and hears Clara, who blocked the bot
        telegram.failNext("getUpdates", Failure.connectionReset());
        telegram.blockChat(CLARA);
        say(ANNA, "Anna", "/help");
        awaitSent(ANNA, "What the bot does");
        say(CLARA, "Clara", "/start");
        assertTrue(telegram.awaitCalls(calls -> calls.stream().anyMatch(call -> call.chatId() == CLARA
                && call.status() == 403), WAIT), "the send to Clara was tried");

        // a call that has waited a minute and a half for a chat the bot never reached
        desk.sql("INSERT INTO telegram_outbox (chat_id, method, params, created_at) VALUES (6999, 'sendMessage',"
                + " '{\"chat_id\":6999,\"text\":\"x\"}', clock_timestamp() - interval '90 seconds')");

        String metrics = scrapeUntil(desk, "desk_outbox_depth 2.0", () -> desk.text("SELECT string_agg(chat_id"
                + " || ' ' || method || ' ' || state, ', ' ORDER BY id) FROM telegram_outbox"));
        assertTrue(value(metrics, "desk_telegram_calls_total", "method=\"sendMessage\",outcome=\"ok\"") >= 3,
                metrics);
        assertEquals(1.0, value(metrics, "desk_telegram_calls_total", "method=\"sendMessage\",outcome=\"rate_limited\""));
        assertEquals(1.0, value(metrics, "desk_telegram_calls_total", "method=\"sendMessage\",outcome=\"server_error\""));
        assertEquals(1.0, value(metrics, "desk_telegram_calls_total", "method=\"sendMessage\",outcome=\"blocked\""));
        assertEquals(1.0, value(metrics, "desk_telegram_calls_total", "method=\"getUpdates\",outcome=\"network\""));
        assertTrue(value(metrics, "desk_telegram_calls_total", "method=\"getUpdates\",outcome=\"ok\"") >= 2);
        assertTrue(value(metrics, "desk_telegram_calls_total", "method=\"setMyCommands\",outcome=\"ok\"") >= 1,
                "set-up calls are counted too");
        // Clara's parked notice and the stranded call wait; the stranded one for about 90 s
        double oldest = value(metrics, "desk_outbox_oldest_age_seconds", null);
        assertTrue(oldest >= 90 && oldest < 600, "oldest age " + oldest);
    }
}
