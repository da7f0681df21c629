#!/usr/bin/env bash
# Throughput cost of metrics and rate limits (issue 11), measured with wrk on one jar run twice.
#
#   bench/ops-overhead.sh            # ROUNDS=10 DURATION=8s WARMUP=20s THREADS=2 CONNECTIONS=16 by default
#   KINDS=write bench/ops-overhead.sh   # only one of the two workloads
#
# This tree's bootstrap/target/ticketbot.jar runs twice, each on its own fresh embedded PostgreSQL
# and free port: "with" as shipped (/metrics, request timers, pool timings, socket and login
# counters, rate limits spent on every limited action) and "without" (METRICS=off RATE_LIMITS=off).
# Both run one user with one ticket; "with" gets a messages limit no benchmark reaches, so every
# POST spends it and none is refused. Two workloads, alternating with/without ROUNDS times in short
# runs so that load from anything else on the machine falls on both alike:
#   read:  GET  /api/v1/tickets/{id}            (metrics only: reads spend no limit)
#   write: POST /api/v1/tickets/{id}/messages   (metrics and the messages limit)
# Prints requests/s per round, the means and the median of the per-round ratios (the figure to
# trust on a busy machine); also written to bench/out/ops-overhead.txt. Needs java, curl, wrk, bc.
set -euo pipefail

ROUNDS=${ROUNDS:-10}
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
KINDS=${KINDS:-read write}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar=$root/bootstrap/target/ticketbot.jar
for tool in java curl wrk bc; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (wrk: apt-get install wrk)" >&2; exit 1; }
done
[[ -f $jar ]] || { echo "no $jar: build it first with: mvn -B -DskipTests package" >&2; exit 1; }
mkdir -p "$here/out"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ops-overhead.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    for _ in $(seq 50); do
        local candidate=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
    done
    echo "no free port found" >&2; exit 1
}

export BOT_TOKEN=123456:BENCHMARKBENCHMARKBENCHMARKBENCH
export TELEGRAM_MODE=off
unset DATABASE_URL JWT_SECRET LOG_FORMAT METRICS METRICS_TOKEN RATE_LIMITS RATE_LIMIT_MESSAGES
# start NAME SETTINGS...: sets ${NAME}_base, ${NAME}_url (the ticket) and ${NAME}_token
start() {
    local name=$1 port
    shift
    port=$(free_port)
    env "$@" PORT="$port" DATA_DIR="$tmp/$name-data" java -jar "$jar" > "$tmp/$name.log" 2>&1 &
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
start with RATE_LIMIT_MESSAGES=1000000000/PT1S
start without METRICS=off RATE_LIMITS=off
with_metrics=$(curl -sf "$with_base/metrics")
grep -q 'http_server_requests_seconds_count' <<<"$with_metrics" \
    || { echo "the 'with' service serves no /metrics" >&2; exit 1; }
[[ $(curl -s -o /dev/null -w '%{http_code}' "$without_base/metrics") == 404 ]] \
    || { echo "the 'without' service still serves /metrics" >&2; exit 1; }
cat > "$tmp/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"content":"a benchmark message"}'
wrk.headers["Content-Type"] = "application/json"
local refused = 0
response = function(status, headers, body)
    if status ~= 201 then refused = refused + 1 end
end
done = function(summary, latency, requests)
    io.write(string.format("not201 %d\n", refused))
end
LUA

# rate KIND URL TOKEN [DURATION]: requests/s of one wrk run (a write run that had any answer but 201 fails)
rate() {
    local out
    if [[ $1 == read ]]; then
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${4:-$DURATION}" -H "Authorization: Bearer $3" "$2")
    else
        out=$(wrk -t1 -c"$CONNECTIONS" -d"${4:-$DURATION}" -s "$tmp/post.lua" -H "Authorization: Bearer $3" "$2/messages")
        # one wrk thread: the script's count lives per thread
        [[ $(awk '/^not201/ {print $2}' <<<"$out") == 0 ]] || { echo "write run answered other than 201: $out" >&2; exit 1; }
    fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}

result=$here/out/ops-overhead.txt
: > "$result"
for kind in $KINDS; do
    # warm both JITs (twice each, alternating) before measuring: the first seconds run interpreted
    for _ in 1 2; do
        rate "$kind" "$with_url" "$with_token" "$WARMUP" >/dev/null
        rate "$kind" "$without_url" "$without_token" "$WARMUP" >/dev/null
    done
    {
        [[ $kind == read ]] && what="GET /api/v1/tickets/{id}" || what="POST /api/v1/tickets/{id}/messages"
        echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg);" \
             "wrk -c$CONNECTIONS -d$DURATION $what, $ROUNDS alternating rounds after 2x$WARMUP warm-up each"
        printf '%-7s %12s %12s\n' round with without
        with_sum=0; without_sum=0; ratios=()
        for round in $(seq "$ROUNDS"); do
            w=$(rate "$kind" "$with_url" "$with_token")
            wo=$(rate "$kind" "$without_url" "$without_token")
            printf '%-7s %12s %12s\n' "$round" "$w" "$wo"
            with_sum=$(echo "$with_sum + $w" | bc -l); without_sum=$(echo "$without_sum + $wo" | bc -l)
            ratios+=("$(echo "$w / $wo" | bc -l)")
        done
        with_mean=$(echo "$with_sum / $ROUNDS" | bc -l); without_mean=$(echo "$without_sum / $ROUNDS" | bc -l)
        printf '%-7s %12.0f %12.0f\n' mean "$with_mean" "$without_mean"
        median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
        printf '%s: cost of metrics and limits, from the means: %.1f%% of requests/s\n' "$kind" "$(echo "(1 - $with_mean / $without_mean) * 100" | bc -l)"
        printf '%s: cost of metrics and limits, median of the per-round ratios: %.1f%% of requests/s\n' "$kind" "$(echo "(1 - $median) * 100" | bc -l)"
    } | tee -a "$result"
done
