#!/usr/bin/env bash
# Heap high-water mark while ten clients download one 20 MiB file at once (issue 4).
#
# Needs the jar built as the README says (mvn -B -DskipTests package), plus curl, jcmd and jstat
# from the JDK. Starts the service on the embedded PostgreSQL in a temporary DATA_DIR on a free
# localhost port, uploads a 20 MiB file, forces a GC and samples the idle heap, runs the
# downloads while sampling heap used (eden + survivors + old, as jstat reports it, so garbage not
# yet collected counts too), checks every download byte for byte, prints idle, peak and
# peak - idle, then stops the service and removes everything it made. Exits non-zero when a
# download is wrong or peak - idle reaches BENCH_MAX_EXTRA_MIB.
#
# Heap used counts garbage not yet collected, and on a roomy machine G1 grows eden to whatever
# keeps collections rare, so the raw figure measures the GC's appetite more than the service.
# The script therefore runs the JVM as an operator with a memory budget would:
# JAVA_OPTS=-Xmx256m -XX:MaxNewSize=64m by default (at most 64 MiB of young garbage). That still
# tells streaming from buffering: ten 20 MiB files held whole are 200 MiB of live data, which
# would push the peak far past the limit (or run out of memory) and fail the check. The GC log
# gives a second figure, independent of eden: the most heap still in use right after a
# collection during the downloads, i.e. what the service really held. Set JAVA_OPTS=" " to see
# the JVM's own defaults.
#
# Knobs (environment): CLIENTS (10), FILE_MIB (20), RATE (curl --limit-rate per client, 10M, so
# the downloads overlap like real clients' do; "0" for unlimited), SAMPLE_MS (50),
# BENCH_MAX_EXTRA_MIB (100), JAVA_OPTS (-Xmx256m -XX:MaxNewSize=64m), FILES_DIR (unset: files
# in PostgreSQL, the default store), BENCH_KEEP_LOGS (a directory to copy the service, GC and
# jstat logs into).
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:MaxNewSize=64m}
JAR=bootstrap/target/ticketbot.jar
CLIENTS=${CLIENTS:-10}
FILE_MIB=${FILE_MIB:-20}
RATE=${RATE:-10M}
SAMPLE_MS=${SAMPLE_MS:-50}
MAX_EXTRA_MIB=${BENCH_MAX_EXTRA_MIB:-100}
BOT=123456:BENCHMARK_bot_token_for_local_runs

[[ -f $JAR ]] || { echo "no $JAR: build it first with: mvn -B -DskipTests package" >&2; exit 2; }
for tool in curl jcmd jstat sha256sum; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

