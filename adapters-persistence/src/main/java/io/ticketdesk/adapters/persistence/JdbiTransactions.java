package io.ticketdesk.adapters.persistence;

import io.ticketdesk.application.port.out.persistence.Transactions;
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

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return jdbi.inTransaction(handle -> {
            current.set(handle);
            try {
                return work.get();
            } finally {
                current.remove();
            }
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
