package io.ticketdesk.application.service.health;

import io.ticketdesk.application.port.in.health.BotHealth;
import io.ticketdesk.application.port.in.health.CheckHealthQuery;
import io.ticketdesk.application.port.out.health.BotProbe;
import io.ticketdesk.application.port.out.health.DatabaseProbe;
import java.util.Optional;

public record HealthService(DatabaseProbe database, BotProbe botProbe) implements CheckHealthQuery {

    public HealthService(DatabaseProbe database) {
        this(database, Optional::empty);
    }

    @Override
    public boolean databaseUp() {
        return database.answers();
    }

    @Override
    public Optional<BotHealth> bot() {
        try {
            return botProbe.state();
        } catch (RuntimeException unavailable) {
            // the bot's figures live in the database: when it is down, databaseUp already says so
            return Optional.empty();
        }
    }
}
