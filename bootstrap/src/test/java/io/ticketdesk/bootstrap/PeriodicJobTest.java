package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {

    @Test
    void keepsRunningAfterARunFails() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(3);
        try (PeriodicJob job = PeriodicJob.start("test-job", Duration.ZERO, Duration.ofMillis(10), () -> {
            runs.incrementAndGet();
            thirdRun.countDown();
            throw new IllegalStateException("every run fails");
        })) {
            assertTrue(thirdRun.await(5, TimeUnit.SECONDS), "ran " + runs.get() + " times");
        }
    }
}
