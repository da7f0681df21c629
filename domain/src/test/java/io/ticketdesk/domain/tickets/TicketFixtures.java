package io.ticketdesk.domain.tickets;

import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.UUID;

/** Tickets in a given state, built directly (the way storage would hand them back). */
final class TicketFixtures {

    static final Instant CREATED = Instant.parse("2024-05-01T08:00:00Z");
    static final Instant RESOLVED_AT = Instant.parse("2024-05-02T08:00:00Z");
    static final Instant CLOSED_AT = Instant.parse("2024-05-03T08:00:00Z");

    private TicketFixtures() {
    }

    static Ticket inStatus(User author, TicketStatus status) {
        return inStatus(author, status, null);
    }

    static Ticket inStatus(User author, TicketStatus status, UUID assigneeId) {
        Instant resolvedAt = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED ? RESOLVED_AT : null;
        Instant closedAt = status == TicketStatus.CLOSED ? CLOSED_AT : null;
        return Ticket.open(UUID.randomUUID(), "Payment failed", "Card declined twice", TicketPriority.NORMAL,
                        UUID.randomUUID(), author.id(), CREATED)
                .withNumber(42)
                .withStatus(status, resolvedAt, closedAt)
                .withAssignee(assigneeId)
                .withVersion(3);
    }
}
