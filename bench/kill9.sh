#!/usr/bin/env bash
# kill -9 under write load on the embedded PostgreSQL (issue #14, findings 0 and 0'): starts the
# built jar on a fresh temporary DATA_DIR, has WRITERS clients create tickets and post messages,
# kills with SIGKILL either the JVM and every process it started (MODE=both: a container kill or
# power cut) or the JVM alone (MODE=jvm: its PostgreSQL is orphaned; the watchdog or the next
# start stops it), restarts at once, and prints the time until /health answers 200 and how many
# acknowledged tickets and messages are missing. ROUNDS rounds on the same DATA_DIR.
# Usage: MODE=jvm|both ROUNDS=3 WRITERS=4 WRITE_SECONDS=3 bench/kill9.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(dirname "$here")/bootstrap/target/ticketbot.jar
[[ -f $jar ]] || { echo "no $jar: build it first with: mvn -B -DskipTests package" >&2; exit 1; }
MODE=${MODE:-both} ROUNDS=${ROUNDS:-3} WRITERS=${WRITERS:-4} WRITE_SECONDS=${WRITE_SECONDS:-3}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kill9.XXXXXX")
pid=""
cleanup() {
    [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null && for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if [[ -n ${KEEP:-} ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export PORT DATA_DIR=$tmp/data BOT_TOKEN=123456:BENCHMARK_token_for_localhost_only TELEGRAM_MODE=off
unset DATABASE_URL JWT_SECRET FILES_DIR
base=http://127.0.0.1:$PORT

start() {
    java -jar "$jar" serve >>"$tmp/service.log" 2>&1 &
    pid=$!
}
# milliseconds until /health answers 200
await_healthy() {
    local from=$1
    until curl -sf -o /dev/null "$base/health"; do
        kill -0 "$pid" 2>/dev/null || { echo "the service exited:" >&2; tail -20 "$tmp/service.log" >&2; exit 1; }
        sleep 0.05
    done
    echo $(( ($(date +%s%N) - from) / 1000000 ))
}
descendants() {
    local children
    children=$(pgrep -P "$1" || true)
    for child in $children; do echo "$child"; descendants "$child"; done
}

start
await_healthy "$(date +%s%N)" >/dev/null
init_data=$(java -jar "$jar" sign-init-data --telegram-id 5150 --first-name Writer)
token=$(curl -sf -X POST "$base/api/v1/auth/telegram" -H 'Content-Type: application/json' \
    -d "{\"initData\": \"$init_data\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
category=$(curl -sf "$base/api/v1/categories" -H "Authorization: Bearer $token" | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')

writer() { # ticket ids and message ids acknowledged with 201, one per line
    local n=0 ticket
    while true; do
        ticket=$(curl -s -m 10 -X POST "$base/api/v1/tickets" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"title\":\"kill9 $1-$n\",\"description\":\"d\",\"category_id\":\"$category\"}" -w '\n%{http_code}' || true)
        if [[ $(tail -1 <<<"$ticket") == 201 ]]; then
            id=$(head -1 <<<"$ticket" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
            echo "$id" >>"$tmp/tickets.$1"
            answer=$(curl -s -m 10 -X POST "$base/api/v1/tickets/$id/messages" -H "Authorization: Bearer $token" \
                -H 'Content-Type: application/json' -d '{"content":"m"}' -w '\n%{http_code}' || true)
            if [[ $(tail -1 <<<"$answer") == 201 ]]; then echo "$id $(head -1 <<<"$answer" | sed -E 's/^\{"id":"([^"]+)".*/\1/')" >>"$tmp/messages.$1"; fi
        fi
        n=$((n + 1))
    done
}

for round in $(seq "$ROUNDS"); do
    writers=()
    for w in $(seq "$WRITERS"); do writer "$round-$w" & writers+=($!); done
    sleep "$WRITE_SECONDS"
    victims=$pid
    if [[ $MODE == both ]]; then victims="$pid $(descendants "$pid" | tr '\n' ' ')"; fi
    kill -9 $victims
    kill "${writers[@]}" 2>/dev/null || true
    wait "${writers[@]}" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.01; done
    from=$(date +%s%N)
    start
    healthy=$(await_healthy "$from")
    tickets=$(cat "$tmp"/tickets.* 2>/dev/null | wc -l || true)
    messages=$(cat "$tmp"/messages.* 2>/dev/null | wc -l || true)
    lost=0
    for id in $(cat "$tmp"/tickets.* 2>/dev/null || true); do
        code=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/tickets/$id" -H "Authorization: Bearer $token")
        [[ $code == 200 ]] || { lost=$((lost + 1)); echo "lost ticket $id ($code)"; }
    done
    while read -r ticket message; do
        curl -sf "$base/api/v1/tickets/$ticket/messages" -H "Authorization: Bearer $token" | grep -q "$message" \
            || { lost=$((lost + 1)); echo "lost message $message"; }
    done < <(cat "$tmp"/messages.* 2>/dev/null || true)
    echo "round $round (MODE=$MODE): healthy ${healthy} ms after the restart; acknowledged so far: $tickets tickets, $messages messages; lost: $lost"
done
