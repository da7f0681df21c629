package io.ticketdesk.application.port.in.categories;

import io.ticketdesk.domain.categories.Category;
import io.ticketdesk.domain.users.User;
import java.util.List;

/** Categories by {@code sort_order} then name; inactive ones only for staff who ask for them. */
public interface ListCategoriesQuery {

    List<Category> list(User actor, boolean includeInactive);
}
