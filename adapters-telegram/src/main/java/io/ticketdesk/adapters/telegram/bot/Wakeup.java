package io.ticketdesk.adapters.telegram.bot;

import java.time.Duration;

/** A worker's sleep that a signal cuts short; a signal while awake is not lost. */
public final class Wakeup {

    private boolean signalled;

    public synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Sleeps until signalled or {@code atMost} has passed. */
    public synchronized void await(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!signalled) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        signalled = false;
    }
}
