-- People and numbers: what the statistics need, kept on write so that no report counts rows of
-- messages or of a million tickets.

-- The first public message by a staff member other than the ticket's author, and who wrote it:
-- the ticket's response time is first_response_at - created_at. Set once, in the statement that
-- counts the message (JdbiMessageRepository), from the poster's role at that moment.
ALTER TABLE tickets
    ADD COLUMN first_response_at  timestamptz,
    ADD COLUMN first_responder_id uuid REFERENCES users (id);

-- Response and resolution times in microseconds (whole numbers: sums and means stay exact and
-- cheap). The medians read them from the indexes below instead of computing them row by row.
ALTER TABLE tickets
    ADD COLUMN response_micros   bigint GENERATED ALWAYS AS
        ((extract(epoch FROM first_response_at - created_at) * 1000000)::bigint) STORED,
    ADD COLUMN resolution_micros bigint GENERATED ALWAYS AS
        ((extract(epoch FROM resolved_at - created_at) * 1000000)::bigint) STORED;

-- The all-time median reads this ordered index up to its middle, without sorting every ticket.
CREATE INDEX tickets_response_micros ON tickets (response_micros) WHERE response_micros IS NOT NULL;
-- A report's medians: an index-only scan of the tickets created in its period.
CREATE INDEX tickets_created_times ON tickets (created_at) INCLUDE (category_id, response_micros, resolution_micros);
-- The trigger's look-up of a person's earlier public message in a ticket.
CREATE INDEX messages_public_by_author ON messages (author_id, ticket_id) WHERE NOT is_internal;
-- The people list shows the newest first.
CREATE INDEX users_created ON users (created_at DESC, id DESC);

-- Counters kept on write by the triggers below, in the transaction of the change, so they never
-- drift from the rows they summarize; rebuild_ticket_statistics() recomputes them from the rows.
--
-- All time, for the dashboard: tickets per status and category.
CREATE TABLE ticket_counts (
    status       text   NOT NULL,
    category_id  uuid   NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    tickets      bigint NOT NULL,
    PRIMARY KEY (status, category_id)
);
-- Per UTC day of creation, for the reports: tickets per category, status and priority, and how
-- many of them were answered / resolved with the sums of those times.
CREATE TABLE ticket_day_counts (
    day                date   NOT NULL,
    category_id        uuid   NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    status             text   NOT NULL,
    priority           text   NOT NULL,
    tickets            bigint NOT NULL,
    responses          bigint NOT NULL,
    response_micros    numeric NOT NULL,
    resolutions        bigint NOT NULL,
    resolution_micros  numeric NOT NULL,
    PRIMARY KEY (day, category_id, status, priority)
);
-- Per UTC day of resolved_at: tickets resolved that day, per category.
CREATE TABLE ticket_resolved_days (
    day          date   NOT NULL,
    category_id  uuid   NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    tickets      bigint NOT NULL,
    PRIMARY KEY (day, category_id)
);
-- Per person: tickets where they posted a public message, and the tickets they answered first
-- with the sum of those response times, for the mean.
CREATE TABLE user_ticket_stats (
    user_id          uuid    PRIMARY KEY REFERENCES users (id),
    tickets_handled  bigint  NOT NULL DEFAULT 0,
    first_responses  bigint  NOT NULL DEFAULT 0,
    response_micros  numeric NOT NULL DEFAULT 0
);

