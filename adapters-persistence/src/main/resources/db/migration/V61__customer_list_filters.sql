-- A customer's own list filtered by status, by "unassigned" or by a search word: the page and its
-- (exact, up to 10,000) total read only that customer's matching tickets, instead of every ticket
-- of the customer checked on the heap (a customer with 23,000 tickets: 150-700 ms -> 0.3-5 ms for
-- status and unassigned, bench/README.md). btree_gin lets one GIN index hold the author and the
-- words, so a search within a customer's tickets intersects both there.
CREATE INDEX tickets_by_author_status ON tickets (author_id, status, created_at DESC, id DESC);
CREATE INDEX tickets_by_author_unassigned ON tickets (author_id, created_at DESC, id DESC) WHERE assignee_id IS NULL;
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX tickets_by_author_search ON tickets USING gin (author_id, search_vector);
