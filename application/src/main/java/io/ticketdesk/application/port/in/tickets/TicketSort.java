package io.ticketdesk.application.port.in.tickets;

import java.util.Objects;

/** The order of the ticket list: by creation, last update or priority, either way. */
public record TicketSort(Key key, boolean descending) {

    public enum Key { CREATED_AT, UPDATED_AT, PRIORITY }

    public static final TicketSort NEWEST_FIRST = new TicketSort(Key.CREATED_AT, true);

    public TicketSort {
        Objects.requireNonNull(key, "key");
    }
}
