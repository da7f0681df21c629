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
        priority) echo "t.priority_rank ASC, t.created_at ASC, t.id ASC" ;;
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
: > "$summary"
failed=()
header() {
    local table=${2:-tickets}
    printf '%-24s | %-50s | %9s | %-50s | %9s\n' "$1" "page: scan of $table" "page ms" "count: scan of $table" "count ms"
    printf '%s\n' "$(printf '%.0s-' {1..152})"
}

# explain MODE NAME "WHERE … \$1 …" SORT staff|customer OFFSET [TYPE VALUE]
#   MODE custom: the value written into the SQL, so the plan is made for it (what the driver's
#     first executions get). MODE generic: a prepared statement with \$1, \$2 (limit), \$3 (offset)
#     planned once for any value (plan_cache_mode = force_generic_plan), which is what a reused
#     server-side prepared statement may switch to after five runs.
explain() {
    local mode=$1 name=$2 where=$3 sort=$4 view=$5 offset=$6 type=${7:-} value=${8:-} counters page count
    [[ $view == staff ]] && counters=$STAFF_COUNTERS || counters=$CUSTOMER_COUNTERS
    local order
    order=$(order_by "$sort")
    for kind in page count; do
        local file=$out/$name.$mode.$kind.txt q cmds=()
        if [[ $mode == custom ]]; then
            local w=${where//'$1'/"'$value'"}
            if [[ $kind == page ]]; then
                q="SELECT $COLUMNS, $CATEGORY_COLUMNS, $(person u), $(person a), $counters$JOINS$w ORDER BY $order LIMIT 20 OFFSET $offset"
            else
                q="SELECT count(*) FROM tickets t$w"
            fi
            cmds=(-c '\o /dev/null' -c "$q" -c '\o' -c "EXPLAIN (ANALYZE, BUFFERS) $q")
        else
            local types="" args=""
            [[ -n $type ]] && { types="$type"; args="'$value'"; }
            if [[ $kind == page ]]; then
                local l='$1' o='$2'
                [[ -n $type ]] && { l='$2'; o='$3'; types="$types, "; args="$args, "; }
                q="SELECT $COLUMNS, $CATEGORY_COLUMNS, $(person u), $(person a), $counters$JOINS$where ORDER BY $order LIMIT $l OFFSET $o"
                types="${types}int, int"; args="${args}20, $offset"
            else
                q="SELECT count(*) FROM tickets t$where"
            fi
            local prep="PREPARE q${types:+($types)} AS $q" exec="EXECUTE q${args:+($args)}"
            cmds=(-c "SET plan_cache_mode = force_generic_plan" -c "$prep" -c '\o /dev/null' -c "$exec" -c '\o'
                  -c "EXPLAIN (ANALYZE, BUFFERS) $exec")
            q="$prep; $exec"
        fi
        { echo "-- $name ($mode plan, $kind)"; echo "$q;"; echo
          PGCONNECT_TIMEOUT=10 psql "$url" -X -q -A -t -v ON_ERROR_STOP=1 "${cmds[@]}"; } > "$file"
        grep -q 'Execution Time' "$file" || { echo "no plan for $name ($mode, $kind), see $file" >&2; exit 1; }
        if grep -q 'Seq Scan on tickets' "$file"; then failed+=("$name.$mode.$kind"); fi
    done
    printf '%-24s | %-50s | %9s | %-50s | %9s\n' "$name" "$(ticket_nodes "$out/$name.$mode.page.txt")" \
        "$(exec_ms "$out/$name.$mode.page.txt")" "$(ticket_nodes "$out/$name.$mode.count.txt")" \
        "$(exec_ms "$out/$name.$mode.count.txt")" >> "$summary"
}

cases() {
    local m=$1
    explain "$m" staff-default        "" -created_at staff 0
    explain "$m" customer-own-top     ' WHERE t.author_id = $1' -created_at customer 0 uuid "$top_customer"
    explain "$m" customer-own-typical ' WHERE t.author_id = $1' -created_at customer 0 uuid "$typical_customer"
    # a customer's own list with a filter (the filter value written in, also in the generic plan)
    explain "$m" customer-top-OPEN    " WHERE t.author_id = \$1 AND t.status = 'OPEN'" -created_at customer 0 uuid "$top_customer"
    explain "$m" customer-top-unassigned " WHERE t.author_id = \$1 AND t.assignee_id IS NULL" -created_at customer 0 uuid "$top_customer"
    explain "$m" customer-top-search  " WHERE t.author_id = \$1 AND t.search_vector @@ websearch_to_tsquery('russian', 'оплата')" -created_at customer 0 uuid "$top_customer"
    explain "$m" status-OPEN          ' WHERE t.status = $1' -created_at staff 0 varchar OPEN
    explain "$m" status-CLOSED        ' WHERE t.status = $1' -created_at staff 0 varchar CLOSED
    explain "$m" category             ' WHERE t.category_id = $1' -created_at staff 0 uuid "$top_category"
    explain "$m" priority-CRITICAL    ' WHERE t.priority = $1' -created_at staff 0 varchar CRITICAL
    explain "$m" priority-NORMAL      ' WHERE t.priority = $1' -created_at staff 0 varchar NORMAL
    explain "$m" assigned-to-staff    ' WHERE t.assignee_id = $1' -created_at staff 0 uuid "$top_assignee"
    explain "$m" unassigned           " WHERE t.assignee_id IS NULL" -created_at staff 0
    explain "$m" search-common        " WHERE t.search_vector @@ websearch_to_tsquery('russian', \$1)" -created_at staff 0 varchar 'оплата'
    explain "$m" search-rare          " WHERE t.search_vector @@ websearch_to_tsquery('russian', \$1)" -created_at staff 0 varchar 'E1042'
    explain "$m" search-nothing       " WHERE t.search_vector @@ websearch_to_tsquery('russian', \$1)" -created_at staff 0 varchar 'квитанция'
    explain "$m" sort-updated_at      "" updated_at staff 0
    explain "$m" sort--updated_at     "" -updated_at staff 0
    explain "$m" sort-priority        "" priority staff 0
    explain "$m" sort--priority       "" -priority staff 0
    explain "$m" staff-page-50        "" -created_at staff 980
}

header "custom plans" >> "$summary"
cases custom
echo >> "$summary"
header "generic plans" >> "$summary"
cases generic
echo >> "$summary"

# The message list of the ticket with the most messages (JdbiTicketReadModel.messages), when there are any.
busiest=$(sql "SELECT id FROM tickets ORDER BY messages_count DESC LIMIT 1")
if [[ $(sql "SELECT messages_count FROM tickets WHERE id = '$busiest'") -gt 0 ]]; then
    header "messages (custom)" messages >> "$summary"
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
        printf '%-24s | %-50s | %9s | %-50s | %9s\n' "$name" "$(node "$out/$name.page.txt")" "$(exec_ms "$out/$name.page.txt")" \
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
