package io.ticketdesk.adapters.http.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.javalin.http.Context;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A JSON object request body, read field by field. Wrong types are collected as field problems
 * ({@link #toCommand} reports them with the command's own as one 422); unknown fields are ignored.
 */
public final class JsonRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode body;
    private final List<FieldProblem> problems = new ArrayList<>();

    private JsonRequest(JsonNode body) {
        this.body = body;
    }

    /** The body as a JSON object: 400 when it is not JSON at all or not an object. */
    public static JsonRequest of(Context ctx) {
        String text = ctx.body();
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

    /** A string field; null when absent or JSON null. */
    public String text(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.getNodeType() != JsonNodeType.STRING) {
            problems.add(FieldProblem.of(field, "validation.type.string"));
            return null;
        }
        return value.textValue();
    }

    /** A string field of a partial update: absent means unchanged, JSON null means clear. */
    public FieldUpdate<String> textUpdate(String field) {
        if (!body.has(field)) {
            return FieldUpdate.unchanged();
        }
        return FieldUpdate.set(text(field));
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
            Set<String> mistyped = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
            invalid.problems().stream().filter(p -> !mistyped.contains(p.field())).forEach(problems::add);
        }
        throw new ValidationException(problems);
    }
}
