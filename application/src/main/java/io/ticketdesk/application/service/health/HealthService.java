package io.ticketdesk.application.service.health;

import io.ticketdesk.application.port.in.health.CheckHealthQuery;
import io.ticketdesk.application.port.out.health.DatabaseProbe;

public final class HealthService implements CheckHealthQuery {

    private final DatabaseProbe database;

    public HealthService(DatabaseProbe database) {
        this.database = database;
    }

    @Override
    public boolean databaseUp() {
        return database.answers();
    }
}
