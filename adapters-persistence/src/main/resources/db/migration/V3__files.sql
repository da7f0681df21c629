-- Uploaded files. The bytes are in file_chunks (the default store) or in FILES_DIR, under the id.
CREATE TABLE files (
    id            uuid        PRIMARY KEY,
    uploader_id   uuid        NOT NULL REFERENCES users (id),
    filename      text        NOT NULL,
    content_type  text        NOT NULL,
    size          bigint      NOT NULL CHECK (size >= 0),
    sha256        text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    -- the message the file is attached to; no foreign key until the messages table exists
    message_id    uuid,
    created_at    timestamptz NOT NULL
);

-- The sweeper looks for uploads never attached, oldest first.
CREATE INDEX files_unattached_created_at ON files (created_at) WHERE message_id IS NULL;
CREATE INDEX files_message_id ON files (message_id) WHERE message_id IS NOT NULL;

-- File bytes in PostgreSQL, in rows of at most 256 KiB, so no file is ever one value in memory.
-- No foreign key to files: the bytes are written before the row that describes them.
CREATE TABLE file_chunks (
    file_id  uuid    NOT NULL,
    seq      integer NOT NULL CHECK (seq >= 0),
    data     bytea   NOT NULL,
    PRIMARY KEY (file_id, seq)
);
-- stored out of line and uncompressed: most uploads are compressed already, and substring() then
-- reads only the slice a Range request asks for
ALTER TABLE file_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
