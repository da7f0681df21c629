package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.files.StoredFile;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A FileRepository in a map, for use-case tests. */
public final class InMemoryFileRepository implements FileRepository {

    private final Map<UUID, StoredFile> byId = new ConcurrentHashMap<>();

    @Override
    public void insert(StoredFile file) {
        if (byId.putIfAbsent(file.id(), file) != null) {
            throw new IllegalStateException("duplicate file " + file.id());
        }
    }

    @Override
    public Optional<StoredFile> findById(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<StoredFile> findUnattachedCreatedBefore(Instant cutoff, int limit) {
        return byId.values().stream()
                .filter(f -> f.messageId() == null && f.createdAt().isBefore(cutoff))
                .sorted(Comparator.comparing(StoredFile::createdAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean deleteIfUnattached(UUID id) {
        StoredFile file = byId.get(id);
        return file != null && file.messageId() == null && byId.remove(id) != null;
    }

    /** Test set-up: puts a file as given, attached or not. */
    public StoredFile save(StoredFile file) {
        byId.put(file.id(), file);
        return file;
    }
}
