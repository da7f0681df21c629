package io.ticketdesk.adapters.telegram.notifications;

import io.ticketdesk.application.port.in.auth.IdentifyCallerUseCase;
import io.ticketdesk.application.port.in.events.DrainDeskEventsUseCase;
import io.ticketdesk.application.port.in.messages.ListMessagesQuery;
import io.ticketdesk.application.port.in.tickets.GetTicketQuery;

/** What the notifier reads the desk through: the events outbox, and tickets and messages as their reader sees them. */
public record NotifierPorts(DrainDeskEventsUseCase drain, IdentifyCallerUseCase people, GetTicketQuery getTicket,
                            ListMessagesQuery listMessages) {
}
