import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency at a fixed request rate (what wrk2 does; wrk itself sends as fast as it can): GETs are
 * started on a schedule, RATE per second, whether or not earlier ones have answered, and each is
 * timed from the moment it was due, not from when it went out, so a stall counts for every request
 * it held up (no "coordinated omission"). Paths are picked at random from PATHS_FILE (one per line).
 * At most CONNECTIONS requests are in flight (keep-alive connections, as wrk2 -c): when all are
 * busy the next one waits, and its wait counts in its latency.
 *
 *   BENCH_TOKEN=… java bench/FixedRateLatency.java BASE_URL PATHS_FILE RATE SECONDS [WARMUP_SECONDS=5] [CONNECTIONS=16]
 *
 * Prints: due, answered, failed, the achieved rate, and p50/p90/p99/p99.9/max in ms.
 *
 * RATE "max" instead measures this client's own ceiling: CONNECTIONS requests kept in flight for
 * SECONDS, and prints "max N/s". This client costs more CPU per request than wrk, and both share
 * the machine with the service, so "80 % of the maximum" is taken of the lower of the two.
 */
public final class FixedRateLatency {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: BENCH_TOKEN=… java bench/FixedRateLatency.java BASE_URL PATHS_FILE RATE SECONDS [WARMUP]");
            System.exit(2);
        }
        String base = args[0];
        List<String> paths = Files.readAllLines(Path.of(args[1])).stream().filter(line -> !line.isBlank()).toList();
        boolean closedLoop = args[2].equals("max");
        double rate = closedLoop ? 0 : Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        Semaphore connections = new Semaphore(args.length > 5 ? Integer.parseInt(args[5]) : 16);
        String token = System.getenv("BENCH_TOKEN");
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2, runnable -> {
                    Thread thread = new Thread(runnable, "responses");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
        if (closedLoop) {
            ceiling(client, base, paths, token, warmup, connections);
            System.out.printf("max %.0f/s%n", ceiling(client, base, paths, token, seconds, connections));
            System.exit(0);
        }
        run(client, base, paths, token, rate, warmup, false, connections);
        run(client, base, paths, token, rate, seconds, true, connections);
        System.exit(0);
    }

    /** Requests answered per second with every connection kept busy for {@code seconds}. */
    private static double ceiling(HttpClient client, String base, List<String> paths, String token, int seconds,
                                  Semaphore connections) throws InterruptedException {
        AtomicInteger answered = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            connections.acquire();
            client.sendAsync(request(base, paths, token), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        connections.release();
                        if (error == null && response.statusCode() < 400) {
                            answered.incrementAndGet();
                        }
                    });
        }
        return answered.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static HttpRequest request(String base, List<String> paths, String token) {
        String path = paths.get(ThreadLocalRandom.current().nextInt(paths.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static void run(HttpClient client, String base, List<String> paths, String token, double rate,
                            int seconds, boolean report, Semaphore connections) throws InterruptedException {
        long total = Math.round(rate * seconds);
        long intervalNanos = Math.round(1e9 / rate);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = request(base, paths, token);
            connections.acquire();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                connections.release();
                long took = System.nanoTime() - due;
                if (error != null || response.statusCode() >= 400) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, error != null ? error.toString() : "HTTP " + response.statusCode());
                } else {
                    latencies.add(took);
                }
                answered.incrementAndGet();
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (answered.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("rate %.0f/s for %d s: due %d, answered %d, failed %d, achieved %.0f/s; latency ms"
                        + " p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f%n",
                rate, seconds, total, answered.get(), failed.get(), answered.get() / elapsed,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        if (firstFailure.get() != null) {
            System.out.println("first failure: " + firstFailure.get());
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private FixedRateLatency() {
    }
}
