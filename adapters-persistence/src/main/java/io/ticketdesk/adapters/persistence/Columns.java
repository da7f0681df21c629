package io.ticketdesk.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Reading and writing the column types every table here uses, the same way everywhere. */
public final class Columns {

    private Columns() {
    }

    /** Instants go to timestamptz as UTC offsets, so the JVM's time zone never matters. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** Whether a failed statement broke a unique constraint. */
    public static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        return e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }
}
