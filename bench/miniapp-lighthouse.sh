#!/usr/bin/env bash
# Lighthouse (mobile preset) on the Mini App's customer list and ticket chat: performance,
# accessibility and best practices each >= 95 and first contentful paint under 1 s, or exit 1.
# Starts the built jar in local demo mode on a free loopback port with its own data folder,
# installs lighthouse with npm into a temporary folder, and drives the Debian Chromium (kept off the network).
# Prints the date and the load average too: Lighthouse's performance score drops on a busy machine.
# The HTML reports land in bench/out/lighthouse/.
#   mvn -B -DskipTests package && bench/miniapp-lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bootstrap/target/ticketbot.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH: apt-get install -y chromium" >&2; exit 2; }

WORK=$(mktemp -d)
SERVICE=
cleanup() {
  if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "installing lighthouse 12.2.3 into $WORK (npm)" >&2
npm install --prefix "$WORK" --no-audit --no-fund --silent -E lighthouse@12.2.3 >&2
cp bench/miniapp-lighthouse.mjs "$WORK/"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
env -u BOT_TOKEN PORT="$PORT" DATA_DIR="$WORK/data" java -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break
  kill -0 "$SERVICE" 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/health" > /dev/null || { echo "the service did not start" >&2; exit 1; }

REPORTS="$PWD/bench/out/lighthouse"
mkdir -p "$REPORTS"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average:$(uptime | sed 's/.*load average://')"
(cd "$WORK" && node miniapp-lighthouse.mjs "http://127.0.0.1:$PORT" "$REPORTS")
