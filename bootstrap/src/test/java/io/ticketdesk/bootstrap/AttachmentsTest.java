package io.ticketdesk.bootstrap;

import static io.ticketdesk.bootstrap.JsonShapes.fields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files attached to messages: who may attach what, who may then read it, and what goes with a ticket. */
class AttachmentsTest {

    private static final byte[] TEXT = "the logs you asked for\n".getBytes(StandardCharsets.UTF_8);
    private static DeskUnderTest desk;
    private static DeskUnderTest.Person author;
    private static DeskUnderTest.Person otherUser;
    private static DeskUnderTest.Person helper;
    private static DeskUnderTest.Person admin;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start();
        author = desk.person(1201, "Ann", "USER");
        otherUser = desk.person(1202, "Bob", "USER");
        helper = desk.person(1203, "Helga", "HELPER");
        admin = desk.person(1204, "Adam", "ADMIN");
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static String ticket() {
        return "/api/v1/tickets/" + desk.post("/api/v1/tickets", author.token(), Map.of("title", "With files",
                "description", "See attached", "category_id", desk.categoryId())).json().get("id").asText();
    }

    private static String upload(DeskUnderTest.Person who, String name) {
        DeskUnderTest.Response uploaded = desk.upload(who.token(), "file", name, "text/plain", TEXT);
        assertEquals(201, uploaded.status(), uploaded.body());
        return uploaded.json().get("id").asText();
    }

    private static DeskUnderTest.Response post(String ticket, DeskUnderTest.Person who, boolean internal,
                                               List<String> files) {
        return desk.post(ticket + "/messages", who.token(), Map.of("content", "Attached", "is_internal", internal,
                "attachments", files));
    }

    private static int read(String fileId, DeskUnderTest.Person who) {
        return desk.download("/api/v1/files/" + fileId, who.token()).statusCode();
    }

    @Test
    void messagesListTheirAttachmentsAsTheSeedShows() {
        String ticket = ticket();
        String first = upload(author, "screenshot.txt");
        String second = upload(author, "Отчёт.txt");

        assertEquals(201, post(ticket, author, false, List.of(first, second)).status());

        JsonNode message = desk.get(ticket + "/messages", author.token()).json().at("/items/0");
        JsonNode attachments = message.get("attachments");
        assertEquals(2, attachments.size());
        assertEquals(fields("id", "filename", "size", "content_type", "url"), fields(attachments.get(0)));
        assertEquals(first, attachments.get(0).get("id").asText());
        assertEquals("screenshot.txt", attachments.get(0).get("filename").asText());
        assertEquals(TEXT.length, attachments.get(0).get("size").asInt());
        assertEquals("text/plain", attachments.get(0).get("content_type").asText());
        assertEquals("/api/v1/files/" + first, attachments.get(0).get("url").asText());
        assertEquals("Отчёт.txt", attachments.get(1).get("filename").asText());
        assertArrayEquals(TEXT, desk.download(attachments.get(1).get("url").asText(), helper.token()).body());
    }

    @Test
    void whoMayReadAnAttachedFile() {
        String ticket = ticket();
        String fromCustomer = upload(author, "customer.txt");
        String publicReply = upload(helper, "answer.txt");
        String internalNote = upload(helper, "note.txt");
        post(ticket, author, false, List.of(fromCustomer));
        post(ticket, helper, false, List.of(publicReply));
        post(ticket, helper, true, List.of(internalNote));

        // columns: ticket author, another USER, HELPER (uploader of two), another staff member (ADMIN)
        assertEquals(List.of(200, 404, 200, 200), readers(fromCustomer));
        assertEquals(List.of(200, 404, 200, 200), readers(publicReply));
        assertEquals(List.of(404, 404, 200, 200), readers(internalNote));
        assertEquals(desk.get("/api/v1/files/" + UUID.randomUUID(), author.token()).body(),
                desk.get("/api/v1/files/" + internalNote, author.token()).body(), "a hidden file looks missing");
    }

