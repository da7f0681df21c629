-- The end of bench/generate-data.sh (which loads with the statistics triggers disabled): fills the
-- first-response columns and the dashboard counters from the rows, exactly as the V4 migration
-- does, turns the triggers back on and refreshes the planner statistics and visibility map.
\set ON_ERROR_STOP on
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';
\timing on
\echo rebuilding the statistics counters
SELECT rebuild_ticket_statistics();
ALTER TABLE tickets ENABLE TRIGGER USER;
ALTER TABLE messages ENABLE TRIGGER USER;
VACUUM (ANALYZE) tickets;
ANALYZE user_ticket_stats;
ANALYZE ticket_counts;
SELECT count(*) AS tickets, count(first_response_at) AS answered FROM tickets;
