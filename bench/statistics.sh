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

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar=$root/bootstrap/target/ticketbot.jar
if [[ ! -f $jar ]]; then
    echo "no $jar: build it first with: mvn -B -DskipTests package" >&2
    exit 1
fi
for tool in java psql curl; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
mkdir -p "$here/out"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/statistics-bench.XXXXXX")
service_pid=""
cleanup() {
    if [[ -n $service_pid ]] && kill -0 "$service_pid" 2>/dev/null; then
        kill -TERM "$service_pid" 2>/dev/null || true
        for _ in $(seq 60); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$service_pid" 2>/dev/null && kill -KILL "$service_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=""
for _ in $(seq 50); do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[[ -n $port ]] || { echo "no free port found" >&2; exit 1; }

# A made-up token of the right shape: logins are signed locally, Telegram itself is never called.
export BOT_TOKEN=123456:BENCHMARKBENCHMARKBENCHMARKBENCH
export ADMIN_TELEGRAM_IDS=42
export TELEGRAM_MODE=off
export PORT=$port
export DATA_DIR=$tmp/data
unset DATABASE_URL JWT_SECRET

echo "starting the service on port $port (data in $tmp)"
java -jar "$jar" > "$tmp/service.log" 2>&1 &
service_pid=$!
base=http://127.0.0.1:$port
for i in $(seq 120); do
    curl -sf "$base/health" >/dev/null 2>&1 && break
    kill -0 "$service_pid" 2>/dev/null || { echo "the service stopped:" >&2; tail -20 "$tmp/service.log" >&2; exit 1; }
    [[ $i -eq 120 ]] && { echo "no /health after 120 s" >&2; tail -20 "$tmp/service.log" >&2; exit 1; }
    sleep 1
done
db_port=$(grep -oE 'embedded PostgreSQL started on port [0-9]+' "$tmp/service.log" | grep -oE '[0-9]+$' | head -1)
[[ -n $db_port ]] || { echo "embedded PostgreSQL port not found in the log" >&2; exit 1; }
db_url=postgresql://postgres:postgres@127.0.0.1:$db_port/postgres

# the generator sets the statistics triggers aside for the bulk load and rebuilds their counters
"$here/generate-data.sh" "$db_url" "$TICKETS" "$MESSAGES" | tee "$tmp/generate.log" | grep -E 'generat|^ *[0-9]+ \|'
generation=$(grep -oE 'generation took [0-9.]+ s' "$tmp/generate.log")

init_data=$(java -jar "$jar" sign-init-data --telegram-id 42 --first-name Admin)
admin_token=$(curl -sf -X POST "$base/api/v1/auth/telegram" -H 'Content-Type: application/json' \
    -d "{\"initData\": \"$init_data\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
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
