package io.ticketdesk.application.port.in.categories;

import io.ticketdesk.domain.categories.Category;

/** Edits or (de)activates a category (ADMIN). */
public interface UpdateCategoryUseCase {

    Category update(UpdateCategoryCommand command);
}
