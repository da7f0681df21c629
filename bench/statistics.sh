#!/usr/bin/env bash
# Latency of the statistics endpoints (and the people list) on a large database, over HTTP.
#
#   bench/statistics.sh          # TICKETS=1000000 MESSAGES=5000000 REQUESTS=50 WARMUP=5 by default
#
# Starts the built jar on a fresh temporary DATA_DIR (embedded PostgreSQL, a free local port,
# Telegram off), fills it with bench/generate-data.sh, fills the first-response columns the
# service keeps on write (bench/statistics-backfill.sql), logs in as an ADMIN, then times
# REQUESTS sequential requests per endpoint after WARMUP untimed ones: p50/p95/p99/max/mean in
# ms. Everything it started is stopped and the temporary directory removed on exit. Results are
# also written to bench/out/statistics.txt. Needs java 17+, psql, curl; build the jar first:
#   mvn -B -DskipTests package
set -euo pipefail

TICKETS=${TICKETS:-1000000}
MESSAGES=${MESSAGES:-5000000}
REQUESTS=${REQUESTS:-50}
WARMUP=${WARMUP:-5}

BENCH_NAME=statistics-bench
source "$(cd "$(dirname "$0")" && pwd)/start-with-data.sh"

admin_token=$(login 42 Admin)
[[ -n $admin_token ]] || { echo "login failed" >&2; exit 1; }

today=$(date -u +%Y-%m-%d)
month_ago=$(date -u -d '29 days ago' +%Y-%m-%d)
year_ago=$(date -u -d '365 days ago' +%Y-%m-%d)
search=$(printf 'иван' | od -An -tx1 | tr -d ' \n' | sed -E 's/(..)/%\1/g' | tr 'a-f' 'A-F')
paths=(
    "/api/v1/statistics/dashboard"
    "/api/v1/statistics/tickets?from_date=$month_ago&to_date=$today"
    "/api/v1/statistics/tickets?from_date=$year_ago&to_date=$today"
    "/api/v1/users?size=20"
    "/api/v1/users?size=20&search=$search"
)
result=$here/out/statistics.txt
{
    echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $TICKETS tickets, $MESSAGES messages, $generation;" \
         "$REQUESTS sequential requests per line after $WARMUP warm-up; times in ms"
    printf '%-10s %-58s %6s %9s %8s %8s %8s %8s %8s\n' caller path n total p50 p95 p99 max mean
} | tee "$result"
BENCH_TOKEN=$admin_token java "$here/LatencyBench.java" "$base" admin "$REQUESTS" "$WARMUP" "${paths[@]}" | tee -a "$result"
echo "written to $result"
