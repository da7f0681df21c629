package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.messages.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Messages in a list, for use-case tests; only messages of stored tickets, as the foreign key wants. */
public final class InMemoryMessageRepository implements MessageRepository {

    private final InMemoryTicketRepository tickets;
    private final List<Message> messages = new ArrayList<>();

    public InMemoryMessageRepository(InMemoryTicketRepository tickets) {
        this.tickets = tickets;
    }

    @Override
    public synchronized void insert(Message message) {
        if (tickets.findById(message.ticketId()).isEmpty()) {
            throw new IllegalStateException("no ticket " + message.ticketId());
        }
        messages.add(message);
    }

    /** The messages of a ticket still stored, in posting order. */
    public synchronized List<Message> of(UUID ticketId) {
        return tickets.findById(ticketId).isEmpty() ? List.of()
                : messages.stream().filter(message -> message.ticketId().equals(ticketId)).toList();
    }

    public synchronized List<Message> all() {
        return new ArrayList<>(messages);
    }
}
