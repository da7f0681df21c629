package io.ticketdesk.application.port.out.realtime;

import io.ticketdesk.domain.tickets.TicketChange;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one instance of the service tells all of them (itself included) about a ticket. Small on
 * purpose: ids and short values, so that it fits a PostgreSQL notification; receivers load the rest.
 */
public sealed interface TicketSignal {

    /**
     * The signals a set of history entries makes: one {@code StatusChanged} per status move, and
     * one {@code TicketUpdated} gathering the title, priority and assignment changes.
     */
    static List<TicketSignal> forChanges(UUID ticketId, List<TicketChange> changes, User actor) {
        Actor by = actor == null ? null : new Actor(actor.id(), actor.firstName(), actor.role());
        List<TicketSignal> signals = new ArrayList<>();
        Map<String, FieldChange> updated = new LinkedHashMap<>();
        for (TicketChange change : changes) {
            switch (change.field()) {
                case STATUS -> signals.add(new StatusChanged(ticketId, change.oldValue(), change.newValue(), by));
                case TITLE -> updated.put("title", new FieldChange(change.oldValue(), change.newValue()));
                case PRIORITY -> updated.put("priority", new FieldChange(change.oldValue(), change.newValue()));
                case ASSIGNEE -> updated.put("assigned_to", new FieldChange(change.oldValue(), change.newValue()));
            }
        }
        if (!updated.isEmpty()) {
            signals.add(new TicketUpdated(ticketId, updated, by));
        }
        return signals;
    }

    /** Who caused a change; null inside a signal when the desk did it by itself (auto-close). */
    record Actor(UUID id, String firstName, Role role) {
    }

    record FieldChange(String oldValue, String newValue) {
    }

    record MessagePosted(UUID ticketId, UUID messageId, boolean internal) implements TicketSignal {
    }

    record StatusChanged(UUID ticketId, String oldStatus, String newStatus, Actor by) implements TicketSignal {
    }

    /** Title, priority and assignment changes of one edit, keyed {@code title}, {@code priority}, {@code assigned_to}. */
    record TicketUpdated(UUID ticketId, Map<String, FieldChange> changes, Actor by) implements TicketSignal {
        public TicketUpdated {
            // insertion order kept (title, priority, assigned_to as they happened); values may be null
            changes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
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
}
