package io.ticketdesk.adapters.telegram.dialogue;

import io.ticketdesk.application.port.in.categories.ListCategoriesQuery;
import io.ticketdesk.application.port.in.files.UploadFileUseCase;
import io.ticketdesk.application.port.in.limits.ApplyRateLimitUseCase;
import io.ticketdesk.application.port.in.messages.PostMessageUseCase;
import io.ticketdesk.application.port.in.tickets.CreateTicketUseCase;
import io.ticketdesk.application.port.in.tickets.GetTicketQuery;
import io.ticketdesk.application.port.in.tickets.ListTicketsQuery;
import io.ticketdesk.application.port.in.tickets.UpdateTicketUseCase;

/** The in-ports the bot drives: the same use cases the REST API calls, and the same rate limits. */
public record DeskPorts(TelegramCallers callers, ListCategoriesQuery categories, CreateTicketUseCase createTicket,
                        ListTicketsQuery listTickets, GetTicketQuery getTicket, PostMessageUseCase postMessage,
                        UpdateTicketUseCase updateTicket, UploadFileUseCase uploadFile,
                        ApplyRateLimitUseCase rateLimits) {
}
