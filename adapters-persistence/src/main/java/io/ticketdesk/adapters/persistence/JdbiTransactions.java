package io.ticketdesk.adapters.persistence;

import io.ticketdesk.application.port.out.persistence.Transactions;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One transaction per use case: the handle of the running transaction is kept per thread so
 * that every repository called inside {@link #inTransaction} works in it.
 */
public final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A transaction PostgreSQL aborted as a deadlock victim or serialization failure is run again, this often. */
    static final int ATTEMPTS = 3;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> {
                    current.set(handle);
                    try {
                        return work.get();
                    } finally {
                        current.remove();
                    }
                });
            } catch (RuntimeException failure) {
                // two writers taking shared counter rows in opposite orders: one is aborted and simply
                // runs again on the state the other left, instead of answering 500
                if (attempt == ATTEMPTS || !abortedByPostgres(failure)) {
                    throw failure;
                }
            }
        }
    }

    private static boolean abortedByPostgres(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs several reads that must agree (a page and its total) on one snapshot: a repeatable-read
     * transaction of their own, or the current transaction when there is one.
     */
    public <T> T withSnapshot(Function<Handle, T> reads) {
        Handle handle = current.get();
        if (handle != null) {
            return reads.apply(handle);
        }
        // isolation set by one statement inside the transaction: no session-wide change to undo
        return jdbi.inTransaction(snapshot -> {
            snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return reads.apply(snapshot);
        });
    }

    /** Runs {@code work} in the current transaction, or on a handle of its own outside one. */
    public <T> T withHandle(Function<Handle, T> work) {
        Handle handle = current.get();
        if (handle != null) {
            return work.apply(handle);
        }
        return jdbi.withHandle(work::apply);
    }
}
