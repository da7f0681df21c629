package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.persistence.TestDatabases;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 14, finding 10: the real main(), stopped with SIGTERM as a container runtime does, exits 0. */
class SigtermExitTest {

    @Test
    void aGracefulStopExitsWithZero() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve")
                .redirectErrorStream(true)
                .redirectOutput(File.createTempFile("sigterm-test", ".log"));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("DATABASE_URL", DeskUnderTest.asEnvironmentValue(TestDatabases.newDatabase()));
        builder.environment().put("JWT_SECRET", DeskUnderTest.JWT_SECRET);
        builder.environment().put("TELEGRAM_MODE", "off");
        builder.environment().remove("BOT_TOKEN");
        Process service = builder.start();
        try {
            assertTrue(healthy(port, service), "the service did not come up");

            service.destroy(); // SIGTERM on Linux

            assertTrue(service.waitFor(60, TimeUnit.SECONDS), "the service did not stop");
            assertEquals(0, service.exitValue());
        } finally {
            service.destroyForcibly();
        }
    }

    private static boolean healthy(int port, Process service) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 240 && service.isAlive(); i++) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return true;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        return false;
    }
}
