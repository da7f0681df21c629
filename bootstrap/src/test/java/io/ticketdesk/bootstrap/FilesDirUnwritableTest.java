package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, finding 10 end to end: when FILES_DIR can no longer be written (here: the directory
 * was replaced by a file; a full disk takes the same path), an upload is 507, nothing is recorded.
 */
class FilesDirUnwritableTest {

    @TempDir
    Path temp;

    @Test
    void anUploadIntoAnUnwritableFilesDirIs507AndLeavesNoRow() throws Exception {
        Path filesDir = temp.resolve("files");
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("FILES_DIR", filesDir.toString()))) {
            String token = desk.logIn(1701, "Disk");
            Files.delete(filesDir);
            Files.writeString(filesDir, "not a directory any more");

            DeskUnderTest.Response upload = desk.upload(token, "file", "a.txt", "text/plain",
                    FilesTest.randomBytes(10_000, 5));

            assertEquals(507, upload.status(), upload.body());
            assertEquals("INSUFFICIENT_STORAGE", upload.errorCode());
            assertEquals(0, desk.count("SELECT count(*) FROM files"));
        }
    }
}
