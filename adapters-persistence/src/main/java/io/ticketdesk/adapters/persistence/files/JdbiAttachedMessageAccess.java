package io.ticketdesk.adapters.persistence.files;

import io.ticketdesk.adapters.persistence.ColumnMatchingCache;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.out.files.AttachedMessageAccess;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.domain.tickets.TicketPolicy;
import io.ticketdesk.domain.users.User;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Whether a reader may see the message a file hangs on: the ticket's visibility rule from the
 * domain, and internal notes for staff only.
 */
public final class JdbiAttachedMessageAccess implements AttachedMessageAccess {

    private final JdbiTransactions transactions;
    private final TicketRepository tickets;

    public JdbiAttachedMessageAccess(JdbiTransactions transactions, TicketRepository tickets) {
        this.transactions = transactions;
        this.tickets = tickets;
    }

    record MessagePlace(UUID ticketId, boolean internal) {
    }

    private static final RowMapper<MessagePlace> MESSAGE_PLACE = ColumnMatchingCache.of(MessagePlace.class);

    @Override
    public boolean maySee(User reader, UUID messageId) {
        return transactions.withHandle(handle -> handle
                        .createQuery("SELECT ticket_id, is_internal AS internal FROM messages WHERE id = :id")
                        .bind("id", messageId)
                        .map(MESSAGE_PLACE)
                        .findOne())
                .filter(place -> !place.internal() || reader.isStaff())
                .flatMap(place -> tickets.findById(place.ticketId()))
                .map(ticket -> TicketPolicy.canSee(reader, ticket))
                .orElse(false);
    }
}
