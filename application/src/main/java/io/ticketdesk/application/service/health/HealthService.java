package io.ticketdesk.application.service.health;

import io.ticketdesk.application.port.in.health.CheckHealthQuery;
import io.ticketdesk.application.port.out.health.DatabaseProbe;

public record HealthService(DatabaseProbe database) implements CheckHealthQuery {

    @Override
    public boolean databaseUp() {
        return database.answers();
    }
}
