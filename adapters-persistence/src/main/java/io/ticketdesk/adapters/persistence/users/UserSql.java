package io.ticketdesk.adapters.persistence.users;

import io.ticketdesk.adapters.persistence.Columns;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads and writes user rows; the column list and the row-to-User mapping in one place. */
final class UserSql {

    private final JdbiTransactions transactions;

    UserSql(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    Optional<User> findOne(String query, String name, Object value) {
        return transactions.withHandle(handle -> handle.createQuery(query)
                .bind(name, value)
                .map(UserSql::map)
                .findOne());
    }

    User write(String statement, User user) {
        return transactions.withHandle(handle -> handle.createQuery(statement)
                .bind("id", user.id())
                .bind("telegramId", user.telegramId())
                .bind("username", user.username())
                .bind("firstName", user.firstName())
                .bind("lastName", user.lastName())
                .bind("languageCode", user.languageCode())
                .bind("role", user.role().name())
                .bind("active", user.active())
                .bind("createdAt", Columns.utc(user.createdAt()))
                .bind("updatedAt", Columns.utc(user.updatedAt()))
                .map(UserSql::map)
                .one());
    }

    static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getLong("telegram_id"),
                rs.getString("username"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("language_code"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("is_active"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }
}
