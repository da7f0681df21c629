#!/usr/bin/env bash
# Fills an already-migrated database (start the service once: it migrates) with bulk data.
#
#   bench/generate-data.sh DATABASE_URL [TICKETS=1000000] [MESSAGES=0] [USERS=2000]
#
# DATABASE_URL as the service takes it: postgresql://user:pass@host:port/db or
# jdbc:postgresql://host:port/db?user=u&password=p. Prints the time it took. WORKERS (default:
# the number of cores, at most 8) sets how many sessions load at once.
set -euo pipefail

usage() {
    echo "usage: $0 DATABASE_URL [TICKETS=1000000] [MESSAGES=0] [USERS=2000]" >&2
    exit 2
}
[[ $# -ge 1 && $# -le 4 ]] || usage
url=$1
tickets=${2:-1000000}
messages=${3:-0}
users=${4:-2000}
for n in "$tickets" "$messages" "$users"; do
    [[ $n =~ ^[0-9]+$ ]] || usage
done
[[ $users -ge 20 ]] || { echo "USERS must be at least 20 (some staff are needed)" >&2; exit 2; }
[[ $tickets -ge 1 || $messages -eq 0 ]] || { echo "messages need tickets" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is needed (apt-get install -y postgresql-client)" >&2; exit 1; }

# libpq takes postgresql:// URIs, including ?user=&password=; only the jdbc: prefix must go.
url=${url#jdbc:}
case $url in
    postgresql://* | postgres://*) ;;
    *) echo "DATABASE_URL must be postgresql://… or jdbc:postgresql://…" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
# one loading session per core: the load is CPU-bound (text, tsvector) and PostgreSQL does not
# parallelise an INSERT by itself
workers=${WORKERS:-$(nproc 2>/dev/null || echo 2)}
[[ $workers =~ ^[1-8]$ ]] || workers=2
run() { PGCONNECT_TIMEOUT=10 psql "$url" -X -q -v ON_ERROR_STOP=1 \
            -v tickets="$tickets" -v messages="$messages" -v users="$users" "$@" -f "$here/generate-data.sql"; }

echo "generating $tickets tickets, $messages messages, $users users ($workers loading sessions) …"
start=$(date +%s.%N)
# the statistics triggers (V4) would update counters row by row: set aside for the bulk load,
# then the counters are rebuilt from the rows at the end (bench/statistics-backfill.sql)
psql "$url" -X -q -v ON_ERROR_STOP=1 \
    -c 'ALTER TABLE tickets DISABLE TRIGGER USER' -c 'ALTER TABLE messages DISABLE TRIGGER USER'
run -v step=prepare
pids=()
for ((w = 0; w < workers; w++)); do
    run -v step=load -v workers="$workers" -v worker="$w" &
    pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
if [[ $failed -ne 0 ]]; then
    echo "loading failed; the database holds part of the data and lacks the keys and indexes of" \
         "tickets and messages: start again on a fresh database" >&2
    exit 1
fi
run -v step=finish
psql "$url" -X -q -f "$here/statistics-backfill.sql" > /dev/null
end=$(date +%s.%N)
printf 'generation took %.1f s\n' "$(echo "$end - $start" | bc -l)"
