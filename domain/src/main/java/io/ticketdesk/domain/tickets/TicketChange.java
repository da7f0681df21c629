package io.ticketdesk.domain.tickets;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a ticket's history: who changed which field from what to what, and when.
 * {@code actorId} is null for the desk's own automatic moves (auto-close).
 */
public record TicketChange(Field field, String oldValue, String newValue, UUID actorId, Instant at) {

    /** The fields whose every change is kept. */
    public enum Field { STATUS, ASSIGNEE, PRIORITY, TITLE }

    public TicketChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(at, "at");
    }
}
