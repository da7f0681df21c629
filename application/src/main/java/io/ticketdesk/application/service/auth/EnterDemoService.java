package io.ticketdesk.application.service.auth;

import io.ticketdesk.application.port.in.auth.EnterDemoUseCase;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's people live at Telegram ids no real account has (Telegram's are far below 9·10^15),
 * so a demo database can later be used with a real bot without mixing the two.
 */
public final class EnterDemoService implements EnterDemoUseCase {

    public static final long DEMO_IDS_FROM = 9_000_000_000_000_000L;

    private static final Map<Role, TelegramIdentity> BY_ROLE = Map.of(
            Role.USER, person(1, "Anna", "Petrova", "annademo", "ru"),
            Role.HELPER, person(2, "Ivan", "Sokolov", "ivansupport", "ru"),
            Role.MODERATOR, person(3, "Maria", "Lebedeva", "mariamod", "en"),
            Role.ADMIN, person(4, "Alex", "Morgan", "alexadmin", "en"));

    private final UserRepository users;
    private final Transactions transactions;
    private final Clock clock;

    public EnterDemoService(UserRepository users, Transactions transactions, Clock clock) {
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public User enter(Role role) {
        return ensure(BY_ROLE.get(role), role).requireActive();
    }

    /** A demo person by their profile: made with {@code role} the first time, as they are afterwards. */
    public User ensure(TelegramIdentity identity, Role role) {
        User candidate = User.firstLogin(UUID.randomUUID(), identity, role,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return transactions.inTransaction(() -> users.insertOrRefreshProfile(candidate));
    }

    /** The {@code n}-th demo person (1..4 are the four roles' accounts). */
    public static TelegramIdentity person(int n, String firstName, String lastName, String username, String language) {
        return new TelegramIdentity(DEMO_IDS_FROM + n, firstName, lastName, username, language);
    }
}
