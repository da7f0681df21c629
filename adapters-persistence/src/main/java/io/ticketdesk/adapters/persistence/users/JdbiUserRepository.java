package io.ticketdesk.adapters.persistence.users;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.domain.users.User;
import java.util.Optional;
import java.util.UUID;

public final class JdbiUserRepository implements UserRepository {

    /** The advisory lock key of role and status changes (any constant; "admin" in ASCII). */
    private static final long ADMINISTRATION_LOCK = 0x61646d696eL;

    private final JdbiTransactions transactions;
    private final UserSql sql;

    public JdbiUserRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
        this.sql = new UserSql(transactions);
    }

    @Override
    public Optional<User> findById(UUID id) {
        return sql.findOne("SELECT " + UserSql.COLUMNS + " FROM users WHERE id = :id", "id", id);
    }

    @Override
    public Optional<User> findByTelegramId(long telegramId) {
        return sql.findOne("SELECT " + UserSql.COLUMNS + " FROM users WHERE telegram_id = :telegramId",
                "telegramId", telegramId);
    }

    @Override
    public User insertOrRefreshProfile(User candidate) {
        return sql.write("""
                INSERT INTO users (id, telegram_id, username, first_name, last_name, language_code, role, is_active,
                                   created_at, updated_at, last_login_at)
                VALUES (:id, :telegramId, :username, :firstName, :lastName, :languageCode, :role, :active,
                        :createdAt, :updatedAt, :updatedAt)
                ON CONFLICT (telegram_id) DO UPDATE SET
                    username = EXCLUDED.username,
                    first_name = EXCLUDED.first_name,
                    last_name = EXCLUDED.last_name,
                    language_code = EXCLUDED.language_code,
                    updated_at = EXCLUDED.updated_at,
                    last_login_at = EXCLUDED.last_login_at
                RETURNING\s""" + UserSql.COLUMNS, candidate);
    }

    @Override
    public User updateProfile(User user) {
        return sql.write("""
                UPDATE users SET username = :username, first_name = :firstName, last_name = :lastName,
                                 updated_at = :updatedAt
                WHERE id = :id
                RETURNING\s""" + UserSql.COLUMNS, user);
    }

    @Override
    public long lockAdministrationAndCountActiveAdmins() {
        // one lock for every role and status change, held to the end of the transaction; the count
        // runs after it is granted, so it sees every change committed before ours
        return transactions.withHandle(handle -> {
            handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)").bind("key", ADMINISTRATION_LOCK)
                    .mapTo(Integer.class).one();
            return handle.createQuery("SELECT count(*) FROM users WHERE role = 'ADMIN' AND is_active")
                    .mapTo(Long.class).one();
        });
    }

    @Override
    public User updateRoleAndStatus(User user) {
        return sql.write("""
                UPDATE users SET role = :role, is_active = :active, updated_at = :updatedAt
                WHERE id = :id
                RETURNING\s""" + UserSql.COLUMNS, user);
    }
}
