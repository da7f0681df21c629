package io.ticketdesk.application.port.in.tickets;

/** Edits, moves, reprioritises or assigns a ticket: every change of one request, or none. */
public interface UpdateTicketUseCase {

    TicketDetails update(UpdateTicketCommand command);
}
