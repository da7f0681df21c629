package io.ticketdesk.application.service.auth;

import io.ticketdesk.domain.InputField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.in.auth.AuthenticationFailedException;
import io.ticketdesk.application.port.in.auth.UpdateProfileCommand;
import io.ticketdesk.application.port.out.persistence.DirectTransactions;
import io.ticketdesk.application.port.out.persistence.InMemoryUserRepository;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserBlockedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpdateProfileServiceTest {

    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2024-02-01T00:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final UpdateProfileService service = new UpdateProfileService(users, new DirectTransactions(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final User ann = users.save(User.firstLogin(UUID.randomUUID(),
            new TelegramIdentity(1, "Ann", "Lee", "ann_lee", "en"), Role.USER, CREATED));

    @Test
    void changesOnlyTheFieldsSentAndStampsTheTime() {
        User edited = service.updateProfile(new UpdateProfileCommand(ann.id(), FieldUpdate.set(" Anna "),
                FieldUpdate.unchanged(), FieldUpdate.set("")));

        assertEquals("Anna", edited.firstName());
        assertEquals("Lee", edited.lastName());
        assertEquals(null, edited.username());
        assertEquals(NOW, edited.updatedAt());
        assertEquals(edited, users.findById(ann.id()).orElseThrow());
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        ValidationException invalid = assertThrows(ValidationException.class, () -> new UpdateProfileCommand(
                ann.id(), FieldUpdate.set(null), FieldUpdate.set("x".repeat(65)), FieldUpdate.set("a b")));

        assertEquals(List.of(FieldProblem.of(InputField.FIRST_NAME, "validation.required"),
                FieldProblem.of(InputField.LAST_NAME, "validation.too_long", 64),
                FieldProblem.of(InputField.USERNAME, "validation.username")), invalid.problems());
    }

    @Test
    void aBlockedOrMissingUserCannotEdit() {
        users.save(new User(ann.id(), 1, null, "Ann", null, null, Role.USER, false, CREATED, CREATED));
        UpdateProfileCommand command = new UpdateProfileCommand(ann.id(), FieldUpdate.set("X"), FieldUpdate.unchanged(),
                FieldUpdate.unchanged());

        assertThrows(UserBlockedException.class, () -> service.updateProfile(command));
        assertThrows(NotFoundException.class, () -> service.updateProfile(new UpdateProfileCommand(UUID.randomUUID(),
                FieldUpdate.set("X"), FieldUpdate.unchanged(), FieldUpdate.unchanged())));
    }

    @Test
    void identifyingACallerReadsRoleAndStatusFresh() {
        IdentifyCallerService identify = new IdentifyCallerService(users);
        assertEquals(Role.USER, identify.activeUser(ann.id()).role());

        users.save(new User(ann.id(), 1, null, "Ann", null, null, Role.MODERATOR, true, CREATED, CREATED));
        assertEquals(Role.MODERATOR, identify.activeUser(ann.id()).role());

        users.save(new User(ann.id(), 1, null, "Ann", null, null, Role.MODERATOR, false, CREATED, CREATED));
        assertThrows(UserBlockedException.class, () -> identify.activeUser(ann.id()));
        assertThrows(AuthenticationFailedException.class, () -> identify.activeUser(UUID.randomUUID()));
    }
}
