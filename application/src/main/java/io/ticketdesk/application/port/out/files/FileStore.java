package io.ticketdesk.application.port.out.files;

import java.io.InputStream;
import java.util.UUID;

/**
 * Where the bytes of files live, streamed in and out: no file is ever held whole in memory.
 * Failures are {@link java.io.UncheckedIOException}s.
 */
public interface FileStore {

    /**
     * Stores everything {@code content} yields under {@code key}. All or nothing: when reading
     * the content or writing fails, nothing is left under the key and the failure is rethrown.
     */
    void write(UUID key, InputStream content);

    /** A stream of {@code length} bytes from {@code offset} of what is stored under {@code key}. */
    InputStream open(UUID key, long offset, long length);

    /** Removes the bytes under {@code key}; nothing happens when there are none. */
    void delete(UUID key);
}
