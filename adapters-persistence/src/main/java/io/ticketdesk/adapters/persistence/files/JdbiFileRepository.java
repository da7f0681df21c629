package io.ticketdesk.adapters.persistence.files;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.out.persistence.FileRepository;
import io.ticketdesk.domain.files.StoredFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
                .bind("createdAt", utc(file.createdAt()))
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
                .bind("cutoff", utc(cutoff))
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

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static StoredFile map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredFile(
                rs.getObject("id", UUID.class),
                rs.getObject("uploader_id", UUID.class),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getObject("message_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
