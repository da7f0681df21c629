package io.ticketdesk.adapters.persistence.users;

import io.ticketdesk.adapters.persistence.ColumnMatchingCache;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.users.UserFilter;
import io.ticketdesk.application.port.in.users.UserListItem;
import io.ticketdesk.application.port.out.persistence.UserDirectory;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The people list. Ticket count and last activity are subqueries of the page query itself, each an
 * index lookup ({@code tickets_by_author}, {@code messages_by_author}) for the 100 rows at most of a page.
 */
public final class JdbiUserDirectory implements UserDirectory {

    private static final String SELECT = """
            SELECT u.id, u.telegram_id, u.username, u.first_name, u.last_name, u.language_code, u.role,
                   u.is_active AS active, u.created_at, u.updated_at,
                   (SELECT count(*) FROM tickets t WHERE t.author_id = u.id) AS tickets_count,
                   GREATEST(u.last_login_at,
                            (SELECT max(t.created_at) FROM tickets t WHERE t.author_id = u.id),
                            (SELECT max(m.created_at) FROM messages m WHERE m.author_id = u.id)) AS last_activity
            FROM users u""";

    record ListedUser(@Nested User user, long ticketsCount, Instant lastActivity) {
    }

    private static final RowMapper<ListedUser> LISTED_USER = ColumnMatchingCache.of(ListedUser.class);

    private final JdbiTransactions transactions;

    public JdbiUserDirectory(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Page<UserListItem> users(UserFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        filter.role().ifPresent(role -> {
            conditions.add("u.role = :role");
            params.put("role", role.name());
        });
        filter.active().ifPresent(active -> {
            conditions.add("u.is_active = :active");
            params.put("active", active);
        });
        filter.search().ifPresent(text -> {
            // a plain substring test (no LIKE wildcards to escape), lowered on both sides the same way
            conditions.add("(strpos(lower(u.first_name), lower(:search)) > 0"
                    + " OR strpos(lower(u.last_name), lower(:search)) > 0"
                    + " OR strpos(lower(u.username), lower(:search)) > 0)");
            params.put("search", text);
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return transactions.withSnapshot(handle -> {
            List<UserListItem> items = handle.createQuery(SELECT + where
                            + " ORDER BY u.created_at DESC, u.id DESC LIMIT :limit OFFSET :offset")
                    .bindMap(params)
                    .bind("limit", page.size())
                    .bind("offset", page.offset())
                    .map(LISTED_USER)
                    .map(row -> new UserListItem(row.user(), row.ticketsCount(), row.lastActivity()))
                    .list();
            long total = handle.createQuery("SELECT count(*) FROM users u" + where)
                    .bindMap(params)
                    .mapTo(Long.class)
                    .one();
            return Page.of(items, total, page);
        });
    }
}
