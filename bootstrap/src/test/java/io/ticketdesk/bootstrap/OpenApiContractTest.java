package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checker every end-to-end answer passes through: it refuses what the document does not allow. */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.DOCUMENT;
    private static final Optional<String> JSON = Optional.of("application/json");
    private static final String ERROR = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Not found\",\"details\":[]}}";
    private static final String CATEGORY = "{\"id\":\"3f2c8a3e-0b7e-4a52-9d0c-2f5b8f1f6c11\",\"name\":\"Billing\","
            + "\"description\":null,\"icon\":\"💳\",\"color\":\"#ff6b6b\",\"is_active\":true,\"sort_order\":1}";

    @Test
    void acceptsADocumentedAnswer() {
        assertDoesNotThrow(() -> CONTRACT.check("GET", "/api/v1/categories?include_inactive=true", 200, JSON,
                "[" + CATEGORY + "]"));
        assertDoesNotThrow(() -> CONTRACT.check("GET", "/api/v1/tickets/3f2c8a3e-0b7e-4a52-9d0c-2f5b8f1f6c11", 404,
                Optional.of("application/json;charset=utf-8"), ERROR));
        assertDoesNotThrow(() -> CONTRACT.check("GET", "/no/such/route", 404, JSON, ERROR));
    }

    @Test
    void refusesAStatusTheOperationDoesNotList() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> CONTRACT.check("GET", "/api/v1/categories", 409, JSON, ERROR));
        assertTrue(failure.getMessage().contains("does not list 409"), failure.getMessage());
    }

    @Test
    void refusesABodyThatBreaksTheSchema() {
        String missingField = CATEGORY.replace(",\"sort_order\":1", "");
        String extraField = CATEGORY.replace("\"is_active\":true", "\"is_active\":true,\"secret\":1");
        String wrongEnum = ERROR.replace("NOT_FOUND", "TEAPOT");
        String badUuid = CATEGORY.replace("3f2c8a3e-0b7e-4a52-9d0c-2f5b8f1f6c11", "42");
        assertThrows(AssertionError.class, () -> CONTRACT.check("GET", "/api/v1/categories", 200, JSON, "[" + missingField + "]"));
        assertThrows(AssertionError.class, () -> CONTRACT.check("GET", "/api/v1/categories", 200, JSON, "[" + extraField + "]"));
        assertThrows(AssertionError.class, () -> CONTRACT.check("GET", "/api/v1/categories", 404, JSON, wrongEnum));
        assertThrows(AssertionError.class, () -> CONTRACT.check("GET", "/api/v1/categories", 200, JSON, "[" + badUuid + "]"));
    }

    @Test
    void refusesAnUndocumentedRouteOrContentType() {
        assertThrows(AssertionError.class, () -> CONTRACT.check("GET", "/api/v1/secret", 200, JSON, "{}"));
        assertThrows(AssertionError.class, () -> CONTRACT.check("GET", "/api/v1/categories", 200,
                Optional.of("text/html"), "<p>"));
    }
}