CREATE FUNCTION utc_day(t timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT (t AT TIME ZONE 'UTC')::date $$;

-- Adds (sign = 1) or takes away (sign = -1) one ticket row's share of every counter.
CREATE FUNCTION ticket_statistics_add(t tickets, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ticket_counts (status, category_id, tickets) VALUES (t.status, t.category_id, sign)
    ON CONFLICT (status, category_id) DO UPDATE SET tickets = ticket_counts.tickets + EXCLUDED.tickets;

    INSERT INTO ticket_day_counts (day, category_id, status, priority, tickets, responses, response_micros,
                                   resolutions, resolution_micros)
    VALUES (utc_day(t.created_at), t.category_id, t.status, t.priority, sign,
            sign * (t.response_micros IS NOT NULL)::int, sign * coalesce(t.response_micros, 0),
            sign * (t.resolution_micros IS NOT NULL)::int, sign * coalesce(t.resolution_micros, 0))
    ON CONFLICT (day, category_id, status, priority) DO UPDATE SET
        tickets = ticket_day_counts.tickets + EXCLUDED.tickets,
        responses = ticket_day_counts.responses + EXCLUDED.responses,
        response_micros = ticket_day_counts.response_micros + EXCLUDED.response_micros,
        resolutions = ticket_day_counts.resolutions + EXCLUDED.resolutions,
        resolution_micros = ticket_day_counts.resolution_micros + EXCLUDED.resolution_micros;

    IF t.resolved_at IS NOT NULL THEN
        INSERT INTO ticket_resolved_days (day, category_id, tickets) VALUES (utc_day(t.resolved_at), t.category_id, sign)
        ON CONFLICT (day, category_id) DO UPDATE SET tickets = ticket_resolved_days.tickets + EXCLUDED.tickets;
    END IF;

    IF t.first_responder_id IS NOT NULL THEN
        PERFORM user_ticket_stats_add(t.first_responder_id, 0, sign, sign * t.response_micros);
    END IF;
END
$$;

CREATE FUNCTION user_ticket_stats_add(p_user uuid, p_handled bigint, p_responses bigint, p_micros numeric)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO user_ticket_stats (user_id, tickets_handled, first_responses, response_micros)
    VALUES (p_user, p_handled, p_responses, p_micros)
    ON CONFLICT (user_id) DO UPDATE SET
        tickets_handled = user_ticket_stats.tickets_handled + EXCLUDED.tickets_handled,
        first_responses = user_ticket_stats.first_responses + EXCLUDED.first_responses,
        response_micros = user_ticket_stats.response_micros + EXCLUDED.response_micros
$$;

CREATE FUNCTION tickets_keep_statistics() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM ticket_statistics_add(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM ticket_statistics_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tickets_insert_statistics AFTER INSERT ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_keep_statistics();
CREATE TRIGGER tickets_delete_statistics AFTER DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_keep_statistics();
-- most updates (every message bumps the ticket's counters) change none of these: no work then
CREATE TRIGGER tickets_update_statistics AFTER UPDATE ON tickets FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.priority IS DISTINCT FROM NEW.priority
          OR OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
          OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
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

    DELETE FROM ticket_day_counts;
    INSERT INTO ticket_day_counts (day, category_id, status, priority, tickets, responses, response_micros,
                                   resolutions, resolution_micros)
    SELECT utc_day(created_at), category_id, status, priority, count(*), count(response_micros),
           coalesce(sum(response_micros), 0), count(resolution_micros), coalesce(sum(resolution_micros), 0)
    FROM tickets GROUP BY 1, 2, 3, 4;

    DELETE FROM ticket_resolved_days;
    INSERT INTO ticket_resolved_days (day, category_id, tickets)
    SELECT utc_day(resolved_at), category_id, count(*) FROM tickets WHERE resolved_at IS NOT NULL GROUP BY 1, 2;

    DELETE FROM user_ticket_stats;
    INSERT INTO user_ticket_stats (user_id, tickets_handled, first_responses, response_micros)
    SELECT coalesce(h.user_id, f.user_id), coalesce(h.handled, 0), coalesce(f.responses, 0), coalesce(f.micros, 0)
    FROM (SELECT author_id AS user_id, count(DISTINCT ticket_id) AS handled
          FROM messages WHERE NOT is_internal GROUP BY author_id) h
    FULL JOIN (SELECT first_responder_id AS user_id, count(*) AS responses, sum(response_micros) AS micros
               FROM tickets WHERE first_responder_id IS NOT NULL GROUP BY first_responder_id) f
        ON f.user_id = h.user_id;
END
$$;
SELECT rebuild_ticket_statistics();
