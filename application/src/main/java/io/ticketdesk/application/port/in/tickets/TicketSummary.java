package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.tickets.Ticket;
import java.time.Instant;

/** A row of the ticket list; the message figures count only what the viewer may see. */
public record TicketSummary(Ticket ticket, CategoryRef category, PersonRef author, PersonRef assignee,
                            int messagesCount, Instant lastMessageAt) {
}
