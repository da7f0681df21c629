package io.ticketdesk.application.port.in.categories;

import io.ticketdesk.domain.categories.Category;

/** Adds a category (ADMIN); names are unique whatever their case. */
public interface CreateCategoryUseCase {

    Category create(CreateCategoryCommand command);
}
