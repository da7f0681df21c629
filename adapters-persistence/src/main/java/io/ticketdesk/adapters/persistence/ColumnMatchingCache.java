package io.ticketdesk.adapters.persistence;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A record's {@link ConstructorMapper} that matches columns to components once per list of column
 * labels instead of once per statement: JDBI redoes that matching (reflection, annotations) for
 * every result set, and a profile of a point read charged it a third of the JVM's time. The
 * matched mapper holds only column positions and the shared column mappers, so it is reusable.
 */
public final class ColumnMatchingCache<T> implements RowMapper<T> {

    /** Our statements have a handful of column lists per record; a bound keeps a stray ad-hoc query from growing it. */
    private static final int MAX_COLUMN_LISTS = 256;

    private final RowMapper<T> constructorMapper;
    private final ConcurrentMap<List<String>, RowMapper<T>> matchedByColumns = new ConcurrentHashMap<>();

    private ColumnMatchingCache(Class<T> type) {
        this.constructorMapper = ConstructorMapper.of(type);
    }

    public static <T> ColumnMatchingCache<T> of(Class<T> type) {
        return new ColumnMatchingCache<>(type);
    }

    @Override
    public T map(ResultSet rs, StatementContext ctx) throws SQLException {
        return specialize(rs, ctx).map(rs, ctx);
    }

    @Override
    public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
        List<String> columns = labels(rs.getMetaData());
        RowMapper<T> matched = matchedByColumns.get(columns);
        if (matched != null) {
            return matched;
        }
        matched = constructorMapper.specialize(rs, ctx);
        if (matchedByColumns.size() < MAX_COLUMN_LISTS) {
            matchedByColumns.putIfAbsent(columns, matched);
        }
        return matched;
    }

    int columnListsKnown() {
        return matchedByColumns.size();
    }

    private static List<String> labels(ResultSetMetaData meta) throws SQLException {
        String[] labels = new String[meta.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
        }
        return Arrays.asList(labels);
    }
}
