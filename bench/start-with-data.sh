# Sourced by the HTTP benchmarks (tickets-list.sh, statistics.sh), not run on its own: starts the
# built jar on a fresh temporary DATA_DIR (embedded PostgreSQL, a free local port, Telegram off),
# fills it with generate-data.sh ($TICKETS, $MESSAGES), and leaves $here, $jar, $tmp, $base,
# $db_url, $service_pid and $generation set, and login TELEGRAM_ID NAME printing an access token;
# everything it started stops on exit.
# Expects: set -euo pipefail, TICKETS and MESSAGES set, BENCH_NAME for the temporary directory.
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar=${JAR:-$root/bootstrap/target/ticketbot.jar}  # JAR= to time another build
if [[ ! -f $jar ]]; then
    echo "no $jar: build it first with: mvn -B -DskipTests package" >&2
    exit 1
fi
for tool in java psql curl; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
mkdir -p "$here/out"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/${BENCH_NAME:-bench}.XXXXXX")
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

# A free local port: try a few random ones until nothing answers there.
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

# start_service / stop_service: (re)start the jar on the same DATA_DIR and port (throughput.sh
# restarts it once so that its PostgreSQL loads pg_stat_statements); $SERVICE_JAVA_OPTS go to java.
start_service() {
    echo "starting the service on port $port (data in $tmp)"
    java ${SERVICE_JAVA_OPTS:-} -jar "$jar" >> "$tmp/service.log" 2>&1 &
    service_pid=$!
    base=http://127.0.0.1:$port
    for i in $(seq 120); do
        curl -sf "$base/health" >/dev/null 2>&1 && break
        kill -0 "$service_pid" 2>/dev/null || { echo "the service stopped:" >&2; tail -20 "$tmp/service.log" >&2; exit 1; }
        [[ $i -eq 120 ]] && { echo "no /health after 120 s" >&2; tail -20 "$tmp/service.log" >&2; exit 1; }
        sleep 1
    done
    db_port=$(grep -oE 'embedded PostgreSQL started on port [0-9]+' "$tmp/service.log" | grep -oE '[0-9]+$' | tail -1)
    [[ -n $db_port ]] || { echo "embedded PostgreSQL port not found in the log" >&2; exit 1; }
    # the password the service generated for its embedded superuser (docs/decisions.md)
    db_url=postgresql://postgres:$(cat "$DATA_DIR/postgres-password")@127.0.0.1:$db_port/postgres
}
stop_service() {
    kill -TERM "$service_pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$service_pid" 2>/dev/null && kill -KILL "$service_pid" 2>/dev/null || true
}
start_service

# the generator sets the statistics triggers aside for the bulk load and rebuilds their counters
"$here/generate-data.sh" "$db_url" "$TICKETS" "$MESSAGES" "${USERS:-2000}" | tee "$tmp/generate.log" | grep -E 'generat|^ *[0-9]+ \|'
generation=$(grep -oE 'generation took [0-9.]+ s' "$tmp/generate.log")

# An access token for that Telegram id (ADMIN_TELEGRAM_IDS=42 makes 42 an admin).
login() {
    local init_data
    init_data=$(java -jar "$jar" sign-init-data --telegram-id "$1" --first-name "$2")
    curl -sf -X POST "$base/api/v1/auth/telegram" -H 'Content-Type: application/json' \
        -d "{\"initData\": \"$init_data\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
