package io.ticketdesk.adapters.persistence.files;

import io.ticketdesk.application.port.out.files.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * File bytes as files under a directory ({@code FILES_DIR}), for operators who want them outside
 * the database: {@code <dir>/<first two hex digits>/<id>}, so no directory grows huge. Names on
 * disk are ids only; the client's name never reaches the file system.
 */
public final class DirectoryFileStore implements FileStore {

    private final Path root;

    public DirectoryFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the files directory " + this.root, e);
        }
    }

    Path pathOf(UUID key) {
        String name = key.toString();
        return root.resolve(name.substring(0, 2)).resolve(name);
    }

    @Override
    public void write(UUID key, InputStream content) {
        Path target = pathOf(key);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            // appears whole or not at all
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("could not store file " + key, e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    @Override
    public InputStream open(UUID key, long offset, long length) {
        try {
            SeekableByteChannel channel = Files.newByteChannel(pathOf(key), StandardOpenOption.READ);
            try {
                channel.position(offset);
            } catch (IOException | RuntimeException failed) {
                channel.close();
                throw failed;
            }
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open file " + key, e);
        }
    }

    @Override
    public void delete(UUID key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete file " + key, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the write failure being reported matters more than a leftover partial file
        }
    }

    /** Stops after {@code remaining} bytes, so a Range read never runs into the rest of the file. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {

        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
