package io.ticketdesk.adapters.http.errors;

/** The {@code error.code} values of SPEC §2, each with its HTTP status. */
public enum ErrorCode {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    USER_BLOCKED(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    REQUEST_TIMEOUT(408),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    RANGE_NOT_SATISFIABLE(416),
    VALIDATION_ERROR(422),
    RATE_LIMITED(429),
    HEADERS_TOO_LARGE(431),
    INTERNAL_ERROR(500),
    NOT_IMPLEMENTED(501),
    SERVICE_UNAVAILABLE(503),
    INSUFFICIENT_STORAGE(507);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code for a bare status raised by the framework (unknown route, body too large). */
    static ErrorCode forStatus(int status) {
        for (ErrorCode code : values()) {
            if (code.status == status) {
                return code;
            }
        }
        return status < 500 ? BAD_REQUEST : status == 503 ? SERVICE_UNAVAILABLE : INTERNAL_ERROR;
    }
}
