package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.tickets.TicketChange;

/** A history entry with who made it ({@code actor} null for the desk's automatic moves). */
public record HistoryEntry(long id, TicketChange change, PersonRef actor) {
}
