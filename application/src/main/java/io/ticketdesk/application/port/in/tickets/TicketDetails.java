package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.tickets.Ticket;

/** One ticket with the people and category it refers to. */
public record TicketDetails(Ticket ticket, CategoryRef category, PersonRef author, PersonRef assignee) {
}
