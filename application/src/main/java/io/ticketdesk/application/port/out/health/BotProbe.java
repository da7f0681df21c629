package io.ticketdesk.application.port.out.health;

import io.ticketdesk.application.port.in.health.BotHealth;
import java.util.Optional;

/** The Telegram bot's state, when a bot runs in this instance. */
public interface BotProbe {

    /** Empty when no bot runs; must not call Telegram (health answers fast whatever Telegram does). */
    Optional<BotHealth> state();
}
