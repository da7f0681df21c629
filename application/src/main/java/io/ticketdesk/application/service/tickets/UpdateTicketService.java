package io.ticketdesk.application.service.tickets;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.application.change.DeskChangeRecorder;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.UpdateTicketCommand;
import io.ticketdesk.application.port.in.tickets.UpdateTicketUseCase;
import io.ticketdesk.application.port.out.persistence.TicketReadModel;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPolicy;
import io.ticketdesk.domain.tickets.TicketUpdate;
import io.ticketdesk.domain.users.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Applies every change of one request to the locked ticket, in a fixed order (text, priority,
 * assignment, status), so that e.g. an author may retitle and close in one go. Any refusal
 * rolls the whole request back.
 */
public record UpdateTicketService(TicketRepository tickets, UserRepository users, TicketReadModel readModel,
                                  Transactions transactions, DeskChangeRecorder changes, Clock clock)
        implements UpdateTicketUseCase {

    @Override
    public TicketDetails update(UpdateTicketCommand command) {
        User actor = command.actor().requireActive();
        return transactions.inTransaction(() -> {
            Ticket current = tickets.findForUpdate(command.ticketId())
                    .orElseThrow(() -> new NotFoundException("ticket.not_found"));
            TicketPolicy.requireVisible(actor, current);
            if (command.expectedVersion().isPresent() && command.expectedVersion().getAsLong() != current.version()) {
                throw new ConflictException("ticket.changed_meanwhile");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            TicketUpdate update = TicketUpdate.unchanged(current);
            if (command.title().isPresent() || command.description().isPresent()) {
                update = update.then(update.ticket().edit(actor, command.title(), command.description(), now));
            }
            if (command.priority().isPresent()) {
                update = update.then(update.ticket().changePriority(actor, command.priority().value(), now));
            }
            if (command.assignedTo().isPresent()
                    && !Objects.equals(command.assignedTo().value(), update.ticket().assigneeId())) {
                if (!actor.isStaff()) {
                    // refused before looking the assignee up, so the answer says nothing about who exists
                    throw new AccessDeniedException("ticket.assign.staff_only");
                }
                User assignee = command.assignedTo().value() == null ? null : users.findById(command.assignedTo().value())
                        .orElseThrow(() -> ValidationException.of(InputField.ASSIGNEE, "validation.assignee_not_staff"));
                update = update.then(update.ticket().assign(actor, assignee, now));
            }
            if (command.status().isPresent()) {
                update = update.then(update.ticket().changeStatus(actor, command.status().value(), now));
            }
            if (!update.ticket().equals(current)) {
                changes.ticketChanged(update, actor);
            }
            return readModel.ticket(current.id()).orElseThrow();
        });
    }
}
