package io.ticketdesk.domain.categories;

import io.ticketdesk.domain.InputField;

import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.tickets.TicketRules;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.util.Optional;
import java.util.regex.Pattern;

/** Who may manage categories and what a category may look like. */
public final class CategoryRules {

    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 500;
    public static final int ICON_MAX = 16;
    public static final int SORT_ORDER_MAX = 1_000_000;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private CategoryRules() {
    }

    public static void requireMayManage(User actor) {
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("category.admin_only");
        }
    }

    public static Optional<FieldProblem> checkName(String value) {
        return TicketRules.checkLine(InputField.NAME, value, NAME_MAX);
    }

    public static Optional<FieldProblem> checkDescription(String value) {
        return value == null ? Optional.empty() : TicketRules.checkText(InputField.DESCRIPTION, value, DESCRIPTION_MAX)
                .filter(problem -> !problem.code().equals("validation.required"));
    }

    public static Optional<FieldProblem> checkIcon(String value) {
        return value == null ? Optional.empty() : TicketRules.checkLine(InputField.ICON, value, ICON_MAX)
                .filter(problem -> !problem.code().equals("validation.required"));
    }

    public static Optional<FieldProblem> checkColor(String value) {
        return value == null || COLOR.matcher(value).matches()
                ? Optional.empty() : Optional.of(FieldProblem.of(InputField.COLOR, "validation.color"));
    }

    public static Optional<FieldProblem> checkSortOrder(Integer value) {
        return value == null || (value >= 0 && value <= SORT_ORDER_MAX)
                ? Optional.empty() : Optional.of(FieldProblem.of(InputField.SORT_ORDER, "validation.range", 0, SORT_ORDER_MAX));
    }
}
