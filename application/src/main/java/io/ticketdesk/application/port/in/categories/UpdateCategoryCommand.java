package io.ticketdesk.application.port.in.categories;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.categories.CategoryRules;
import io.ticketdesk.domain.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A partial category edit, {@code is_active} included; absent fields stay. */
public record UpdateCategoryCommand(User actor, UUID categoryId, FieldUpdate<String> name,
                                    FieldUpdate<String> description, FieldUpdate<String> icon,
                                    FieldUpdate<String> color, FieldUpdate<Boolean> active,
                                    FieldUpdate<Integer> sortOrder) {

    public UpdateCategoryCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(categoryId, "categoryId");
        name = name.map(String::strip);
        description = description.map(CategoryTexts::optional);
        icon = icon.map(CategoryTexts::optional);
        color = color.map(CategoryTexts::optional);
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isPresent()) {
            CategoryRules.checkName(name.value()).ifPresent(problems::add);
        }
        if (description.isPresent()) {
            CategoryRules.checkDescription(description.value()).ifPresent(problems::add);
        }
        if (icon.isPresent()) {
            CategoryRules.checkIcon(icon.value()).ifPresent(problems::add);
        }
        if (color.isPresent()) {
            CategoryRules.checkColor(color.value()).ifPresent(problems::add);
        }
        if (active.isPresent() && active.value() == null) {
            problems.add(FieldProblem.of(InputField.ACTIVE, "validation.required"));
        }
        if (sortOrder.isPresent()) {
            if (sortOrder.value() == null) {
                problems.add(FieldProblem.of(InputField.SORT_ORDER, "validation.required"));
            } else {
                CategoryRules.checkSortOrder(sortOrder.value()).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
