-- Every write to a person's row (role, block flag, profile, a login) tells every instance of the
-- service with the commit, whoever makes it (the service, another tool, psql): instances keep
-- callers' rows for a few seconds (CallerCache) and drop them on this signal. The payload is byte
-- for byte the one PostgresTicketSignalBus sends for AccessChanged, so PostgreSQL folds the two
-- into one when the service publishes it too (identical notifications of a transaction go once).
CREATE FUNCTION users_access_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ticketdesk_signals', '{"type":"access","userId":"' || NEW.id || '"}');
    RETURN NULL;
END
$$;

CREATE TRIGGER users_access_changed AFTER INSERT OR UPDATE ON users FOR EACH ROW
    EXECUTE FUNCTION users_access_changed();
