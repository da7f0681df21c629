package io.ticketdesk.adapters.persistence.files;

import io.ticketdesk.application.port.out.files.FileStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * File bytes in PostgreSQL, as rows of {@link #CHUNK_SIZE} bytes: several instances share them
 * and a database backup covers them. Reading borrows a pooled connection per chunk only, so a
 * slow download never holds one for long.
 */
public final class PostgresFileStore implements FileStore {

    static final int CHUNK_SIZE = 256 * 1024;

    private final Jdbi jdbi;

    public PostgresFileStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void write(UUID key, InputStream content) {
        // one transaction of its own: a failure half-way rolls every chunk back
        jdbi.useTransaction(handle -> {
            byte[] chunk = new byte[CHUNK_SIZE];
            int seq = 0;
            int filled;
            do {
                filled = readChunk(content, chunk);
                if (filled > 0) {
                    insertChunk(handle, key, seq++, chunk, filled);
                }
            } while (filled == CHUNK_SIZE);
        });
    }

    private static int readChunk(InputStream content, byte[] chunk) {
        try {
            return content.readNBytes(chunk, 0, chunk.length);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the content to store", e);
        }
    }

    private static void insertChunk(Handle handle, UUID key, int seq, byte[] chunk, int length) {
        handle.createUpdate("INSERT INTO file_chunks (file_id, seq, data) VALUES (:key, :seq, :data)")
                .bind("key", key)
                .bind("seq", seq)
                .bindBinaryStream("data", new ByteArrayInputStream(chunk, 0, length), length)
                .execute();
    }

    @Override
    public InputStream open(UUID key, long offset, long length) {
        return new ChunkReader(key, offset, offset + length);
    }

    @Override
    public void delete(UUID key) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM file_chunks WHERE file_id = :key")
                .bind("key", key)
                .execute());
    }

    /** Fetches one chunk (or the part of it still wanted) at a time, when the reader gets to it. */
    private final class ChunkReader extends InputStream {

        private final UUID key;
        private final long end;
        private long position;
        private byte[] buffer = new byte[0];
        private int next;

        ChunkReader(UUID key, long start, long end) {
            this.key = key;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return buffer[next++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, buffer.length - next);
            System.arraycopy(buffer, next, target, offset, n);
            next += n;
            return n;
        }

        @Override
        public int available() {
            return buffer.length - next;
        }

        private boolean fill() throws IOException {
            if (next < buffer.length) {
                return true;
            }
            if (position >= end) {
                return false;
            }
            int seq = (int) (position / CHUNK_SIZE);
            int within = (int) (position % CHUNK_SIZE);
            int wanted = (int) Math.min(CHUNK_SIZE - within, end - position);
            buffer = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT substring(data FROM :from FOR :length) FROM file_chunks WHERE file_id = :key AND seq = :seq")
                    .bind("from", within + 1)
                    .bind("length", wanted)
                    .bind("key", key)
                    .bind("seq", seq)
                    // binary transfer: the chunk arrives as its bytes, not as hex text twice its size
                    .addCustomizer(new StatementCustomizer() {
                        @Override
                        public void beforeExecution(PreparedStatement statement, StatementContext ctx)
                                throws SQLException {
                            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                        }
                    })
                    .mapTo(byte[].class)
                    .findOne()
                    .orElse(null));
            if (buffer == null || buffer.length == 0) {
                buffer = new byte[0];
                throw new IOException("the bytes of file " + key + " end before position " + position);
            }
            next = 0;
            position += buffer.length;
            return true;
        }
    }
}
