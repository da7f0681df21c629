package io.ticketdesk.adapters.telegram.bot;

import io.ticketdesk.adapters.telegram.api.Update;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.receiving.UpdateHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bot of one instance against the fake Bot API, recording the updates it handled. */
public final class BotHarness {

    /** Updates handled, across every instance a test starts (each instance adds what it handled). */
    public final List<Update> handled = new CopyOnWriteArrayList<>();

    public static TelegramBot.Config polling(FakeTelegram telegram) {
        return new TelegramBot.Config(TelegramBot.Mode.POLLING, telegram.baseUrl(), FakeTelegram.TOKEN, Optional.empty(),
                Optional.empty(), Optional.empty(), 1, Duration.ofMillis(500), 2, Duration.ofMillis(34));
    }

    public static TelegramBot.Config webhook(FakeTelegram telegram, String url, String secret) {
        return new TelegramBot.Config(TelegramBot.Mode.WEBHOOK, telegram.baseUrl(), FakeTelegram.TOKEN,
                Optional.of(java.net.URI.create(url)), Optional.of(secret),
                Optional.of(java.net.URI.create("https://desk.example/app")), 1, Duration.ofMillis(500), 2,
                Duration.ofMillis(34));
    }

    public UpdateHandler recorder() {
        return handled::add;
    }

    /** Waits until {@code count} updates were handled; false if that never happened. */
    public boolean awaitHandled(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handled.size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Waits until {@code condition} holds. */
    public static boolean await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
