package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.categories.Category;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Categories in a map, for use-case tests; passes the same contract as the real one. */
public final class InMemoryCategoryRepository implements CategoryRepository {

    private final Map<UUID, Category> byId = new LinkedHashMap<>();
    private final InMemoryTicketRepository tickets;

    /** {@code tickets}: where to look for the tickets using a category. */
    public InMemoryCategoryRepository(InMemoryTicketRepository tickets) {
        this.tickets = tickets;
    }

    @Override
    public synchronized Optional<Category> findById(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Category> findForUpdate(UUID id) {
        return findById(id);
    }

    @Override
    public Optional<Category> findForReference(UUID id) {
        return findById(id);
    }

    @Override
    public synchronized List<Category> list(boolean includeInactive) {
        return byId.values().stream()
                .filter(category -> includeInactive || category.active())
                .sorted(Comparator.comparingInt(Category::sortOrder)
                        .thenComparing(category -> category.name().toLowerCase(Locale.ROOT))
                        .thenComparing(Category::id))
                .toList();
    }

    @Override
    public synchronized void insert(Category category) {
        requireFreeName(category);
        byId.put(category.id(), category);
    }

    @Override
    public synchronized void update(Category category) {
        if (!byId.containsKey(category.id())) {
            return;
        }
        requireFreeName(category);
        byId.put(category.id(), category);
    }

    private void requireFreeName(Category category) {
        boolean taken = byId.values().stream().anyMatch(other -> !other.id().equals(category.id())
                && other.name().toLowerCase(Locale.ROOT).equals(category.name().toLowerCase(Locale.ROOT)));
        if (taken) {
            throw new ConflictException("category.name_taken");
        }
    }

    @Override
    public boolean isUsedByTickets(UUID id) {
        return tickets.all().stream().anyMatch(ticket -> ticket.categoryId().equals(id));
    }

    @Override
    public synchronized void delete(UUID id) {
        byId.remove(id);
    }
}
