-- Staff who said /notify off: no private notices of assignments or of the authors' messages.
-- Keyed by the desk account, so the choice follows the person whatever chat they use.
CREATE TABLE telegram_notify_off (
    user_id  uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    since    timestamptz NOT NULL DEFAULT clock_timestamp()
);
