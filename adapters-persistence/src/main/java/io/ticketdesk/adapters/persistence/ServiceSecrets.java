package io.ticketdesk.adapters.persistence;

import java.util.function.Supplier;

/** Secrets the service makes for itself once and keeps, so that they survive restarts. */
public final class ServiceSecrets {

    private final JdbiTransactions transactions;

    public ServiceSecrets(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    /** The stored secret {@code name}; the first caller stores a fresh one, all instances agree. */
    public String getOrCreate(String name, Supplier<String> generator) {
        return transactions.withHandle(handle -> {
            handle.createUpdate("INSERT INTO service_secrets (name, value) VALUES (:name, :value) "
                            + "ON CONFLICT (name) DO NOTHING")
                    .bind("name", name)
                    .bind("value", generator.get())
                    .execute();
            return handle.createQuery("SELECT value FROM service_secrets WHERE name = :name")
                    .bind("name", name)
                    .mapTo(String.class)
                    .one();
        });
    }
}
