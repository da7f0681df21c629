package io.ticketdesk.application.port.out.realtime;

import io.ticketdesk.domain.tickets.TicketChange;
import io.ticketdesk.domain.users.Role;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What one instance of the service tells all of them (itself included) about a ticket. Small on
 * purpose: ids and short values, so that it fits a PostgreSQL notification; receivers load the rest.
 */
public sealed interface TicketSignal {

    /** Who caused a change; null inside a signal when the desk did it by itself (auto-close). */
    record Actor(UUID id, String firstName, Role role) {
    }

    record FieldChange(String oldValue, String newValue) {
    }

    record MessagePosted(UUID ticketId, UUID messageId, boolean internal) implements TicketSignal {
    }

    record StatusChanged(UUID ticketId, String oldStatus, String newStatus, Actor by) implements TicketSignal {
    }

    /** Title, priority and assignment changes of one edit, keyed by field in the order they happened. */
    record TicketUpdated(UUID ticketId, Map<TicketChange.Field, FieldChange> changes, Actor by)
            implements TicketSignal {
        public TicketUpdated {
            // insertion order kept; values may be null
            changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        }
    }

    record Typing(UUID ticketId, UUID userId, String firstName, boolean typing, boolean internal)
            implements TicketSignal {
    }

    /** The ticket is gone: whoever watches it must stop. */
    record TicketDeleted(UUID ticketId) implements TicketSignal {
    }

    /** A user's role or status changed: what they watch must be checked again. */
    record AccessChanged(UUID userId) implements TicketSignal {
    }

    /** The outbox got new desk events: consumers waiting for them may drain. */
    record EventsRecorded() implements TicketSignal {
    }

    /**
     * Not sent between instances: the bus tells its own receivers that it stopped listening for a
     * while, so signals may have been lost; whatever was kept up to date by signals must be dropped.
     */
    record SignalsMissed() implements TicketSignal {
    }
}
