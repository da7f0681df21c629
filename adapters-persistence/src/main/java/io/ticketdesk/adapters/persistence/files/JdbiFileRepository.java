package io.ticketdesk.adapters.persistence.files;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.out.persistence.FileRepository;
import io.ticketdesk.domain.files.StoredFile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
                .bindMethods(file)
                .execute());
    }

    @Override
    public Optional<StoredFile> findById(UUID id) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM files WHERE id = :id")
                .bind("id", id)
                .mapTo(StoredFile.class)
                .findOne());
    }

    @Override
    public List<StoredFile> findUnattachedCreatedBefore(Instant cutoff, int limit) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM files "
                        + "WHERE message_id IS NULL AND created_at < :cutoff ORDER BY created_at LIMIT :limit")
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .mapTo(StoredFile.class)
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
}
