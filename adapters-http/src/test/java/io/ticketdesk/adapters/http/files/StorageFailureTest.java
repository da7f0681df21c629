package io.ticketdesk.adapters.http.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.ticketdesk.adapters.http.HttpApi;
import io.ticketdesk.adapters.http.auth.JwtTokens;
import io.ticketdesk.adapters.http.errors.ErrorMapping;
import io.ticketdesk.application.port.out.files.ContentTypeDetector;
import io.ticketdesk.application.port.out.files.FileStore;
import io.ticketdesk.application.port.out.persistence.DirectTransactions;
import io.ticketdesk.application.port.out.persistence.InMemoryFileRepository;
import io.ticketdesk.application.service.files.UploadFileService;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, finding 10: an upload that our own storage can't take (a full or unwritable spool
 * directory, a full file store) is a 507 with a log line, not a 400 that blames the client.
 * Real HTTP through the real controller and upload service; only the storage fails.
 */
class StorageFailureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final User UPLOADER = new User(UUID.randomUUID(), 4242, null, "Up", null, null, Role.USER, true,
            Instant.EPOCH, Instant.EPOCH);

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final JwtTokens tokens = new JwtTokens("unit-test-secret-that-is-at-least-32-bytes", Duration.ofDays(1),
            Clock.systemUTC());
    private Javalin app;

    @TempDir
    Path temp;

    @BeforeEach
    void listen() {
        log.start();
        ((Logger) LoggerFactory.getLogger(ErrorMapping.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        ((Logger) LoggerFactory.getLogger(ErrorMapping.class)).detachAppender(log);
    }

    private void start(FileStore store, Path spool) {
        ContentTypeDetector detector = new ContentTypeDetector() {
            @Override
            public int headLength() {
                return 16;
            }

            @Override
            public String detect(byte[] head) {
                return "text/plain";
            }
        };
        UploadFileService upload = new UploadFileService(new InMemoryFileRepository(), store, detector,
                new DirectTransactions(), Clock.systemUTC(), 1024 * 1024);
        HttpApi.UseCases useCases = new HttpApi.UseCases(command -> {
            throw new IllegalStateException("no logins here");
        }, userId -> UPLOADER, command -> {
            throw new IllegalStateException("no profiles here");
        }, () -> {
            throw new IllegalStateException("no health here");
        }, null, null, null, null, upload, (caller, id) -> {
            throw new IllegalStateException("no downloads here");
        }, null, null, null, null, null);
        // the upload spool is the JVM's temporary directory, read when the API is built
        String tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", spool.toString());
        try {
            app = new HttpApi(useCases, tokens, List.of()).create().start(0);
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
        }
    }

    /** A FileStore whose disk is full: the exception the JDK raises on ENOSPC, after reading some of the content. */
    private static FileStore fullDisk() {
        return new FileStore() {
            @Override
            public void write(UUID key, InputStream content) {
                try {
                    content.read(new byte[8]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new UncheckedIOException("could not store file " + key, new IOException("No space left on device"));
            }

            @Override
            public InputStream open(UUID key, long offset, long length) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete(UUID key) {
            }
        };
    }

    private HttpResponse<String> upload(int bytes) throws Exception {
        String boundary = "storage-test-boundary";
        byte[] content = "x".repeat(bytes).getBytes(StandardCharsets.US_ASCII);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + app.port() + "/api/v1/files/upload"))
                .header("Authorization", "Bearer " + tokens.issue(UPLOADER.id()).token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofByteArray(content),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertInsufficientStorage(HttpResponse<String> response) throws IOException {
        assertEquals(507, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("INSUFFICIENT_STORAGE", body.at("/error/code").asText());
        assertNotNull(response.headers().firstValue("X-Request-Id").orElse(null));
        assertTrue(log.list.stream().anyMatch(event -> event.getFormattedMessage().startsWith("storage failure")),
                "a log line says what failed: " + log.list);
    }

    @Test
    void aFullFileStoreIs507AndLogged() throws Exception {
        start(fullDisk(), temp);

        assertInsufficientStorage(upload(100));
    }

    @Test
    void aSpoolDirectoryThatCannotBeWrittenIs507AndLogged() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("occupied"), "a file where the spool directory should be");
        start(fullDisk(), notADirectory.resolve("spool"));

        // past the in-memory threshold, so Jetty has to write the part to the spool directory
        assertInsufficientStorage(upload(200 * 1024));
    }
}
