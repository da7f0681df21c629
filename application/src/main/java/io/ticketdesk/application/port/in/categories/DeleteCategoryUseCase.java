package io.ticketdesk.application.port.in.categories;

import io.ticketdesk.domain.users.User;
import java.util.UUID;

/** Removes a category no ticket uses (ADMIN); a used one must be deactivated instead. */
public interface DeleteCategoryUseCase {

    void delete(User actor, UUID categoryId);
}
