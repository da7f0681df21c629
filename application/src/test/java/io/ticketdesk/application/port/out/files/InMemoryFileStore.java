package io.ticketdesk.application.port.out.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A FileStore in a map, for use-case tests; passes the same contract as the real ones. */
public final class InMemoryFileStore implements FileStore {

    private final Map<UUID, byte[]> bytes = new ConcurrentHashMap<>();

    @Override
    public void write(UUID key, InputStream content) {
        try {
            bytes.put(key, content.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(UUID key, long offset, long length) {
        byte[] stored = bytes.get(key);
        if (stored == null) {
            throw new UncheckedIOException(new IOException("nothing stored under " + key));
        }
        return new ByteArrayInputStream(Arrays.copyOfRange(stored, (int) offset, (int) (offset + length)));
    }

    @Override
    public void delete(UUID key) {
        bytes.remove(key);
    }

    public boolean holds(UUID key) {
        return bytes.containsKey(key);
    }

    public int size() {
        return bytes.size();
    }
}
