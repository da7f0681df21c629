package io.ticketdesk.adapters.persistence.categories;

import io.ticketdesk.adapters.persistence.Columns;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.out.persistence.CategoryRepository;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.categories.Category;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

public final class JdbiCategoryRepository implements CategoryRepository {

    private static final String COLUMNS = "id, name, description, icon, color, is_active, sort_order, created_at, updated_at";

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
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<Category> list(boolean includeInactive) {
        String where = includeInactive ? "" : " WHERE is_active";
        return transactions.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM categories" + where
                        + " ORDER BY sort_order, lower(name), id")
                .map((rs, ctx) -> map(rs))
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
            transactions.withHandle(handle -> bind(handle.createUpdate(sql), category).execute());
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

    private static Update bind(Update update, Category category) {
        return update.bind("id", category.id())
                .bind("name", category.name())
                .bind("description", category.description())
                .bind("icon", category.icon())
                .bind("color", category.color())
                .bind("active", category.active())
                .bind("sortOrder", category.sortOrder())
                .bind("createdAt", Columns.utc(category.createdAt()))
                .bind("updatedAt", Columns.utc(category.updatedAt()));
    }

    private static Category map(ResultSet rs) throws SQLException {
        return new Category(Columns.uuid(rs, "id"), rs.getString("name"), rs.getString("description"),
                rs.getString("icon"), rs.getString("color"), rs.getBoolean("is_active"), rs.getInt("sort_order"),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));
    }
}
