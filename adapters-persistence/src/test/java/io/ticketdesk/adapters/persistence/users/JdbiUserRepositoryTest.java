package io.ticketdesk.adapters.persistence.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.application.port.out.persistence.UserRepositoryContract;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiUserRepositoryTest extends UserRepositoryContract {

    private static PostgresDatabase database;
    private static JdbiTransactions transactions;
    private static JdbiUserRepository repository;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 8);
        transactions = new JdbiTransactions(database.jdbi());
        repository = new JdbiUserRepository(transactions);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected UserRepository repository() {
        return repository;
    }

    @Override
    protected User saveWithRoleAndStatus(User user) {
        database.jdbi().useHandle(handle -> handle
                .createUpdate("UPDATE users SET role = :role, is_active = :active WHERE id = :id")
                .bind("role", user.role().name())
                .bind("active", user.active())
                .bind("id", user.id())
                .execute());
        return repository.findById(user.id()).orElseThrow();
    }

    @Test
    void simultaneousFirstLoginsOfOnePersonMakeOneUser() throws Exception {
        int logins = 8;
        CyclicBarrier start = new CyclicBarrier(logins);
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        try {
            List<Callable<User>> attempts = IntStream.range(0, logins).<Callable<User>>mapToObj(i -> () -> {
                start.await();
                return transactions.inTransaction(() -> repository.insertOrRefreshProfile(User.firstLogin(
                        UUID.randomUUID(), new TelegramIdentity(5005, "Ann", null, null, null), Role.USER,
                        Instant.parse("2024-03-01T00:00:00Z"))));
            }).toList();
            List<UUID> ids = pool.invokeAll(attempts).stream().map(JdbiUserRepositoryTest::get).map(User::id)
                    .distinct().toList();

            assertEquals(1, ids.size());
            assertEquals(Integer.valueOf(1), database.jdbi().<Integer, RuntimeException>withHandle(h -> h
                    .createQuery("SELECT count(*) FROM users WHERE telegram_id = 5005").mapTo(Integer.class).one()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedUseCaseLeavesNothingBehind() {
        User newcomer = User.firstLogin(UUID.randomUUID(), new TelegramIdentity(6006, "Bo", null, null, null),
                Role.USER, Instant.parse("2024-03-01T00:00:00Z"));

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            repository.insertOrRefreshProfile(newcomer);
            throw new IllegalStateException("the use case fails after writing");
        }));

        assertTrue(repository.findByTelegramId(6006).isEmpty());
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
