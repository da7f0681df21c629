-- People and numbers: what the statistics need, kept on write so that no report reads messages.

-- The first public message by a staff member other than the ticket's author, and who wrote it:
-- the ticket's response time is first_response_at - created_at. Set once, in the statement that
-- counts the message (JdbiMessageRepository), from the poster's role at that moment.
ALTER TABLE tickets
    ADD COLUMN first_response_at  timestamptz,
    ADD COLUMN first_responder_id uuid REFERENCES users (id);

-- Tickets answered before this migration: their first such message, judged by today's roles.
UPDATE tickets t
SET first_response_at = f.created_at, first_responder_id = f.author_id
FROM (SELECT DISTINCT ON (m.ticket_id) m.ticket_id, m.created_at, m.author_id
      FROM messages m
      JOIN users u ON u.id = m.author_id
      JOIN tickets o ON o.id = m.ticket_id
      WHERE NOT m.is_internal AND u.role <> 'USER' AND m.author_id <> o.author_id
      ORDER BY m.ticket_id, m.created_at, m.id) f
WHERE t.id = f.ticket_id;

-- Per-staff figures of the dashboard: tickets each one answered first, and tickets each one
-- posted a public message in (an index-only scan per staff member, never the whole messages table).
CREATE INDEX tickets_by_first_responder ON tickets (first_responder_id, first_response_at, created_at)
    WHERE first_responder_id IS NOT NULL;
CREATE INDEX messages_public_by_author ON messages (author_id, ticket_id) WHERE NOT is_internal;

-- Ticket reports look up a period by creation day (tickets_created) and by resolution day.
CREATE INDEX tickets_resolved_at ON tickets (resolved_at) WHERE resolved_at IS NOT NULL;

-- The people list filters by role and status and shows the newest first.
CREATE INDEX users_created ON users (created_at DESC, id DESC);
