package io.ticketdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.telegram.webapp.InitDataSigner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The service run as a separate JVM ({@code java -cp <test class path> ...Main serve}) on the
 * embedded PostgreSQL of {@code dataDir}, as an operator runs it, so tests can kill -9 it.
 */
final class ServiceProcess {

    private static final Pattern LISTENING = Pattern.compile("ticket desk listening on port (\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final List<String> output;
    private final int port;

    private ServiceProcess(Process process, List<String> output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts the service and returns once it listens (or fails with its output). */
    static ServiceProcess start(Path dataDir, Duration within) throws IOException, InterruptedException {
        Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(javaCommand.toString(), "-Xmx256m",
                // the product's logging (INFO), not the tests' quieter logback-test.xml
                "-Dlogback.configurationFile=" + Main.class.getResource("/logback.xml"),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve").redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("DATABASE_URL");
        env.remove("FILES_DIR");
        env.put("DATA_DIR", dataDir.toString());
        env.put("PORT", "0");
        env.put("BOT_TOKEN", DeskUnderTest.BOT_TOKEN);
        env.put("JWT_SECRET", DeskUnderTest.JWT_SECRET);
        env.put("TELEGRAM_MODE", "off");
        Process process = builder.start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.complete(Integer.parseInt(listening.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            port.completeExceptionally(new AssertionError("the service ended before listening"));
        }, "service-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServiceProcess(process, output, port.get(within.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception failed) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the service did not start: " + failed + "\n" + String.join("\n", output), failed);
        }
    }

    long pid() {
        return process.pid();
    }

    String output() {
        synchronized (output) {
            return output.stream().collect(Collectors.joining("\n"));
        }
    }

    /** kill -9 of the JVM alone, or of the JVM and every process it started (PostgreSQL and the watchdog). */
    void kill(boolean withDescendants) throws IOException, InterruptedException {
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(process.toHandle());
        if (withDescendants) {
            victims.addAll(process.toHandle().descendants().toList());
        }
        List<String> command = new ArrayList<>(List.of("kill", "-9"));
        victims.forEach(victim -> command.add(Long.toString(victim.pid())));
        new ProcessBuilder(command).inheritIO().start().waitFor();
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle victim : victims) {
            awaitExit(victim);
        }
    }

    /** kill -9 of the process that stops PostgreSQL when the JVM dies, leaving a certain orphan. */
    void killWatchdog() throws IOException, InterruptedException {
        List<ProcessHandle> watchdogs = process.toHandle().children()
                .filter(child -> child.info().commandLine().orElse("").contains("ticketdesk-postgres-watchdog")).toList();
        if (watchdogs.size() != 1) {
            throw new AssertionError("expected one watchdog, found " + watchdogs.size());
        }
        new ProcessBuilder("kill", "-9", Long.toString(watchdogs.get(0).pid())).inheritIO().start().waitFor();
        awaitExit(watchdogs.get(0));
    }

    private static void awaitExit(ProcessHandle victim) throws InterruptedException {
        try {
            victim.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("process " + victim.pid() + " survived kill -9", e);
        }
    }

    /** A stopped service: SIGTERM and its shutdown hook. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    String logIn(long telegramId, String firstName) throws IOException, InterruptedException {
        String initData = new InitDataSigner(DeskUnderTest.BOT_TOKEN).sign(telegramId, firstName, null, null, null, Instant.now());
        Answer login = send("POST", "/api/v1/auth/telegram", null, DeskUnderTest.JSON.writeValueAsString(Map.of("initData", initData)));
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login);
        }
        return login.json().path("access_token").asText();
    }

    Answer send(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = response.body().isEmpty() ? DeskUnderTest.JSON.missingNode() : DeskUnderTest.JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = DeskUnderTest.JSON.missingNode();
        }
        return new Answer(response.statusCode(), response.body(), json);
    }

    record Answer(int status, String body, JsonNode json) {
    }
}
