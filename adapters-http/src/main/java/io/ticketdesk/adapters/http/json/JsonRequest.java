package io.ticketdesk.adapters.http.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.StorableText;
import io.ticketdesk.domain.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A JSON object request body, read field by field. Wrong types are collected as field problems
 * ({@link #toCommand} reports them with the command's own as one 422); unknown fields are ignored.
 */
public final class JsonRequest {

    // one JSON value and nothing after it: {"a":1} junk is not JSON
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonNode body;
    private final List<FieldProblem> problems = new ArrayList<>();

    private JsonRequest(JsonNode body) {
        this.body = body;
    }

    /** The body as a JSON object: 400 when it is not JSON at all or not an object. */
    public static JsonRequest of(Context ctx) {
        String text = Utf8.decode(ctx.bodyAsBytes())
                .orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST, "request.body_not_utf8"));
        JsonNode node;
        try {
            node = text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "request.body_not_json");
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "request.body_not_object");
        }
        return new JsonRequest(node);
    }

    /** Turns one JSON value into a T, or returns null after recording why it can't. */
    @FunctionalInterface
    private interface ValueReader<T> {
        T read(String field, JsonNode value);
    }

    private <T> T read(String field, ValueReader<T> reader) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : reader.read(field, value);
    }

    private <T> FieldUpdate<T> update(String field, ValueReader<T> reader) {
        return body.has(field) ? FieldUpdate.set(read(field, reader)) : FieldUpdate.unchanged();
    }

    private <T> T problem(String field, String code, Object... args) {
        problems.add(FieldProblem.of(WireNames.field(field), code, args));
        return null;
    }

    /** Every top-level string, number or boolean field as its text, in the body's order (signed payloads). */
    public java.util.Map<String, String> scalarFields() {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        body.properties().forEach(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        return fields;
    }

    /** A string field; null when absent or JSON null. */
    public String text(String field) {
        return read(field, this::textValue);
    }

    /** A string field of a partial update: absent means unchanged, JSON null means clear. */
    public FieldUpdate<String> textUpdate(String field) {
        return update(field, this::textValue);
    }

    public UUID uuid(String field) {
        return read(field, this::uuidValue);
    }

    public FieldUpdate<UUID> uuidUpdate(String field) {
        return update(field, this::uuidValue);
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        return read(field, (name, value) -> enumValue(name, value, type));
    }

    public <E extends Enum<E>> FieldUpdate<E> enumUpdate(String field, Class<E> type) {
        return update(field, (name, value) -> enumValue(name, value, type));
    }

    /** An array of UUID strings; null when absent or JSON null. */
    public List<UUID> uuidList(String field) {
        return read(field, (name, value) -> {
            if (!value.isArray()) {
                return problem(name, "validation.type.uuid_list");
            }
            List<UUID> ids = new ArrayList<>();
            for (JsonNode item : value) {
                UUID id = item.isTextual() ? parseUuid(item.textValue()) : null;
                if (id == null) {
                    return problem(name, "validation.type.uuid_list");
                }
                ids.add(id);
            }
            return ids;
        });
    }

    private static UUID parseUuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    public Boolean bool(String field) {
        return read(field, this::boolValue);
    }

    public FieldUpdate<Boolean> boolUpdate(String field) {
        return update(field, this::boolValue);
    }

    public Integer integer(String field) {
        return read(field, this::intValue);
    }

    public FieldUpdate<Integer> integerUpdate(String field) {
        return update(field, this::intValue);
    }

    private String textValue(String field, JsonNode value) {
        if (!value.isTextual()) {
            return problem(field, "validation.type.string");
        }
        // stored as sent or not at all: PostgreSQL refuses NUL, the driver turns a lone surrogate into '?'
        return StorableText.isStorable(value.textValue()) ? value.textValue() : problem(field, "validation.unstorable_text");
    }

    private UUID uuidValue(String field, JsonNode value) {
        UUID id = value.isTextual() ? parseUuid(value.textValue()) : null;
        return id != null ? id : problem(field, "validation.type.uuid");
    }

    private <E extends Enum<E>> E enumValue(String field, JsonNode value, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (!value.isTextual()) {
            return problem(field, "validation.one_of", allowed);
        }
        try {
            return Enum.valueOf(type, value.textValue());
        } catch (IllegalArgumentException unknown) {
            return problem(field, "validation.one_of", allowed);
        }
    }

    private Boolean boolValue(String field, JsonNode value) {
        return value.isBoolean() ? value.booleanValue() : problem(field, "validation.type.boolean");
    }

    private Integer intValue(String field, JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt() ? value.intValue()
                : problem(field, "validation.type.integer");
    }

    /**
     * Builds the command from the fields read so far and reports every problem at once: the type
     * problems, plus the command's own rule problems for the fields whose type was right.
     */
    public <T> T toCommand(Supplier<T> command) {
        try {
            T built = command.get();
            if (problems.isEmpty()) {
                return built;
            }
        } catch (ValidationException invalid) {
            Set<InputField> mistyped = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
            invalid.problems().stream().filter(p -> !mistyped.contains(p.field())).forEach(problems::add);
        }
        throw new ValidationException(problems);
    }
}
