package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core speaks its own words: no REST or WebSocket name ({@code "category_id"}, {@code "initData"},
 * {@code "-updated_at"}) appears as a string in domain or application code; the adapters map the
 * core's field identities to theirs. Scans the sources, since ArchUnit does not see string constants.
 */
class CoreVocabularyTest {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** snake_case (optionally a sort's leading minus) or the camelCase names the wire uses. */
    private static final Pattern WIRE_NAME = Pattern.compile("-?[a-z]+(_[a-z0-9]+)+|initData");
    private static final List<Path> CORE = List.of(Path.of("../domain/src/main/java"),
            Path.of("../application/src/main/java"));

    @Test
    void noWireNameIsWrittenInTheCore() {
        List<String> found = new ArrayList<>();
        for (Path root : CORE) {
            assertTrue(Files.isDirectory(root), "sources of " + root + " are where this test looks");
            for (Path source : javaFiles(root)) {
                Matcher literal = STRING_LITERAL.matcher(read(source));
                while (literal.find()) {
                    if (WIRE_NAME.matcher(literal.group(1)).matches()) {
                        found.add(root.relativize(source) + ": \"" + literal.group(1) + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theScanWouldSeeAWireName() {
        Matcher literal = STRING_LITERAL.matcher("throw ValidationException.of(\"category_id\", \"validation.required\");");
        List<String> names = new ArrayList<>();
        while (literal.find()) {
            if (WIRE_NAME.matcher(literal.group(1)).matches()) {
                names.add(literal.group(1));
            }
        }
        assertEquals(List.of("category_id"), names, "message keys (with dots) are the core's, field names are not");
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
