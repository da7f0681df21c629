#!/usr/bin/env bash
# Throughput cost of metrics and rate limits (issue 11) on GET /api/v1/tickets/{id}, measured with wrk.
#
#   bench/ops-overhead.sh            # ROUNDS=10 DURATION=8s WARMUP=30s THREADS=2 CONNECTIONS=16 by default
#
# Two jars side by side, each on its own fresh embedded PostgreSQL and free port: this tree's
# bootstrap/target/ticketbot.jar ("with": /metrics, request timers, socket and login counters,
# rate limits, the access line's typed fields) and a baseline built from BASELINE_REF (default:
# the commit before issue 11's first commit; or give BASELINE_JAR). One ticket is created on each,
# then wrk hits GET /api/v1/tickets/{id} as its author, alternating with/without ROUNDS times in
# short runs so that load from anything else on the machine falls on both alike. Prints requests/s
# per round, the means, and the median of the per-round ratios (the figure to trust on a busy
# machine); also written to bench/out/ops-overhead.txt. The baseline jar is kept in bench/out/ for
# the next run. Needs java, curl, wrk, git, bc.
set -euo pipefail

ROUNDS=${ROUNDS:-10}
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-30s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
with_jar=$root/bootstrap/target/ticketbot.jar
for tool in java curl wrk git; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (wrk: apt-get install wrk)" >&2; exit 1; }
done
[[ -f $with_jar ]] || { echo "no $with_jar: build it first with: mvn -B -DskipTests package" >&2; exit 1; }
mkdir -p "$here/out"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ops-overhead.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    if [[ -d $tmp/baseline-src ]]; then git -C "$root" worktree remove --force "$tmp/baseline-src" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

baseline_jar=${BASELINE_JAR:-}
if [[ -z $baseline_jar ]]; then
    ref=$(git -C "$root" rev-parse --short "${BASELINE_REF:-$(git -C "$root" log --format=%H --grep='^Operations: OpenAPI 3.1 document' -n 1)~1}")
    baseline_jar=$here/out/baseline-$ref.jar
    if [[ ! -f $baseline_jar ]]; then
        echo "building the baseline jar from $ref"
        git -C "$root" worktree add --detach "$tmp/baseline-src" "$ref" >/dev/null 2>&1
        (cd "$tmp/baseline-src" && mvn -B -q -o -DskipTests package >/dev/null)
        cp "$tmp/baseline-src/bootstrap/target/ticketbot.jar" "$baseline_jar"
    fi
fi

free_port() {
    for _ in $(seq 50); do
        local candidate=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
    done
    echo "no free port found" >&2; exit 1
}

export BOT_TOKEN=123456:BENCHMARKBENCHMARKBENCHMARKBENCH
export TELEGRAM_MODE=off
unset DATABASE_URL JWT_SECRET LOG_FORMAT METRICS_TOKEN RATE_LIMITS
# start NAME JAR: sets ${NAME}_base, ${NAME}_url (the ticket) and ${NAME}_token
start() {
    local name=$1 jar=$2 port
    port=$(free_port)
    PORT=$port DATA_DIR=$tmp/$name-data java -jar "$jar" > "$tmp/$name.log" 2>&1 &
    pids+=($!)
    local base=http://127.0.0.1:$port
    for i in $(seq 120); do
        curl -sf "$base/health" >/dev/null 2>&1 && break
        [[ $i -eq 120 ]] && { echo "$name: no /health after 120 s" >&2; tail -20 "$tmp/$name.log" >&2; exit 1; }
        sleep 1
    done
    local init_data token category ticket
    init_data=$(java -jar "$jar" sign-init-data --telegram-id 7001 --first-name Bench)
    token=$(curl -sf -X POST "$base/api/v1/auth/telegram" -H 'Content-Type: application/json' \
        -d "{\"initData\": \"$init_data\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    category=$(curl -sf "$base/api/v1/categories" -H "Authorization: Bearer $token" | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')
    ticket=$(curl -sf -X POST "$base/api/v1/tickets" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"title\":\"Bench\",\"description\":\"wrk target\",\"category_id\":\"$category\"}" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
    [[ -n $token && -n $ticket ]] || { echo "$name: login or ticket failed" >&2; exit 1; }
    printf -v "${name}_base" '%s' "$base"
    printf -v "${name}_url" '%s' "$base/api/v1/tickets/$ticket"
    printf -v "${name}_token" '%s' "$token"
}
start with "$with_jar"
start without "$baseline_jar"
curl -sf "$with_base/metrics" > "$tmp/metrics.txt"
grep -q 'http_server_requests_seconds_count' "$tmp/metrics.txt" \
    || { echo "the 'with' jar serves no /metrics" >&2; exit 1; }

rate() { # URL TOKEN [DURATION]: requests/s of one wrk run
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3:-$DURATION}" -H "Authorization: Bearer $2" "$1" \
        | awk '/Requests\/sec/ {print $2}'
}
# warm both JITs (twice each, alternating) before measuring: the first seconds run interpreted
for _ in 1 2; do
    rate "$with_url" "$with_token" "$WARMUP" >/dev/null; rate "$without_url" "$without_token" "$WARMUP" >/dev/null
done

result=$here/out/ops-overhead.txt
{
    echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg);" \
         "wrk -t$THREADS -c$CONNECTIONS -d$DURATION GET /api/v1/tickets/{id}, $ROUNDS alternating rounds after 2x$WARMUP warm-up each"
    printf '%-7s %12s %12s\n' round with without
    with_sum=0; without_sum=0; ratios=()
    for round in $(seq "$ROUNDS"); do
        w=$(rate "$with_url" "$with_token")
        wo=$(rate "$without_url" "$without_token")
        printf '%-7s %12s %12s\n' "$round" "$w" "$wo"
        with_sum=$(echo "$with_sum + $w" | bc -l); without_sum=$(echo "$without_sum + $wo" | bc -l)
        ratios+=("$(echo "$w / $wo" | bc -l)")
    done
    with_mean=$(echo "$with_sum / $ROUNDS" | bc -l); without_mean=$(echo "$without_sum / $ROUNDS" | bc -l)
    printf '%-7s %12.0f %12.0f\n' mean "$with_mean" "$without_mean"
    median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
    printf 'cost of metrics and limits, from the means: %.1f%% of requests/s\n' "$(echo "(1 - $with_mean / $without_mean) * 100" | bc -l)"
    printf 'cost of metrics and limits, median of the per-round ratios: %.1f%% of requests/s\n' "$(echo "(1 - $median) * 100" | bc -l)"
} | tee "$result"
