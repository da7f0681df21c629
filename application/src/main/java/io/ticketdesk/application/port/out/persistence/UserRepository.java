package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.users.User;
import java.util.Optional;
import java.util.UUID;

/** Where users are kept. */
public interface UserRepository {

    Optional<User> findById(UUID id);

    Optional<User> findByTelegramId(long telegramId);

    /**
     * Stores {@code candidate} if no user has its Telegram id yet; otherwise refreshes that user's
     * profile fields (names, username, language) from it and keeps their id, role and status.
     * One statement, so two first logins at once still make one user.
     */
    User insertOrRefreshProfile(User candidate);

    /** Writes the profile fields and {@code updated_at} of an existing user. */
    User updateProfile(User user);

    /**
     * Serializes role and status changes for the rest of the running transaction and returns how
     * many active ADMINs there are now, so that two changes at once cannot both remove "the other" ADMIN.
     */
    long lockAdministrationAndCountActiveAdmins();

    /** Writes the role, the block flag and {@code updated_at} of an existing user. */
    User updateRoleAndStatus(User user);
}
