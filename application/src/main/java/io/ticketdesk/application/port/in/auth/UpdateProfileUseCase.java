package io.ticketdesk.application.port.in.auth;

import io.ticketdesk.domain.users.User;

/** A person edits the name and username the desk shows for them. */
public interface UpdateProfileUseCase {

    User updateProfile(UpdateProfileCommand command);
}
