package io.ticketdesk.adapters.http.json;

import io.javalin.http.Context;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Query-string and path parameters, read with the same care as bodies: a bad one is named in a 422. */
public final class QueryParameters {

    private final Context ctx;
    private final List<FieldProblem> problems = new ArrayList<>();

    private QueryParameters(Context ctx) {
        this.ctx = ctx;
    }

    public static QueryParameters of(Context ctx) {
        return new QueryParameters(ctx);
    }

    /** A UUID in the path; a malformed one is a 400 (SPEC §2), not a 404. */
    public static UUID pathId(Context ctx, String name) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException malformed) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "request.path_id");
        }
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(value -> !value.isEmpty());
    }

    public Optional<UUID> uuid(String name) {
        return text(name).flatMap(value -> {
            try {
                return Optional.of(UUID.fromString(value));
            } catch (IllegalArgumentException malformed) {
                problems.add(FieldProblem.of(WireNames.field(name), "validation.type.uuid"));
                return Optional.empty();
            }
        });
    }

    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return text(name).flatMap(value -> {
            try {
                return Optional.of(Enum.valueOf(type, value));
            } catch (IllegalArgumentException unknown) {
                problems.add(FieldProblem.of(WireNames.field(name), "validation.one_of",
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
                return Optional.empty();
            }
        });
    }

    public boolean bool(String name) {
        return text(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                problems.add(FieldProblem.of(WireNames.field(name), "validation.type.boolean"));
                yield false;
            }
        }).orElse(false);
    }

    /** An optional boolean ({@code true}/{@code false}/{@code 1}/{@code 0}); anything else is named in a 422. */
    public Optional<Boolean> optionalBool(String name) {
        return text(name).flatMap(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> {
                problems.add(FieldProblem.of(WireNames.field(name), "validation.type.boolean"));
                yield Optional.empty();
            }
        });
    }

    /** A calendar date {@code YYYY-MM-DD}. */
    public Optional<LocalDate> date(String name) {
        return text(name).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException malformed) {
                problems.add(FieldProblem.of(WireNames.field(name), "validation.type.date"));
                return Optional.empty();
            }
        });
    }

    private int integer(String name, int defaultValue) {
        return text(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException malformed) {
                problems.add(FieldProblem.of(WireNames.field(name), "validation.type.integer"));
                return defaultValue;
            }
        }).orElse(defaultValue);
    }

    /** {@code page} (default 1) and {@code size} (default {@code defaultSize}), range-checked together. */
    public Supplier<PageRequest> page(int defaultSize) {
        int page = integer("page", 1);
        int size = integer("size", defaultSize);
        return () -> new PageRequest(page, size);
    }

    /** Runs {@code query} and reports every parameter problem at once, as {@link JsonRequest#toCommand} does. */
    public <T> T toQuery(Supplier<T> query) {
        try {
            T built = query.get();
            if (problems.isEmpty()) {
                return built;
            }
        } catch (ValidationException invalid) {
            List<InputField> bad = problems.stream().map(FieldProblem::field).toList();
            invalid.problems().stream().filter(p -> !bad.contains(p.field())).forEach(problems::add);
        }
        throw new ValidationException(problems);
    }
}
