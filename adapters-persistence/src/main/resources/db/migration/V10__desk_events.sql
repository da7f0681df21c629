-- The outbox of domain events (ticket created, message posted, status changed, user blocked, ...),
-- written in the transaction of the change they describe, drained by consumers such as the bot.
-- tx orders them safely: ids can commit out of order, transaction ids older than every running
-- transaction cannot (see JdbiDeskEventOutbox).
CREATE TABLE desk_events (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    kind        text        NOT NULL,
    ticket_id   uuid,
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX desk_events_order ON desk_events (tx, id);
CREATE INDEX desk_events_by_ticket ON desk_events (ticket_id) WHERE ticket_id IS NOT NULL;

-- How far each consumer (one name per kind of consumer, not per instance) has drained.
CREATE TABLE desk_event_consumers (
    consumer    text        PRIMARY KEY,
    last_tx     xid8        NOT NULL,
    last_id     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL
);
