package io.ticketdesk.adapters.persistence.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.persistence.ColumnMatchingCache;
import io.ticketdesk.adapters.persistence.CoreJson;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.events.RecordedDeskEvent;
import io.ticketdesk.application.port.out.events.DeskEventOutbox;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The outbox in {@code desk_events}. Ids come from a sequence and can commit out of order, so
 * consumers move along {@code (tx, id)} instead: {@code tx} is the writing transaction's 64-bit id,
 * and an event is handed out only when its transaction is older than every transaction still
 * running ({@code pg_snapshot_xmin}); anything committed later has a larger {@code tx}, so it
 * sorts after every position already passed and is never skipped.
 */
public final class JdbiDeskEventOutbox implements DeskEventOutbox {

    /** An outbox row as read: the payload still JSON text. */
    record EventRow(long id, Instant createdAt, String payload) {
    }

    private static final RowMapper<EventRow> EVENT_ROW = ColumnMatchingCache.of(EventRow.class);

    private final JdbiTransactions transactions;

    public JdbiDeskEventOutbox(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(DeskEvent event) {
        JsonNode payload = CoreJson.mapper().valueToTree(event);
        UUID ticketId = event instanceof DeskEvent.TicketEvent ticketEvent ? ticketEvent.ticketId() : null;
        transactions.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO desk_events (kind, ticket_id, payload) VALUES (:kind, :ticketId, CAST(:payload AS jsonb))""")
                .bind("kind", payload.path("kind").asText())
                .bind("ticketId", ticketId)
                .bind("payload", payload.toString())
                .execute());
    }

    @Override
    public void lockConsumer(String consumer) {
        // a transaction-scoped advisory lock takes no transaction id, so it holds back nobody's snapshot
        transactions.withHandle(handle -> handle.createQuery(
                        "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('desk_events:' || :consumer, 0))")
                .bind("consumer", consumer)
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public List<RecordedDeskEvent> next(String consumer, int max) {
        return transactions.withHandle(handle -> handle.createQuery("""
                        SELECT e.id, e.created_at, e.payload::text AS payload
                          FROM desk_events e
                          LEFT JOIN desk_event_consumers c ON c.consumer = :consumer
                         WHERE (e.tx, e.id) > (COALESCE(c.last_tx, '0'::xid8), COALESCE(c.last_id, 0))
                           AND e.tx < pg_snapshot_xmin(pg_current_snapshot())
                         ORDER BY e.tx, e.id
                         LIMIT :max""")
                .bind("consumer", consumer)
                .bind("max", max)
                .map(EVENT_ROW)
                .map(row -> new RecordedDeskEvent(row.id(), row.createdAt(), read(row.payload())))
                .list());
    }

    @Override
    public void consumedUpTo(String consumer, long lastEventId) {
        transactions.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO desk_event_consumers (consumer, last_tx, last_id, updated_at)
                        SELECT :consumer, tx, id, now() FROM desk_events WHERE id = :id
                        ON CONFLICT (consumer) DO UPDATE
                           SET last_tx = EXCLUDED.last_tx, last_id = EXCLUDED.last_id, updated_at = EXCLUDED.updated_at""")
                .bind("consumer", consumer)
                .bind("id", lastEventId)
                .execute());
    }

    private static DeskEvent read(String payload) {
        try {
            return CoreJson.mapper().readValue(payload, DeskEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox event could not be read back: " + e.getOriginalMessage(), e);
        }
    }
}
