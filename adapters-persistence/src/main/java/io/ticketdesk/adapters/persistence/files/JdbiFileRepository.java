package io.ticketdesk.adapters.persistence.files;

import io.ticketdesk.adapters.persistence.Columns;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.out.persistence.FileRepository;
import io.ticketdesk.domain.files.StoredFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiFileRepository implements FileRepository {

    private static final String COLUMNS = "id, uploader_id, filename, content_type, size, sha256, message_id, created_at";

    private final JdbiTransactions transactions;

    public JdbiFileRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(StoredFile file) {
        transactions.withHandle(handle -> handle.createUpdate("INSERT INTO files (" + COLUMNS + ") VALUES "
                        + "(:id, :uploaderId, :filename, :contentType, :size, :sha256, :messageId, :createdAt)")
                .bind("id", file.id())
                .bind("uploaderId", file.uploaderId())
                .bind("filename", file.filename())
                .bind("contentType", file.contentType())
                .bind("size", file.size())
                .bind("sha256", file.sha256())
                .bind("messageId", file.messageId())
                .bind("createdAt", Columns.utc(file.createdAt()))
                .execute());
    }

    @Override
    public Optional<StoredFile> findById(UUID id) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM files WHERE id = :id")
                .bind("id", id)
                .map(JdbiFileRepository::map)
                .findOne());
    }

    @Override
    public List<StoredFile> findUnattachedCreatedBefore(Instant cutoff, int limit) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM files "
                        + "WHERE message_id IS NULL AND created_at < :cutoff ORDER BY created_at LIMIT :limit")
                .bind("cutoff", Columns.utc(cutoff))
                .bind("limit", limit)
                .map(JdbiFileRepository::map)
                .list());
    }

    @Override
    public boolean deleteIfUnattached(UUID id) {
        return transactions.withHandle(handle -> handle
                .createUpdate("DELETE FROM files WHERE id = :id AND message_id IS NULL")
                .bind("id", id)
                .execute()) == 1;
    }

    @Override
    public boolean attach(UUID fileId, UUID uploaderId, UUID messageId) {
        return transactions.withHandle(handle -> handle.createUpdate(
                        "UPDATE files SET message_id = :message"
                                + " WHERE id = :id AND uploader_id = :uploader AND message_id IS NULL")
                .bind("message", messageId)
                .bind("id", fileId)
                .bind("uploader", uploaderId)
                .execute()) == 1;
    }

    @Override
    public List<UUID> attachedToTicket(UUID ticketId) {
        return transactions.withHandle(handle -> handle.createQuery(
                        "SELECT f.id FROM files f JOIN messages m ON m.id = f.message_id WHERE m.ticket_id = :ticket")
                .bind("ticket", ticketId)
                .mapTo(UUID.class)
                .list());
    }

    private static StoredFile map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredFile(
                Columns.uuid(rs, "id"),
                Columns.uuid(rs, "uploader_id"),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                Columns.uuid(rs, "message_id"),
                Columns.instant(rs, "created_at"));
    }
}
