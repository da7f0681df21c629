package io.ticketdesk.adapters.http.errors;

import java.util.List;

/** {@code {"error": {"code", "message", "details": [{"field", "message"}]}}}: every error, one shape. */
public record ErrorBody(Error error) {

    public record Error(String code, String message, List<Detail> details) {
    }

    public record Detail(String field, String message) {
    }

    public static ErrorBody of(ErrorCode code, String message, List<Detail> details) {
        return new ErrorBody(new Error(code.name(), message, List.copyOf(details)));
    }
}
