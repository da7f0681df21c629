#!/usr/bin/env bash
# Throughput of the service against the cost of its own SQL, in one run (issue 10).
#
#   bench/throughput.sh        # DURATION=15 WARMUP=5 JIT_WARMUP=20 CONNECTIONS=16 JFR=1 TICKETS=30000 MESSAGES=150000 USERS=200
#
# Starts the built jar on a fresh temporary DATA_DIR (embedded PostgreSQL, a free local port,
# Telegram off), fills it with bench/generate-data.sh, restarts it once so that its PostgreSQL
# loads pg_stat_statements, runs every endpoint for JIT_WARMUP s (the JIT compiles the hot paths),
# then for each endpoint, one after the other:
#   1. wrk (CONNECTIONS connections, 2 threads) against the service for DURATION s after warming it
#      up in WARMUP s rounds until the C2 compiler is done with the endpoint;
#   2. the statements PostgreSQL saw during that run, per request (pg_stat_statements);
#   3. pgbench (CONNECTIONS clients, -M prepared, or extended for the lists) against the same PostgreSQL for DURATION s, with
#      script files holding the same statements (bench/out/throughput/pgbench/ENDPOINT/*.sql) and
#      the same session settings, each file for another id, picked at random;
#   4. the ratio service req/s ÷ pgbench tps, and the CPU time per request of the JVM and of
#      PostgreSQL (from /proc);
#   5. with JFR=1, a JFR recording of a further DURATION s run and where the JVM's CPU went
#      (bench/JfrSummary.java);
#   6. the JVM's CPU per request by kind of thread, in user and kernel mode, and its context switches.
# Then the floor under every endpoint: GET /tickets without a token (401 before any SQL), the JVM's
# CPU per request for Jetty, Javalin and the filters alone.
# Then the latency of GET /tickets/{id} at a fixed 80 % of its measured rate
# (bench/FixedRateLatency.java). Results in bench/out/throughput.txt; needs java 17+, psql,
# pgbench, wrk, curl. ONLY=get-ticket,post-message runs a subset.
set -euo pipefail

TICKETS=${TICKETS:-30000}
MESSAGES=${MESSAGES:-150000}
USERS=${USERS:-200}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-16}
JFR=${JFR:-1}
JIT_WARMUP=${JIT_WARMUP:-20}
ONLY=${ONLY:-}
SCRIPTS=64  # ids per endpoint: one pgbench script file each, and the same ids for wrk

for tool in wrk pgbench jcmd; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
# one benchmark user posts hundreds of messages a second: the per-person limits would answer 429
export RATE_LIMITS=off
BENCH_NAME=throughput-bench
source "$(cd "$(dirname "$0")" && pwd)/start-with-data.sh"

out=$here/out/throughput
rm -rf "$out"
mkdir -p "$out/pgbench" "$out/wrk" "$out/jfr"
result=$here/out/throughput.txt

# pg_stat_statements needs shared_preload_libraries, read at start: set it, restart, create it
psql "$db_url" -X -q -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
stop_service
start_service
psql "$db_url" -X -q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
sql() { psql "$db_url" -X -A -t -F ' ' -c "$1"; }

