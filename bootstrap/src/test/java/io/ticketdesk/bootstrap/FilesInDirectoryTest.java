package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code FILES_DIR} set, the same API keeps the bytes on disk and none in PostgreSQL. */
class FilesInDirectoryTest {

    @TempDir
    Path filesDir;

    @Test
    void bytesLiveUnderFilesDirAndRoundTrip() throws IOException {
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("FILES_DIR", filesDir.toString(),
                "FILES_MAX_BYTES", String.valueOf(FilesTest.MIB)))) {
            String token = desk.logIn(1, "Ann");
            byte[] content = FilesTest.randomBytes(FilesTest.MIB, 30);

            DeskUnderTest.Response upload = desk.upload(token, "file", "../../clip.bin", "video/mp4", content);
            JsonNode file = upload.json();
            DeskUnderTest.Response tooLarge = desk.upload(token, "file", "big.bin", "video/mp4",
                    FilesTest.randomBytes(FilesTest.MIB + 1, 31));

            assertEquals(201, upload.status(), upload.body());
            String id = file.get("id").asText();
            assertEquals(List.of(filesDir.resolve(id.substring(0, 2)).resolve(id)), storedFiles());
            assertArrayEquals(content, Files.readAllBytes(filesDir.resolve(id.substring(0, 2)).resolve(id)));
            assertArrayEquals(content, desk.download(file.get("url").asText(), token).body());
            assertArrayEquals(Arrays.copyOfRange(content, 1000, 2000),
                    desk.download(file.get("url").asText(), token, "Range", "bytes=1000-1999").body());
            assertEquals(0, desk.count("SELECT count(*) FROM file_chunks"));
            assertEquals(413, tooLarge.status());
            assertEquals(1, desk.count("SELECT count(*) FROM files"));
            assertEquals(1, storedFiles().size());
        }
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> all = Files.walk(filesDir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
