package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.files.JdbiFileRepository;
import io.ticketdesk.adapters.persistence.files.PostgresFileStore;
import io.ticketdesk.application.service.files.SweepUnattachedUploadsService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 4 against the running service, files kept in PostgreSQL (the default store). */
class FilesTest {

    static final int MIB = 1024 * 1024;
    static final byte[] ONE_PIXEL_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HTML = "<!DOCTYPE html>\n<html><body><script>fetch('/api/v1/auth/me')</script></body></html>\n"
            .getBytes(StandardCharsets.UTF_8);

    private static DeskUnderTest desk;
    private static String ann;
    private static String bob;
    private static String admin;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start(Map.of("ADMIN_TELEGRAM_IDS", "3"));
        ann = desk.logIn(1, "Ann");
        bob = desk.logIn(2, "Bob");
        admin = desk.logIn(3, "Boss");
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static JsonNode uploaded(String token, String filename, String declaredType, byte[] content) {
        DeskUnderTest.Response response = desk.upload(token, "file", filename, declaredType, content);
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    @Test
    void aTwentyMibFileRoundTripsByteForByte() throws Exception {
        byte[] content = randomBytes(20 * MIB, 20);

        JsonNode file = uploaded(ann, "video.bin", "application/octet-stream", content);
        HttpResponse<byte[]> download = desk.download(file.get("url").asText(), ann);

        assertEquals(Set.of("id", "filename", "size", "content_type", "url", "created_at"), fieldNames(file));
        assertEquals("/api/v1/files/" + file.get("id").asText(), file.get("url").asText());
        assertEquals(20 * MIB, file.get("size").asLong());
        assertEquals("application/octet-stream", file.get("content_type").asText());
        assertTrue(file.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(200, download.statusCode());
        assertEquals(String.valueOf(content.length), download.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(content, download.body());
        assertEquals(1, desk.count("SELECT count(*) FROM files WHERE id = '" + file.get("id").asText()
                + "' AND sha256 = '" + sha256(content) + "'"));
    }

    @Test
    void anEmptyFileRoundTrips() {
        JsonNode file = uploaded(ann, "empty.txt", "text/plain", new byte[0]);
        HttpResponse<byte[]> download = desk.download(file.get("url").asText(), ann);

        assertEquals(0, file.get("size").asLong());
        assertEquals(200, download.statusCode());
        assertEquals("0", download.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(0, download.body().length);
    }

    @Test
    void aUnicodeFilenameIsKeptAndOfferedPerRfc6266() {
        JsonNode file = uploaded(ann, "Отчёт за май 📎.pdf", "application/pdf", PDF);
        HttpResponse<byte[]> download = desk.download(file.get("url").asText(), ann);

        assertEquals("Отчёт за май 📎.pdf", file.get("filename").asText());
        assertEquals("application/pdf", file.get("content_type").asText());
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertEquals("inline; filename=\"_____ __ ___ _.pdf\"; "
                + "filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20%D0%B7%D0%B0%20%D0%BC%D0%B0%D0%B9%20%F0%9F%93%8E.pdf",
                disposition);
        assertArrayEquals(PDF, download.body());
    }

    @Test
    void theContentTypeComesFromTheBytesNotFromTheClient() {
        JsonNode file = uploaded(ann, "notes.txt", "text/html", ONE_PIXEL_PNG);
        HttpResponse<byte[]> download = desk.download(file.get("url").asText(), ann);

        assertEquals("image/png", file.get("content_type").asText());
        assertEquals("image/png", download.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndNothingIsKept() {
        long filesBefore = desk.count("SELECT count(*) FROM files");
        long chunksBefore = desk.count("SELECT count(*) FROM file_chunks");

        DeskUnderTest.Response response = desk.upload(ann, "file", "big.bin", "application/octet-stream",
                randomBytes(20 * MIB + 1, 21));

        assertEquals(413, response.status(), response.body());
        assertEquals("PAYLOAD_TOO_LARGE", response.errorCode());
        assertEquals(filesBefore, desk.count("SELECT count(*) FROM files"));
        assertEquals(chunksBefore, desk.count("SELECT count(*) FROM file_chunks"));
    }

    @Test
    void onlyTheUploaderMayReadAnUnattachedFileOthersSeeNothing() {
        JsonNode file = uploaded(ann, "private.pdf", "application/pdf", PDF);
        String url = file.get("url").asText();

        DeskUnderTest.Response otherUser = desk.get(url, bob);
        DeskUnderTest.Response staff = desk.get(url, admin);
        DeskUnderTest.Response missing = desk.get("/api/v1/files/" + UUID.randomUUID(), bob);

        assertEquals(200, desk.download(url, ann).statusCode());
        assertEquals(404, otherUser.status());
        assertEquals(404, staff.status());
        assertEquals(404, missing.status());
        assertEquals(missing.body(), otherUser.body());
        assertEquals("NOT_FOUND", otherUser.errorCode());
        assertEquals(401, desk.get(url, null).status());
    }

    @Test
    void rangeRequestsServePartsForMediaPlayers() {
        byte[] content = randomBytes(MIB + 123, 22);
        String url = uploaded(ann, "song.bin", "audio/mpeg", content).get("url").asText();
        int size = content.length;

        HttpResponse<byte[]> first = desk.download(url, ann, "Range", "bytes=0-99");
        HttpResponse<byte[]> middle = desk.download(url, ann, "Range", "bytes=262100-262199");
        HttpResponse<byte[]> suffix = desk.download(url, ann, "Range", "bytes=-10");
        HttpResponse<byte[]> open = desk.download(url, ann, "Range", "bytes=" + (size - 5) + "-");
        HttpResponse<byte[]> pastEnd = desk.download(url, ann, "Range", "bytes=" + size + "-");
        HttpResponse<byte[]> several = desk.download(url, ann, "Range", "bytes=0-1,5-6");

        assertEquals(206, first.statusCode());
        assertEquals("bytes 0-99/" + size, first.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("100", first.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(content, 0, 100), first.body());
        assertArrayEquals(Arrays.copyOfRange(content, 262100, 262200), middle.body());
        assertEquals("bytes " + (size - 10) + "-" + (size - 1) + "/" + size,
                suffix.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(content, size - 10, size), suffix.body());
        assertArrayEquals(Arrays.copyOfRange(content, size - 5, size), open.body());
        assertEquals(416, pastEnd.statusCode());
        assertEquals("bytes */" + size, pastEnd.headers().firstValue("Content-Range").orElseThrow());
        assertEquals(200, several.statusCode());
        assertArrayEquals(content, several.body());
        assertEquals("bytes", first.headers().firstValue("Accept-Ranges").orElseThrow());
    }

    @Test
    void headGivesTheSizeAndTypeWithoutTheBytes() throws Exception {
        String url = uploaded(ann, "pixel.png", "image/png", ONE_PIXEL_PNG).get("url").asText();

        HttpResponse<byte[]> head = DeskUnderTest.conforming("HEAD", url, java.net.http.HttpClient.newHttpClient()
                .send(java.net.http.HttpRequest.newBuilder(desk.uri(url)).header("Authorization", "Bearer " + ann)
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray()));

        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(ONE_PIXEL_PNG.length), head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("image/png", head.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(0, head.body().length);
    }

    @Test
    void theEtagIsTheContentHashAndAMatchIsNotModified() throws Exception {
        JsonNode file = uploaded(ann, "doc.pdf", "application/pdf", PDF);
        String url = file.get("url").asText();

        HttpResponse<byte[]> full = desk.download(url, ann);
        String etag = full.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = desk.download(url, ann, "If-None-Match", etag);
        HttpResponse<byte[]> changed = desk.download(url, ann, "If-None-Match", "\"" + "0".repeat(64) + "\"");
        HttpResponse<byte[]> staleIfRange = desk.download(url, ann, "Range", "bytes=0-3", "If-Range", "\"old\"");

        assertEquals("\"" + sha256(PDF) + "\"", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(200, changed.statusCode());
        assertArrayEquals(PDF, changed.body());
        assertEquals(200, staleIfRange.statusCode());
        assertArrayEquals(PDF, staleIfRange.body());
    }

    @Test
    void pathPartsInTheClientsNameAreDropped() {
        JsonNode file = uploaded(ann, "../../etc/passwd", "text/plain", "root:x:0:0\n".getBytes(StandardCharsets.UTF_8));
        JsonNode windows = uploaded(ann, "..\\..\\boot.ini", "text/plain", "[boot]\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("passwd", file.get("filename").asText());
        assertEquals("boot.ini", windows.get("filename").asText());
        assertTrue(desk.download(file.get("url").asText(), ann).headers().firstValue("Content-Disposition")
                .orElseThrow().contains("filename=\"passwd\""));
    }

    @Test
    void anHtmlFileIsServedAsAnAttachmentThatRunsNothing() {
        JsonNode file = uploaded(ann, "page.png", "image/png", HTML);
        HttpResponse<byte[]> download = desk.download(file.get("url").asText(), ann);

        assertEquals("text/html", file.get("content_type").asText());
        assertTrue(download.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(download.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("sandbox"));
        assertArrayEquals(HTML, download.body());
    }

    @Test
    void aBadUploadRequestSaysWhatIsWrong() {
        DeskUnderTest.Response wrongField = desk.upload(ann, "attachment", "a.txt", "text/plain", new byte[] {1});
        DeskUnderTest.Response notMultipart = desk.post("/api/v1/files/upload", ann, Map.of("file", "x"));
        DeskUnderTest.Response badId = desk.get("/api/v1/files/not-a-uuid", ann);

        assertEquals(422, wrongField.status(), wrongField.body());
        assertEquals("file", wrongField.json().at("/error/details/0/field").asText());
        assertEquals(400, notMultipart.status());
        assertEquals("BAD_REQUEST", notMultipart.errorCode());
        assertEquals(400, badId.status());
        assertEquals(400, malformedMultipart().statusCode());
        assertEquals(401, desk.upload(null, "file", "a.txt", "text/plain", new byte[] {1}).status());
    }

    @Test
    void uploadsNeverAttachedAreSweptAfterADayWithTheirBytes() {
        String old = uploaded(ann, "old.bin", "application/octet-stream", randomBytes(300_000, 23)).get("id").asText();
        String attached = uploaded(ann, "kept.bin", "application/octet-stream", randomBytes(1000, 24)).get("id").asText();
        String fresh = uploaded(ann, "fresh.bin", "application/octet-stream", randomBytes(1000, 25)).get("id").asText();
        String ticket = desk.post("/api/v1/tickets", ann, Map.of("title", "Sweep", "description", "Keep attached files",
                "category_id", desk.categoryId())).json().get("id").asText();
        assertEquals(201, desk.post("/api/v1/tickets/" + ticket + "/messages", ann,
                Map.of("content", "kept", "attachments", List.of(attached))).status());
        desk.sql("UPDATE files SET created_at = now() - interval '25 hours' WHERE id IN ('" + old + "', '" + attached + "')");

        int removed;
        try (PostgresDatabase database = PostgresDatabase.open(desk.database(), 2)) {
            JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
            removed = new SweepUnattachedUploadsService(new JdbiFileRepository(transactions),
                    new PostgresFileStore(database.jdbi()), transactions, Clock.systemUTC()).sweep();
        }

        assertEquals(1, removed);
        assertEquals(404, desk.get("/api/v1/files/" + old, ann).status());
        assertEquals(0, desk.count("SELECT count(*) FROM file_chunks WHERE file_id = '" + old + "'"));
        assertEquals(1, desk.count("SELECT count(*) FROM files WHERE id = '" + attached + "'"));
        assertNotEquals(0, desk.count("SELECT count(*) FROM file_chunks WHERE file_id = '" + attached + "'"));
        assertEquals(200, desk.download("/api/v1/files/" + fresh, ann).statusCode());
    }

    private static HttpResponse<String> malformedMultipart() {
        try {
            return DeskUnderTest.conforming("POST", "/api/v1/files/upload", java.net.http.HttpClient.newHttpClient()
                    .send(java.net.http.HttpRequest.newBuilder(desk.uri("/api/v1/files/upload"))
                            .header("Authorization", "Bearer " + ann)
                            .header("Content-Type", "multipart/form-data; boundary=never-closed")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--never-closed\r\nContent-Disp"))
                            .build(), HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
