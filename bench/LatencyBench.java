import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sequential latency of GET requests, one keep-alive connection, no build needed:
 *
 * <pre>BENCH_TOKEN=… java bench/LatencyBench.java BASE_URL CALLER REQUESTS WARMUP PATH…</pre>
 *
 * For each path: WARMUP requests that are not counted, then REQUESTS timed ones, one after the
 * other. Prints one line per path: p50, p95, p99, max and mean in milliseconds, and the list's
 * {@code total}. Any answer other than 200 stops the run with exit code 1.
 */
public final class LatencyBench {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: BENCH_TOKEN=… java LatencyBench.java BASE_URL CALLER REQUESTS WARMUP PATH…");
            System.exit(2);
        }
        String base = args[0];
        String caller = args[1];
        int requests = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        String token = System.getenv("BENCH_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("BENCH_TOKEN is not set");
            System.exit(2);
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        for (int i = 4; i < args.length; i++) {
            String path = args[i];
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60))
                    .GET()
                    .build();
            String total = "?";
            for (int w = 0; w < warmup; w++) {
                total = total(send(client, request, path));
            }
            long[] nanos = new long[requests];
            for (int r = 0; r < requests; r++) {
                long start = System.nanoTime();
                String body = send(client, request, path);
                nanos[r] = System.nanoTime() - start;
                if (r == 0) {
                    total = total(body);
                }
            }
            Arrays.sort(nanos);
            double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
            System.out.println(String.format(Locale.ROOT, "%-10s %-58s %6d %9s %8.1f %8.1f %8.1f %8.1f %8.1f",
                    caller, path, requests, total, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                    nanos[nanos.length - 1] / 1e6, mean));
        }
    }


    private static String send(HttpClient client, HttpRequest request, String path) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.err.println(path + " answered " + response.statusCode() + ": " + response.body());
            System.exit(1);
        }
        return response.body();
    }

    private static String total(String body) {
        Matcher m = TOTAL.matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    /** Nearest-rank percentile of sorted durations, in milliseconds. */
    private static double ms(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
