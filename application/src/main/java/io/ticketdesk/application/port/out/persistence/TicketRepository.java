package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where tickets and their history are kept. */
public interface TicketRepository {

    Optional<Ticket> findById(UUID id);

    /** Reads the ticket and holds it against other writers until the transaction ends. */
    Optional<Ticket> findForUpdate(UUID id);

    void insert(Ticket ticket);

    /**
     * Writes {@code ticket} if it is still at {@code ticket.version()}, and bumps the version.
     *
     * @throws io.ticketdesk.domain.ConflictException when someone else changed it first
     */
    Ticket update(Ticket ticket);

    void appendHistory(UUID ticketId, List<TicketChange> changes);

    void delete(UUID id);

    /** Ids of RESOLVED tickets whose last activity is at or before {@code cutoff}, oldest first. */
    List<UUID> resolvedInactiveSince(Instant cutoff, int limit);

    /** The oldest last activity among RESOLVED tickets: the next one to fall due for auto-closing. */
    Optional<Instant> earliestResolvedActivity();
}
