package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Call;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh fake Bot API for one test, the desk whose bot talks to it, and people writing to the bot;
 * both closed after the test. Register it as a non-static {@code @RegisterExtension} field: JUnit
 * makes a test instance, so a fake, per test.
 */
final class BotDesk implements AfterEachCallback {

    private final FakeTelegram telegram = FakeTelegram.start();
    private DeskUnderTest desk;
    private long nextMessageId = 1;

    FakeTelegram telegram() {
        return telegram;
    }

    /** The settings of a desk whose bot reaches this fake in {@code mode}; callers add their own. */
    Map<String, String> environment(String mode) {
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", FakeTelegram.TOKEN);
        env.put("TELEGRAM_MODE", mode);
        env.put("TELEGRAM_API_URL", telegram.baseUrl().toString());
        return env;
    }

    /** Starts the desk with {@code environment}, closing the one this test started before. */
    DeskUnderTest start(Map<String, String> environment) {
        if (desk != null) {
            desk.close();
            desk = null;
        }
        desk = DeskUnderTest.start(environment);
        return desk;
    }

    /** A message id no other message of this test has. */
    long nextMessageId() {
        return nextMessageId++;
    }

    /** {@code user} writes {@code text} to the bot in a private chat. */
    void say(long user, String name, String language, String text) {
        telegram.pushUpdate(FakeTelegram.privateText(user, name, language, nextMessageId(), text));
    }

    /**
     * Waits for the bot's message to {@code chat} that satisfies {@code which} ({@code what} names it in the
     * failure), and returns the latest such.
     */
    Call awaitSent(long chat, String what, Predicate<Call> which, Duration wait) {
        assertTrue(telegram.awaitCalls(calls -> calls.stream().anyMatch(call -> call.status() == 200
                && call.chatId() == chat && call.text() != null && which.test(call)), wait),
                "no " + what + " to " + chat + "; sent: " + telegram.sentTo(chat).stream().map(Call::text).toList());
        return telegram.sentTo(chat).stream().filter(which).reduce((a, b) -> b).orElseThrow();
    }

    /** Waits for the bot's message to {@code chat} containing {@code fragment}, and returns the latest such. */
    Call awaitText(long chat, String fragment, Duration wait) {
        return awaitSent(chat, "message with \"" + fragment + "\"",
                call -> call.text() != null && call.text().contains(fragment), wait);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (desk != null) {
                desk.close();
            }
        } finally {
            telegram.close();
        }
    }
}
