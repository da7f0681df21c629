package io.ticketdesk.adapters.persistence.users;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.domain.users.User;
import java.util.Optional;

/** Reads and writes user rows: the column list (aliased to the record's names) in one place. */
final class UserSql {

    static final String COLUMNS = "id, telegram_id, username, first_name, last_name, language_code, role, "
            + "is_active AS active, created_at, updated_at";

    private final JdbiTransactions transactions;

    UserSql(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    Optional<User> findOne(String query, String name, Object value) {
        return transactions.withHandle(handle -> handle.createQuery(query)
                .bind(name, value)
                .mapTo(User.class)
                .findOne());
    }

    /** Runs a statement bound to the user's components that returns the stored row. */
    User write(String statement, User user) {
        return transactions.withHandle(handle -> handle.createQuery(statement)
                .bindMethods(user)
                .mapTo(User.class)
                .one());
    }
}
