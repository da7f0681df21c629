package io.ticketdesk.domain.tickets;

/** How urgent a ticket is; declaration order is the ranking, lowest first. */
public enum TicketPriority {
    LOW, NORMAL, HIGH, CRITICAL
}
