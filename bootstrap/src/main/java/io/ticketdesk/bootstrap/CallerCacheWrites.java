package io.ticketdesk.bootstrap;

import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.application.service.auth.CallerCache;
import io.ticketdesk.domain.users.User;
import java.util.Optional;
import java.util.UUID;

/**
 * The user repository as the use cases that write user rows get it: each write tells the
 * {@link CallerCache}, which then reads that person fresh until the write's signal is back.
 */
final class CallerCacheWrites implements UserRepository {

    private final UserRepository users;
    private final CallerCache callers;

    CallerCacheWrites(UserRepository users, CallerCache callers) {
        this.users = users;
        this.callers = callers;
    }

    @Override
    public Optional<User> findById(UUID id) {
        return users.findById(id);
    }

    @Override
    public Optional<User> findByTelegramId(long telegramId) {
        return users.findByTelegramId(telegramId);
    }

    @Override
    public User insertOrRefreshProfile(User candidate) {
        // the stored id is known only afterwards; a row read meanwhile is not kept (CallerCache counts drops)
        User stored = users.insertOrRefreshProfile(candidate);
        callers.rowWritten(stored.id());
        return stored;
    }

    @Override
    public User updateProfile(User user) {
        callers.rowWritten(user.id());
        return users.updateProfile(user);
    }

    @Override
    public long lockAdministrationAndCountActiveAdmins() {
        return users.lockAdministrationAndCountActiveAdmins();
    }

    @Override
    public User updateRoleAndStatus(User user) {
        callers.rowWritten(user.id());
        return users.updateRoleAndStatus(user);
    }
}
