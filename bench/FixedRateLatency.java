import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency at a fixed request rate (what wrk2 does; wrk itself sends as fast as it can): every
 * keep-alive connection has its own schedule, RATE/CONNECTIONS requests per second, and each
 * request is timed from the moment it was due, not from when it went out, so a stall counts for
 * every request it held up (no "coordinated omission"). Paths are picked at random from PATHS_FILE
 * (one per line).
 *
 *   BENCH_TOKEN=… java bench/FixedRateLatency.java BASE_URL PATHS_FILE RATE SECONDS [WARMUP_SECONDS=5] [CONNECTIONS=16]
 *
 * Prints: due, answered, failed, the achieved rate, and p50/p90/p99/p99.9/max in ms.
 *
 * RATE "max" instead measures this client's own ceiling: every connection sends its next request
 * as soon as the last is answered, for SECONDS, and prints "max N/s". The client speaks HTTP/1.1
 * on plain blocking sockets with the request bytes made once, so it costs about what wrk costs per
 * request and leaves the two cores to the service; "80 % of the maximum" is still taken of the
 * lower of its ceiling and wrk's.
 */
public final class FixedRateLatency {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: BENCH_TOKEN=… java bench/FixedRateLatency.java BASE_URL PATHS_FILE RATE SECONDS [WARMUP] [CONNECTIONS]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        List<String> paths = Files.readAllLines(Path.of(args[1])).stream().filter(line -> !line.isBlank()).toList();
        boolean closedLoop = args[2].equals("max");
        double rate = closedLoop ? 0 : Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int connections = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        String token = System.getenv("BENCH_TOKEN");
        byte[][] requests = paths.stream().map(path -> ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                + base.getPort() + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
        if (closedLoop) {
            run(address, requests, 0, warmup, connections);
            Result result = run(address, requests, 0, seconds, connections);
            System.out.printf("max %.0f/s%n", result.answered() / result.elapsedSeconds());
        } else {
            run(address, requests, rate, warmup, connections);
            Result result = run(address, requests, rate, seconds, connections);
            long[] sorted = result.latencies();
            System.out.printf("rate %.0f/s for %d s: due %d, answered %d, failed %d, achieved %.0f/s; latency ms"
                            + " p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f%n",
                    rate, seconds, result.due(), result.answered(), result.failed(),
                    result.answered() / result.elapsedSeconds(),
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
            if (result.firstFailure() != null) {
                System.out.println("first failure: " + result.firstFailure());
            }
        }
        System.exit(0);
    }

    private record Result(long due, long answered, long failed, long[] latencies, double elapsedSeconds,
                          String firstFailure) {
    }

    /** {@code rate} 0: as fast as each connection is answered. */
    private static Result run(InetSocketAddress address, byte[][] requests, double rate, int seconds, int connections)
            throws InterruptedException {
        long start = System.nanoTime() + 50_000_000L;  // every thread starts on the same schedule
        long end = start + seconds * 1_000_000_000L;
        // connection k sends requests k, k + C, k + 2C, …: the whole schedule is RATE per second
        long interval = rate > 0 ? Math.round(1e9 * connections / rate) : 0;
        long offset = rate > 0 ? Math.round(1e9 / rate) : 0;
        AtomicLong due = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<long[][]> latenciesByConnection = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < connections; k++) {
            long first = start + k * offset;
            long[][] mine = new long[1][];  // filled by the thread when it ends
            Thread thread = new Thread(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                SplittableRandom random = new SplittableRandom();
                Connection connection = null;
                long next = first;
                while (true) {
                    long now = System.nanoTime();
                    if (rate > 0) {
                        if (next >= end) {
                            break;
                        }
                        while (now < next) {
                            LockSupport.parkNanos(next - now);
                            now = System.nanoTime();
                        }
                    } else if (now >= end) {
                        break;
                    } else if (now < start) {
                        LockSupport.parkNanos(start - now);
                        continue;
                    }
                    long dueAt = rate > 0 ? next : now;
                    next += interval;
                    due.incrementAndGet();
                    try {
                        if (connection == null) {
                            connection = new Connection(address);
                        }
                        int status = connection.exchange(requests[random.nextInt(requests.length)]);
                        long took = System.nanoTime() - dueAt;
                        answered.incrementAndGet();
                        if (status >= 400) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, "HTTP " + status);
                        } else {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = took;
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                        connection = Connection.closeQuietly(connection);
                    }
                }
                Connection.closeQuietly(connection);
                mine[0] = Arrays.copyOf(latencies, count);
            }, "connection-" + k);
            threads.add(thread);
            latenciesByConnection.add(mine);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latenciesByConnection.stream().flatMapToLong(one -> Arrays.stream(one[0])).sorted().toArray();
        return new Result(due.get(), answered.get(), failed.get(), all, elapsed, firstFailure.get());
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the status and the whole body. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] skip = new byte[16 * 1024];

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    discard(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                discard(length);
            }
            return status;
        }

        private void discard(long bytes) throws IOException {
            while (bytes > 0) {
                int read = in.read(skip, 0, (int) Math.min(skip.length, bytes));
                if (read < 0) {
                    throw new IOException("connection closed mid-body");
                }
                bytes -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        static Connection closeQuietly(Connection connection) {
            if (connection != null) {
                try {
                    connection.socket.close();
                } catch (IOException ignored) {
                    // going away anyway
                }
            }
            return null;
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
