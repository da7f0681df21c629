package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.users.User;
import java.util.UUID;

/** One ticket, if the actor may see it (404 otherwise, exactly as for a ticket that does not exist). */
public interface GetTicketQuery {

    TicketDetails get(User actor, UUID ticketId);
}
