package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to narrow the ticket list to; empty means any. {@code unassignedOnly} and
 * {@code assignedTo} exclude each other. {@code search} finds words of title or description, and
 * when it is a ticket number ("#1042" or "1042") that ticket too, first.
 */
public record TicketFilter(Optional<TicketStatus> status, Optional<UUID> categoryId, Optional<TicketPriority> priority,
                           Optional<UUID> assignedTo, boolean unassignedOnly, Optional<String> search) {

    public static final int SEARCH_MAX = 200;

    /** A ticket number as people type it; 18 digits at most, so it always fits a long. */
    private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");

    public TicketFilter {
        if (assignedTo.isPresent() && unassignedOnly) {
            throw new IllegalArgumentException("a ticket cannot be both assigned to someone and unassigned");
        }
        search = search.map(String::strip).filter(text -> !text.isEmpty());
        if (search.isPresent() && search.get().length() > SEARCH_MAX) {
            throw new ValidationException(java.util.List.of(FieldProblem.of(InputField.SEARCH, "validation.too_long", SEARCH_MAX)));
        }
    }

    public static TicketFilter none() {
        return new TicketFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty());
    }

    /** The ticket number the search text names, if it is one: that ticket comes before the text matches. */
    public OptionalLong searchedNumber() {
        if (search.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher matcher = TICKET_NUMBER.matcher(search.get());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }
}
