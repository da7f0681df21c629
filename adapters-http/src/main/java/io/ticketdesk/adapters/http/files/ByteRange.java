package io.ticketdesk.adapters.http.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range} header (RFC 9110 §14): {@code bytes=a-b}, {@code bytes=a-}
 * or {@code bytes=-n}. Several ranges, other units or a malformed header are ignored (the whole
 * file is sent), as the RFC allows; a well-formed range past the end is unsatisfiable (416).
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    long length() {
        return last - first + 1;
    }

    /** What a {@code Range} header asks of a file of {@code size} bytes. */
    sealed interface Request permits Whole, Part, Unsatisfiable {
    }

    record Whole() implements Request {
    }

    record Part(ByteRange range) implements Request {
    }

    record Unsatisfiable() implements Request {
    }

    static Request parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        Optional<Long> first = m.group(1).isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(m.group(1)));
        Optional<Long> last = m.group(2).isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(m.group(2)));
        if (first.isEmpty()) {
            long suffix = last.orElseThrow();
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        if (last.isPresent() && last.get() < first.get()) {
            return new Whole(); // invalid, so ignored (RFC 9110 §14.1.1)
        }
        if (first.get() >= size) {
            return new Unsatisfiable();
        }
        return new Part(new ByteRange(first.get(), Math.min(last.orElse(size - 1), size - 1)));
    }
}
