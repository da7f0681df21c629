package io.ticketdesk.application.port.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.categories.Category;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every CategoryRepository must do; run against the in-memory fake and against PostgreSQL. */
public abstract class CategoryRepositoryContract {

    private static final Instant NOW = Instant.parse("2024-03-01T08:00:00.5Z");

    protected abstract CategoryRepository repository();

    /** Stores a ticket in {@code categoryId}. */
    protected abstract void useInTicket(UUID categoryId);

    private static Category category(String name, boolean active, int sortOrder) {
        return new Category(UUID.randomUUID(), name, "About " + name, "💳", "#ff6b6b", active, sortOrder, NOW, NOW);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aStoredCategoryReadsBackTheSameWhicheverWayItIsRead() {
        Category billing = category(unique("Billing"), true, 3);
        repository().insert(billing);

        assertEquals(Optional.of(billing), repository().findById(billing.id()));
        assertEquals(Optional.of(billing), repository().findForUpdate(billing.id()));
        assertEquals(Optional.of(billing), repository().findForReference(billing.id()));
        assertEquals(Optional.empty(), repository().findById(UUID.randomUUID()));
    }

    @Test
    void namesAreUniqueWhateverTheirCase() {
        String name = unique("Оплата");
        Category first = category(name, true, 1);
        Category other = category(unique("Other"), true, 1);
        repository().insert(first);
        repository().insert(other);

        assertThrows(ConflictException.class, () -> repository().insert(category(name.toUpperCase(), true, 2)));
        Category renamed = new Category(other.id(), name.toLowerCase(), other.description(), other.icon(),
                other.color(), true, 1, NOW, NOW);
        assertThrows(ConflictException.class, () -> repository().update(renamed));
        assertEquals(Optional.of(other), repository().findById(other.id()));
    }

    @Test
    void anUpdateWritesEveryField() {
        Category category = category(unique("Bugs"), true, 2);
        repository().insert(category);
        Category edited = new Category(category.id(), unique("Crashes"), null, null, null, false, 7, NOW,
                NOW.plusSeconds(60));

        repository().update(edited);

        assertEquals(Optional.of(edited), repository().findById(category.id()));
    }

    @Test
    void theListGoesBySortOrderThenNameAndShowsInactiveOnesOnRequest() {
        int order = 900_000;
        Category b = category(unique("b"), true, order);
        Category a = category(unique("A"), true, order);
        Category first = category(unique("z"), true, order - 1);
        Category hidden = category(unique("c"), false, order);
        List.of(b, a, first, hidden).forEach(repository()::insert);
        Set<UUID> ours = Set.of(a.id(), b.id(), first.id(), hidden.id());

        assertEquals(List.of(first, a, b), repository().list(false).stream().filter(c -> ours.contains(c.id())).toList());
        assertEquals(List.of(first, a, b, hidden),
                repository().list(true).stream().filter(c -> ours.contains(c.id())).toList());
    }

    @Test
    void aCategoryInUseIsKnownAsSuchAndAnUnusedOneCanBeDeleted() {
        Category used = category(unique("Used"), true, 1);
        Category unused = category(unique("Unused"), true, 1);
        repository().insert(used);
        repository().insert(unused);
        useInTicket(used.id());

        assertTrue(repository().isUsedByTickets(used.id()));
        assertFalse(repository().isUsedByTickets(unused.id()));
        repository().delete(unused.id());
        assertEquals(Optional.empty(), repository().findById(unused.id()));
    }
}
