package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPriority;
import java.time.Instant;
import java.util.UUID;

class InMemoryCategoryRepositoryTest extends CategoryRepositoryContract {

    private final InMemoryTicketRepository tickets = new InMemoryTicketRepository();
    private final InMemoryCategoryRepository repository = new InMemoryCategoryRepository(tickets);

    @Override
    protected CategoryRepository repository() {
        return repository;
    }

    @Override
    protected void useInTicket(UUID categoryId) {
        tickets.insert(Ticket.open(UUID.randomUUID(), "T", "D", TicketPriority.LOW, categoryId, UUID.randomUUID(),
                Instant.parse("2024-03-01T08:00:00Z")));
    }
}
