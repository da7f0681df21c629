package io.ticketdesk.application.service.auth;

import io.ticketdesk.application.port.in.auth.AuthenticationFailedException;
import io.ticketdesk.application.port.in.auth.IdentifyCallerUseCase;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.domain.users.User;
import java.util.UUID;

public record IdentifyCallerService(UserRepository users) implements IdentifyCallerUseCase {

    @Override
    public User activeUser(UUID userId) {
        return users.findById(userId)
                .orElseThrow(() -> new AuthenticationFailedException("auth.token.unknown_user"))
                .requireActive();
    }
}
