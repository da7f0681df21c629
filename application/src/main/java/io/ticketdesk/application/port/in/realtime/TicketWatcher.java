package io.ticketdesk.application.port.in.realtime;

/** Someone watching a ticket live (a WebSocket). Both calls must return at once, never block. */
public interface TicketWatcher {

    void deliver(LiveEvent event);

    /** The watcher lost the right to watch (blocked, demoted, ticket deleted); {@code reason} is a message key. */
    void revoke(String reason);
}
