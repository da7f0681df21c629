package io.ticketdesk.application.port.in.auth;

import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;

/**
 * Who is talking to the desk through an adapter that Telegram itself vouches for (the bot's
 * updates), so no Mini App initData is needed. The first contact creates the person exactly as a
 * first login does (ADMIN_TELEGRAM_IDS grants ADMIN then); later contacts refresh their profile
 * fields (names, username, language) and keep their id, role and status.
 */
public interface IdentifyTelegramUserUseCase {

    /**
     * @throws io.ticketdesk.domain.users.UserBlockedException when the person is blocked
     *         (their profile is still refreshed)
     */
    User identify(TelegramIdentity identity);
}
