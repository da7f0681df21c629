package io.ticketdesk.application.port.out.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every FileStore must do; run against PostgreSQL and against a directory on disk. */
public abstract class FileStoreContract {

    /** Spans several chunks of any sensible chunk size, and ends mid-chunk. */
    private static final int SEVERAL_CHUNKS = 3 * 1024 * 1024 + 12_345;

    protected abstract FileStore store();

    /** True when nothing at all is stored under {@code key}, not even a partial write. */
    protected abstract boolean nothingStoredUnder(UUID key);

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private byte[] read(UUID key, long offset, long length) {
        try (InputStream in = store().open(key, offset, length)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void returnsWhatWasWrittenByteForByte() {
        byte[] content = randomBytes(SEVERAL_CHUNKS, 1);
        UUID key = UUID.randomUUID();

        store().write(key, new ByteArrayInputStream(content));

        assertArrayEquals(content, read(key, 0, content.length));
    }

    @Test
    void storesAnEmptyFile() {
        UUID key = UUID.randomUUID();

        store().write(key, InputStream.nullInputStream());

        assertArrayEquals(new byte[0], read(key, 0, 0));
    }

    @Test
    void readsAnyRangeIncludingAcrossChunkBoundaries() {
        byte[] content = randomBytes(SEVERAL_CHUNKS, 2);
        UUID key = UUID.randomUUID();
        store().write(key, new ByteArrayInputStream(content));

        for (int[] range : new int[][] {{0, 1}, {1, 10}, {65_530, 20}, {262_140, 10}, {1_048_570, 1_048_600},
                {SEVERAL_CHUNKS - 1, 1}, {SEVERAL_CHUNKS - 300_000, 300_000}}) {
            assertArrayEquals(Arrays.copyOfRange(content, range[0], range[0] + range[1]),
                    read(key, range[0], range[1]), "range " + range[0] + "+" + range[1]);
        }
    }

    @Test
    void keepsFilesApart() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        store().write(first, new ByteArrayInputStream(randomBytes(1000, 3)));
        store().write(second, new ByteArrayInputStream(randomBytes(2000, 4)));

        assertArrayEquals(randomBytes(1000, 3), read(first, 0, 1000));
        assertArrayEquals(randomBytes(2000, 4), read(second, 0, 2000));
    }

    @Test
    void deleteRemovesTheBytesAndMayBeRepeated() {
        UUID key = UUID.randomUUID();
        store().write(key, new ByteArrayInputStream(randomBytes(SEVERAL_CHUNKS, 5)));

        store().delete(key);
        store().delete(key);

        assertEquals(true, nothingStoredUnder(key));
    }

    @Test
    void aContentThatFailsHalfWayLeavesNothingBehind() {
        UUID key = UUID.randomUUID();
        InputStream failingHalfWay = new InputStream() {
            private final InputStream first = new ByteArrayInputStream(randomBytes(SEVERAL_CHUNKS / 2, 6));

            @Override
            public int read() throws IOException {
                int b = first.read();
                if (b < 0) {
                    throw new IOException("the client went away");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = first.read(buffer, offset, length);
                if (n < 0) {
                    throw new IOException("the client went away");
                }
                return n;
            }
        };

        assertThrows(UncheckedIOException.class, () -> store().write(key, failingHalfWay));

        assertEquals(true, nothingStoredUnder(key));
    }

    @Test
    void aRuntimeFailureOfTheContentPassesThroughAndLeavesNothingBehind() {
        UUID key = UUID.randomUUID();
        InputStream refusing = new InputStream() {
            private int given;

            @Override
            public int read() {
                if (++given > 100_000) {
                    throw new IllegalStateException("over the limit");
                }
                return 7;
            }
        };

        assertThrows(IllegalStateException.class, () -> store().write(key, refusing));

        assertEquals(true, nothingStoredUnder(key));
    }
}
