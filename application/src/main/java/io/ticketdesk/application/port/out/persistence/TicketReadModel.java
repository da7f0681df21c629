package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.tickets.HistoryEntry;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.TicketFilter;
import io.ticketdesk.application.port.in.tickets.TicketSort;
import io.ticketdesk.application.port.in.tickets.TicketSummary;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side: lists and details joined with the people and categories they show, each page
 * in one query (plus one to count), never a query per row.
 */
public interface TicketReadModel {

    /**
     * @param authorOnly    when present, only that person's tickets (a customer's view)
     * @param staffView     whether internal notes count in {@code messages_count}/{@code last_message_at}
     */
    Page<TicketSummary> tickets(Optional<UUID> authorOnly, boolean staffView, TicketFilter filter, TicketSort sort,
                                PageRequest page);

    Optional<TicketDetails> ticket(UUID id);

    Page<HistoryEntry> history(UUID ticketId, PageRequest page);

    Page<MessageView> messages(UUID ticketId, boolean includeInternal, PageRequest page);

    Optional<MessageView> message(UUID messageId);
}
