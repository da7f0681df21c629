package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.users.User;
import java.util.UUID;

/** Removes a ticket with its messages and history (ADMIN only). */
public interface DeleteTicketUseCase {

    void delete(User actor, UUID ticketId);
}
