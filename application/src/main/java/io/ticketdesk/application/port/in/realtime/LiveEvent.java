package io.ticketdesk.application.port.in.realtime;

import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.domain.tickets.TicketChange;
import java.util.Map;
import java.util.UUID;

/** What a watcher of a ticket is shown, already filtered for what that watcher may see. */
public sealed interface LiveEvent {

    UUID ticketId();

    record NewMessage(UUID ticketId, MessageView message) implements LiveEvent {
    }

    record StatusChanged(UUID ticketId, String oldStatus, String newStatus, TicketSignal.Actor by) implements LiveEvent {
    }

    record TicketUpdated(UUID ticketId, Map<TicketChange.Field, TicketSignal.FieldChange> changes,
                         TicketSignal.Actor by)
            implements LiveEvent {
    }

    record Typing(UUID ticketId, UUID userId, String firstName, boolean typing) implements LiveEvent {
    }

    /** Events of this ticket may have been missed (the service lost its database for a while): reload it. */
    record Resync(UUID ticketId) implements LiveEvent {
    }
}
