package io.ticketdesk.adapters.persistence.limits;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.out.limits.RateLimitStore;
import java.util.Optional;

/** The budgets in {@code rate_limit_buckets}: one upsert per request, atomic under concurrency from any instance. */
public final class PostgresRateLimitStore implements RateLimitStore {

    // the row lock of ON CONFLICT DO UPDATE serialises spenders of one bucket; the WHERE refuses
    // without writing, so a refused request changes nothing. The statement is its own transaction
    // and commits without waiting for the WAL flush (set_config(..., true) lasts that transaction):
    // a database crash may forget the last fraction of a second of spends, which a budget can
    // afford, and the action a request goes on to do no longer waits for two flushes.
    private static final String TAKE = """
            INSERT INTO rate_limit_buckets AS b (bucket, arrival_micros)
            SELECT :bucket, :now + :interval FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
            ON CONFLICT (bucket) DO UPDATE SET arrival_micros = GREATEST(b.arrival_micros, :now) + :interval
             WHERE GREATEST(b.arrival_micros, :now) + :interval - :period <= :now
            RETURNING arrival_micros""";

    private final JdbiTransactions transactions;

    public PostgresRateLimitStore(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Outcome take(String bucket, long nowMicros, long intervalMicros, long periodMicros) {
        return transactions.withHandle(handle -> {
            Optional<Long> taken = handle.createQuery(TAKE)
                    .bind("bucket", bucket)
                    .bind("now", nowMicros)
                    .bind("interval", intervalMicros)
                    .bind("period", periodMicros)
                    .mapTo(Long.class)
                    .findOne();
            if (taken.isPresent()) {
                return new Outcome(true, taken.get());
            }
            long arrival = handle.createQuery("SELECT arrival_micros FROM rate_limit_buckets WHERE bucket = :bucket")
                    .bind("bucket", bucket)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(nowMicros);
            return new Outcome(false, arrival);
        });
    }

    @Override
    public int forgetFull(long nowMicros) {
        return transactions.withHandle(handle -> handle
                .createUpdate("DELETE FROM rate_limit_buckets WHERE arrival_micros < :now")
                .bind("now", nowMicros)
                .execute());
    }
}
