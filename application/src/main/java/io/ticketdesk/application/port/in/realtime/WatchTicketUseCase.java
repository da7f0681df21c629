package io.ticketdesk.application.port.in.realtime;

import io.ticketdesk.domain.users.User;
import java.util.UUID;

/** Starts delivering a ticket's live events to a watcher, if the viewer may see the ticket (404 otherwise). */
public interface WatchTicketUseCase {

    /** @return what stops the delivery */
    AutoCloseable watch(User viewer, UUID ticketId, TicketWatcher watcher);
}
