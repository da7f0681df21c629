package io.ticketdesk.application.port.in.health;

import java.util.Optional;

/** Whether the service can do its work right now. */
public interface CheckHealthQuery {

    boolean databaseUp();

    /** The Telegram bot's state, when a bot runs; its problems never make the service unhealthy. */
    default Optional<BotHealth> bot() {
        return Optional.empty();
    }
}
