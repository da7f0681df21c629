-- People and numbers: what the statistics need, kept on write so that no report reads messages.

-- The first public message by a staff member other than the ticket's author, and who wrote it:
-- the ticket's response time is first_response_at - created_at. Set once, in the statement that
-- counts the message (JdbiMessageRepository), from the poster's role at that moment.
ALTER TABLE tickets
    ADD COLUMN first_response_at  timestamptz,
    ADD COLUMN first_responder_id uuid REFERENCES users (id);

-- The response time in seconds, for the medians: an index on it gives the all-time median
-- without sorting every ticket, and the report ranges read it from their covering index.
ALTER TABLE tickets
    ADD COLUMN response_seconds numeric GENERATED ALWAYS AS (extract(epoch FROM first_response_at - created_at)) STORED;
CREATE INDEX tickets_response_seconds ON tickets (response_seconds) WHERE response_seconds IS NOT NULL;

-- The dashboard covers every ticket ever: its counts and sums are kept on write, by the triggers
-- below, in the transaction of the change, so they never drift from the rows they summarize.
-- Tickets per status and category.
CREATE TABLE ticket_counts (
    status       text   NOT NULL,
    category_id  uuid   NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    tickets      bigint NOT NULL,
    PRIMARY KEY (status, category_id)
);
-- Per person: tickets where they posted a public message, and the tickets they answered first
-- with the sum of those response times (in seconds), for the mean.
CREATE TABLE user_ticket_stats (
    user_id                 uuid    PRIMARY KEY REFERENCES users (id),
    tickets_handled         bigint  NOT NULL DEFAULT 0,
    first_responses         bigint  NOT NULL DEFAULT 0,
    first_response_seconds  numeric NOT NULL DEFAULT 0
);

