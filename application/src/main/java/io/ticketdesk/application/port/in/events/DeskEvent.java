package io.ticketdesk.application.port.in.events;

import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.Role;
import java.util.UUID;

/**
 * Something that happened on the desk, as kept in the outbox for adapters that react after the
 * fact (the Telegram notifier). Ids and routing data only, never rendered text: a consumer loads
 * what it shows and words it in its own language. {@code actorId} is null for the desk's own
 * moves (auto-close).
 */
public sealed interface DeskEvent {

    /** An event about one ticket, with who it concerns: its author and its assignee (null when none). */
    sealed interface TicketEvent extends DeskEvent {
        UUID ticketId();

        UUID ticketAuthorId();
    }

    /** An event about one person's access. */
    sealed interface UserEvent extends DeskEvent {
        UUID userId();
    }

    record TicketCreated(UUID ticketId, UUID ticketAuthorId, UUID categoryId, TicketPriority priority)
            implements TicketEvent {
    }

    /** {@code internal}: a staff-only note, which must never reach the ticket's author as a customer. */
    record MessagePosted(UUID ticketId, UUID messageId, UUID authorId, boolean internal, UUID ticketAuthorId,
                         UUID assigneeId) implements TicketEvent {
    }

    record StatusChanged(UUID ticketId, UUID actorId, TicketStatus oldStatus, TicketStatus newStatus,
                         UUID ticketAuthorId, UUID assigneeId) implements TicketEvent {
    }

    record AssigneeChanged(UUID ticketId, UUID actorId, UUID oldAssigneeId, UUID newAssigneeId, UUID ticketAuthorId)
            implements TicketEvent {
    }

    record PriorityChanged(UUID ticketId, UUID actorId, TicketPriority oldPriority, TicketPriority newPriority,
                           UUID ticketAuthorId, UUID assigneeId) implements TicketEvent {
    }

    record TitleChanged(UUID ticketId, UUID actorId, UUID ticketAuthorId, UUID assigneeId) implements TicketEvent {
    }

    record TicketDeleted(UUID ticketId, UUID actorId, UUID ticketAuthorId, UUID assigneeId) implements TicketEvent {
    }

    record UserBlocked(UUID userId, UUID actorId) implements UserEvent {
    }

    record UserUnblocked(UUID userId, UUID actorId) implements UserEvent {
    }

    record RoleChanged(UUID userId, UUID actorId, Role oldRole, Role newRole) implements UserEvent {
    }
}
