package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketChange;
import io.ticketdesk.domain.tickets.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Tickets and their history in maps, for use-case tests; passes the same contract as the real one. */
public final class InMemoryTicketRepository implements TicketRepository {

    private final Map<UUID, Ticket> byId = new LinkedHashMap<>();
    private final Map<UUID, List<TicketChange>> history = new LinkedHashMap<>();
    private long lastNumber;

    @Override
    public synchronized Optional<Ticket> findById(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Ticket> findForUpdate(UUID id) {
        return findById(id);
    }

    @Override
    public synchronized void insert(Ticket ticket) {
        if (byId.containsKey(ticket.id())) {
            throw new IllegalStateException("ticket " + ticket.id() + " exists");
        }
        byId.put(ticket.id(), ticket.withNumber(++lastNumber));
        history.put(ticket.id(), new ArrayList<>());
    }

    @Override
    public synchronized Ticket update(Ticket ticket) {
        Ticket current = byId.get(ticket.id());
        if (current == null || current.version() != ticket.version()) {
            throw new ConflictException("ticket.changed_meanwhile");
        }
        // the number is storage's: whatever the caller's copy says, the stored one stays
        Ticket stored = ticket.withNumber(current.number()).withVersion(ticket.version() + 1);
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized void appendHistory(UUID ticketId, List<TicketChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<TicketChange> entries = history.get(ticketId);
        if (entries == null) {
            throw new IllegalStateException("no ticket " + ticketId);
        }
        entries.addAll(changes);
    }

    @Override
    public synchronized void delete(UUID id) {
        byId.remove(id);
        history.remove(id);
    }

    @Override
    public synchronized List<UUID> resolvedInactiveSince(Instant cutoff, int limit) {
        return byId.values().stream()
                .filter(ticket -> ticket.status() == TicketStatus.RESOLVED && !ticket.lastActivityAt().isAfter(cutoff))
                .sorted(Comparator.comparing(Ticket::lastActivityAt))
                .limit(limit)
                .map(Ticket::id)
                .toList();
    }

    @Override
    public synchronized Optional<Instant> earliestResolvedActivity() {
        return byId.values().stream()
                .filter(ticket -> ticket.status() == TicketStatus.RESOLVED)
                .map(Ticket::lastActivityAt)
                .min(Comparator.naturalOrder());
    }

    /** A ticket's history, oldest first; empty once it is deleted. */
    public synchronized List<TicketChange> history(UUID ticketId) {
        return List.copyOf(history.getOrDefault(ticketId, List.of()));
    }

    public synchronized List<Ticket> all() {
        return List.copyOf(byId.values());
    }
}
