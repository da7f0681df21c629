package io.ticketdesk.domain.tickets;

import java.util.ArrayList;
import java.util.List;

/** A ticket after a change, with the history entries the change made (none for a no-op). */
public record TicketUpdate(Ticket ticket, List<TicketChange> changes) {

    public TicketUpdate {
        changes = List.copyOf(changes);
    }

    public static TicketUpdate unchanged(Ticket ticket) {
        return new TicketUpdate(ticket, List.of());
    }

    public boolean changed() {
        return !changes.isEmpty();
    }

    /** This update followed by another made on its result. */
    public TicketUpdate then(TicketUpdate next) {
        List<TicketChange> all = new ArrayList<>(changes);
        all.addAll(next.changes());
        return new TicketUpdate(next.ticket(), all);
    }
}
