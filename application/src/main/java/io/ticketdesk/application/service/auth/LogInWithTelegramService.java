package io.ticketdesk.application.service.auth;

import io.ticketdesk.application.port.in.auth.AuthenticationFailedException;
import io.ticketdesk.application.port.in.auth.IdentifyTelegramUserUseCase;
import io.ticketdesk.application.port.in.auth.LogInWithTelegramCommand;
import io.ticketdesk.application.port.in.auth.LogInWithTelegramUseCase;
import io.ticketdesk.application.port.out.auth.InitDataVerifier;
import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.StorableText;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.UUID;

/** Mini App logins (initData checked here) and the bot's callers (Telegram already vouched): one way to become a user. */
public final class LogInWithTelegramService implements LogInWithTelegramUseCase, IdentifyTelegramUserUseCase {

    private final InitDataVerifier verifier;
    private final UserRepository users;
    private final Transactions transactions;
    private final Clock clock;
    private final Set<Long> adminTelegramIds;

    public LogInWithTelegramService(InitDataVerifier verifier, UserRepository users, Transactions transactions,
                                    Clock clock, Set<Long> adminTelegramIds) {
        this.verifier = verifier;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
        this.adminTelegramIds = Set.copyOf(adminTelegramIds);
    }

    @Override
    public User logIn(LogInWithTelegramCommand command) {
        TelegramIdentity identity;
        try {
            identity = verifier.verify(command.initData(), command.hash());
        } catch (InvalidInitDataException refused) {
            throw new AuthenticationFailedException(refused.reason());
        }
        return identify(identity);
    }

    @Override
    public User identify(TelegramIdentity identity) {
        refuseUnstorable(identity);
        // ADMIN_TELEGRAM_IDS grants the role on first login only, so an admin can still demote them later.
        Role firstRole = adminTelegramIds.contains(identity.telegramId()) ? Role.ADMIN : Role.USER;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        User candidate = User.firstLogin(UUID.randomUUID(), identity, firstRole, now);
        return transactions.inTransaction(() -> users.insertOrRefreshProfile(candidate)).requireActive();
    }

    /** Genuinely signed is not the same as storable: a NUL in a name is named, not a database failure. */
    private static void refuseUnstorable(TelegramIdentity identity) {
        if (Stream.of(identity.firstName(), identity.lastName(), identity.username(), identity.languageCode())
                .anyMatch(text -> !StorableText.isStorable(text))) {
            throw new ValidationException(List.of(FieldProblem.of(InputField.INIT_DATA, "validation.unstorable_text")));
        }
    }
}
