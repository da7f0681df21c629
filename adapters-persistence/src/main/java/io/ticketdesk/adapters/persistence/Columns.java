package io.ticketdesk.adapters.persistence;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** What a failed statement says about the columns it wrote; types are mapped by {@link DeskJdbiPlugin}. */
public final class Columns {

    private Columns() {
    }

    /** Whether a failed statement broke a unique constraint. */
    public static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        return e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }
}
