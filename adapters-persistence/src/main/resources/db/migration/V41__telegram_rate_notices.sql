-- The bot's "you are over the limit" notices: at most one per person and limited action until
-- quiet_until (the limit's window), whichever instance handles the person's next update. One row
-- per person and action at most, so the table needs no sweeping.
CREATE TABLE telegram_rate_notices (
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    action      text        NOT NULL,
    quiet_until timestamptz NOT NULL,
    PRIMARY KEY (user_id, action)
);
