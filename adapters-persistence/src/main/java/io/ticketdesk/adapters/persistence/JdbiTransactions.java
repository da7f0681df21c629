package io.ticketdesk.adapters.persistence;

import io.ticketdesk.application.port.out.persistence.Transactions;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One transaction per use case. JDBI keeps the handle of a running callback per thread, so every
 * repository called inside {@link #inTransaction} works on the same handle and transaction; a
 * transaction PostgreSQL aborts is run again by the {@link DeskJdbiPlugin}'s transaction runner.
 */
public final class JdbiTransactions implements Transactions {

    /** A transaction aborted as a deadlock victim or serialization failure (SQLState 40…) runs this often at most. */
    static final int ATTEMPTS = 3;

    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        // inside a running transaction the work joins it: only the outermost one is retried as a whole
        return jdbi.withHandle(handle -> handle.isInTransaction() ? work.get() : handle.inTransaction(h -> work.get()));
    }

    /**
     * Runs several reads that must agree (a page and its total) on one snapshot: a repeatable-read
     * transaction of their own, or the current transaction when there is one.
     */
    public <T> T withSnapshot(Function<Handle, T> reads) {
        return jdbi.withHandle(handle -> handle.isInTransaction() ? reads.apply(handle) : handle.inTransaction(snapshot -> {
            // isolation set by one statement inside the transaction: no session-wide change to undo
            snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return reads.apply(snapshot);
        }));
    }

    /** Runs {@code work} on the handle of the current transaction, or on a handle of its own outside one. */
    public <T> T withHandle(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }
}
