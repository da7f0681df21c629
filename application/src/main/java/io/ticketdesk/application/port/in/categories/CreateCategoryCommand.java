package io.ticketdesk.application.port.in.categories;

import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.categories.CategoryRules;
import io.ticketdesk.domain.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A new category; {@code sortOrder} null means 0. Texts are trimmed, empty optional texts are null. */
public record CreateCategoryCommand(User actor, String name, String description, String icon, String color,
                                    Integer sortOrder) {

    public CreateCategoryCommand {
        Objects.requireNonNull(actor, "actor");
        name = name == null ? null : name.strip();
        description = CategoryTexts.optional(description);
        icon = CategoryTexts.optional(icon);
        color = CategoryTexts.optional(color);
        sortOrder = sortOrder == null ? 0 : sortOrder;
        List<FieldProblem> problems = new ArrayList<>();
        CategoryRules.checkName(name).ifPresent(problems::add);
        CategoryRules.checkDescription(description).ifPresent(problems::add);
        CategoryRules.checkIcon(icon).ifPresent(problems::add);
        CategoryRules.checkColor(color).ifPresent(problems::add);
        CategoryRules.checkSortOrder(sortOrder).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
