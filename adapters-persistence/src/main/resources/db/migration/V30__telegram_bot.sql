-- The Telegram bot's own tables (their SQL lives in adapters-telegram).

-- Updates as Telegram sent them, stored before anything is done with them; update_id makes a
-- repeated delivery a no-op. handled_at is set in the transaction that handled the update.
CREATE TABLE telegram_updates (
    update_id    bigint      PRIMARY KEY,
    chat_id      bigint      NOT NULL,
    payload      jsonb       NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    handled_at   timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    failure      text
);
CREATE INDEX telegram_updates_unhandled ON telegram_updates (chat_id, update_id) WHERE handled_at IS NULL;

-- The getUpdates offset, advanced in the transaction that stores what it confirmed.
CREATE TABLE telegram_poll_state (
    id           smallint PRIMARY KEY CHECK (id = 1),
    next_offset  bigint   NOT NULL,
    -- what the leader last registered as the webhook (Telegram never shows the secret back)
    webhook_fingerprint text
);
INSERT INTO telegram_poll_state (id, next_offset) VALUES (1, 0);

-- One row per chat the bot writes to: the sender locks it to keep that chat's calls in order and
-- apart in time. parked_at: the chat refused us (403) and waits until the user writes again.
CREATE TABLE telegram_chats (
    chat_id       bigint      PRIMARY KEY,
    next_send_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    failures      integer     NOT NULL DEFAULT 0,
    parked_at     timestamptz,
    park_reason   text,
    migrated_to   bigint
);
CREATE INDEX telegram_chats_due ON telegram_chats (next_send_at) WHERE parked_at IS NULL;

-- Outgoing calls, written in the transaction of the change that causes them, sent oldest first per chat.
CREATE TABLE telegram_outbox (
    id               bigserial   PRIMARY KEY,
    chat_id          bigint      NOT NULL,
    method           text        NOT NULL,
    params           jsonb       NOT NULL,
    ticket_id        uuid,
    reply_in_thread  boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    state            text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    sent_at          timestamptz,
    message_id       bigint,
    failure          text
);
CREATE INDEX telegram_outbox_pending ON telegram_outbox (chat_id, id) WHERE state = 'PENDING';

-- Which ticket a message in a chat is about, so that a reply to it joins that ticket. No foreign
-- key: a row about a deleted ticket is harmless (a reply to it is told the ticket is gone), and the
-- sender must never fail a delivered call over it.
CREATE TABLE telegram_message_tickets (
    chat_id     bigint      NOT NULL,
    message_id  bigint      NOT NULL,
    ticket_id   uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX telegram_message_tickets_ticket ON telegram_message_tickets (ticket_id, chat_id, message_id);

-- The bot-wide send rate shared by every instance: the next free slot of Telegram's ~30 calls/s.
CREATE TABLE telegram_rate (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    next_slot  timestamptz NOT NULL
);
INSERT INTO telegram_rate (id, next_slot) VALUES (1, now());

-- Where a chat is in a dialogue (the /new flow), so any instance can take the next update.
CREATE TABLE telegram_conversations (
    chat_id     bigint      PRIMARY KEY,
    state       jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
