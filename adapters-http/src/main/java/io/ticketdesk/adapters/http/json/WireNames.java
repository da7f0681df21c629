package io.ticketdesk.adapters.http.json;

import io.ticketdesk.domain.tickets.TicketChange;

/** The names the REST API and the WebSocket give to the core's field identities. */
public final class WireNames {

    private WireNames() {
    }

    /** A ticket field as a key of {@code ticket_updated.changes} and of the history. */
    public static String of(TicketChange.Field field) {
        return switch (field) {
            case TITLE -> "title";
            case PRIORITY -> "priority";
            case ASSIGNEE -> "assigned_to";
            case STATUS -> "status";
        };
    }
}
