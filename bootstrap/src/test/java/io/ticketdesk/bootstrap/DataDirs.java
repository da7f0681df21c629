package io.ticketdesk.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh DATA_DIRs whose PostgreSQL programs come from one unpacked copy per build (60 MB each otherwise). */
final class DataDirs {

    private static final Path SHARED = Path.of("target", "postgres-binaries").toAbsolutePath();

    private DataDirs() {
    }

    static synchronized Path withSharedBinaries(Path dataDir) {
        PostgresBinaries.unpackInto(SHARED);
        try {
            Files.createSymbolicLink(dataDir.resolve("postgres-binaries"), SHARED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataDir;
    }
}