# --- who and what the requests are about -----------------------------------------------------
# the customer whose ticket count is nearest 300 (the issue's "customer with 300 tickets")
read -r customer_tid customer_id customer_tickets < <(sql \
    "SELECT u.telegram_id, u.id, count(*) FROM tickets t JOIN users u ON u.id = t.author_id
     WHERE u.role = 'USER' GROUP BY u.telegram_id, u.id ORDER BY abs(count(*) - 300) LIMIT 1")
admin_token=$(login 42 Admin)
customer_token=$(login "$customer_tid" Customer)
[[ -n $admin_token && -n $customer_token ]] || { echo "login failed" >&2; exit 1; }
admin_id=$(sql "SELECT id FROM users WHERE telegram_id = 42")
mapfile -t customer_ticket_ids < <(sql "SELECT id FROM tickets WHERE author_id = '$customer_id' ORDER BY random() LIMIT $SCRIPTS")
mapfile -t in_progress_ids < <(sql "SELECT id FROM tickets WHERE status = 'IN_PROGRESS' ORDER BY random() LIMIT $SCRIPTS")
mapfile -t category_ids < <(sql "SELECT id FROM categories WHERE is_active ORDER BY sort_order, name")

# --- the SQL of each endpoint, as the service issues it (checked against pg_stat_statements below)
# A uuid as a bound parameter: pgbench variables are numbers only, so a uuid travels as two int64
# (\set NAME_hi/NAME_lo) and is rebuilt by the server; a parameter, as the service binds one.
uuid() { echo "(lpad(to_hex(:${1}_hi::bigint), 16, '0') || lpad(to_hex(:${1}_lo::bigint), 16, '0'))::uuid"; }
set_uuid() {
    local hex=${2//-/}
    printf '\\set %s_hi %d\n\\set %s_lo %d\n' "$1" "$((16#${hex:0:16}))" "$1" "$((16#${hex:16:16}))"
}
person() { echo "$1.id AS $1_id, $1.telegram_id AS $1_telegram_id, $1.first_name AS $1_first_name, $1.username AS $1_username, $1.role AS $1_role"; }
COLUMNS="t.id, t.number, t.title, t.description, t.status, t.priority, t.category_id, t.author_id, t.assignee_id, t.created_at, t.updated_at, t.resolved_at, t.closed_at, t.last_activity_at, t.version"
CATEGORY_COLUMNS="c.id AS c_id, c.name AS c_name, c.icon AS c_icon, c.color AS c_color"
JOINS=" FROM tickets t JOIN categories c ON c.id = t.category_id JOIN users u ON u.id = t.author_id LEFT JOIN users a ON a.id = t.assignee_id"
DETAILS="SELECT $COLUMNS, $CATEGORY_COLUMNS, $(person u), $(person a)$JOINS WHERE t.id = $(uuid ticket);"
MESSAGE_SELECT="SELECT m.id, m.ticket_id, m.author_id, m.content, m.is_internal, m.created_at, $(person u) FROM messages m JOIN users u ON u.id = m.author_id"
FILES_OF="SELECT id, message_id, filename, size, content_type FROM files WHERE message_id = ANY"
# session settings of the service's pool connections (PostgresDatabase: connectionInitSql)
export PGOPTIONS="-c work_mem=16MB"
# a page and its total in one statement (JdbiTicketReadModel.withTotal)
with_total() {  # TOTAL_SQL PAGE_SQL OUTER_ORDER
    echo "SELECT total.n AS page_total, page.* FROM ($1) total(n) LEFT JOIN LATERAL ($2) page ON true ORDER BY $3;"
}

# the caller's row, read once per request (CallerCache keeps it 0 s: see docs/decisions.md)
CALLER="SELECT id, telegram_id, username, first_name, last_name, language_code, role, is_active AS active, created_at, updated_at FROM users WHERE id = $(uuid caller);"
script_get_ticket() {  # $1 ticket id; the customer reads one of their tickets
    set_uuid caller "$customer_id"; set_uuid ticket "$1"
    echo "$CALLER"
    echo "$DETAILS"
}
script_list() {  # $1 customer|staff
    local caller counters where count
    if [[ $1 == customer ]]; then
        caller=$customer_id; where=" WHERE t.author_id = $(uuid caller)"
        counters="t.public_messages_count AS visible_count, t.last_public_message_at AS visible_last"
        count="SELECT count(*) FROM (SELECT FROM tickets t$where LIMIT 10001) capped"
    else
        caller=$admin_id; where=""
        counters="t.messages_count AS visible_count, t.last_message_at AS visible_last"
        count="SELECT coalesce(sum(tickets), 0) FROM ticket_counts t"
    fi
    set_uuid caller "$caller"
    printf '\\set limit 20\n\\set offset 0\n'
    echo "$CALLER"
    with_total "$count" "SELECT $COLUMNS, t.priority_rank, $CATEGORY_COLUMNS, $(person u), $(person a), $counters$JOINS$where ORDER BY t.created_at DESC, t.id DESC LIMIT :limit OFFSET :offset" \
        "page.created_at DESC, page.id DESC"
}
script_messages() {  # $1 ticket id; the customer reads its conversation (no internal notes)
    local ids
    ids=$(sql "SELECT string_agg(id::text, ',') FROM (SELECT id FROM messages WHERE ticket_id = '$1' AND NOT is_internal
               ORDER BY created_at, id LIMIT 50) s")
    set_uuid caller "$customer_id"; set_uuid ticket "$1"
    printf '\\set limit 50\n\\set offset 0\n'
    echo "$CALLER"
    echo "SELECT $COLUMNS FROM tickets t WHERE t.id = $(uuid ticket);"
    with_total "SELECT count(*) FROM messages m WHERE m.ticket_id = $(uuid ticket) AND NOT m.is_internal" \
        "$MESSAGE_SELECT WHERE m.ticket_id = $(uuid ticket) AND NOT m.is_internal ORDER BY m.created_at, m.id LIMIT :limit OFFSET :offset" \
        "page.created_at, page.id"
    if [[ -n $ids ]]; then echo "$FILES_OF('{$ids}'::uuid[]) ORDER BY created_at, id;"; fi
}
script_post_message() {  # $1 an IN_PROGRESS ticket; the admin answers (no status change)
    set_uuid caller "$admin_id"; set_uuid ticket "$1"
    printf '\\set r random(1, 9000000000000000000)\n'
    local message="md5(:r::text)::uuid"
    cat <<SQL
$CALLER
BEGIN;
SELECT $COLUMNS FROM tickets t WHERE t.id = $(uuid ticket) FOR UPDATE;
INSERT INTO messages (id, ticket_id, author_id, content, is_internal, created_at) VALUES ($message, $(uuid ticket), $(uuid caller), 'Проверили, платёж прошёл, деньги придут в течение дня.', false, now());
UPDATE tickets SET messages_count = messages_count + 1, last_message_at = now(), public_messages_count = public_messages_count + CASE WHEN false THEN 0 ELSE 1 END, last_public_message_at = CASE WHEN false THEN last_public_message_at ELSE now() END, first_response_at = COALESCE(first_response_at, CASE WHEN poster.answers AND author_id <> $(uuid caller) THEN now() END), first_responder_id = CASE WHEN first_response_at IS NULL AND poster.answers AND author_id <> $(uuid caller) THEN $(uuid caller) ELSE first_responder_id END FROM (SELECT role <> 'USER' AND NOT false AS answers FROM users WHERE id = $(uuid caller)) poster WHERE id = $(uuid ticket);
UPDATE tickets SET title = title, description = description, status = status, priority = priority, category_id = category_id, assignee_id = assignee_id, updated_at = now(), resolved_at = resolved_at, closed_at = closed_at, last_activity_at = now(), version = version + 1 WHERE id = $(uuid ticket) AND version = version;
SELECT pg_notify('ticketdesk_bench', '{"type":"message","ticketId":"$1","messageId":"00000000-0000-0000-0000-000000000000","internal": false}');
INSERT INTO desk_events (kind, ticket_id, payload) VALUES ('message_posted', $(uuid ticket), CAST('{"kind":"message_posted","ticketId":"$1","messageId":"00000000-0000-0000-0000-000000000000","authorId":"$admin_id","internal": false,"ticketAuthorId":"$admin_id","assigneeId": null}' AS jsonb));
SELECT pg_notify('ticketdesk_bench', '{"type":"events"}');
$MESSAGE_SELECT WHERE m.id = $message;
$FILES_OF(ARRAY[$message]) ORDER BY created_at, id;
COMMIT;
SQL
}
script_post_ticket() {  # $1 a category id; the customer opens a ticket
    set_uuid caller "$customer_id"; set_uuid category "$1"
    printf '\\set r random(1, 9000000000000000000)\n'
    local ticket="md5(:r::text)::uuid"
    cat <<SQL
$CALLER
BEGIN;
SELECT id, name, description, icon, color, is_active, sort_order, created_at, updated_at FROM categories WHERE id = $(uuid category) FOR KEY SHARE;
INSERT INTO tickets (id, title, description, status, priority, category_id, author_id, assignee_id, created_at, updated_at, resolved_at, closed_at, last_activity_at, version) VALUES ($ticket, 'Не проходит оплата картой', 'Здравствуйте! Оплата не проходит уже второй день, банк говорит что всё в порядке.', 'OPEN', 'NORMAL', $(uuid category), $(uuid caller), NULL, now(), now(), NULL, NULL, now(), 0);
INSERT INTO desk_events (kind, ticket_id, payload) VALUES ('ticket_created', $ticket, CAST('{"kind":"ticket_created","ticketId":"00000000-0000-0000-0000-000000000000","authorId":"$customer_id","categoryId":"$1","priority":"NORMAL"}' AS jsonb));
SELECT pg_notify('ticketdesk_bench', '{"type":"events"}');
SELECT $COLUMNS, $CATEGORY_COLUMNS, $(person u), $(person a)$JOINS WHERE t.id = $ticket;
COMMIT;
SQL
}

# --- wrk request scripts: the same ids, picked at random ----------------------------------------
lua_header() {  # $1 token
    echo "wrk.headers[\"Authorization\"] = \"Bearer $1\""
    echo 'math.randomseed(os.time() + math.floor(os.clock() * 1000000))'
}
lua_paths() {  # METHOD BODY PATH...: request() picks one of the paths
    local method=$1 body=$2; shift 2
    echo "local paths = {"; printf '  "%s",\n' "$@"; echo "}"
    if [[ $method == GET ]]; then
        echo 'request = function() return wrk.format("GET", paths[math.random(#paths)]) end'
    else
        echo 'wrk.headers["Content-Type"] = "application/json"'
        echo "request = function() return wrk.format(\"$method\", paths[math.random(#paths)], nil, '$body') end"
    fi
}

# --- one endpoint ----------------------------------------------------------------------------
thread_ticks() {  # "kind ticks" per kind of JVM thread (HTTP, C2/C1 compiler, GC, ...), from /proc/PID/task
    local pid=$1 task name ticks
    for task in /proc/"$pid"/task/*; do
        { read -r name < "$task/comm"; read -r -a f < "$task/stat"; } 2>/dev/null || continue
        # the thread name may hold spaces: utime and stime are the 12th and 13th fields after the ")"
        local rest=${f[*]}; rest=${rest##*) }; read -r -a g <<<"$rest"
        ticks=$((g[11] + g[12]))
        case $name in
            qtp*|JettyServerThre*) name=http ;; C2\ Compiler*|C2\ CompilerThre*) name=jit-c2 ;;
            C1\ Compiler*|C1\ CompilerThre*) name=jit-c1 ;; G1*|GC\ Thread*|VM\ Thread) name=gc-vm ;;
            HikariPool*|ticketdesk*) name=pool ;; *) name=other ;;
        esac
        echo "$name $ticks"
    done | awk '{t[$1] += $2} END {for (k in t) print k, t[k]}' | sort
}

thread_split() {  # BEFORE AFTER REQUESTS: JVM CPU ms per request by kind of thread
    join -a 2 -e 0 -o 0,1.2,2.2 <(echo "$1") <(echo "$2") \
        | awk -v n="$3" '{d = $3 - $2; if (d > 0) printf "%s %.3f  ", $1, d * 10 / n} END {print ""}'
}

cpu_ticks() {  # CPU ticks (1/100 s) of a process, or of the whole PostgreSQL server with its reaped backends
    if [[ $1 == postgres ]]; then
        local postmaster total=0
        postmaster=$(head -1 "$DATA_DIR/postgres/postmaster.pid")
        for pid in $postmaster $(pgrep -P "$postmaster"); do
            { read -r -a f < "/proc/$pid/stat"; } 2>/dev/null || continue  # a backend may just have gone
            # after the command name, which has no spaces here: utime stime (+ cutime cstime of the postmaster)
            total=$((total + f[13] + f[14]))
            [[ $pid == "$postmaster" ]] && total=$((total + f[15] + f[16]))
        done
        echo "$total"
    else
        read -r -a f < "/proc/$1/stat"; echo $((f[13] + f[14]))
    fi
}
ms_per() { echo "scale=3; $1 * 10 / $2" | bc -l; }

kernel_view() {  # PID: "user-ticks system-ticks context-switches" of a process (switches summed over its live threads)
    local f switches=0 task line
    read -r -a f < "/proc/$1/stat"
    for task in /proc/"$1"/task/*; do
        while read -r line; do
            [[ $line == *ctxt_switches:* ]] && switches=$((switches + ${line##*[[:space:]]}))
        done 2>/dev/null < "$task/status" || true  # a thread may just have ended
    done
    echo "${f[13]} ${f[14]} $switches"
}

kernel_split() {  # BEFORE AFTER REQUESTS: the JVM's CPU per request in user and kernel mode, and its context switches
    local u0 s0 c0 u1 s1 c1
    read -r u0 s0 c0 <<<"$1"; read -r u1 s1 c1 <<<"$2"
    printf 'user %s ms, kernel %s ms, %.1f context switches' "$(ms_per $((u1 - u0)) "$3")" "$(ms_per $((s1 - s0)) "$3")" \
        "$(echo "($c1 - $c0) / $3" | bc -l)"
}

printf -v header '%-36s %9s %8s %8s %9s %6s %8s %8s %8s %6s' endpoint 'svc req/s' 'p50 ms' 'p99 ms' 'pgbench' ratio \
    'jvm ms' 'pg ms' 'pgb ms' 'stmts'
{
    echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $TICKETS tickets," \
         "$MESSAGES messages, $USERS users; customer telegram id $customer_tid with $customer_tickets tickets"
    echo "# wrk -t2 -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up; pgbench -M prepared|extended -c$CONNECTIONS -j2 -T$DURATION;" \
         "PGOPTIONS='$PGOPTIONS'"
    echo "# jvm ms / pg ms: CPU per service request of the JVM / of PostgreSQL; pgb ms: PostgreSQL CPU per pgbench" \
         "transaction; stmts: statements per request (pg_stat_statements)"
    echo "$header"
} | tee "$result"
summary_lines=()

bench_endpoint() {  # NAME SCRIPT_FUNCTION LUA_FILE QUERY_MODE ARG...: ARGs go one per pgbench script file
    local name=$1 make=$2 lua=$3 mode=$4; shift 4
    local slug; slug=$(basename "$lua" .lua)  # files are named after the wrk script: get-ticket, list-staff, …
    [[ -z $ONLY || ",$ONLY," == *",$slug,"* ]] || return 0
    local dir=$out/pgbench/$slug i=0
    mkdir -p "$dir"
    for arg in "$@"; do "$make" "$arg" > "$dir/$(printf '%02d' $i).sql"; i=$((i + 1)); done
    # warm up until the C2 compiler is done with this endpoint (under 0.2 s of its CPU in a round,
    # at most 12 rounds): on 2 busy cores it lags, and its CPU would count as the request's
    local round c2_before c2_after
    for round in $(seq 12); do
        c2_before=$(thread_ticks "$service_pid" | awk '$1 == "jit-c2" {print $2}')
        wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$lua" "$base" > /dev/null
        c2_after=$(thread_ticks "$service_pid" | awk '$1 == "jit-c2" {print $2}')
        (( ${c2_after:-0} - ${c2_before:-0} < 20 )) && break
    done
    psql "$db_url" -X -q -c "SELECT pg_stat_statements_reset()" > /dev/null
    local jvm0 pg0 jvm1 pg1
    local threads0 threads1
    local kernel0 kernel1
    jvm0=$(cpu_ticks "$service_pid"); pg0=$(cpu_ticks postgres); threads0=$(thread_ticks "$service_pid")
    kernel0=$(kernel_view "$service_pid")
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$lua" "$base" > "$out/wrk/$slug.txt"
    jvm1=$(cpu_ticks "$service_pid"); pg1=$(cpu_ticks postgres); threads1=$(thread_ticks "$service_pid")
    kernel1=$(kernel_view "$service_pid")
    local rps requests non2xx p50 p99
    rps=$(awk '/^Requests\/sec/ {print $2}' "$out/wrk/$slug.txt")
    requests=$(awk '/requests in/ {print $1}' "$out/wrk/$slug.txt")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$out/wrk/$slug.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$out/wrk/$slug.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$out/wrk/$slug.txt")
    {
        echo "-- $name: statements per request during the wrk run ($requests requests), from pg_stat_statements"
        sql "SELECT round(calls::numeric / $requests, 2) AS per_request, round(mean_exec_time::numeric, 3) AS mean_ms,
                    regexp_replace(query, '\s+', ' ', 'g')
             FROM pg_stat_statements WHERE calls >= $requests / 10 AND query NOT LIKE '%pg_stat_statements%'
             ORDER BY calls DESC, query"
    } > "$out/$slug.statements.txt"
    local statements
    statements=$(sql "SELECT round(sum(calls)::numeric / $requests, 1) FROM pg_stat_statements
                      WHERE calls >= $requests / 10 AND query NOT LIKE '%pg_stat_statements%'")
    local pgb0 pgb1 tps
    pgb0=$(cpu_ticks postgres)
    local files=()
    for f in "$dir"/*.sql; do files+=(-f "$f"); done
    pgbench -n -M "$mode" -c "$CONNECTIONS" -j 2 -T "$DURATION" "${files[@]}" "$db_url" > "$out/pgbench/$slug.txt" 2>&1 \
        || { echo "pgbench failed for $name:" >&2; tail -5 "$out/pgbench/$slug.txt" >&2; exit 1; }
    pgb1=$(cpu_ticks postgres)
    tps=$(grep -oE 'tps = [0-9.]+ \(without' "$out/pgbench/$slug.txt" | grep -oE '[0-9.]+')
    local transactions ratio
    transactions=$(grep -oE 'number of transactions actually processed: [0-9]+' "$out/pgbench/$slug.txt" | grep -oE '[0-9]+$')
    ratio=$(echo "scale=2; $rps / $tps" | bc -l)
    local line
    printf -v line '%-36s %9.0f %8s %8s %9.0f %6s %8s %8s %8s %6s%s' "$name" "$rps" "$p50" "$p99" "$tps" "$ratio" \
        "$(ms_per $((jvm1 - jvm0)) "$requests")" "$(ms_per $((pg1 - pg0)) "$requests")" \
        "$(ms_per $((pgb1 - pgb0)) "$transactions")" "$statements" "${non2xx:+  ($non2xx non-2xx!)}"
    echo "$line" | tee -a "$result"
    summary_lines+=("$(printf '%-36s JVM ms per request by thread: %s' "$name" \
        "$(thread_split "$threads0" "$threads1" "$requests")")")
    summary_lines+=("$(printf '%-36s JVM per request: %s' "$name" "$(kernel_split "$kernel0" "$kernel1" "$requests")")")
    if [[ $JFR == 1 ]]; then
        jcmd "$service_pid" JFR.start name="$slug" settings=profile filename="$out/jfr/$slug.jfr" > /dev/null
        wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$lua" "$base" > /dev/null
        jcmd "$service_pid" JFR.stop name="$slug" > /dev/null
        java "$here/JfrSummary.java" "$out/jfr/$slug.jfr" 10 > "$out/jfr/$slug.summary.txt"
    fi
}

ticket_paths=(); message_paths=()
for id in "${customer_ticket_ids[@]}"; do
    ticket_paths+=("/api/v1/tickets/$id"); message_paths+=("/api/v1/tickets/$id/messages")
done
answer_paths=(); for id in "${in_progress_ids[@]}"; do answer_paths+=("/api/v1/tickets/$id/messages"); done

{ lua_header "$customer_token"; lua_paths GET "" "${ticket_paths[@]}"; } > "$out/wrk/get-ticket.lua"
{ lua_header "$customer_token"; lua_paths GET "" "/api/v1/tickets?size=20"; } > "$out/wrk/list-customer.lua"
{ lua_header "$admin_token"; lua_paths GET "" "/api/v1/tickets?size=20"; } > "$out/wrk/list-staff.lua"
{ lua_header "$customer_token"; lua_paths GET "" "${message_paths[@]}"; } > "$out/wrk/get-messages.lua"
{ lua_header "$admin_token"
  lua_paths POST '{"content":"Проверили, платёж прошёл, деньги придут в течение дня."}' "${answer_paths[@]}"; } \
    > "$out/wrk/post-message.lua"
{ lua_header "$customer_token"
  echo "local categories = {"; printf '  "%s",\n' "${category_ids[@]}"; echo "}"
  echo 'wrk.headers["Content-Type"] = "application/json"'
  echo "request = function() return wrk.format(\"POST\", \"/api/v1/tickets\", nil, '{\"title\":\"Не проходит оплата картой\",'
      .. '\"description\":\"Здравствуйте! Оплата не проходит уже второй день, банк говорит что всё в порядке.\",'
      .. '\"priority\":\"NORMAL\",\"category_id\":\"' .. categories[math.random(#categories)] .. '\"}') end"
} > "$out/wrk/post-ticket.lua"

# the JIT first: every endpoint for JIT_WARMUP s, so that the first ones measured are not the slowest
for lua in get-ticket list-customer list-staff get-messages post-message post-ticket; do
    [[ -z $ONLY || ",$ONLY," == *",$lua,"* ]] && wrk -t2 -c"$CONNECTIONS" -d"${JIT_WARMUP}s" -s "$out/wrk/$lua.lua" "$base" > /dev/null
done

# query mode: "prepared" (planned once, as the driver does after five runs of a statement), or
# "extended" (unnamed, planned for its values every time: the list statement, PLANNED_FOR_ITS_VALUES)
bench_endpoint "GET /tickets/{id}"              script_get_ticket   "$out/wrk/get-ticket.lua"    prepared "${customer_ticket_ids[@]}"
bench_endpoint "GET /tickets?size=20 customer"  script_list         "$out/wrk/list-customer.lua" extended customer
bench_endpoint "GET /tickets?size=20 staff"     script_list         "$out/wrk/list-staff.lua"    extended staff
bench_endpoint "GET /tickets/{id}/messages"     script_messages     "$out/wrk/get-messages.lua"  prepared "${customer_ticket_ids[@]}"
bench_endpoint "POST /tickets/{id}/messages"    script_post_message "$out/wrk/post-message.lua"  prepared "${in_progress_ids[@]}"
bench_endpoint "POST /tickets"                  script_post_ticket  "$out/wrk/post-ticket.lua"   prepared "${category_ids[@]}"

# --- the framework alone: GET /tickets without a token, 401 before any SQL -------------------
# what the JVM spends on a request that never reaches the database (Jetty, Javalin, the filters,
# the error body): the floor under every endpoint's "jvm ms" above
if [[ -z $ONLY || ",$ONLY," == *",get-ticket,"* ]]; then
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$base/api/v1/tickets" > /dev/null
    floor0=$(kernel_view "$service_pid")
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$base/api/v1/tickets" > "$out/wrk/no-sql.txt"
    floor1=$(kernel_view "$service_pid")
    floor_requests=$(awk '/requests in/ {print $1}' "$out/wrk/no-sql.txt")
    summary_lines+=("$(printf '%-36s %.0f req/s, JVM per request: %s' "GET /tickets, no token (401, no SQL)" \
        "$(awk '/^Requests\/sec/ {print $2}' "$out/wrk/no-sql.txt")" "$(kernel_split "$floor0" "$floor1" "$floor_requests")")")
fi

# --- latency of GET /tickets/{id} at 80 % of the maximum -------------------------------------
# The timing client costs more CPU per request than wrk and shares the 2 cores with the service:
# the maximum is the lower of wrk's rate above and this client's own ceiling, measured first.
if [[ -z $ONLY || ",$ONLY," == *",get-ticket,"* ]]; then
    wrk_rate=$(awk 'index($0, "GET /tickets/{id} ") == 1 {printf "%d", $3}' "$result")
    printf '%s\n' "${ticket_paths[@]}" > "$out/get-ticket.paths"
    client_rate=$(BENCH_TOKEN=$customer_token java "$here/FixedRateLatency.java" "$base" "$out/get-ticket.paths" max "$DURATION" "$WARMUP" "$CONNECTIONS" \
        | awk '/^max / {printf "%d", $2}')
    rate=$(( (wrk_rate < client_rate ? wrk_rate : client_rate) * 8 / 10 ))
    echo "GET /tickets/{id} at a fixed rate: 80 % of min(wrk $wrk_rate/s, timing client's ceiling $client_rate/s), timed from when each request was due:" | tee -a "$result"
    BENCH_TOKEN=$customer_token java "$here/FixedRateLatency.java" "$base" "$out/get-ticket.paths" "$rate" "$DURATION" "$WARMUP" "$CONNECTIONS" \
        | tee -a "$result"
fi

# where the JVM's CPU went, JIT compilers and GC included (JFR's execution samples show neither)
printf '%s\n' "${summary_lines[@]}" | tee -a "$result"
for f in "$out"/*.statements.txt; do cat "$f"; echo; done >> "$result"
if [[ $JFR == 1 ]]; then
    for f in "$out"/jfr/*.summary.txt; do echo "-- JFR, $(basename "$f" .summary.txt):"; cat "$f"; echo; done >> "$result"
fi
echo "written to $result (statements per request and JFR summaries there; pgbench scripts in $out/pgbench)"
