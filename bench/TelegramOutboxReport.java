import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures of bench/telegram-outbox.sh from the fake Bot API's call log and the outbox rows:
 *
 * <pre>java bench/TelegramOutboxReport.java CALLS.tsv OUTBOX.tsv BACKLOG LATENCY_PROBES</pre>
 *
 * CALLS.tsv (from the fake): method, status, chat_id, time in µs, text. OUTBOX.tsv (from psql):
 * text, created_at in µs. Backlog texts are "n…", latency probes "p…". Exit code 1 when a target
 * is missed: any 1-s window over 30 calls, a chat given two calls within 1 s, a duplicate or a loss,
 * a sending rate under 28/s, or a p99 commit-to-send of 100 ms or more.
 */
public final class TelegramOutboxReport {

    record Call(String method, int status, long chat, long micros, String text) {
    }

    public static void main(String[] args) throws Exception {
        List<Call> calls = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t", -1);
            if (f.length >= 5 && f[0].equalsIgnoreCase("sendMessage")) {
                calls.add(new Call(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4]));
            }
        }
        Map<String, Long> created = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] f = line.split("\t", -1);
            if (f.length == 2) {
                created.put(f[0], Long.parseLong(f[1]));
            }
        }
        int backlog = Integer.parseInt(args[2]);
        int probes = Integer.parseInt(args[3]);
        boolean ok = true;
        calls.sort((a, b) -> Long.compare(a.micros, b.micros));

        // global rate: every request counts against Telegram's limit, whatever its answer
        int maxWindow = 0;
        for (int i = 0, j = 0; i < calls.size(); i++) {
            while (calls.get(i).micros - calls.get(j).micros >= 1_000_000) {
                j++;
            }
            maxWindow = Math.max(maxWindow, i - j + 1);
        }
        List<Call> backlogCalls = calls.stream().filter(c -> c.text.startsWith("n")).toList();
        // the sending stretches: split where nothing was sent for over 2 s (the kill and the restart)
        List<double[]> stretches = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= backlogCalls.size(); i++) {
            if (i == backlogCalls.size() || backlogCalls.get(i).micros - backlogCalls.get(i - 1).micros > 2_000_000) {
                int count = i - start;
                double seconds = (backlogCalls.get(i - 1).micros - backlogCalls.get(start).micros) / 1e6;
                stretches.add(new double[] {count, seconds, count > 1 ? (count - 1) / seconds : 0});
                start = i;
            }
        }
        // per chat: the closest two calls (any answer) to one chat
        Map<Long, Long> lastByChat = new HashMap<>();
        long minGap = Long.MAX_VALUE;
        for (Call call : calls) {
            Long last = lastByChat.put(call.chat, call.micros);
            if (last != null) {
                minGap = Math.min(minGap, call.micros - last);
            }
        }
        Map<String, Integer> delivered = new HashMap<>();
        for (Call call : calls) {
            if (call.status == 200) {
                delivered.merge(call.chat + "/" + call.text, 1, Integer::sum);
            }
        }
        long duplicates = delivered.values().stream().filter(n -> n > 1).count();
        Set<String> deliveredBacklog = new HashSet<>();
        delivered.keySet().stream().filter(k -> k.contains("/n")).forEach(deliveredBacklog::add);
        long losses = backlog - deliveredBacklog.size();

        List<Long> latencies = new ArrayList<>();
        for (Call call : calls) {
            if (call.status == 200 && call.text.startsWith("p") && created.containsKey(call.text)) {
                latencies.add(call.micros - created.get(call.text));
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();

        System.out.printf("backlog: %d notifications, %d sendMessage requests in all%n", backlog, calls.size());
        System.out.printf("global: at most %d requests in any 1-s window (target ≤ 30)%n", maxWindow);
        for (int i = 0; i < stretches.size(); i++) {
            double[] s = stretches.get(i);
            System.out.printf("stretch %d: %d calls in %.1f s = %.2f calls/s%n", i + 1, (int) s[0], s[1], s[2]);
        }
        System.out.printf("per chat: closest two calls %.3f s apart (target ≥ 1 s)%n", minGap / 1e6);
        System.out.printf("duplicates: %d, losses: %d%n", duplicates, losses);
        if (sorted.length > 0) {
            System.out.printf("commit-to-send (%d probes, not rate-limited): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    sorted.length, pct(sorted, 50) / 1e3, pct(sorted, 99) / 1e3, sorted[sorted.length - 1] / 1e3);
        }
        double bestRate = stretches.stream().filter(s -> s[0] >= 100).mapToDouble(s -> s[2]).max().orElse(0);
        if (maxWindow > 30 || minGap < 1_000_000 || duplicates > 0 || losses > 0 || bestRate < 28
                || sorted.length < probes || pct(sorted, 99) >= 100_000) {
            ok = false;
        }
        System.out.println(ok ? "all targets met" : "TARGET MISSED");
        System.exit(ok ? 0 : 1);
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Long.MAX_VALUE;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
