package io.ticketdesk.bootstrap;

import io.ticketdesk.application.port.in.files.SweepUnattachedUploadsUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the periodic clean-ups on one background thread: now, unattached uploads every hour. */
final class HousekeepingSchedule implements AutoCloseable {

    static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);
    static final Duration EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingSchedule.class);

    private final ScheduledExecutorService executor;

    private HousekeepingSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static HousekeepingSchedule start(SweepUnattachedUploadsUseCase sweepUploads) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ticketdesk-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> sweep(sweepUploads), FIRST_RUN_AFTER.toSeconds(), EVERY.toSeconds(),
                TimeUnit.SECONDS);
        return new HousekeepingSchedule(executor);
    }

    /** Never lets a failure escape: a scheduled task that throws is never run again. */
    static void sweep(SweepUnattachedUploadsUseCase sweepUploads) {
        try {
            int removed = sweepUploads.sweep();
            if (removed > 0) {
                LOG.info("removed {} uploads never attached to a message", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("sweeping unattached uploads failed; trying again in {}", EVERY, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
