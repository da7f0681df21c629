package io.ticketdesk.adapters.telegram.dialogue;

import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import io.ticketdesk.adapters.telegram.delivery.OutgoingCall;
import io.ticketdesk.adapters.telegram.delivery.TelegramOutbox;
import io.ticketdesk.application.port.in.limits.ApplyRateLimitUseCase;
import io.ticketdesk.application.port.in.limits.LimitedAction;
import io.ticketdesk.application.port.in.limits.RateLimitDecision;
import io.ticketdesk.domain.users.User;

/**
 * The desk's rate limits for people writing through the bot: the REST API's budgets (per person,
 * shared with their REST calls, staff higher), spent when a message, a file or a new ticket comes
 * in. Over the limit the writer hears once that it was not saved and when to write again; further
 * refusals within the limit's window get no answer (a flood is not answered with a flood).
 */
final class ChatLimits {

    // one notice per person and action per window, decided atomically in the database: any instance may handle the next update
    private static final String CLAIM_NOTICE = """
            INSERT INTO telegram_rate_notices AS n (user_id, action, quiet_until)
            VALUES (:user, :action, clock_timestamp() + make_interval(secs => :quiet))
            ON CONFLICT (user_id, action) DO UPDATE SET quiet_until = EXCLUDED.quiet_until
             WHERE n.quiet_until <= clock_timestamp()
            RETURNING 1""";

    private final ApplyRateLimitUseCase limiter;
    private final BotDatabase database;
    private final TelegramOutbox outbox;

    ChatLimits(ApplyRateLimitUseCase limiter, BotDatabase database, TelegramOutbox outbox) {
        this.limiter = limiter;
        this.database = database;
        this.outbox = outbox;
    }

    /**
     * Spends one {@code action} from {@code user}'s budget; false when over the limit, after telling
     * {@code chat} so (at most once per window). The caller then stores nothing of that message.
     */
    boolean allow(LimitedAction action, User user, long chat, Language language) {
        return allow(action, user, chat, null, language);
    }

    /** As above, the notice going to forum topic {@code thread} of {@code chat} (null: the chat itself). */
    boolean allow(LimitedAction action, User user, long chat, Integer thread, Language language) {
        RateLimitDecision decision = limiter.tryTake(action, user.id().toString(), user.isStaff());
        if (decision.allowed()) {
            return true;
        }
        long window = decision.limit().window().toSeconds();
        long quiet = Math.max(decision.retryAfterSeconds(), window);
        boolean first = database.inTransaction(handle -> handle.createQuery(CLAIM_NOTICE)
                .bind("user", user.id())
                .bind("action", action.name())
                .bind("quiet", (double) quiet)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
        if (first) {
            outbox.enqueue(OutgoingCall.text(chat, thread, BotTexts.get(language, "limited." + action.name(),
                    span(language, decision.retryAfterSeconds()), span(language, window)), "", null, null, false));
        }
        return false;
    }

    /** A wait as a person reads it: seconds up to a minute and a half, whole minutes (rounded up) beyond. */
    static String span(Language language, long seconds) {
        return seconds < 90 ? BotTexts.get(language, "seconds", Math.max(1, seconds))
                : BotTexts.get(language, "minutes", (seconds + 59) / 60);
    }
}
