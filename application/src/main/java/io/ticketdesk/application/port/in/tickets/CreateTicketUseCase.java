package io.ticketdesk.application.port.in.tickets;

/** Opens a ticket for the actor; its category must exist and be active. */
public interface CreateTicketUseCase {

    TicketDetails create(CreateTicketCommand command);
}
