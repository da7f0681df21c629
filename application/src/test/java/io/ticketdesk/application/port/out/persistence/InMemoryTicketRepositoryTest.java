package io.ticketdesk.application.port.out.persistence;

import java.util.UUID;

class InMemoryTicketRepositoryTest extends TicketRepositoryContract {

    private final InMemoryTicketRepository tickets = new InMemoryTicketRepository();
    private final InMemoryMessageRepository messages = new InMemoryMessageRepository(tickets);
    private final UUID author = UUID.randomUUID();
    private final UUID category = UUID.randomUUID();

    @Override
    protected TicketRepository tickets() {
        return tickets;
    }

    @Override
    protected MessageRepository messages() {
        return messages;
    }

    @Override
    protected UUID author() {
        return author;
    }

    @Override
    protected UUID category() {
        return category;
    }
}
