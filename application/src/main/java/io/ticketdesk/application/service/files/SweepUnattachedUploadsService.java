package io.ticketdesk.application.service.files;

import io.ticketdesk.application.port.in.files.SweepUnattachedUploadsUseCase;
import io.ticketdesk.application.port.out.files.FileStore;
import io.ticketdesk.application.port.out.persistence.FileRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.domain.files.StoredFile;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Removes uploads nobody attached within {@link #UNATTACHED_LIFETIME}. The row goes first, and
 * only while still unattached, so a file attached at the same moment is never lost.
 */
public record SweepUnattachedUploadsService(FileRepository files, FileStore store, Transactions transactions,
                                            Clock clock) implements SweepUnattachedUploadsUseCase {

    public static final Duration UNATTACHED_LIFETIME = Duration.ofHours(24);
    private static final int BATCH = 100;

    private static final System.Logger LOG = System.getLogger(SweepUnattachedUploadsService.class.getName());

    @Override
    public int sweep() {
        int removed = 0;
        List<StoredFile> batch;
        do {
            batch = files.findUnattachedCreatedBefore(clock.instant().minus(UNATTACHED_LIFETIME), BATCH);
            for (StoredFile file : batch) {
                if (transactions.inTransaction(() -> files.deleteIfUnattached(file.id()))) {
                    removed++;
                    try {
                        store.delete(file.id());
                    } catch (RuntimeException leftBehind) {
                        // the row is gone, so nothing can reach these bytes; the next file still goes
                        LOG.log(System.Logger.Level.WARNING, "bytes of swept file " + file.id() + " were left behind",
                                leftBehind);
                    }
                }
            }
        } while (batch.size() == BATCH);
        return removed;
    }
}
