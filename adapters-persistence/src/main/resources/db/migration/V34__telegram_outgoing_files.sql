-- A call that sends a stored file names it here; the sender reads the bytes at send time (as
-- file_reader may read them), so the outbox never holds file content.
ALTER TABLE telegram_outbox ADD COLUMN file_id uuid, ADD COLUMN file_reader uuid;

-- Telegram's own id for a file we have: got when a person sent it, or when we first uploaded it.
-- kind is the method's field (photo or document): Telegram takes an id only for its own kind.
CREATE TABLE telegram_file_ids (
    file_id           uuid        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('photo', 'document')),
    telegram_file_id  text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (file_id, kind)
);
