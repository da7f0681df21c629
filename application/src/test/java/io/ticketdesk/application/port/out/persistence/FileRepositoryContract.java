package io.ticketdesk.application.port.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.files.StoredFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every FileRepository must do; run against the in-memory fake and against PostgreSQL. */
public abstract class FileRepositoryContract {

    private static final Instant T0 = Instant.parse("2024-01-01T10:00:00.123456Z");

    protected abstract FileRepository repository();

    /** The id of a user who exists, to upload files. */
    protected abstract UUID uploader();

    /** Test set-up: marks a stored file as attached to a message (no port method does this yet). */
    protected abstract void attach(UUID fileId, UUID messageId);

    private StoredFile file(String name, Instant createdAt) {
        return new StoredFile(UUID.randomUUID(), uploader(), name, "application/pdf", 1234,
                "ab".repeat(32), null, createdAt);
    }

    @Test
    void storesAFileAndFindsItById() {
        StoredFile file = file("Отчёт 📎.pdf", T0);

        repository().insert(file);

        assertEquals(file, repository().findById(file.id()).orElseThrow());
        assertTrue(repository().findById(UUID.randomUUID()).isEmpty());
    }

    @Test
    void findsOnlyUnattachedFilesOlderThanTheCutoffOldestFirst() {
        Instant base = T0.plus(Duration.ofDays(100));
        StoredFile older = file("older", base.minusSeconds(20));
        StoredFile old = file("old", base.minusSeconds(10));
        StoredFile attached = file("attached", base.minusSeconds(30));
        StoredFile fresh = file("fresh", base.plusSeconds(1));
        List.of(old, older, attached, fresh).forEach(repository()::insert);
        attach(attached.id(), UUID.randomUUID());

        List<StoredFile> found = repository().findUnattachedCreatedBefore(base, 100).stream()
                .filter(f -> f.createdAt().isAfter(base.minusSeconds(60))).toList();

        assertEquals(List.of(older.id(), old.id()), found.stream().map(StoredFile::id).toList());
        assertEquals(1, repository().findUnattachedCreatedBefore(base, 1).size());
    }

    @Test
    void deletesOnlyWhileUnattached() {
        StoredFile loose = file("loose", T0);
        StoredFile attached = file("attached", T0);
        repository().insert(loose);
        repository().insert(attached);
        attach(attached.id(), UUID.randomUUID());

        assertTrue(repository().deleteIfUnattached(loose.id()));
        assertFalse(repository().deleteIfUnattached(loose.id()));
        assertFalse(repository().deleteIfUnattached(attached.id()));

        assertTrue(repository().findById(loose.id()).isEmpty());
        assertTrue(repository().findById(attached.id()).isPresent());
    }
}
