package io.ticketdesk.adapters.telegram.dialogue;

import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;

/**
 * The desk's account of whoever wrote: found by Telegram id, created on first contact; bootstrap
 * hands in the application's in-port for it.
 */
@FunctionalInterface
public interface TelegramCallers {

    /** @throws io.ticketdesk.domain.users.UserBlockedException when the person is blocked */
    User identify(TelegramIdentity identity);
}
