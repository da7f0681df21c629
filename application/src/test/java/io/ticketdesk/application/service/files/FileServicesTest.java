package io.ticketdesk.application.service.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.files.UploadFileCommand;
import io.ticketdesk.application.port.out.files.ContentTypeDetector;
import io.ticketdesk.application.port.out.files.InMemoryFileStore;
import io.ticketdesk.application.port.out.persistence.DirectTransactions;
import io.ticketdesk.application.port.out.persistence.InMemoryFileRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.files.FileTooLargeException;
import io.ticketdesk.domain.files.StoredFile;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserBlockedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Upload, download and sweep use cases against in-memory fakes. */
class FileServicesTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final long LIMIT = 1000;

    private final InMemoryFileRepository files = new InMemoryFileRepository();
    private final InMemoryFileStore store = new InMemoryFileStore();
    private final Set<UUID> visibleMessages = new HashSet<>();
    /** Says "text/plain" when the first byte is a letter; sees only its head, as Tika would. */
    private final ContentTypeDetector detector = new ContentTypeDetector() {
        @Override
        public int headLength() {
            return 16;
        }

        @Override
        public String detect(byte[] head) {
            assertTrue(head.length <= 16);
            return head.length > 0 && Character.isLetter(head[0]) ? "text/plain" : "application/octet-stream";
        }
    };
    private final UploadFileService upload = new UploadFileService(files, store, detector, new DirectTransactions(),
            Clock.fixed(NOW, ZoneOffset.UTC), LIMIT);
    private final DownloadFileService download = new DownloadFileService(files, store,
            (reader, messageId) -> visibleMessages.contains(messageId));

    private static User user(long telegramId, Role role) {
        return User.firstLogin(UUID.randomUUID(), new TelegramIdentity(telegramId, "U" + telegramId, null, null, null),
                role, NOW);
    }

    private final User ann = user(1, Role.USER);
    private final User bob = user(2, Role.USER);
    private final User admin = user(3, Role.ADMIN);

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void anUploadIsMeasuredHashedTypedAndReadableByItsUploader() throws IOException {
        byte[] content = "hello, desk".getBytes(StandardCharsets.UTF_8);

        StoredFile file = upload.upload(new UploadFileCommand(ann, "../greeting.txt", new ByteArrayInputStream(content)));

        assertEquals("greeting.txt", file.filename());
        assertEquals(content.length, file.size());
        assertEquals("text/plain", file.contentType());
        assertEquals(java.util.HexFormat.of().formatHex(sha256(content)), file.sha256());
        assertEquals(NOW, file.createdAt());
        assertEquals(file, files.findById(file.id()).orElseThrow());
        assertArrayEquals(content, read(download.download(ann, file.id()).content().open(0, content.length)));
        assertArrayEquals(Arrays.copyOfRange(content, 7, 11),
                read(download.download(ann, file.id()).content().open(7, 4)));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void exactlyTheLimitIsAcceptedOneByteMoreKeepsNothing() {
        StoredFile atLimit = upload.upload(new UploadFileCommand(ann, "a.bin", new ByteArrayInputStream(new byte[(int) LIMIT])));

        FileTooLargeException refused = assertThrows(FileTooLargeException.class, () -> upload.upload(
                new UploadFileCommand(ann, "b.bin", new ByteArrayInputStream(new byte[(int) LIMIT + 1]))));

        assertEquals(LIMIT, atLimit.size());
        assertEquals(LIMIT, refused.limit());
        assertEquals(1, store.size());
        assertTrue(store.holds(atLimit.id()));
    }

    @Test
    void whenTheRowCannotBeWrittenTheBytesAreRemoved() {
        Transactions databaseGone = new Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                throw new IllegalStateException("database went away");
            }
        };
        UploadFileService failingRow = new UploadFileService(files, store, detector, databaseGone,
                Clock.fixed(NOW, ZoneOffset.UTC), LIMIT);

        assertThrows(IllegalStateException.class, () -> failingRow.upload(
                new UploadFileCommand(ann, "a.txt", new ByteArrayInputStream(new byte[] {'a'}))));

        assertEquals(0, store.size());
    }

    @Test
    void nobodyButTheUploaderReadsAnUnattachedFileNotEvenStaff() {
        StoredFile file = upload.upload(new UploadFileCommand(ann, "a.txt", new ByteArrayInputStream(new byte[] {'a'})));

        assertEquals(file, download.download(ann, file.id()).file());
        assertEquals("file.not_found", assertThrows(NotFoundException.class, () -> download.download(bob, file.id())).code());
        assertThrows(NotFoundException.class, () -> download.download(admin, file.id()));
        assertThrows(NotFoundException.class, () -> download.download(ann, UUID.randomUUID()));
    }

    @Test
    void whoeverMaySeeTheMessageAFileIsAttachedToMayReadIt() {
        UUID message = UUID.randomUUID();
        StoredFile attached = files.save(new StoredFile(UUID.randomUUID(), ann.id(), "a.txt", "text/plain", 0,
                "0".repeat(64), message, NOW));

        assertThrows(NotFoundException.class, () -> download.download(bob, attached.id()));
        visibleMessages.add(message);
        assertEquals(attached, download.download(bob, attached.id()).file());
    }

    @Test
    void theSweepRemovesUnattachedUploadsOlderThanADayWithTheirBytes() {
        StoredFile old = upload.upload(new UploadFileCommand(ann, "old.txt", new ByteArrayInputStream(new byte[] {'o'})));
        StoredFile attachedOld = files.save(new StoredFile(UUID.randomUUID(), ann.id(), "kept.txt", "text/plain", 0,
                "0".repeat(64), UUID.randomUUID(), NOW));
        store.write(attachedOld.id(), InputStream.nullInputStream());
        SweepUnattachedUploadsService sweepADayLater = new SweepUnattachedUploadsService(files, store,
                new DirectTransactions(), Clock.fixed(NOW.plus(Duration.ofHours(24)).plusSeconds(1), ZoneOffset.UTC));
        SweepUnattachedUploadsService sweepTooSoon = new SweepUnattachedUploadsService(files, store,
                new DirectTransactions(), Clock.fixed(NOW.plus(Duration.ofHours(23)), ZoneOffset.UTC));

        assertEquals(0, sweepTooSoon.sweep());
        assertEquals(1, sweepADayLater.sweep());

        assertTrue(files.findById(old.id()).isEmpty());
        assertFalse(store.holds(old.id()));
        assertTrue(files.findById(attachedOld.id()).isPresent());
        assertTrue(store.holds(attachedOld.id()));
    }

    @Test
    void theSweepGoesThroughMoreThanOneBatch() {
        for (int i = 0; i < 250; i++) {
            upload.upload(new UploadFileCommand(ann, "f" + i, new ByteArrayInputStream(new byte[] {1})));
        }

        int removed = new SweepUnattachedUploadsService(files, store, new DirectTransactions(),
                Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC)).sweep();

        assertEquals(250, removed);
        assertEquals(0, store.size());
    }

    @Test
    void aBlockedPersonNeitherUploadsNorDownloads() {
        StoredFile file = upload.upload(new UploadFileCommand(ann, "a.txt", new ByteArrayInputStream(new byte[] {'a'})));
        User blockedAnn = ann.withActive(false, NOW);

        assertThrows(UserBlockedException.class, () -> upload.upload(new UploadFileCommand(blockedAnn, "b.txt",
                new ByteArrayInputStream(new byte[] {'b'}))));
        assertThrows(UserBlockedException.class, () -> download.download(blockedAnn, file.id()));
        assertEquals(1, store.size(), "nothing was stored for the refused upload");
    }
}
