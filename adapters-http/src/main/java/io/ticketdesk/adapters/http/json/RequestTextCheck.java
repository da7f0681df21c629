package io.ticketdesk.adapters.http.json;

import io.javalin.http.Context;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.domain.StorableText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks bodies get, for the rest of a request: the path, the query string and the headers
 * must be valid UTF-8 (percent-encoded) text that PostgreSQL can store, or the request is refused
 * naming the part at fault, before any handler can pass the text to the database.
 */
public final class RequestTextCheck {

    private RequestTextCheck() {
    }

    public static void check(Context ctx) {
        if (decode(ctx.req().getRequestURI(), false).filter(StorableText::isStorable).isEmpty()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "request.path_text",
                    List.of(new ApiException.Detail("path", "validation.unstorable_text")));
        }
        checkHeaders(ctx);
        checkQuery(ctx.queryString());
    }

    private static void checkHeaders(Context ctx) {
        Set<String> bad = new LinkedHashSet<>();
        Enumeration<String> names = ctx.req().getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = ctx.req().getHeaders(name);
            while (values.hasMoreElements()) {
                String value = values.nextElement();
                if (hasControlCharacter(value)) {
                    bad.add(name);
                }
            }
        }
        if (!bad.isEmpty()) {
            List<ApiException.Detail> details = bad.stream()
                    .map(name -> new ApiException.Detail(name, "validation.control_characters")).toList();
            throw new ApiException(ErrorCode.BAD_REQUEST, "request.header_text", details);
        }
    }

    /** RFC 9110 §5.5: no control characters but tab in a field value (a plain loop: it runs on every header of every request). */
    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static void checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        List<ApiException.Detail> problems = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> name = decode(rawName, true).filter(StorableText::isStorable);
            Optional<String> value = equals < 0 ? Optional.of("") : decode(pair.substring(equals + 1), true)
                    .filter(StorableText::isStorable);
            if (name.isEmpty() || value.isEmpty()) {
                // a name that is itself unreadable can't be echoed back; "query" stands for it
                String field = name.filter(RequestTextCheck::printable).orElse("query");
                if (problems.stream().noneMatch(p -> p.field().equals(field))) {
                    problems.add(new ApiException.Detail(field, "validation.unstorable_text"));
                }
            }
        }
        if (!problems.isEmpty()) {
            // a query parameter is a field of the request like any other: 422, as QueryParameters answers
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "error.VALIDATION_ERROR", problems);
        }
    }

    private static boolean printable(String name) {
        return !name.isEmpty() && name.length() <= 64 && name.chars().noneMatch(Character::isISOControl);
    }

    /** Percent-decodes {@code raw} as UTF-8, {@code +} as a space in a query; empty when malformed. */
    static Optional<String> decode(String raw, boolean query) {
        if (raw == null) {
            return Optional.of("");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // already-decoded characters (a lenient client): kept as their UTF-8 bytes, a lone surrogate refused
                int codePoint = raw.codePointAt(i);
                if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                    return Optional.empty();
                }
                byte[] encoded = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return Utf8.decode(bytes.toByteArray());
    }
}
