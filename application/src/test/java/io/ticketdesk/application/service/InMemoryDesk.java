package io.ticketdesk.application.service;

import io.ticketdesk.application.change.DeskChangeRecorder;
import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.out.events.InMemoryDeskEventOutbox;
import io.ticketdesk.application.port.out.files.InMemoryFileStore;
import io.ticketdesk.application.port.out.persistence.DirectTransactions;
import io.ticketdesk.application.port.out.persistence.InMemoryCategoryRepository;
import io.ticketdesk.application.port.out.persistence.InMemoryFileRepository;
import io.ticketdesk.application.port.out.persistence.InMemoryMessageRepository;
import io.ticketdesk.application.port.out.persistence.InMemoryTicketReadModel;
import io.ticketdesk.application.port.out.persistence.InMemoryTicketRepository;
import io.ticketdesk.application.port.out.persistence.InMemoryUserRepository;
import io.ticketdesk.application.port.out.realtime.RecordingSignalBus;
import io.ticketdesk.domain.categories.Category;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** The desk's out-ports in memory, wired as bootstrap wires the real ones, for use-case tests. */
public final class InMemoryDesk {

    public static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final DirectTransactions transactions = new DirectTransactions();
    public final InMemoryUserRepository users = new InMemoryUserRepository();
    public final InMemoryTicketRepository tickets = new InMemoryTicketRepository();
    public final InMemoryMessageRepository messages = new InMemoryMessageRepository(tickets);
    public final InMemoryCategoryRepository categories = new InMemoryCategoryRepository(tickets);
    public final InMemoryFileRepository files = new InMemoryFileRepository();
    public final InMemoryFileStore fileStore = new InMemoryFileStore();
    public final InMemoryTicketReadModel readModel = new InMemoryTicketReadModel(tickets, messages, categories,
            users);
    public final RecordingSignalBus signals = new RecordingSignalBus();
    public final InMemoryDeskEventOutbox outbox = new InMemoryDeskEventOutbox(clock);
    public final DeskChangeRecorder changes = new DeskChangeRecorder(tickets, messages, users, signals, outbox,
            transactions);

    private long nextTelegramId = 1;

    public User person(Role role) {
        return users.save(new User(UUID.randomUUID(), nextTelegramId++, null, role.name() + " " + nextTelegramId,
                null, "en", role, true, NOW, NOW));
    }

    public User blocked(Role role) {
        return users.save(person(role).withActive(false, NOW));
    }

    public Category category(boolean active) {
        Category category = new Category(UUID.randomUUID(), "Category " + UUID.randomUUID(), null, null, null, active,
                1, NOW, NOW);
        categories.insert(category);
        return category;
    }

    /** A ticket stored directly, as if created earlier; nothing recorded. */
    public Ticket ticketOf(User author) {
        Ticket ticket = Ticket.open(UUID.randomUUID(), "Login fails", "Error 500", TicketPriority.NORMAL,
                category(true).id(), author.id(), NOW);
        tickets.insert(ticket);
        return tickets.findById(ticket.id()).orElseThrow();
    }

    /** The events recorded so far, without the signal bus's wake-ups. */
    public java.util.List<DeskEvent> events() {
        return outbox.events();
    }
}
