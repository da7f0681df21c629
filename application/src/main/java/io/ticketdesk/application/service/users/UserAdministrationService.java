package io.ticketdesk.application.service.users;

import io.ticketdesk.application.change.DeskChangeRecorder;
import io.ticketdesk.application.port.in.users.ChangeRoleCommand;
import io.ticketdesk.application.port.in.users.ChangeRoleUseCase;
import io.ticketdesk.application.port.in.users.ChangeUserStatusCommand;
import io.ticketdesk.application.port.in.users.ChangeUserStatusUseCase;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserAdministration;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Role and status changes, one at a time across the desk so the last-ADMIN rule holds under
 * concurrency. A change tells every instance (with the commit) to re-check the person's open sockets.
 */
public record UserAdministrationService(UserRepository users, Transactions transactions, DeskChangeRecorder changes,
                                        Clock clock) implements ChangeRoleUseCase, ChangeUserStatusUseCase {

    @Override
    public User changeRole(ChangeRoleCommand command) {
        return change(command.actor(), command.userId(), (actor, target, admins) -> UserAdministration.changeRole(
                actor, target, command.role(), admins, now()));
    }

    @Override
    public User changeStatus(ChangeUserStatusCommand command) {
        return change(command.actor(), command.userId(), (actor, target, admins) -> UserAdministration.changeStatus(
                actor, target, command.active(), admins, now()));
    }

    /** One of the rules of {@link UserAdministration}, applied to the actor and target as they are under the lock. */
    @FunctionalInterface
    private interface Rule {
        User apply(User actor, User target, long activeAdmins);
    }

    private User change(User actor, UUID targetId, Rule rule) {
        actor.requireActive();
        return transactions.inTransaction(() -> {
            long activeAdmins = users.lockAdministrationAndCountActiveAdmins();
            // the actor as they are now, under the lock: an ADMIN demoted a moment ago is no longer one
            User currentActor = users.findById(actor.id()).orElseThrow(() -> new NotFoundException("user.not_found"))
                    .requireActive();
            UserAdministration.requireMayAdminister(currentActor);
            User target = users.findById(targetId).orElseThrow(() -> new NotFoundException("user.not_found"));
            User changed = rule.apply(currentActor, target, activeAdmins);
            if (changed == target) {
                return target;
            }
            return changes.accessChanged(target, changed, currentActor);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
