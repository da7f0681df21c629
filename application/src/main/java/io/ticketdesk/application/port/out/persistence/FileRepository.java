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
}
