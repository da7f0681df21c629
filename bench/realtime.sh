#!/usr/bin/env bash
# Commit-to-delivery latency with 1,000 sockets on 200 tickets while 50 messages/s are posted,
# plus the service's heap before and after (after a full GC, so only live objects count).
# Usage: bench/realtime.sh [SECONDS] [SOCKETS] [TICKETS] [RATE]   (defaults: 300 1000 200 50)
# Needs bootstrap/target/ticketbot.jar (mvn -B -DskipTests package). Everything runs on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-300}
SOCKETS=${2:-1000}
TICKETS=${3:-200}
RATE=${4:-50}
JAR=bootstrap/target/ticketbot.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export BOT_TOKEN=123456:BENCHMARK_token_for_localhost_only
export ADMIN_TELEGRAM_IDS=42 PORT DATA_DIR="$WORK/data" TELEGRAM_MODE=off
java -Xmx512m -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 1 60); do
  curl -sf "http://localhost:$PORT/health" > /dev/null && break
  sleep 1
done
INIT_DATA=$(java -jar "$JAR" sign-init-data --telegram-id 42 --first-name Bench)
TOKEN=$(curl -sf -X POST "http://localhost:$PORT/api/v1/auth/telegram" -H 'Content-Type: application/json' \
  -d "{\"initData\": \"$INIT_DATA\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
CATEGORY=$(curl -sf "http://localhost:$PORT/api/v1/categories" -H "Authorization: Bearer $TOKEN" \
  | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')

live_heap() {
  jcmd "$SERVICE" GC.run > /dev/null
  jcmd "$SERVICE" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i+1); exit } }'
}

echo "heap in use after GC, idle: $(live_heap)"
java bench/RealtimeLatency.java "http://localhost:$PORT" "$TOKEN" "$CATEGORY" "$SOCKETS" "$TICKETS" "$RATE" \
  "$SECONDS_TO_RUN" &
CLIENT=$!
# a sample a minute while the load runs: flat means no growth from one to the next
ELAPSED=0
while kill -0 $CLIENT 2>/dev/null && [ $ELAPSED -lt $((SECONDS_TO_RUN + 60)) ]; do
  sleep 60
  ELAPSED=$((ELAPSED + 60))
  kill -0 $CLIENT 2>/dev/null && echo "heap in use after GC, ${ELAPSED}s into the run: $(live_heap)"
done
wait $CLIENT
echo "heap in use after GC, end of run: $(live_heap)"
echo "service log warnings: $(grep -c ' WARN ' "$WORK/service.log" || true)"
