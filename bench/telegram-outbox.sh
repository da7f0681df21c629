#!/usr/bin/env bash
# The Telegram outbox under load: 2,000 notifications for 500 chats, queued in the database as the
# notifier queues them, sent by the real service to the fake Bot API; the sending instance is
# killed with SIGKILL mid-run and started again. Then 100 single notifications to idle chats, to
# time commit-to-send when no limit holds them back. Figures: bench/TelegramOutboxReport.java.
#
#   mvn -B -DskipTests package && bench/telegram-outbox.sh
#
# Needs: java, psql, curl. KILL_AFTER (seconds into the backlog, default 25).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar=$root/bootstrap/target/ticketbot.jar
CHATS=500
PER_CHAT=4
PROBES=100
KILL_AFTER=${KILL_AFTER:-25}
[[ -f $jar ]] || { echo "no $jar: build it first with: mvn -B -DskipTests package" >&2; exit 1; }
for tool in java psql curl; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/telegram-outbox.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    sleep 2
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    # the restarted sender says on its clean stop how many rate slots its threads woke too late for
    grep -ho '[0-9]* send slots were given up[a-z ]*' "$tmp/sender.log" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    for _ in $(seq 50); do
        local candidate=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
    done
    echo "no free port" >&2; exit 1
}
wait_health() {
    for i in $(seq 120); do
        curl -sf "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
        [[ $i -eq 120 ]] && { echo "no /health on $1" >&2; exit 1; }
        sleep 1
    done
}

# the fake Bot API: the test classes of adapters-telegram, on the service jar (Javalin, Jackson, logging)
[[ -d $root/adapters-telegram/target/test-classes ]] || { echo "build the test classes: mvn -B -DskipTests package" >&2; exit 1; }
java -cp "$root/adapters-telegram/target/test-classes:$jar" \
    io.ticketdesk.adapters.telegram.fake.FakeTelegramServer > "$tmp/fake.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do grep -q 'fake Bot API at' "$tmp/fake.log" && break; sleep 0.5; done
fake=$(grep -oE 'http://[0-9.:]+' "$tmp/fake.log" | head -1)
[[ -n $fake ]] || { echo "the fake Bot API did not start" >&2; cat "$tmp/fake.log" >&2; exit 1; }
echo "fake Bot API at $fake"

# the database, held by an instance with the bot off, so the sender can die without taking it along
holder_port=$(free_port)
# a token keeps it out of the local demo (which would seed tickets of its own); its bot stays off
PORT=$holder_port DATA_DIR=$tmp/data TELEGRAM_MODE=off BOT_TOKEN=4242:FAKE_token_for_the_fake_bot_api_server java -jar "$jar" > "$tmp/holder.log" 2>&1 &
pids+=($!)
wait_health "$holder_port"
db_port=$(grep -oE 'embedded PostgreSQL started on port [0-9]+' "$tmp/holder.log" | grep -oE '[0-9]+$' | head -1)
# the password the service generated for its embedded superuser (docs/decisions.md)
db_password=$(cat "$tmp/data/postgres-password")
db_url=postgresql://postgres:$db_password@127.0.0.1:$db_port/postgres
export PGPASSWORD=$db_password
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$db_port" -U postgres -d postgres "$@"; }

start_sender() {
    sender_port=$(free_port)
    PORT=$sender_port DATABASE_URL=$db_url BOT_TOKEN=4242:FAKE_token_for_the_fake_bot_api_server \
        TELEGRAM_MODE=polling TELEGRAM_API_URL=$fake java -jar "$jar" >> "$tmp/sender.log" 2>&1 &
    sender_pid=$!
    pids+=($sender_pid)
    wait_health "$sender_port"
}
start_sender
echo "sender started (pid $sender_pid)"

echo "queueing $((CHATS * PER_CHAT)) notifications for $CHATS chats"
for round in $(seq 1 $PER_CHAT); do
    psql_ <<SQL
BEGIN;
INSERT INTO telegram_chats (chat_id) SELECT 1000000 + c FROM generate_series(1, $CHATS) c ON CONFLICT DO NOTHING;
INSERT INTO telegram_outbox (chat_id, method, params)
SELECT 1000000 + c, 'sendMessage', jsonb_build_object('chat_id', 1000000 + c, 'text', 'n' || (1000000 + c) || '-' || $round)
FROM generate_series(1, $CHATS) c;
NOTIFY telegram_outbox;
COMMIT;
SQL
done
sleep "$KILL_AFTER"
echo "kill -9 of the sender (pid $sender_pid) mid-run"
kill -KILL "$sender_pid"
start_sender
echo "sender started again (pid $sender_pid)"
for i in $(seq 300); do
    left=$(psql_ -At -c "SELECT count(*) FROM telegram_outbox WHERE state = 'PENDING'")
    [[ $left == 0 ]] && break
    [[ $i -eq 300 ]] && { echo "still $left pending after 300 s" >&2; break; }
    sleep 1
done

echo "timing $PROBES notifications to idle chats, 200 ms apart"
psql_ <<SQL
CREATE PROCEDURE pg_temp.probe(n int) LANGUAGE plpgsql AS \$\$
BEGIN
  FOR i IN 1..n LOOP
    INSERT INTO telegram_chats (chat_id) VALUES (2000000 + i) ON CONFLICT DO NOTHING;
    INSERT INTO telegram_outbox (chat_id, method, params)
    VALUES (2000000 + i, 'sendMessage', jsonb_build_object('chat_id', 2000000 + i, 'text', 'p' || i));
    PERFORM pg_notify('telegram_outbox', '');
    COMMIT;
    PERFORM pg_sleep(0.2);
  END LOOP;
END \$\$;
CALL pg_temp.probe($PROBES);
SQL
sleep 3

curl -sf "$fake/_fake/calls.tsv" > "$tmp/calls.tsv"
psql_ -At -F $'\t' -c "SELECT params->>'text', (extract(epoch FROM created_at) * 1000000)::bigint FROM telegram_outbox" > "$tmp/outbox.tsv"
mkdir -p "$here/out"
cp "$tmp/calls.tsv" "$here/out/telegram-outbox-calls.tsv"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
java "$here/TelegramOutboxReport.java" "$tmp/calls.tsv" "$tmp/outbox.tsv" $((CHATS * PER_CHAT)) "$PROBES"
