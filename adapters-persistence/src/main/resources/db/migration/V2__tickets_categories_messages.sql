-- What tickets are about. Names are unique whatever their case.
CREATE TABLE categories (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    description text,
    icon        text,
    color       text,
    is_active   boolean     NOT NULL DEFAULT true,
    sort_order  integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX categories_name_unique ON categories (lower(name));

-- A fresh install starts with the seed's two categories.
INSERT INTO categories (id, name, description, icon, color, sort_order) VALUES
    (gen_random_uuid(), 'Оплата и подписка', 'Вопросы по оплате, возврату средств, продлению подписки', '💳', '#ff6b6b', 1),
    (gen_random_uuid(), 'Технические проблемы', 'Ошибки, краши, проблемы с установкой', '🔧', '#4ecdc4', 2);

CREATE TABLE tickets (
    id                     uuid        PRIMARY KEY,
    title                  text        NOT NULL,
    description            text        NOT NULL,
    status                 text        NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'WAITING_RESPONSE', 'RESOLVED', 'CLOSED')),
    priority               text        NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')),
    -- the priority as a number, so that sorting by it follows LOW < NORMAL < HIGH < CRITICAL
    priority_rank          smallint    GENERATED ALWAYS AS (CASE priority WHEN 'LOW' THEN 0 WHEN 'NORMAL' THEN 1
                                                               WHEN 'HIGH' THEN 2 ELSE 3 END) STORED,
    category_id            uuid        NOT NULL REFERENCES categories (id),
    author_id              uuid        NOT NULL REFERENCES users (id),
    assignee_id            uuid        REFERENCES users (id),
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    resolved_at            timestamptz,
    closed_at              timestamptz,
    last_activity_at       timestamptz NOT NULL,
    version                bigint      NOT NULL DEFAULT 0,
    -- message counters kept on write, so that lists count without touching messages
    messages_count         integer     NOT NULL DEFAULT 0,
    public_messages_count  integer     NOT NULL DEFAULT 0,
    last_message_at        timestamptz,
    last_public_message_at timestamptz,
    -- the 'russian' configuration stems Cyrillic words in Russian and Latin words in English
    search_vector          tsvector    GENERATED ALWAYS AS (to_tsvector('russian', title || ' ' || description)) STORED
);

-- One index per filter, each ending in the default order, so a page is an index range scan.
CREATE INDEX tickets_created ON tickets (created_at DESC, id DESC);
CREATE INDEX tickets_updated ON tickets (updated_at DESC, id DESC);
CREATE INDEX tickets_priority_rank ON tickets (priority_rank DESC, created_at DESC, id DESC);
CREATE INDEX tickets_by_status ON tickets (status, created_at DESC, id DESC);
CREATE INDEX tickets_by_category ON tickets (category_id, created_at DESC, id DESC);
CREATE INDEX tickets_by_priority ON tickets (priority, created_at DESC, id DESC);
CREATE INDEX tickets_by_assignee ON tickets (assignee_id, created_at DESC, id DESC);
CREATE INDEX tickets_unassigned ON tickets (created_at DESC, id DESC) WHERE assignee_id IS NULL;
CREATE INDEX tickets_by_author ON tickets (author_id, created_at DESC, id DESC);
CREATE INDEX tickets_search ON tickets USING gin (search_vector);
-- the auto-close sweep looks only at RESOLVED tickets
CREATE INDEX tickets_resolved_activity ON tickets (last_activity_at) WHERE status = 'RESOLVED';

CREATE TABLE ticket_history (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id   uuid        NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    field       text        NOT NULL CHECK (field IN ('STATUS', 'ASSIGNEE', 'PRIORITY', 'TITLE')),
    old_value   text,
    new_value   text,
    actor_id    uuid        REFERENCES users (id),
    created_at  timestamptz NOT NULL
);
CREATE INDEX ticket_history_by_ticket ON ticket_history (ticket_id, id);

CREATE TABLE messages (
    id           uuid        PRIMARY KEY,
    ticket_id    uuid        NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author_id    uuid        NOT NULL REFERENCES users (id),
    content      text        NOT NULL,
    is_internal  boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL
);
CREATE INDEX messages_by_ticket ON messages (ticket_id, created_at, id);
CREATE INDEX messages_by_author ON messages (author_id, created_at DESC);
