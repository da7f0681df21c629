package io.ticketdesk.domain.files;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An uploaded file as the desk knows it: who uploaded it, what it is, and the message it is
 * attached to ({@code null} until attached). The bytes live in a file store under {@link #id}.
 */
public record StoredFile(UUID id, UUID uploaderId, String filename, String contentType, long size, String sha256,
                         UUID messageId, Instant createdAt) {

    public StoredFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uploaderId, "uploaderId");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        if (size < 0) {
            throw new IllegalArgumentException("size " + size);
        }
    }

    public boolean isUploadedBy(UUID userId) {
        return uploaderId.equals(userId);
    }

    public Optional<UUID> attachedTo() {
        return Optional.ofNullable(messageId);
    }
}
