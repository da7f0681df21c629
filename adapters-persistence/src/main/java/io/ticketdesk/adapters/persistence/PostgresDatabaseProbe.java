package io.ticketdesk.adapters.persistence;

import io.ticketdesk.application.port.out.health.DatabaseProbe;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public final class PostgresDatabaseProbe implements DatabaseProbe {

    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public PostgresDatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException unavailable) {
            return false;
        }
    }
}