CREATE FUNCTION ticket_counts_add(p_status text, p_category uuid, p_delta bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO ticket_counts (status, category_id, tickets) VALUES (p_status, p_category, p_delta)
    ON CONFLICT (status, category_id) DO UPDATE SET tickets = ticket_counts.tickets + EXCLUDED.tickets
$$;

CREATE FUNCTION user_ticket_stats_add(p_user uuid, p_handled bigint, p_responses bigint, p_seconds numeric)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO user_ticket_stats (user_id, tickets_handled, first_responses, first_response_seconds)
    VALUES (p_user, p_handled, p_responses, p_seconds)
    ON CONFLICT (user_id) DO UPDATE SET
        tickets_handled = user_ticket_stats.tickets_handled + EXCLUDED.tickets_handled,
        first_responses = user_ticket_stats.first_responses + EXCLUDED.first_responses,
        first_response_seconds = user_ticket_stats.first_response_seconds + EXCLUDED.first_response_seconds
$$;

CREATE FUNCTION tickets_keep_statistics() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM ticket_counts_add(OLD.status, OLD.category_id, -1);
        IF OLD.first_responder_id IS NOT NULL THEN
            PERFORM user_ticket_stats_add(OLD.first_responder_id, 0, -1, -OLD.response_seconds);
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM ticket_counts_add(NEW.status, NEW.category_id, 1);
        IF NEW.first_responder_id IS NOT NULL THEN
            PERFORM user_ticket_stats_add(NEW.first_responder_id, 0, 1, NEW.response_seconds);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tickets_insert_statistics AFTER INSERT ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_keep_statistics();
CREATE TRIGGER tickets_delete_statistics AFTER DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_keep_statistics();
-- most updates (every message bumps the ticket's counters) change none of these: no work then
CREATE TRIGGER tickets_update_statistics AFTER UPDATE OF status, category_id, first_response_at, first_responder_id
    ON tickets FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.category_id IS DISTINCT FROM NEW.category_id
          OR OLD.first_response_at IS DISTINCT FROM NEW.first_response_at
          OR OLD.first_responder_id IS DISTINCT FROM NEW.first_responder_id)
    EXECUTE FUNCTION tickets_keep_statistics();

-- A person's first public message in a ticket makes it one more ticket they handled. Messages of
-- a ticket are posted under its row lock, so two first messages cannot both see none before them.
CREATE FUNCTION messages_count_handled() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT NEW.is_internal AND NOT EXISTS (
            SELECT 1 FROM messages m
            WHERE m.author_id = NEW.author_id AND m.ticket_id = NEW.ticket_id AND NOT m.is_internal
              AND m.id <> NEW.id) THEN
        PERFORM user_ticket_stats_add(NEW.author_id, 1, 0, 0);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER messages_insert_statistics AFTER INSERT ON messages
    FOR EACH ROW EXECUTE FUNCTION messages_count_handled();

-- Deleting a ticket deletes its messages in one statement: judged per statement, so that a
-- person's several messages in the ticket take it off their count once.
CREATE FUNCTION messages_uncount_handled() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM user_ticket_stats_add(g.author_id, -count(*), 0, 0)
    FROM (SELECT DISTINCT o.author_id, o.ticket_id FROM gone o WHERE NOT o.is_internal) g
    WHERE NOT EXISTS (SELECT 1 FROM messages m
                      WHERE m.author_id = g.author_id AND m.ticket_id = g.ticket_id AND NOT m.is_internal)
    GROUP BY g.author_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER messages_delete_statistics AFTER DELETE ON messages
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION messages_uncount_handled();

-- Recomputes everything the triggers keep, from the rows: for this migration, and for bulk loads
-- that write the tables directly with the triggers disabled (bench/statistics.sh). The counters
-- are rebuilt last, so whatever the triggers did meanwhile is overwritten.
CREATE FUNCTION rebuild_ticket_statistics() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    -- tickets answered before: their first public message by staff other than the author,
    -- judged by today's roles (the service records the role of the moment from now on)
    UPDATE tickets t
    SET first_response_at = f.created_at, first_responder_id = f.author_id
    FROM (SELECT DISTINCT ON (m.ticket_id) m.ticket_id, m.created_at, m.author_id
          FROM messages m
          JOIN users u ON u.id = m.author_id
          JOIN tickets o ON o.id = m.ticket_id
          WHERE NOT m.is_internal AND u.role <> 'USER' AND m.author_id <> o.author_id
          ORDER BY m.ticket_id, m.created_at, m.id) f
    WHERE t.id = f.ticket_id
      AND (t.first_response_at IS DISTINCT FROM f.created_at OR t.first_responder_id IS DISTINCT FROM f.author_id);

    DELETE FROM ticket_counts;
    INSERT INTO ticket_counts (status, category_id, tickets)
    SELECT status, category_id, count(*) FROM tickets GROUP BY status, category_id;

    DELETE FROM user_ticket_stats;
    INSERT INTO user_ticket_stats (user_id, tickets_handled, first_responses, first_response_seconds)
    SELECT coalesce(h.user_id, f.user_id), coalesce(h.handled, 0), coalesce(f.responses, 0), coalesce(f.seconds, 0)
    FROM (SELECT author_id AS user_id, count(DISTINCT ticket_id) AS handled
          FROM messages WHERE NOT is_internal GROUP BY author_id) h
    FULL JOIN (SELECT first_responder_id AS user_id, count(*) AS responses, sum(response_seconds) AS seconds
               FROM tickets WHERE first_responder_id IS NOT NULL GROUP BY first_responder_id) f
        ON f.user_id = h.user_id;
END
$$;
SELECT rebuild_ticket_statistics();

-- The trigger's look-up of a person's earlier public message in a ticket.
CREATE INDEX messages_public_by_author ON messages (author_id, ticket_id) WHERE NOT is_internal;

-- Ticket reports read a period by creation day and by resolution day from these alone
-- (index-only scans: every column a report needs is in the index).
CREATE INDEX tickets_created_report ON tickets (created_at)
    INCLUDE (status, priority, category_id, response_seconds, resolved_at);
CREATE INDEX tickets_resolved_report ON tickets (resolved_at) INCLUDE (category_id) WHERE resolved_at IS NOT NULL;

-- The people list filters by role and status and shows the newest first.
CREATE INDEX users_created ON users (created_at DESC, id DESC);
