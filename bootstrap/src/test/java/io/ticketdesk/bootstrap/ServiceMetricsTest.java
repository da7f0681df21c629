package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** The registry's own rules that the service's meters must live with. */
class ServiceMetricsTest {

    @Test
    void outboxGaugesKeepReadingAfterAGarbageCollection() {
        try (ServiceMetrics metrics = new ServiceMetrics(true)) {
            long depth = 7;
            metrics.outbox(() -> depth, () -> 90);

            // a collection that clears weak references has run once this sentinel is gone
            WeakReference<Object> sentinel = new WeakReference<>(new Object());
            for (int i = 0; i < 50 && sentinel.get() != null; i++) {
                System.gc();
            }
            assertTrue(sentinel.get() == null, "no collection cleared weak references");

            assertEquals(7.0, metrics.registry().get("desk.outbox.depth").gauge().value());
            assertEquals(90.0, metrics.registry().get("desk.outbox.oldest.age").gauge().value());
        }
    }
}
