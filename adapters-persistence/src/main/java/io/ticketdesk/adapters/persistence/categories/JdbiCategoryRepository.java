package io.ticketdesk.adapters.persistence.categories;

import io.ticketdesk.adapters.persistence.Columns;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.out.persistence.CategoryRepository;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.categories.Category;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

public final class JdbiCategoryRepository implements CategoryRepository {

    private static final String COLUMNS =
            "id, name, description, icon, color, is_active AS active, sort_order, created_at, updated_at";

    private final JdbiTransactions transactions;

    public JdbiCategoryRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Category> findById(UUID id) {
        return find(id, "");
    }

    @Override
    public Optional<Category> findForUpdate(UUID id) {
        return find(id, " FOR UPDATE");
    }

    @Override
    public Optional<Category> findForReference(UUID id) {
        // the lock a foreign key takes: deleting the category waits for this transaction
        return find(id, " FOR KEY SHARE");
    }

    private Optional<Category> find(UUID id, String lock) {
        return transactions.withHandle(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM categories WHERE id = :id" + lock)
                .bind("id", id)
                .mapTo(Category.class)
                .findOne());
    }

    @Override
    public List<Category> list(boolean includeInactive) {
        String where = includeInactive ? "" : " WHERE is_active";
        return transactions.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM categories" + where
                        + " ORDER BY sort_order, lower(name), id")
                .mapTo(Category.class)
                .list());
    }

    @Override
    public void insert(Category category) {
        write("""
                INSERT INTO categories (id, name, description, icon, color, is_active, sort_order, created_at, updated_at)
                VALUES (:id, :name, :description, :icon, :color, :active, :sortOrder, :createdAt, :updatedAt)""",
                category);
    }

    @Override
    public void update(Category category) {
        write("""
                UPDATE categories SET name = :name, description = :description, icon = :icon, color = :color,
                                      is_active = :active, sort_order = :sortOrder, updated_at = :updatedAt
                WHERE id = :id""", category);
    }

    private void write(String sql, Category category) {
        try {
            transactions.withHandle(handle -> handle.createUpdate(sql).bindMethods(category).execute());
        } catch (UnableToExecuteStatementException e) {
            if (Columns.isUniqueViolation(e)) {
                throw new ConflictException("category.name_taken");
            }
            throw e;
        }
    }

    @Override
    public boolean isUsedByTickets(UUID id) {
        return transactions.withHandle(handle -> handle
                .createQuery("SELECT EXISTS (SELECT 1 FROM tickets WHERE category_id = :id)")
                .bind("id", id)
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public void delete(UUID id) {
        transactions.withHandle(handle -> handle.createUpdate("DELETE FROM categories WHERE id = :id").bind("id", id).execute());
    }
}