WORK=$(mktemp -d -t ticketdesk-bench.XXXXXX)
PID=
SAMPLER=
cleanup() {
    [[ -n ${BENCH_KEEP_LOGS:-} && -d $WORK ]] && cp "$WORK"/*.log "$WORK"/jstat.txt "$BENCH_KEEP_LOGS"/ 2>/dev/null || true
    [[ -n $SAMPLER ]] && kill "$SAMPLER" 2>/dev/null || true
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
        kill "$PID" 2>/dev/null || true   # SIGTERM: the service stops itself gracefully
        for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# a free port on localhost: bind port 0, read what the kernel gave, release it
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE=http://127.0.0.1:$PORT

echo "starting the service on port $PORT (DATA_DIR=$WORK/data${FILES_DIR:+, FILES_DIR=$FILES_DIR})"
# shellcheck disable=SC2086
env -i PATH="$PATH" HOME="$HOME" PORT="$PORT" DATA_DIR="$WORK/data" BOT_TOKEN="$BOT" TELEGRAM_MODE=off \
    ${FILES_DIR:+FILES_DIR="$FILES_DIR"} \
    java $JAVA_OPTS "-Xlog:gc:file=$WORK/gc.log" -jar "$JAR" >"$WORK/service.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
    curl -fs "$BASE/health" >/dev/null 2>&1 && break
    kill -0 "$PID" 2>/dev/null || { echo "the service did not start:" >&2; cat "$WORK/service.log" >&2; exit 1; }
    sleep 0.5
done
curl -fs "$BASE/health" >/dev/null || { echo "the service did not answer /health in 60 s" >&2; exit 1; }

INIT_DATA=$(env -i PATH="$PATH" BOT_TOKEN="$BOT" java -jar "$JAR" sign-init-data --telegram-id 42 --first-name Bench)
TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/telegram" -H 'Content-Type: application/json' \
    -d "{\"initData\": \"$INIT_DATA\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

head -c $((FILE_MIB * 1024 * 1024)) /dev/urandom >"$WORK/original.bin"
UPLOAD=$(curl -fs -F "file=@$WORK/original.bin;filename=bench.bin" -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/v1/files/upload")
URL=$(echo "$UPLOAD" | sed -E 's/.*"url":"([^"]+)".*/\1/')
echo "uploaded $FILE_MIB MiB as $URL"

heap_used_kib() { # eden + survivors + old generation in use, KiB, from one jstat sample
    jstat -gc "$PID" | awk 'NR == 2 { printf "%d\n", $3 + $4 + $6 + $8 }'
}

# idle: after a full GC, with the service warmed up by the upload
jcmd "$PID" GC.run >/dev/null
sleep 1
IDLE_KIB=$(heap_used_kib)

# a plain background command, not a pipeline: a subshell would run this script's EXIT trap when killed
jstat -gc "$PID" "${SAMPLE_MS}ms" >"$WORK/jstat.txt" &
SAMPLER=$!
for _ in $(seq 1 100); do (( $(cat "$WORK/jstat.txt" 2>/dev/null | wc -l) >= 2 )) && break; sleep 0.1; done
GC_LINES_BEFORE=$(wc -l <"$WORK/gc.log")

RATE_ARGS=()
[[ $RATE != 0 ]] && RATE_ARGS=(--limit-rate "$RATE")
echo "$CLIENTS clients downloading at once${RATE_ARGS:+ (each limited to $RATE/s)}"
DOWNLOADS=()
for i in $(seq 1 "$CLIENTS"); do
    curl -s "${RATE_ARGS[@]}" --max-time 120 -H "Authorization: Bearer $TOKEN" -o "$WORK/download-$i.bin" \
        -w '%{http_code}\n' "$BASE$URL" >"$WORK/status-$i.txt" &
    DOWNLOADS+=($!)
done
wait "${DOWNLOADS[@]}" || true
sleep 0.2
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true
SAMPLER=

EXPECTED=$(sha256sum <"$WORK/original.bin" | cut -d' ' -f1)
FAILED=0
for i in $(seq 1 "$CLIENTS"); do
    STATUS=$(cat "$WORK/status-$i.txt")
    GOT=$(sha256sum <"$WORK/download-$i.bin" | cut -d' ' -f1)
    if [[ $STATUS != 200 || $GOT != "$EXPECTED" ]]; then
        echo "download $i: HTTP $STATUS, sha256 $GOT (expected $EXPECTED)" >&2
        FAILED=1
    fi
done

awk '$1 ~ /^[0-9.]+$/ { printf "%d\n", $3 + $4 + $6 + $8 }' "$WORK/jstat.txt" >"$WORK/samples.txt"
PEAK_KIB=$(sort -n "$WORK/samples.txt" | tail -1)
SAMPLES=$(wc -l <"$WORK/samples.txt")
# "Pause Young (Normal) (G1 Evacuation Pause) 98M->14M(256M)": the M after "->" is what survived
RETAINED_MIB=$(tail -n +"$((GC_LINES_BEFORE + 1))" "$WORK/gc.log" | grep -E 'Pause (Young|Full)' | grep -o -- '->[0-9]*M' | tr -dc '0-9\n' | sort -n | tail -1 || true)
GCS=$(tail -n +"$((GC_LINES_BEFORE + 1))" "$WORK/gc.log" | grep -cE 'Pause (Young|Full)' || true)
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "downloads correct:  $([[ $FAILED == 0 ]] && echo "all $CLIENTS, byte for byte" || echo NO)"
echo "heap samples:       $SAMPLES (every $SAMPLE_MS ms)"
echo "idle heap used:     $(mib "$IDLE_KIB") MiB"
echo "peak heap used:     $(mib "$PEAK_KIB") MiB"
echo "peak minus idle:    $(mib $((PEAK_KIB - IDLE_KIB))) MiB (limit $MAX_EXTRA_MIB MiB)"
echo "after-GC high-water: ${RETAINED_MIB:-(no collection)} MiB over $GCS collections during the downloads"
OPTS=$(echo "$JAVA_OPTS" | xargs)
echo "JVM options:        ${OPTS:-(none, the JVM defaults)}"

[[ $FAILED == 0 ]] || exit 1
(( PEAK_KIB - IDLE_KIB < MAX_EXTRA_MIB * 1024 )) || { echo "over the limit" >&2; exit 1; }
