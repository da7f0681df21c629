package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import java.util.Optional;
import java.util.UUID;

/**
 * What to narrow the ticket list to; empty means any. {@code unassignedOnly} and
 * {@code assignedTo} exclude each other. {@code search} finds words of title or description.
 */
public record TicketFilter(Optional<TicketStatus> status, Optional<UUID> categoryId, Optional<TicketPriority> priority,
                           Optional<UUID> assignedTo, boolean unassignedOnly, Optional<String> search) {

    public static final int SEARCH_MAX = 200;

    public TicketFilter {
        if (assignedTo.isPresent() && unassignedOnly) {
            throw new IllegalArgumentException("a ticket cannot be both assigned to someone and unassigned");
        }
        search = search.map(String::strip).filter(text -> !text.isEmpty());
        if (search.isPresent() && search.get().length() > SEARCH_MAX) {
            throw new ValidationException(java.util.List.of(FieldProblem.of("search", "validation.too_long", SEARCH_MAX)));
        }
    }

    public static TicketFilter none() {
        return new TicketFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty());
    }
}
