package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.tickets.CategoryRef;
import io.ticketdesk.application.port.in.tickets.HistoryEntry;
import io.ticketdesk.application.port.in.tickets.PersonRef;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.TicketFilter;
import io.ticketdesk.application.port.in.tickets.TicketSort;
import io.ticketdesk.application.port.in.tickets.TicketSummary;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The read side over the in-memory repositories, for use-case tests: the same views the
 * PostgreSQL read model answers, joined here by plain lookups (no attachments).
 */
public final class InMemoryTicketReadModel implements TicketReadModel {

    private final InMemoryTicketRepository tickets;
    private final InMemoryMessageRepository messages;
    private final InMemoryCategoryRepository categories;
    private final InMemoryUserRepository users;

    public InMemoryTicketReadModel(InMemoryTicketRepository tickets, InMemoryMessageRepository messages,
                                   InMemoryCategoryRepository categories, InMemoryUserRepository users) {
        this.tickets = tickets;
        this.messages = messages;
        this.categories = categories;
        this.users = users;
    }

    @Override
    public Page<TicketSummary> tickets(Optional<UUID> authorOnly, boolean staffView, TicketFilter filter,
                                       TicketSort sort, PageRequest page) {
        Comparator<Ticket> order = switch (sort.key()) {
            case CREATED_AT -> Comparator.comparing(Ticket::createdAt);
            case UPDATED_AT -> Comparator.comparing(Ticket::updatedAt);
            case PRIORITY -> Comparator.comparing(Ticket::priority);
        };
        List<Ticket> matching = tickets.all().stream()
                .filter(t -> authorOnly.map(t.authorId()::equals).orElse(true))
                .filter(t -> filter.status().map(s -> t.status() == s).orElse(true))
                .filter(t -> filter.categoryId().map(t.categoryId()::equals).orElse(true))
                .filter(t -> filter.priority().map(p -> t.priority() == p).orElse(true))
                .filter(t -> filter.assignedTo().map(a -> a.equals(t.assigneeId())).orElse(true))
                .filter(t -> !filter.unassignedOnly() || t.assigneeId() == null)
                .filter(t -> filter.search().map(words -> (t.title() + " " + t.description())
                        .toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT))).orElse(true))
                .sorted(sort.descending() ? order.reversed() : order)
                .toList();
        return page(matching, page, t -> {
            List<Message> seen = messages.of(t.id()).stream().filter(m -> staffView || !m.internal()).toList();
            Instant last = seen.isEmpty() ? null : seen.get(seen.size() - 1).createdAt();
            TicketDetails details = details(t);
            return new TicketSummary(t, details.category(), details.author(), details.assignee(), seen.size(), last);
        });
    }

    @Override
    public Optional<TicketDetails> ticket(UUID id) {
        return tickets.findById(id).map(this::details);
    }

    @Override
    public Page<HistoryEntry> history(UUID ticketId, PageRequest page) {
        List<TicketChange> changes = tickets.history(ticketId);
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            TicketChange change = changes.get(i);
            entries.add(new HistoryEntry(i + 1, change, change.actorId() == null ? null : person(change.actorId())));
        }
        return page(entries, page, Function.identity());
    }

    @Override
    public Page<MessageView> messages(UUID ticketId, boolean includeInternal, PageRequest page) {
        return page(messages.of(ticketId).stream().filter(m -> includeInternal || !m.internal()).toList(), page,
                this::view);
    }

    @Override
    public Optional<MessageView> message(UUID messageId) {
        return messages.all().stream().filter(m -> m.id().equals(messageId))
                .filter(m -> tickets.findById(m.ticketId()).isPresent()).findFirst().map(this::view);
    }

    private MessageView view(Message message) {
        return new MessageView(message, person(message.authorId()), List.of());
    }

    private TicketDetails details(Ticket ticket) {
        CategoryRef category = categories.findById(ticket.categoryId())
                .map(c -> new CategoryRef(c.id(), c.name(), c.icon(), c.color())).orElse(null);
        return new TicketDetails(ticket, category, person(ticket.authorId()),
                ticket.assigneeId() == null ? null : person(ticket.assigneeId()));
    }

    private PersonRef person(UUID id) {
        return users.findById(id).map(u -> new PersonRef(u.id(), u.telegramId(), u.firstName(), u.username(), u.role()))
                .orElse(null);
    }

    private static <T, R> Page<R> page(List<T> all, PageRequest request, Function<T, R> view) {
        List<R> items = all.stream().skip(request.offset()).limit(request.size()).map(view).toList();
        return Page.of(items, all.size(), request);
    }
}
