import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commit-to-delivery latency of new_message events: opens SOCKETS WebSockets spread over TICKETS
 * tickets on one instance, posts RATE messages per second for SECONDS, and reports per-delivery
 * latency measured from the moment the POST was answered (the commit is done by then) and from the
 * moment it was sent (an upper bound). Run: java bench/RealtimeLatency.java BASE_URL TOKEN CATEGORY_ID
 * [SOCKETS] [TICKETS] [RATE] [SECONDS]. Talks to the given base URL only (meant for localhost).
 */
public class RealtimeLatency {

    private static final Pattern CONTENT = Pattern.compile("\"content\":\"bench (\\d+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String category = args[2];
        int sockets = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int tickets = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        int rate = args.length > 5 ? Integer.parseInt(args[5]) : 50;
        int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 60;
        if (!base.startsWith("http://localhost") && !base.startsWith("http://127.0.0.1")) {
            throw new IllegalArgumentException("this benchmark only targets localhost");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        List<String> ticketIds = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            String body = "{\"title\":\"Bench " + i + "\",\"description\":\"Realtime benchmark\",\"category_id\":\""
                    + category + "\"}";
            HttpResponse<String> created = http.send(request(base + "/api/v1/tickets", token).POST(
                    HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(created.body());
            if (created.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("could not create a ticket: " + created.statusCode() + " " + created.body());
            }
            ticketIds.add(id.group(1));
        }

        int total = rate * seconds;
        long[] sentAt = new long[total];
        long[] answeredAt = new long[total];
        ConcurrentLinkedQueue<long[]> deliveries = new ConcurrentLinkedQueue<>();
        AtomicLong delivered = new AtomicLong();
        AtomicInteger opened = new AtomicInteger();
        String ws = base.replace("http://", "ws://");
        List<WebSocket> open = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        // one client per 100 sockets, so that no single selector thread of the benchmark is the bottleneck
        List<HttpClient> socketClients = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            if (i % 100 == 0) {
                socketClients.add(HttpClient.newHttpClient());
            }
            String ticket = ticketIds.get(i % tickets);
            opening.add(socketClients.get(socketClients.size() - 1).newWebSocketBuilder().buildAsync(URI.create(ws + "/ws/tickets/" + ticket + "?token=" + token),
                    new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                long now = System.nanoTime();
                                Matcher m = CONTENT.matcher(partial);
                                if (m.find()) {
                                    deliveries.add(new long[] {Integer.parseInt(m.group(1)), now});
                                    delivered.incrementAndGet();
                                }
                                partial.setLength(0);
                            }
                            socket.request(1);
                            return null;
                        }
                    }).thenApply(socket -> {
                        opened.incrementAndGet();
                        open.add(socket);
                        return socket;
                    }));
            if (i % 100 == 99) {
                CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            }
        }
        CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        System.out.printf("opened %d sockets on %d tickets; posting %d messages/s for %d s%n", opened.get(), tickets,
                rate, seconds);

        ScheduledExecutorService poster = Executors.newScheduledThreadPool(4);
        CountDownLatch done = new CountDownLatch(total);
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        poster.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            String ticket = ticketIds.get(n % tickets);
            sentAt[n] = System.nanoTime();
            http.sendAsync(request(base + "/api/v1/tickets/" + ticket + "/messages", token)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"bench " + n + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        answeredAt[n] = System.nanoTime();
                        if (error != null || response.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                        done.countDown();
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await(seconds + 60L, TimeUnit.SECONDS);
        poster.shutdownNow();
        long expected = (long) total * (sockets / tickets);
        long lastDeliveryDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (delivered.get() < expected && System.nanoTime() < lastDeliveryDeadline) {
            Thread.sleep(10); // the frames of the last messages are still on their way
        }
        open.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));

        List<Double> fromAnswer = new ArrayList<>();
        List<Double> fromSend = new ArrayList<>();
        for (long[] delivery : deliveries) {
            int n = (int) delivery[0];
            fromSend.add((delivery[1] - sentAt[n]) / 1e6);
            fromAnswer.add(Math.max(0, delivery[1] - answeredAt[n]) / 1e6);
        }
        System.out.printf("messages posted: %d (failed: %d); deliveries: %d of %d expected%n", total, failures.get(),
                deliveries.size(), expected);
        report("latency from POST answered (after commit)", fromAnswer);
        report("latency from POST sent (upper bound)", fromSend);
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
    }

    private static void report(String what, List<Double> millis) {
        Collections.sort(millis);
        if (millis.isEmpty()) {
            System.out.println(what + ": no deliveries");
            return;
        }
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, percentile(millis, 50),
                percentile(millis, 95), percentile(millis, 99), millis.get(millis.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
