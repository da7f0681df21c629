import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the JVM's CPU went in a JFR recording: every {@code jdk.ExecutionSample} (a thread running
 * Java code; threads waiting on a socket for PostgreSQL are not sampled) is charged to the first
 * frame from the top of its stack that is not JDK code, grouped by library, then the top such
 * methods. No build: {@code java bench/JfrSummary.java FILE.jfr [TOP]}.
 */
public final class JfrSummary {

    /** Package prefix → the name printed; the first match from the top of the stack wins. */
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"org.postgresql.", "PostgreSQL JDBC driver"},
            new String[] {"org.jdbi.", "JDBI"},
            new String[] {"com.zaxxer.hikari.", "HikariCP"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"ch.qos.logback.", "logging (Logback, SLF4J)"},
            new String[] {"org.slf4j.", "logging (Logback, SLF4J)"},
            new String[] {"org.eclipse.jetty.", "Jetty"},
            new String[] {"io.javalin.", "Javalin"},
            new String[] {"com.auth0.", "JWT (java-jwt)"},
            new String[] {"io.ticketdesk.", "the service's own code"});

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bench/JfrSummary.java FILE.jfr [TOP=12]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> byLeaf = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                byLeaf.merge(name(frames.get(0)), 1, Integer::sum);
            }
            String library = "JDK only (threads of the JDK, GC helpers, idle loops)";
            String method = "-";
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                String found = libraryOf(type);
                if (found != null) {
                    library = found;
                    method = name(frame);
                    break;
                }
            }
            byLibrary.merge(library, 1, Integer::sum);
            byMethod.merge(method, 1, Integer::sum);
        }
        System.out.printf("%d execution samples (threads running Java code)%n", samples);
        print("charged to the first non-JDK frame from the top, by library", byLibrary, samples, top);
        print("... by method", byMethod, samples, top);
        print("top frames (leaf methods, JDK included)", byLeaf, samples, top);
    }

    private static String libraryOf(String type) {
        for (String[] library : LIBRARIES) {
            if (type.startsWith(library[0])) {
                return library[1];
            }
        }
        return null;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("  " + title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey()));
    }
}
