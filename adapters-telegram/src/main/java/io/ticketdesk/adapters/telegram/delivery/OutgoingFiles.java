package io.ticketdesk.adapters.telegram.delivery;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Where the sender reads a stored file at send time, as the person it goes to may read it. */
@FunctionalInterface
public interface OutgoingFiles {

    /** The file, or empty when it is gone or {@code readerId} may no longer read it. */
    Optional<OutgoingFile> open(UUID fileId, UUID readerId);

    /** A file to upload: {@code content} opens a fresh stream of all its bytes each time it is called. */
    record OutgoingFile(String filename, String contentType, long size, Supplier<InputStream> content) {
    }

    /** No file store: every file call fails with a reason (tests of the sender alone). */
    OutgoingFiles NONE = (fileId, readerId) -> Optional.empty();
}
