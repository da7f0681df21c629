package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.domain.users.User;
import java.util.UUID;

/** Every status, assignment, priority and title change of a ticket, oldest first. */
public interface TicketHistoryQuery {

    Page<HistoryEntry> history(User actor, UUID ticketId, PageRequest page);
}
