package io.ticketdesk.adapters.telegram.notifications;

import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import java.util.UUID;

/** Whether a staff member wants private notices (SPEC §7 {@code /notify off|on}), kept per desk account. */
public final class StaffNotices {

    private final BotDatabase database;

    public StaffNotices(BotDatabase database) {
        this.database = database;
    }

    public boolean wanted(UUID userId) {
        return database.inTransaction(handle -> handle.createQuery(
                        "SELECT NOT EXISTS (SELECT 1 FROM telegram_notify_off WHERE user_id = :user)")
                .bind("user", userId).mapTo(Boolean.class).one());
    }

    public void set(UUID userId, boolean wanted) {
        database.inTransaction(handle -> wanted
                ? handle.createUpdate("DELETE FROM telegram_notify_off WHERE user_id = :user").bind("user", userId).execute()
                : handle.createUpdate("INSERT INTO telegram_notify_off (user_id) VALUES (:user) ON CONFLICT DO NOTHING")
                        .bind("user", userId).execute());
    }
}
