package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on its embedded PostgreSQL, run as a separate JVM and killed with SIGKILL while
 * several clients write: every ticket and message it acknowledged is there after the restart.
 */
class EmbeddedCrashTest {

    private static final int WRITERS = 4;
    /** Only catches "never comes back": the figure itself is printed, and measured in bench/. */
    private static final Duration START_WITHIN = Duration.ofSeconds(180);

    @Test
    void killingTheJvmAndItsPostgresTogetherLosesNoAcknowledgedWrite(@TempDir Path dataDir) throws Exception {
        DataDirs.withSharedBinaries(dataDir);
        ServiceProcess service = ServiceProcess.start(dataDir, START_WITHIN);
        Acknowledged acknowledged = writeUnderLoad(service);
        service.kill(true);

        ServiceProcess restarted = ServiceProcess.start(dataDir, START_WITHIN);
        try {
            assertAllPresent(restarted, acknowledged);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void killingTheJvmAloneLeavesNoServerBehindThatBlocksARestart(@TempDir Path dataDir) throws Exception {
        DataDirs.withSharedBinaries(dataDir);
        ServiceProcess service = ServiceProcess.start(dataDir, START_WITHIN);
        long postmaster = postmasterPid(dataDir);
        Acknowledged acknowledged = writeUnderLoad(service);
        // the watchdog first (it would stop PostgreSQL at once), then the JVM: the orphan is certain to still run
        service.killWatchdog();
        service.kill(false);
        assertTrue(LeftoverPostgres.isPostmasterOf(postmaster, dataDir.resolve("postgres").toRealPath()),
                "the orphan should still run");

        long restarting = System.nanoTime();
        ServiceProcess restarted = ServiceProcess.start(dataDir, START_WITHIN);
        try {
            waitHealthy(restarted);
            System.out.printf("healthy %d ms after restarting next to an orphaned PostgreSQL%n",
                    Duration.ofNanos(System.nanoTime() - restarting).toMillis());
            restarted.output().lines().filter(line -> line.contains("PostgreSQL") || line.contains("listening"))
                    .forEach(System.out::println);
            assertFalse(LeftoverPostgres.isPostmasterOf(postmaster, dataDir.resolve("postgres").toRealPath()),
                    "the orphan was stopped");
            assertTrue(restarted.output().contains("left running by an earlier run"), restarted.output());
            assertAllPresent(restarted, acknowledged);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void theWatchdogStopsPostgresWhenItsJvmIsKilled(@TempDir Path dataDir) throws Exception {
        DataDirs.withSharedBinaries(dataDir);
        ServiceProcess service = ServiceProcess.start(dataDir, START_WITHIN);
        long postmaster = postmasterPid(dataDir);
        service.kill(false);
        Path directory = dataDir.resolve("postgres").toRealPath();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (LeftoverPostgres.isPostmasterOf(postmaster, directory) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(LeftoverPostgres.isPostmasterOf(postmaster, directory), "the watchdog stopped the orphan");
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "a fast shutdown removes its lock file");
        String log = Files.readString(dataDir.resolve(EmbeddedPostgresServer.LOG_FILE), StandardCharsets.UTF_8);
        assertTrue(log.contains("received fast shutdown request"), log);
    }

    private static long postmasterPid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
    }

    /** Writers create tickets and post messages until the service is killed under them. */
    private static Acknowledged writeUnderLoad(ServiceProcess service) throws Exception {
        Acknowledged acknowledged = new Acknowledged(ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>());
        String token = service.logIn(5150, "Writer");
        String category = service.send("GET", "/api/v1/categories", token, null).json().get(0).get("id").asText();
        AtomicBoolean enough = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int n = 0; ; n++) {
                    try {
                        ServiceProcess.Answer ticket = service.send("POST", "/api/v1/tickets", token,
                                DeskUnderTest.JSON.writeValueAsString(Map.of("title", "Crash " + writer + "-" + n,
                                        "description", "written under load", "category_id", category)));
                        if (ticket.status() != 201) {
                            continue;
                        }
                        String ticketId = ticket.json().get("id").asText();
                        acknowledged.tickets().add(ticketId);
                        for (int m = 0; m < 3; m++) {
                            ServiceProcess.Answer message = service.send("POST", "/api/v1/tickets/" + ticketId + "/messages",
                                    token, DeskUnderTest.JSON.writeValueAsString(Map.of("content", "message " + m)));
                            if (message.status() == 201) {
                                acknowledged.messages().computeIfAbsent(ticketId, id -> ConcurrentHashMap.newKeySet())
                                        .add(message.json().get("id").asText());
                            }
                        }
                        if (n > 15) {
                            enough.set(true);
                        }
                    } catch (Exception killed) {
                        return; // the service went away mid-request: nothing of this one was acknowledged
                    }
                }
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!enough.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(enough.get(), "the writers got nothing acknowledged");
        writers.shutdown(); // the kill that follows happens while they still write
        return acknowledged;
    }

    private static void waitHealthy(ServiceProcess service) throws Exception {
        assertEquals(200, service.send("GET", "/health", null, null).status());
    }

    private static void assertAllPresent(ServiceProcess service, Acknowledged acknowledged) throws Exception {
        String token = service.logIn(5150, "Writer");
        int messages = 0;
        for (String ticketId : acknowledged.tickets()) {
            assertEquals(200, service.send("GET", "/api/v1/tickets/" + ticketId, token, null).status(),
                    "acknowledged ticket " + ticketId + " is lost");
            Set<String> stored = new HashSet<>();
            JsonNode page = service.send("GET", "/api/v1/tickets/" + ticketId + "/messages", token, null).json();
            page.path("items").forEach(item -> stored.add(item.get("id").asText()));
            Set<String> expected = acknowledged.messages().getOrDefault(ticketId, Set.of());
            assertTrue(stored.containsAll(expected), "acknowledged messages of " + ticketId + " lost: " + expected + " vs " + stored);
            messages += expected.size();
        }
        System.out.printf("after kill -9: %d acknowledged tickets and %d acknowledged messages all found, 0 lost%n",
                acknowledged.tickets().size(), messages);
    }

    private record Acknowledged(Set<String> tickets, Map<String, Set<String>> messages) {
    }
}
