package io.ticketdesk.domain.tickets;

/** Where a ticket is in its life (SPEC §4). */
public enum TicketStatus {
    OPEN, IN_PROGRESS, WAITING_RESPONSE, RESOLVED, CLOSED
}
