package io.ticketdesk.application.port.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.files.StoredFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every FileRepository must do; run against the in-memory fake and against PostgreSQL. */
public abstract class FileRepositoryContract {

    private static final Instant T0 = Instant.parse("2024-01-01T10:00:00.123456Z");

    protected abstract FileRepository repository();

    /** The id of a user who exists, to upload files. */
    protected abstract UUID uploader();

    /** Another user who exists. */
    protected abstract UUID someoneElse();

    /** A ticket that exists where the store needs one. */
    protected abstract UUID newTicket();

    /** A message that exists, on {@code ticketId}. */
    protected abstract UUID newMessage(UUID ticketId);

    private void attach(UUID fileId, UUID messageId) {
        assertTrue(repository().attach(fileId, uploader(), messageId));
    }

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
        attach(attached.id(), newMessage(newTicket()));

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
        attach(attached.id(), newMessage(newTicket()));

        assertTrue(repository().deleteIfUnattached(loose.id()));
        assertFalse(repository().deleteIfUnattached(loose.id()));
        assertFalse(repository().deleteIfUnattached(attached.id()));

        assertTrue(repository().findById(loose.id()).isEmpty());
        assertTrue(repository().findById(attached.id()).isPresent());
    }

    @Test
    void attachesOnlyTheUploadersOwnFileAndOnlyOnce() {
        StoredFile mine = file("mine.png", T0);
        repository().insert(mine);
        UUID ticket = newTicket();
        UUID first = newMessage(ticket);
        UUID second = newMessage(ticket);

        assertFalse(repository().attach(mine.id(), someoneElse(), first), "not someone else's to attach");
        assertTrue(repository().attach(mine.id(), uploader(), first));
        assertFalse(repository().attach(mine.id(), uploader(), second), "already attached");
        assertFalse(repository().attach(UUID.randomUUID(), uploader(), second), "no such file");
        assertEquals(first, repository().findById(mine.id()).orElseThrow().messageId());
    }

    @Test
    void listsTheFilesOfEveryMessageOfATicket() {
        UUID ticket = newTicket();
        UUID otherTicket = newTicket();
        StoredFile a = file("a", T0);
        StoredFile b = file("b", T0);
        StoredFile elsewhere = file("elsewhere", T0);
        List.of(a, b, elsewhere).forEach(repository()::insert);
        attach(a.id(), newMessage(ticket));
        attach(b.id(), newMessage(ticket));
        attach(elsewhere.id(), newMessage(otherTicket));

        assertEquals(Set.of(a.id(), b.id()), Set.copyOf(repository().attachedToTicket(ticket)));
    }
}
