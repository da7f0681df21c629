package io.ticketdesk.adapters.persistence.tickets;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;

public final class JdbiTicketRepository implements TicketRepository {

    private final JdbiTransactions transactions;

    public JdbiTicketRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Ticket> findById(UUID id) {
        return find("SELECT " + TicketRows.COLUMNS + " FROM tickets t WHERE t.id = :id", id);
    }

    @Override
    public Optional<Ticket> findForUpdate(UUID id) {
        return find("SELECT " + TicketRows.COLUMNS + " FROM tickets t WHERE t.id = :id FOR UPDATE", id);
    }

    private Optional<Ticket> find(String sql, UUID id) {
        return transactions.withHandle(handle -> handle.createQuery(sql).bind("id", id).mapTo(Ticket.class).findOne());
    }

    /** The number is left to the column's sequence (V15). */
    @Override
    public void insert(Ticket ticket) {
        transactions.withHandle(handle -> handle.createUpdate("""
                INSERT INTO tickets (id, title, description, status, priority, category_id, author_id, assignee_id,
                                     created_at, updated_at, resolved_at, closed_at, last_activity_at, version)
                VALUES (:id, :title, :description, :status, :priority, :categoryId, :authorId, :assigneeId,
                        :createdAt, :updatedAt, :resolvedAt, :closedAt, :lastActivityAt, :version)
                """).bindMethods(ticket).execute());
    }

    @Override
    public Ticket update(Ticket ticket) {
        int updated = transactions.withHandle(handle -> handle.createUpdate("""
                UPDATE tickets SET title = :title, description = :description, status = :status,
                                   priority = :priority, category_id = :categoryId, assignee_id = :assigneeId,
                                   updated_at = :updatedAt, resolved_at = :resolvedAt, closed_at = :closedAt,
                                   last_activity_at = :lastActivityAt, version = version + 1
                WHERE id = :id AND version = :version
                """).bindMethods(ticket).execute());
        if (updated == 0) {
            throw new ConflictException("ticket.changed_meanwhile");
        }
        return ticket.withVersion(ticket.version() + 1);
    }

    @Override
    public void appendHistory(UUID ticketId, List<TicketChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        transactions.withHandle(handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO ticket_history (ticket_id, field, old_value, new_value, actor_id, created_at)
                    VALUES (:ticketId, :field, :oldValue, :newValue, :actorId, :at)
                    """);
            changes.forEach(change -> batch.bind("ticketId", ticketId).bindMethods(change).add());
            return batch.execute();
        });
    }

    @Override
    public void delete(UUID id) {
        transactions.withHandle(handle -> handle.createUpdate("DELETE FROM tickets WHERE id = :id").bind("id", id).execute());
    }

    @Override
    public List<UUID> resolvedInactiveSince(Instant cutoff, int limit) {
        return transactions.withHandle(handle -> handle.createQuery("""
                        SELECT id FROM tickets WHERE status = 'RESOLVED' AND last_activity_at <= :cutoff
                        ORDER BY last_activity_at LIMIT :limit""")
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .mapTo(UUID.class)
                .list());
    }

    @Override
    public Optional<Instant> earliestResolvedActivity() {
        return transactions.withHandle(handle -> handle.createQuery(
                        "SELECT min(last_activity_at) FROM tickets WHERE status = 'RESOLVED'")
                .mapTo(java.time.OffsetDateTime.class)
                .findOne()
                .map(java.time.OffsetDateTime::toInstant));
    }
}
