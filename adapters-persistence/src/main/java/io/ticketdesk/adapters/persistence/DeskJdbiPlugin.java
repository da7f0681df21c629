package io.ticketdesk.adapters.persistence;

import io.ticketdesk.application.port.in.messages.Attachment;
import io.ticketdesk.application.port.in.tickets.CategoryRef;
import io.ticketdesk.application.port.in.tickets.PersonRef;
import io.ticketdesk.domain.categories.Category;
import io.ticketdesk.domain.files.StoredFile;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketChange;
import io.ticketdesk.domain.users.User;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;

/**
 * How this adapter's rows become objects and objects become parameters: records by their
 * constructor (columns matched to component names, snake_case to camelCase; SQL aliases where a
 * column is named otherwise; matched once per column list), enums by name, and instants as UTC {@code timestamptz}; and
 * transactions that PostgreSQL aborts for the transaction's sake (SQLState class 40) run again.
 */
public final class DeskJdbiPlugin implements JdbiPlugin {

    /** Records read whole from one row, with the columns under their component names. */
    private static final List<Class<?>> RECORDS = List.of(Ticket.class, TicketChange.class, Message.class, User.class,
            Category.class, StoredFile.class, PersonRef.class, CategoryRef.class, Attachment.class);

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        // instants go to timestamptz as UTC offsets and come back from it, so the JVM's time zone never matters
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        });
        RECORDS.forEach(type -> registerRecord(jdbi, type));
        // two writers taking shared counter rows in opposite orders: one is aborted (40P01, or 40001
        // under serializable isolation) and simply runs again on the state the other left, not a 500
        jdbi.setTransactionHandler(new SerializableTransactionRunner());
        jdbi.getConfig(SerializableTransactionRunner.Configuration.class)
                .setSerializationFailureSqlState("40")
                .setMaxRetries(JdbiTransactions.ATTEMPTS - 1);
    }

    private static <T> void registerRecord(Jdbi jdbi, Class<T> type) {
        jdbi.registerRowMapper(type, ColumnMatchingCache.of(type));
    }
}
