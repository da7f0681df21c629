package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.ValidationException;
import java.util.Locale;

/** The order of the ticket list: {@code created_at}, {@code updated_at} or {@code priority}; {@code -} for descending. */
public record TicketSort(Key key, boolean descending) {

    public enum Key { CREATED_AT, UPDATED_AT, PRIORITY }

    public static final TicketSort NEWEST_FIRST = new TicketSort(Key.CREATED_AT, true);

    public static TicketSort parse(String text) {
        if (text == null || text.isBlank()) {
            return NEWEST_FIRST;
        }
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        try {
            return new TicketSort(Key.valueOf(name.toUpperCase(Locale.ROOT)), descending);
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.of("sort", "validation.one_of", "created_at, updated_at, priority");
        }
    }
}
