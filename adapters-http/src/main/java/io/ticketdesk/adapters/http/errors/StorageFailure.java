package io.ticketdesk.adapters.http.errors;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Recognises a failure of the server's own storage (a full disk, a directory it cannot write)
 * in a cause chain, so that it is answered 507 and logged as ours rather than blamed on the client.
 */
public final class StorageFailure {

    /** PostgreSQL's SQLSTATE for "disk full". */
    private static final String DISK_FULL = "53100";

    private StorageFailure() {
    }

    /** The cause that shows the storage failed, if there is one in the chain. */
    public static Optional<Throwable> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof FileSystemException
                    || message.contains("No space left on device") || message.contains("Disk quota exceeded")
                    || (cause instanceof SQLException sql && DISK_FULL.equals(sql.getSQLState()))) {
                return Optional.of(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
