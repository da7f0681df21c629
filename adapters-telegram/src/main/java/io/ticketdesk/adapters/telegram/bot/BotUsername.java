package io.ticketdesk.adapters.telegram.bot;

import io.ticketdesk.adapters.telegram.api.ApiAnswer;
import io.ticketdesk.adapters.telegram.api.TelegramBotApi;
import io.ticketdesk.adapters.telegram.api.User;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bot's @username, for {@code t.me/<bot>?startapp=...} links: {@code BOT_USERNAME} when set,
 * else what {@code getMe} says, asked on first need from a background thread and kept.
 */
public final class BotUsername implements Supplier<Optional<String>> {

    /** After a failed getMe, links are left out for this long before asking again. */
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final TelegramBotApi api;
    private String known;
    private long nextTry = System.nanoTime();

    public BotUsername(Optional<String> configured, TelegramBotApi api) {
        this.api = api;
        this.known = configured.map(name -> name.startsWith("@") ? name.substring(1) : name).orElse(null);
    }

    @Override
    public synchronized Optional<String> get() {
        if (known == null && System.nanoTime() - nextTry >= 0) {
            ApiAnswer answer = api.call("getMe", null);
            String name = answer.ok() ? answer.result(User.class).username() : null;
            if (name != null && name.matches("[A-Za-z0-9_]{1,64}")) {
                known = name;
            } else {
                nextTry = System.nanoTime() + RETRY.toNanos();
            }
        }
        return Optional.ofNullable(known);
    }
}
