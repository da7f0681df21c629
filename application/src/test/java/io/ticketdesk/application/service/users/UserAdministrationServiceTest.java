package io.ticketdesk.application.service.users;

import io.ticketdesk.domain.InputField;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.change.DeskChangeRecorder;
import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.users.ChangeRoleCommand;
import io.ticketdesk.application.port.in.users.ChangeUserStatusCommand;
import io.ticketdesk.application.port.out.events.InMemoryDeskEventOutbox;
import io.ticketdesk.application.port.out.persistence.DirectTransactions;
import io.ticketdesk.application.port.out.persistence.InMemoryUserRepository;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.RecordingSignalBus;
import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserAdministrationServiceTest {

    private static final Instant THEN = Instant.parse("2024-01-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2024-02-01T10:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final RecordingSignalBus signals = new RecordingSignalBus();
    private final InMemoryDeskEventOutbox outbox = new InMemoryDeskEventOutbox(Clock.fixed(NOW, ZoneOffset.UTC));
    private final UserAdministrationService service = new UserAdministrationService(users, new DirectTransactions(),
            new DeskChangeRecorder(null, null, users, signals, outbox, new DirectTransactions()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private User saved(long telegramId, Role role) {
        return users.save(new User(UUID.randomUUID(), telegramId, null, "P" + telegramId, null, null, role, true,
                THEN, THEN));
    }

    @Test
    void anAdminPromotesAndTheStoredUserIsReturned() {
        User admin = saved(1, Role.ADMIN);
        User customer = saved(2, Role.USER);

        User promoted = service.changeRole(new ChangeRoleCommand(admin, customer.id(), Role.HELPER));

        assertEquals(Role.HELPER, promoted.role());
        assertEquals(NOW, promoted.updatedAt());
        assertEquals(promoted, users.findById(customer.id()).orElseThrow());
        assertEquals(List.of(new TicketSignal.AccessChanged(customer.id())), signals.published());
        assertEquals(List.of(new DeskEvent.RoleChanged(customer.id(), admin.id(), Role.USER, Role.HELPER)), outbox.events());
    }

    @Test
    void nothingChangedNothingPublished() {
        User admin = saved(1, Role.ADMIN);
        User customer = saved(2, Role.USER);

        service.changeRole(new ChangeRoleCommand(admin, customer.id(), Role.USER));
        service.changeStatus(new ChangeUserStatusCommand(admin, customer.id(), true));

        assertEquals(List.of(), signals.all());
        assertEquals(List.of(), outbox.events());
    }

    @Test
    void theActorIsReadAgainSoAJustDemotedAdminIsRefused() {
        User admin = saved(1, Role.ADMIN);
        User other = saved(2, Role.ADMIN);
        User customer = saved(3, Role.USER);
        service.changeRole(new ChangeRoleCommand(other, admin.id(), Role.USER));

        // `admin` still says ADMIN in the caller's hands, but the stored one is a USER now
        assertThrows(AccessDeniedException.class,
                () -> service.changeStatus(new ChangeUserStatusCommand(admin, customer.id(), false)));
        assertEquals(true, users.findById(customer.id()).orElseThrow().active());
    }

    @Test
    void theLastAdminStaysAndNothingIsWritten() {
        User admin = saved(1, Role.ADMIN);

        assertEquals("user.last_admin", assertThrows(ConflictException.class,
                () -> service.changeRole(new ChangeRoleCommand(admin, admin.id(), Role.MODERATOR))).code());
        assertEquals(admin, users.findById(admin.id()).orElseThrow());
        assertEquals(List.of(), signals.all());
        assertEquals(List.of(), outbox.events());
    }

    @Test
    void selfBlockIsAConflict() {
        User admin = saved(1, Role.ADMIN);
        saved(2, Role.ADMIN);

        assertEquals("user.self_block", assertThrows(ConflictException.class,
                () -> service.changeStatus(new ChangeUserStatusCommand(admin, admin.id(), false))).code());
    }

    @Test
    void anUnknownTargetIsNotFoundForAnAdminAndForbiddenForOthers() {
        User admin = saved(1, Role.ADMIN);
        User moderator = saved(2, Role.MODERATOR);

        assertThrows(NotFoundException.class,
                () -> service.changeRole(new ChangeRoleCommand(admin, UUID.randomUUID(), Role.USER)));
        assertThrows(AccessDeniedException.class,
                () -> service.changeRole(new ChangeRoleCommand(moderator, UUID.randomUUID(), Role.USER)));
    }

    @Test
    void missingValuesAreNamed() {
        User admin = saved(1, Role.ADMIN);
        assertEquals(InputField.ROLE, assertThrows(ValidationException.class,
                () -> new ChangeRoleCommand(admin, admin.id(), null)).problems().get(0).field());
        assertEquals(InputField.ACTIVE, assertThrows(ValidationException.class,
                () -> new ChangeUserStatusCommand(admin, admin.id(), null)).problems().get(0).field());
    }
}
