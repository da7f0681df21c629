package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.categories.Category;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where categories are kept. */
public interface CategoryRepository {

    Optional<Category> findById(UUID id);

    /** Reads the category and holds it against other writers until the transaction ends. */
    Optional<Category> findForUpdate(UUID id);

    /** Reads the category and keeps it from being deleted until the transaction ends (a ticket is joining it). */
    Optional<Category> findForReference(UUID id);

    /** By {@code sort_order}, then name. */
    List<Category> list(boolean includeInactive);

    /** @throws io.ticketdesk.domain.ConflictException when the name is taken (any case) */
    void insert(Category category);

    /** @throws io.ticketdesk.domain.ConflictException when the new name is taken (any case) */
    void update(Category category);

    boolean isUsedByTickets(UUID id);

    void delete(UUID id);
}
