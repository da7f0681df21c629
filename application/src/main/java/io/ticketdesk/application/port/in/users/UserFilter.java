package io.ticketdesk.application.port.in.users;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.users.Role;
import java.util.Optional;

/** What to narrow the people list to; empty means any. {@code search} finds first name, last name or username. */
public record UserFilter(Optional<Role> role, Optional<Boolean> active, Optional<String> search) {

    public static final int SEARCH_MAX = 100;

    public UserFilter {
        search = search.map(String::strip).map(text -> text.startsWith("@") ? text.substring(1) : text)
                .filter(text -> !text.isEmpty());
        if (search.isPresent() && search.get().length() > SEARCH_MAX) {
            throw ValidationException.of(InputField.SEARCH, "validation.too_long", SEARCH_MAX);
        }
    }

    public static UserFilter none() {
        return new UserFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
