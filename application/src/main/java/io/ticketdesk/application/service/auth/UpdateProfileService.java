package io.ticketdesk.application.service.auth;

import io.ticketdesk.application.port.in.auth.UpdateProfileCommand;
import io.ticketdesk.application.port.in.auth.UpdateProfileUseCase;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.users.User;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

public record UpdateProfileService(UserRepository users, Transactions transactions, Clock clock)
        implements UpdateProfileUseCase {

    @Override
    public User updateProfile(UpdateProfileCommand command) {
        return transactions.inTransaction(() -> {
            User current = users.findById(command.userId())
                    .orElseThrow(() -> new NotFoundException("user.not_found"))
                    .requireActive();
            User edited = current.withProfile(
                    command.firstName().orElse(current.firstName()),
                    command.lastName().orElse(current.lastName()),
                    command.username().orElse(current.username()),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            return users.updateProfile(edited);
        });
    }
}
