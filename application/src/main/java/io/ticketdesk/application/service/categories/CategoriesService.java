package io.ticketdesk.application.service.categories;

import io.ticketdesk.application.port.in.categories.CreateCategoryCommand;
import io.ticketdesk.application.port.in.categories.CreateCategoryUseCase;
import io.ticketdesk.application.port.in.categories.DeleteCategoryUseCase;
import io.ticketdesk.application.port.in.categories.ListCategoriesQuery;
import io.ticketdesk.application.port.in.categories.UpdateCategoryCommand;
import io.ticketdesk.application.port.in.categories.UpdateCategoryUseCase;
import io.ticketdesk.application.port.out.persistence.CategoryRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.categories.Category;
import io.ticketdesk.domain.categories.CategoryRules;
import io.ticketdesk.domain.users.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Category administration: small, and every use case shares the same repository and rules. */
public record CategoriesService(CategoryRepository categories, Transactions transactions, Clock clock)
        implements ListCategoriesQuery, CreateCategoryUseCase, UpdateCategoryUseCase, DeleteCategoryUseCase {

    @Override
    public List<Category> list(User actor, boolean includeInactive) {
        actor.requireActive();
        // inactive categories are for staff; anyone else asking for them gets the active ones
        return categories.list(includeInactive && actor.isStaff());
    }

    @Override
    public Category create(CreateCategoryCommand command) {
        CategoryRules.requireMayManage(command.actor().requireActive());
        Instant now = now();
        Category category = new Category(UUID.randomUUID(), command.name(), command.description(), command.icon(),
                command.color(), true, command.sortOrder(), now, now);
        return transactions.inTransaction(() -> {
            categories.insert(category);
            return category;
        });
    }

    @Override
    public Category update(UpdateCategoryCommand command) {
        CategoryRules.requireMayManage(command.actor().requireActive());
        return transactions.inTransaction(() -> {
            Category current = find(command.categoryId());
            Category next = new Category(current.id(), command.name().orElse(current.name()),
                    command.description().orElse(current.description()), command.icon().orElse(current.icon()),
                    command.color().orElse(current.color()), command.active().orElse(current.active()),
                    command.sortOrder().orElse(current.sortOrder()), current.createdAt(), now());
            categories.update(next);
            return next;
        });
    }

    @Override
    public void delete(User actor, UUID categoryId) {
        CategoryRules.requireMayManage(actor.requireActive());
        transactions.inTransaction(() -> {
            find(categoryId);
            if (categories.isUsedByTickets(categoryId)) {
                throw new ConflictException("category.in_use");
            }
            categories.delete(categoryId);
            return null;
        });
    }

    private Category find(UUID id) {
        // locked: two edits apply one after the other, and a delete waits for tickets joining it
        return categories.findForUpdate(id).orElseThrow(() -> new NotFoundException("category.not_found"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