    private static List<Integer> readers(String fileId) {
        List<Integer> statuses = new ArrayList<>();
        for (DeskUnderTest.Person who : List.of(author, otherUser, helper, admin)) {
            statuses.add(read(fileId, who));
        }
        return statuses;
    }

    @Test
    void onlyOnesOwnUnattachedUploadsCanBeAttachedAndAFailedPostLeavesNothing() {
        String ticket = ticket();
        String mine = upload(author, "mine.txt");
        String someoneElses = upload(otherUser, "theirs.txt");
        String used = upload(author, "used.txt");
        post(ticket, author, false, List.of(used));
        long messagesBefore = desk.get(ticket + "/messages", author.token()).json().get("total").asLong();

        DeskUnderTest.Response foreign = post(ticket, author, false, List.of(mine, someoneElses));
        DeskUnderTest.Response again = post(ticket, author, false, List.of(used));
        DeskUnderTest.Response missing = post(ticket, author, false, List.of(UUID.randomUUID().toString()));
        List<String> eleven = Stream.generate(() -> UUID.randomUUID().toString()).limit(11).toList();
        DeskUnderTest.Response tooMany = post(ticket, author, false, eleven);
        DeskUnderTest.Response twice = post(ticket, author, false, List.of(mine, mine));
        Map<String, Object> notAnArray = new HashMap<>(Map.of("content", "x", "attachments", mine));
        DeskUnderTest.Response malformed = desk.post(ticket + "/messages", author.token(), notAnArray);

        for (DeskUnderTest.Response refused : List.of(foreign, again, missing, tooMany, twice, malformed)) {
            assertEquals(422, refused.status(), refused.body());
            assertEquals(List.of("attachments"), refused.errorFields());
        }
        assertTrue(foreign.json().at("/error/details/0/message").asText().contains(someoneElses));
        assertEquals(messagesBefore, desk.get(ticket + "/messages", author.token()).json().get("total").asLong());
        assertEquals(0, desk.count("SELECT count(*) FROM files WHERE id = '" + mine + "' AND message_id IS NOT NULL"),
                "the refused post attached nothing, not even the file that was fine");
        assertEquals(201, post(ticket, author, false, List.of(mine)).status(), "and it can still be attached");
    }

    @Test
    void deletingATicketRemovesItsFilesAndTheirBytes() {
        String ticket = ticket();
        String attached = upload(author, "goes.txt");
        String kept = upload(author, "stays.txt");
        post(ticket, author, false, List.of(attached));

        assertEquals(200, desk.delete(ticket, admin.token()).status());

        assertEquals(0, desk.count("SELECT count(*) FROM files WHERE id = '" + attached + "'"));
        assertEquals(0, desk.count("SELECT count(*) FROM file_chunks WHERE file_id = '" + attached + "'"));
        assertEquals(404, read(attached, author));
        assertEquals(200, read(kept, author));
    }

    @Test
    void deletingATicketRemovesBytesKeptInFilesDirToo(@TempDir Path filesDir) throws Exception {
        try (DeskUnderTest onDisk = DeskUnderTest.start(Map.of("FILES_DIR", filesDir.toString()))) {
            String token = onDisk.logIn(1301, "Ann");
            String adminToken = onDisk.person(1302, "Adam", "ADMIN").token();
            String fileId = onDisk.upload(token, "file", "disk.txt", "text/plain", TEXT).json().get("id").asText();
            String ticket = "/api/v1/tickets/" + onDisk.post("/api/v1/tickets", token, Map.of("title", "T",
                    "description", "D", "category_id", onDisk.categoryId())).json().get("id").asText();
            onDisk.post(ticket + "/messages", token, Map.of("content", "file", "attachments", List.of(fileId)));
            Path bytes = filesDir.resolve(fileId.substring(0, 2)).resolve(fileId);
            assertTrue(Files.exists(bytes));

            onDisk.delete(ticket, adminToken);

            assertTrue(!Files.exists(bytes), "the bytes on disk went with the ticket");
        }
    }
}
