-- Forum topics of the staff group: one per ticket (the bot's own tables; SQL in adapters-telegram).

-- What the staff group is, as Telegram told us (getChat, or the chat of an update from it):
-- NULL until asked, then whether it is a forum. Calls about tickets wait for the answer.
ALTER TABLE telegram_chats ADD COLUMN is_forum boolean;

-- One topic per ticket in a forum staff group. name and closed: what the topic should show, kept by
-- the notifier in the transaction of the event; thread_id: the topic Telegram made, written by the
-- sender when createForumTopic answers (NULL: not made yet, or deleted and to be made again).
CREATE TABLE telegram_forum_topics (
    chat_id     bigint      NOT NULL,
    ticket_id   uuid        NOT NULL,
    name        text        NOT NULL,
    closed      boolean     NOT NULL DEFAULT false,
    thread_id   bigint,
    updated_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (chat_id, ticket_id)
);
CREATE UNIQUE INDEX telegram_forum_topics_thread ON telegram_forum_topics (chat_id, thread_id)
    WHERE thread_id IS NOT NULL;

-- A call the sender decided not to make (renaming a topic of a group that is no forum, or one
-- that does not exist yet): kept apart from sent and failed calls.
ALTER TABLE telegram_outbox DROP CONSTRAINT telegram_outbox_state_check;
ALTER TABLE telegram_outbox ADD CONSTRAINT telegram_outbox_state_check
    CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED'));
