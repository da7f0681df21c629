package io.ticketdesk.domain.tickets;

import io.ticketdesk.domain.InputField;

import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.util.Objects;

/**
 * The permission table of SPEC §3 for tickets, in one place so that every adapter (REST, the bot)
 * answers the same. Each check returns normally or throws the refusal, with a stable code.
 */
public final class TicketPolicy {

    private TicketPolicy() {
    }

    /** Staff see every ticket; a customer sees their own, and others' do not exist for them. */
    public static boolean canSee(User actor, Ticket ticket) {
        return actor.isStaff() || ticket.authorId().equals(actor.id());
    }

    public static void requireVisible(User actor, Ticket ticket) {
        if (!canSee(actor, ticket)) {
            throw new NotFoundException("ticket.not_found");
        }
    }

    /** Title and description: staff always, the author while the ticket is not CLOSED. */
    public static void requireMayEditText(User actor, Ticket ticket) {
        requireVisible(actor, ticket);
        if (!actor.isStaff() && ticket.status() == TicketStatus.CLOSED) {
            throw new ConflictException("ticket.closed");
        }
    }

    public static void requireMayChangePriority(User actor, Ticket ticket) {
        requireVisible(actor, ticket);
        if (!actor.isStaff()) {
            throw new AccessDeniedException("ticket.priority.staff_only");
        }
    }

    /**
     * Manual status moves. Out of CLOSED only to OPEN and only by MODERATOR+; otherwise staff move
     * freely; the author may close their ticket, or reopen a RESOLVED one. Same status: allowed (no-op).
     */
    public static void requireMayChangeStatus(User actor, Ticket ticket, TicketStatus target) {
        requireVisible(actor, ticket);
        TicketStatus current = ticket.status();
        if (current == target) {
            return;
        }
        if (current == TicketStatus.CLOSED) {
            if (target != TicketStatus.OPEN) {
                throw new ConflictException("ticket.status.closed_reopens_to_open");
            }
            if (!actor.role().atLeast(Role.MODERATOR)) {
                throw new AccessDeniedException("ticket.status.reopen_closed");
            }
            return;
        }
        if (actor.isStaff()) {
            return;
        }
        boolean closing = target == TicketStatus.CLOSED;
        boolean reopeningResolved = current == TicketStatus.RESOLVED && target == TicketStatus.OPEN;
        if (!closing && !reopeningResolved) {
            throw new AccessDeniedException("ticket.status.not_allowed");
        }
    }

    /**
     * Assignment: HELPERs take an unassigned ticket or let go of their own; MODERATOR+ assign any
     * active staff member or nobody. The new assignee must be active staff.
     */
    public static void requireMayAssign(User actor, Ticket ticket, User assignee) {
        requireVisible(actor, ticket);
        java.util.UUID target = assignee == null ? null : assignee.id();
        if (Objects.equals(target, ticket.assigneeId())) {
            return; // the assignee it already has: a no-op for anyone
        }
        if (!actor.isStaff()) {
            throw new AccessDeniedException("ticket.assign.staff_only");
        }
        if (actor.role() == Role.HELPER) {
            boolean takesUnassigned = actor.id().equals(target) && ticket.assigneeId() == null;
            boolean letsGoOfOwn = target == null && actor.id().equals(ticket.assigneeId());
            if (!takesUnassigned && !letsGoOfOwn) {
                throw new AccessDeniedException("ticket.assign.helper_self_only");
            }
        }
        if (assignee != null && (!assignee.active() || !assignee.isStaff())) {
            throw ValidationException.of(InputField.ASSIGNEE, "validation.assignee_not_staff");
        }
    }

    public static void requireMayDelete(User actor, Ticket ticket) {
        requireVisible(actor, ticket);
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("ticket.delete.admin_only");
        }
    }

    /** Public messages: the author and staff. Internal notes: staff. Nothing on a CLOSED ticket. */
    public static void requireMayPost(User actor, Ticket ticket, boolean internal) {
        requireVisible(actor, ticket);
        if (internal && !actor.isStaff()) {
            throw ValidationException.of(InputField.INTERNAL, "validation.internal_staff_only");
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new ConflictException("ticket.closed");
        }
    }
}
