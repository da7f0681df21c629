#!/usr/bin/env bash
# Latency of GET /api/v1/tickets on a large database, end to end over HTTP.
#
#   bench/tickets-list.sh            # TICKETS=1000000 MESSAGES=0 REQUESTS=100 WARMUP=10 by default
#
# Starts the built jar on a fresh temporary DATA_DIR (embedded PostgreSQL, a free local port,
# Telegram off), fills it with bench/generate-data.sh, logs in as an ADMIN (sees every ticket)
# and as the generated customer with the most tickets, then times REQUESTS sequential requests
# per variant after WARMUP untimed ones, and prints p50/p95/p99/max/mean in ms. Everything it
# started is stopped and the temporary directory removed on exit. Results are also written to
# bench/out/tickets-list.txt. Needs java 17+, psql, curl.
set -euo pipefail

TICKETS=${TICKETS:-1000000}
MESSAGES=${MESSAGES:-0}
REQUESTS=${REQUESTS:-100}
WARMUP=${WARMUP:-10}

BENCH_NAME=tickets-bench
source "$(cd "$(dirname "$0")" && pwd)/start-with-data.sh"

read -r customer_tid customer_tickets < <(psql "$db_url" -X -A -t -F ' ' -c \
    "SELECT u.telegram_id, count(*) FROM tickets t JOIN users u ON u.id = t.author_id
     WHERE u.role = 'USER' GROUP BY u.telegram_id ORDER BY count(*) DESC LIMIT 1")
admin_token=$(login 42 Admin)
customer_token=$(login "$customer_tid" Customer)
[[ -n $admin_token && -n $customer_token ]] || { echo "login failed" >&2; exit 1; }

search=$(printf 'оплата' | od -An -tx1 | tr -d ' \n' | sed -E 's/(..)/%\1/g' | tr 'a-f' 'A-F')
paths=(
    "/api/v1/tickets?size=20"
    "/api/v1/tickets?size=20&status=OPEN"
    "/api/v1/tickets?size=20&assigned_to=none"
    "/api/v1/tickets?size=20&search=$search"
    "/api/v1/tickets?size=20&page=50"
)
result=$here/out/tickets-list.txt
{
    echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $TICKETS tickets, $MESSAGES messages, $generation;" \
         "$REQUESTS sequential requests per line after $WARMUP warm-up; times in ms; search=оплата"
    echo "# customer = telegram id $customer_tid, author of $customer_tickets tickets (the busiest)"
    printf '%-10s %-58s %6s %9s %8s %8s %8s %8s %8s\n' caller path n total p50 p95 p99 max mean
} | tee "$result"
BENCH_TOKEN=$admin_token java "$here/LatencyBench.java" "$base" admin "$REQUESTS" "$WARMUP" "${paths[@]}" | tee -a "$result"
BENCH_TOKEN=$customer_token java "$here/LatencyBench.java" "$base" customer "$REQUESTS" "$WARMUP" "${paths[@]}" | tee -a "$result"
echo "written to $result"
