#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the ticket list exactly as the service builds it
# (JdbiTicketReadModel.tickets: one page query, one count query), for the default list, a
# customer's own list, each filter, search and each sort. Plans go to bench/out/explain/; a
# summary table is printed. Fails when any plan holds "Seq Scan on tickets".
#
#   bench/explain-tickets.sh DATABASE_URL
#
# Meant for a database filled by bench/generate-data.sh. Each query runs once before it is
# explained, so the figures are for a warm cache.
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: $0 DATABASE_URL" >&2; exit 2; }
url=${1#jdbc:}
case $url in
    postgresql://* | postgres://*) ;;
    *) echo "DATABASE_URL must be postgresql://… or jdbc:postgresql://…" >&2; exit 2 ;;
esac
command -v psql >/dev/null || { echo "psql is needed (apt-get install -y postgresql-client)" >&2; exit 1; }

here=$(cd "$(dirname "$0")" && pwd)
out=$here/out/explain
mkdir -p "$out"
rm -f "$out"/*.txt

sql() { PGCONNECT_TIMEOUT=10 psql "$url" -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }

tickets=$(sql "SELECT count(*) FROM tickets")
[[ $tickets -gt 0 ]] || { echo "no tickets: run bench/generate-data.sh first" >&2; exit 1; }

# Values to filter on, picked from the data: the busiest and a typical customer, the largest
# category, the busiest staff member.
top_customer=$(sql "SELECT author_id FROM tickets GROUP BY author_id ORDER BY count(*) DESC LIMIT 1")
typical_customer=$(sql "SELECT author_id FROM (SELECT author_id, count(*) AS n FROM tickets GROUP BY author_id) s
                        ORDER BY n LIMIT 1 OFFSET (SELECT count(DISTINCT author_id) / 2 FROM tickets)")
top_category=$(sql "SELECT category_id FROM tickets GROUP BY category_id ORDER BY count(*) DESC LIMIT 1")
top_assignee=$(sql "SELECT assignee_id FROM tickets WHERE assignee_id IS NOT NULL GROUP BY assignee_id
                    ORDER BY count(*) DESC LIMIT 1")

# The SQL of JdbiTicketReadModel.tickets(...), with the values written in (what a custom plan
# for the bound parameters sees).
person() { echo "$1.id AS $1_id, $1.telegram_id AS $1_telegram_id, $1.first_name AS $1_first_name, $1.username AS $1_username, $1.role AS $1_role"; }
COLUMNS="t.id, t.title, t.description, t.status, t.priority, t.category_id, t.author_id, t.assignee_id, t.created_at, t.updated_at, t.resolved_at, t.closed_at, t.last_activity_at, t.version"
CATEGORY_COLUMNS="c.id AS c_id, c.name AS c_name, c.icon AS c_icon, c.color AS c_color"
JOINS=" FROM tickets t JOIN categories c ON c.id = t.category_id JOIN users u ON u.id = t.author_id LEFT JOIN users a ON a.id = t.assignee_id"
STAFF_COUNTERS="t.messages_count AS visible_count, t.last_message_at AS visible_last"
CUSTOMER_COUNTERS="t.public_messages_count AS visible_count, t.last_public_message_at AS visible_last"

order_by() {
    case $1 in
        created_at) echo "t.created_at ASC, t.id ASC" ;;
        -created_at) echo "t.created_at DESC, t.id DESC" ;;
        updated_at) echo "t.updated_at ASC, t.id ASC" ;;
        -updated_at) echo "t.updated_at DESC, t.id DESC" ;;
        priority) echo "t.priority_rank ASC, t.created_at DESC, t.id DESC" ;;
        -priority) echo "t.priority_rank DESC, t.created_at DESC, t.id DESC" ;;
        *) echo "unknown sort $1" >&2; exit 2 ;;
    esac
}

# Which scans touch tickets in a plan: "Index Scan using tickets_created", "Bitmap Heap Scan (tickets_search)", …
ticket_nodes() {
    local file=$1 nodes bitmap
    nodes=$(grep -oE '(Parallel )?(Seq Scan|Index Scan Backward|Index Scan|Index Only Scan Backward|Index Only Scan|Bitmap Heap Scan)( using [a-z_0-9]+)? on tickets t( |$)' "$file" \
            | sed -E 's/ on tickets t ?$//; s/ using / /' | sort -u | paste -sd '+' -)
    bitmap=$(grep -oE 'Bitmap Index Scan on tickets_[a-z_0-9]+' "$file" | sed -E 's/Bitmap Index Scan on //' | sort -u | paste -sd ',' -)
    [[ -n $bitmap ]] && nodes="$nodes ($bitmap)"
    echo "${nodes:-?}"
}
exec_ms() { grep -oE 'Execution Time: [0-9.]+' "$1" | grep -oE '[0-9.]+$'; }

summary=$out/summary.txt
printf '%-22s | %-48s | %9s | %-48s | %9s\n' "query" "page: scan of tickets" "page ms" "count: scan of tickets" "count ms" > "$summary"
printf '%s\n' "$(printf '%.0s-' {1..148})" >> "$summary"
failed=()

# explain NAME "WHERE …" SORT staff|customer [OFFSET]
explain() {
    local name=$1 where=$2 sort=$3 view=$4 offset=${5:-0} counters page count
    [[ $view == staff ]] && counters=$STAFF_COUNTERS || counters=$CUSTOMER_COUNTERS
    page="SELECT $COLUMNS, $CATEGORY_COLUMNS, $(person u), $(person a), $counters$JOINS$where ORDER BY $(order_by "$sort") LIMIT 20 OFFSET $offset"
    count="SELECT count(*) FROM tickets t$where"
    for kind in page count; do
        local q=${!kind} file=$out/$name.$kind.txt
        sql "$q" >/dev/null   # warm up
        { echo "-- $name ($kind)"; echo "$q;"; echo; sql "EXPLAIN (ANALYZE, BUFFERS) $q"; } > "$file"
        if grep -q 'Seq Scan on tickets' "$file"; then failed+=("$name.$kind"); fi
    done
    printf '%-22s | %-48s | %9s | %-48s | %9s\n' "$name" "$(ticket_nodes "$out/$name.page.txt")" \
        "$(exec_ms "$out/$name.page.txt")" "$(ticket_nodes "$out/$name.count.txt")" \
        "$(exec_ms "$out/$name.count.txt")" >> "$summary"
}

explain staff-default        "" -created_at staff
explain customer-own-top     " WHERE t.author_id = '$top_customer'" -created_at customer
explain customer-own-typical " WHERE t.author_id = '$typical_customer'" -created_at customer
explain status-OPEN          " WHERE t.status = 'OPEN'" -created_at staff
explain status-CLOSED        " WHERE t.status = 'CLOSED'" -created_at staff
explain category             " WHERE t.category_id = '$top_category'" -created_at staff
explain priority-CRITICAL    " WHERE t.priority = 'CRITICAL'" -created_at staff
explain priority-NORMAL      " WHERE t.priority = 'NORMAL'" -created_at staff
explain assigned-to-staff    " WHERE t.assignee_id = '$top_assignee'" -created_at staff
explain unassigned           " WHERE t.assignee_id IS NULL" -created_at staff
explain search-common        " WHERE t.search_vector @@ websearch_to_tsquery('russian', 'оплата')" -created_at staff
explain search-rare          " WHERE t.search_vector @@ websearch_to_tsquery('russian', 'E1042')" -created_at staff
explain search-nothing       " WHERE t.search_vector @@ websearch_to_tsquery('russian', 'квитанция')" -created_at staff
explain sort-updated_at      "" updated_at staff
explain sort--updated_at     "" -updated_at staff
explain sort-priority        "" priority staff
explain sort--priority       "" -priority staff
explain staff-page-50        "" -created_at staff 980

# The message list of the ticket with the most messages (JdbiTicketReadModel.messages), when there are any.
busiest=$(sql "SELECT id FROM tickets ORDER BY messages_count DESC LIMIT 1")
if [[ $(sql "SELECT messages_count FROM tickets WHERE id = '$busiest'") -gt 0 ]]; then
    msg_select="SELECT m.id, m.ticket_id, m.author_id, m.content, m.is_internal, m.created_at, $(person u) FROM messages m JOIN users u ON u.id = m.author_id"
    for view in staff customer; do
        visible=""; [[ $view == customer ]] && visible=" AND NOT m.is_internal"
        name=messages-$view page="$msg_select WHERE m.ticket_id = '$busiest'$visible ORDER BY m.created_at, m.id LIMIT 50 OFFSET 0"
        count="SELECT count(*) FROM messages m WHERE m.ticket_id = '$busiest'$visible"
        for kind in page count; do
            q=${!kind} file=$out/$name.$kind.txt
            sql "$q" >/dev/null
            { echo "-- $name ($kind)"; echo "$q;"; echo; sql "EXPLAIN (ANALYZE, BUFFERS) $q"; } > "$file"
            if grep -q 'Seq Scan on messages' "$file"; then failed+=("$name.$kind"); fi
        done
        node() { grep -oE '(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan)( using [a-z_0-9]+)? on messages' "$1" | sed -E 's/ on messages$//; s/ using / /' | sort -u | paste -sd '+' -; }
        printf '%-22s | %-48s | %9s | %-48s | %9s\n' "$name" "$(node "$out/$name.page.txt")" "$(exec_ms "$out/$name.page.txt")" \
            "$(node "$out/$name.count.txt")" "$(exec_ms "$out/$name.count.txt")" >> "$summary"
    done
fi

echo "$tickets tickets, $(sql "SELECT count(*) FROM messages") messages; plans in $out"
cat "$summary"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "FAIL: sequential scan in: ${failed[*]}" >&2
    exit 1
fi
echo "OK: no sequential scan of tickets"
