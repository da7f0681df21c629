package io.ticketdesk.application.service.auth;

import io.ticketdesk.domain.InputField;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.in.auth.AuthenticationFailedException;
import io.ticketdesk.application.port.in.auth.LogInWithTelegramCommand;
import io.ticketdesk.application.port.out.auth.InitDataVerifier;
import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import io.ticketdesk.application.port.out.persistence.DirectTransactions;
import io.ticketdesk.application.port.out.persistence.InMemoryUserRepository;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserBlockedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogInWithTelegramServiceTest {

    private static final Instant NOW = Instant.parse("2024-05-01T09:30:00.123456789Z");

    /** Accepts initData of the form "id:firstName"; anything else is refused as unsigned. */
    private final Map<String, TelegramIdentity> genuine = new HashMap<>();
    private final InitDataVerifier verifier = (initData, hash) -> {
        TelegramIdentity identity = genuine.get(initData);
        if (identity == null) {
            throw new InvalidInitDataException("auth.init_data.signature");
        }
        return identity;
    };
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final LogInWithTelegramService service = new LogInWithTelegramService(verifier, users,
            new DirectTransactions(), Clock.fixed(NOW, ZoneOffset.UTC), Set.of(7L));

    private User logIn(long telegramId, String firstName) {
        String initData = telegramId + ":" + firstName;
        genuine.put(initData, new TelegramIdentity(telegramId, firstName, null, null, "en"));
        return service.logIn(new LogInWithTelegramCommand(initData, null));
    }

    @Test
    void aFirstLoginCreatesAnActiveUser() {
        User user = logIn(1, "Ann");

        assertEquals(Role.USER, user.role());
        assertEquals(true, user.active());
        assertEquals(Instant.parse("2024-05-01T09:30:00.123456Z"), user.createdAt());
        assertEquals(user, users.findByTelegramId(1).orElseThrow());
    }

    @Test
    void listedTelegramIdsBecomeAdminOnFirstLoginOnly() {
        User admin = logIn(7, "Boss");
        users.save(new User(admin.id(), 7, null, "Boss", null, "en", Role.HELPER, true, admin.createdAt(),
                admin.updatedAt()));

        assertEquals(Role.ADMIN, admin.role());
        assertEquals(Role.HELPER, logIn(7, "Boss").role());
    }

    @Test
    void laterLoginsRefreshTheProfile() {
        User first = logIn(2, "Old");

        User second = logIn(2, "New");

        assertEquals(first.id(), second.id());
        assertEquals("New", second.firstName());
    }

    @Test
    void refusedDataBecomesAnAuthenticationFailureWithTheReason() {
        AuthenticationFailedException failure = assertThrows(AuthenticationFailedException.class,
                () -> service.logIn(new LogInWithTelegramCommand("forged", null)));

        assertEquals("auth.init_data.signature", failure.reason());
        assertEquals(true, users.findByTelegramId(3).isEmpty());
    }

    @Test
    void aBlockedUserCannotLogIn() {
        User user = logIn(4, "Troll");
        users.save(new User(user.id(), 4, null, "Troll", null, "en", Role.USER, false, user.createdAt(),
                user.updatedAt()));

        assertThrows(UserBlockedException.class, () -> logIn(4, "Troll"));
    }

    @Test
    void emptyOrHugeInitDataIsAValidationError() {
        assertEquals(InputField.INIT_DATA, assertThrows(ValidationException.class,
                () -> new LogInWithTelegramCommand(" ", null)).problems().get(0).field());
        assertEquals("validation.too_long", assertThrows(ValidationException.class,
                () -> new LogInWithTelegramCommand("x".repeat(8193), null)).problems().get(0).code());
    }

    @Test
    void theBotIdentifiesAFirstContactAsALoginWouldWithoutInitData() {
        User admin = service.identify(new TelegramIdentity(7, "Boss", null, "boss", "ru"));
        User customer = service.identify(new TelegramIdentity(8, "Ann", null, null, null));

        assertEquals(Role.ADMIN, admin.role(), "ADMIN_TELEGRAM_IDS applied");
        assertEquals(Role.USER, customer.role());
        assertEquals(customer, users.findByTelegramId(8).orElseThrow());
        assertEquals(customer.id(), service.identify(new TelegramIdentity(8, "Anna", null, null, null)).id(),
                "a later contact is the same person");
        assertEquals("Anna", users.findByTelegramId(8).orElseThrow().firstName(), "profile refreshed");
    }

    @Test
    void aBlockedPersonIsReportedAsBlockedToTheBot() {
        User customer = service.identify(new TelegramIdentity(9, "Ann", null, null, null));
        users.save(customer.withActive(false, NOW));

        assertThrows(UserBlockedException.class, () -> service.identify(new TelegramIdentity(9, "Ann", null, null,
                null)));
    }
}
