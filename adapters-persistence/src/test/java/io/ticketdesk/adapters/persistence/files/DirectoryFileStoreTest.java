package io.ticketdesk.adapters.persistence.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.application.port.out.files.FileStore;
import io.ticketdesk.application.port.out.files.FileStoreContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileStoreTest extends FileStoreContract {

    @TempDir
    Path directory;

    private DirectoryFileStore store;

    @Override
    protected FileStore store() {
        if (store == null) {
            store = new DirectoryFileStore(directory.resolve("files"));
        }
        return store;
    }

    @Override
    protected boolean nothingStoredUnder(UUID key) {
        // neither the file nor a partial one, anywhere under the directory
        try (Stream<Path> all = Files.walk(directory)) {
            return all.noneMatch(path -> path.getFileName().toString().startsWith(key.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void namesOnDiskAreIdsOnly() throws IOException {
        UUID key = UUID.randomUUID();
        store().write(key, new ByteArrayInputStream(new byte[] {1, 2, 3}));

        try (Stream<Path> files = Files.walk(directory).filter(Files::isRegularFile)) {
            assertEquals(directory.resolve("files").resolve(key.toString().substring(0, 2)).resolve(key.toString()),
                    files.findFirst().orElseThrow());
        }
    }
}
