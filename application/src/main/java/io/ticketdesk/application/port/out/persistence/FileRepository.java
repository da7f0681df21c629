package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.files.StoredFile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where what is known about uploaded files is kept (their bytes are in a FileStore). */
public interface FileRepository {

    void insert(StoredFile file);

    Optional<StoredFile> findById(UUID id);

    /** Up to {@code limit} files attached to no message and created before {@code cutoff}, oldest first. */
    List<StoredFile> findUnattachedCreatedBefore(Instant cutoff, int limit);

    /** Deletes the file if it is still attached to no message; false when it is gone or attached. */
    boolean deleteIfUnattached(UUID id);

    /**
     * Attaches the file to the message if {@code uploaderId} uploaded it and it is attached to
     * nothing yet; false otherwise (someone else's, already attached, swept or never uploaded).
     */
    boolean attach(UUID fileId, UUID uploaderId, UUID messageId);

    /** The files attached to any message of the ticket, so that their bytes can go with it. */
    List<UUID> attachedToTicket(UUID ticketId);
}
