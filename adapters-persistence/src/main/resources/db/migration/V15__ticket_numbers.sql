-- The human ticket number people say and type ("#1042", SPEC §5): given by a sequence on insert,
-- existing tickets numbered in creation order first. A sequence never hands a number out twice;
-- a rolled-back insert leaves a gap, which is fine for a number people only need to find a ticket.
CREATE SEQUENCE ticket_number_seq AS bigint;
ALTER TABLE tickets ADD COLUMN number bigint;
UPDATE tickets t SET number = ordered.n
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM tickets) ordered
WHERE ordered.id = t.id;
SELECT setval('ticket_number_seq', coalesce(max(number), 0) + 1, false) FROM tickets;
ALTER TABLE tickets
    ALTER COLUMN number SET DEFAULT nextval('ticket_number_seq'),
    ALTER COLUMN number SET NOT NULL;
ALTER SEQUENCE ticket_number_seq OWNED BY tickets.number;
CREATE UNIQUE INDEX tickets_number ON tickets (number);
