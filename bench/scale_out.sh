#!/usr/bin/env bash
# Scale-out rehearsal on one machine (issue 13, item 4): a PostgreSQL streaming replica of the
# local primary, made with pg_basebackup, and Balai pointed at it with DATABASE_REPLICA_URLS.
# Checks, against a real replica:
#   1. anonymous public pages are read from the replica (its statement log counts them);
#   2. a signed-in page (the dashboard) never touches the replica;
#   3. a replica that has not replayed a village's newest content version is not used for that
#      village (WAL replay paused, a publish on the primary): the page is current and served;
#   4. with the replica stopped every page still answers 200, and once it is back it is used
#      again after DATABASE_REPLICA_RETRY_SECONDS.
# The primary is never restarted. Streaming replication needs a `replication` line in its
# pg_hba.conf; when there is none the script stops and says so, and with --configure-primary it
# appends `host replication postgres 127.0.0.1/32 trust` and reloads (no restart), and takes
# the line out again at the end (unless --keep).
#
# Run as root (the replica runs as the postgres user):
#   bash bench/scale_out.sh [--configure-primary] [--keep]
# Environment: PRIMARY_PORT (5432), REPLICA_PORT (5433), APP_PORT (8161), BENCH_DB (balai_upg_scale)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
APP_PORT=${APP_PORT:-8161}
BENCH_DB=${BENCH_DB:-balai_upg_scale}
CONFIGURE=0
KEEP=0
for arg in "$@"; do
  case "$arg" in
    --configure-primary) CONFIGURE=1 ;;
    --keep) KEEP=1 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

psql_p() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
psql_r() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
as_pg() { runuser -u postgres -- "$@"; }

WORK=$(mktemp -d /tmp/balai-scale-out.XXXXXX)
chmod 755 "$WORK"
REPLICA_DIR="$WORK/replica"
PGRUN="$WORK/pg"  # the replica's log and socket, written by the postgres user
APP_PID=""
ADDED_HBA=""
cleanup() {
  set +e
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  if [ "$KEEP" = 0 ]; then
    [ -f "$REPLICA_DIR/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null
    psql_p -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null
    rm -rf "$WORK"
    if [ -n "$ADDED_HBA" ]; then  # take the replication line out again
      sed -i '/# balai bench\/scale_out.sh$/d' "$ADDED_HBA"
      psql_p -d postgres -c 'SELECT pg_reload_conf()' >/dev/null
    fi
  else
    echo "kept: replica in $REPLICA_DIR (port $REPLICA_PORT), database $BENCH_DB"
  fi
}
trap cleanup EXIT

echo "== primary at 127.0.0.1:$PRIMARY_PORT"
pg_isready -h 127.0.0.1 -p "$PRIMARY_PORT" -q || { echo "the primary does not answer"; exit 1; }
[ "$(psql_p -d postgres -c 'SHOW wal_level')" != minimal ] \
  || { echo "wal_level=minimal: set wal_level=replica (needs a restart of the primary)"; exit 1; }
[ "$(psql_p -d postgres -c 'SHOW max_wal_senders')" -gt 0 ] \
  || { echo "max_wal_senders=0: raise it (needs a restart of the primary)"; exit 1; }
rules=$(psql_p -d postgres -c \
  "SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND error IS NULL")
if [ "$rules" = 0 ]; then
  hba=$(psql_p -d postgres -c 'SHOW hba_file')
  if [ "$CONFIGURE" = 0 ]; then
    echo "the primary refuses replication connections: $hba has no 'replication' line."
    echo "Rerun with --configure-primary to append one for 127.0.0.1 and reload (no restart)."
    exit 1
  fi
  echo "host replication postgres 127.0.0.1/32 trust  # balai bench/scale_out.sh" >> "$hba"
  ADDED_HBA=$hba
  psql_p -d postgres -c 'SELECT pg_reload_conf()' >/dev/null
  sleep 1
  echo "   added a replication line to $hba and reloaded the primary"
fi

echo "== the replica: pg_basebackup into $REPLICA_DIR, port $REPLICA_PORT"
start=$(date +%s.%N)
mkdir -p "$REPLICA_DIR" "$PGRUN" && chown postgres:postgres "$REPLICA_DIR" "$PGRUN"
chmod 700 "$REPLICA_DIR"
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DIR" \
  -X stream -R -c fast
# A hot standby needs these at least as high as on the primary.
settings=""
for name in max_connections max_worker_processes max_wal_senders max_prepared_transactions \
            max_locks_per_transaction; do
  settings+="$name = $(psql_p -d postgres -c "SHOW $name")"$'\n'
done
cat > "$REPLICA_DIR/postgresql.conf" <<EOF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PGRUN'
hot_standby = on
# Every statement is logged, so the script can count what Balai read here (psql's own are told
# apart by the application name).
log_statement = 'all'
log_line_prefix = '%m [%p] app=%a '
$settings
EOF
cat > "$REPLICA_DIR/pg_hba.conf" <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
chown postgres:postgres "$REPLICA_DIR/postgresql.conf" "$REPLICA_DIR/pg_hba.conf"
as_pg "$PGBIN/pg_ctl" -D "$REPLICA_DIR" -l "$PGRUN/replica.log" -w start >/dev/null
echo "   replica up in $(echo "$(date +%s.%N) - $start" | bc) s; in recovery: $(psql_r -d postgres -c 'SELECT pg_is_in_recovery()')"

echo "== Balai's database $BENCH_DB on the primary (migrate, demo); streamed to the replica"
psql_p -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null
psql_p -d postgres -c "CREATE DATABASE $BENCH_DB" >/dev/null
export SECRET_KEY="balai-scale-out-bench-$(head -c 24 /dev/urandom | base64 | tr -dc a-zA-Z0-9)"
export BALAI_VAR_DIR="$WORK/var" DJANGO_SETTINGS_MODULE=balai.settings
export DATABASE_URL="postgres://postgres@127.0.0.1:$PRIMARY_PORT/$BENCH_DB"
unset REDIS_URL DATABASE_REPLICA_URLS DEBUG
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py createcachetable
"$PY" manage.py collectstatic --noinput -v0
"$PY" manage.py demo >/dev/null
for _ in $(seq 1 60); do
  [ "$(psql_r -d "$BENCH_DB" -c 'SELECT count(*) FROM villages_village' 2>/dev/null)" \
    = "$(psql_p -d "$BENCH_DB" -c 'SELECT count(*) FROM villages_village')" ] && break
  sleep 0.5
done
echo "   villages on the replica: $(psql_r -d "$BENCH_DB" -c 'SELECT count(*) FROM villages_village'), lag $(psql_p -d postgres -c "SELECT coalesce(replay_lag::text, '0') FROM pg_stat_replication LIMIT 1")"

echo "== Balai (gunicorn, 2 workers) at 127.0.0.1:$APP_PORT with DATABASE_REPLICA_URLS"
# Pages are not cached, so every request reads the database.
DATABASE_REPLICA_URLS="postgres://postgres@127.0.0.1:$REPLICA_PORT/$BENCH_DB" \
DATABASE_REPLICA_RETRY_SECONDS=3 PUBLIC_PAGE_CACHE_SECONDS=0 \
DISTRICT_DOMAIN="127.0.0.1:$APP_PORT" \
  "$ROOT/.venv/bin/gunicorn" balai.wsgi -b "127.0.0.1:$APP_PORT" -w 2 --threads 2 \
    --log-level warning >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/" && break; sleep 0.5; done

PAGES=(/ /desa/dagan/ /desa/dagan/berita/ /desa/dagan/statistik/ /desa/dagan/apbdes/ /berita/)
# Statements Balai has run on the replica so far: not psql's, not Django's connection health
# check (SELECT 1 on a reused connection).
replica_statements() {
  grep 'statement: ' "$PGRUN/replica.log" | grep -v 'app=psql' | grep -v 'statement: SELECT 1$' || true
}
replica_reads() { replica_statements | wc -l; }
# Request every page ROUNDS times; print "<requests> <non-200> <seconds>".
load() {
  local rounds=$1 bad=0 n=0 code t0
  t0=$(date +%s.%N)
  for _ in $(seq 1 "$rounds"); do
    for page in "${PAGES[@]}"; do
      code=$(curl -s -o /dev/null -w '%{http_code}' -L "http://127.0.0.1:$APP_PORT$page")
      n=$((n + 1)); [ "$code" = 200 ] || bad=$((bad + 1))
    done
  done
  echo "$n $bad $(echo "$(date +%s.%N) - $t0" | bc)"
}
fail=0
check() { if eval "$2"; then echo "   ok: $1"; else echo "   FAILED: $1"; fail=1; return 1; fi; }

echo "== 1. public pages with the replica up"
before=$(replica_reads)
read -r n bad secs <<<"$(load 10)"
after=$(replica_reads)
echo "   $n requests in $secs s, $bad not 200; statements on the replica: $((after - before))"
check "every public page answered 200" "[ $bad = 0 ]"
check "the replica served the pages (more than one statement per request)" "[ $((after - before)) -gt $n ]"

echo "== 2. a signed-in page reads the primary only"
jar="$WORK/cookies"
curl -s -c "$jar" -o "$WORK/login.html" "http://127.0.0.1:$APP_PORT/masuk/"
token=$(grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' "$WORK/login.html" | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -H "Referer: http://127.0.0.1:$APP_PORT/masuk/" \
  --data-urlencode "csrfmiddlewaretoken=$token" --data-urlencode "email=admin@dagan.desa.id" \
  --data-urlencode "password=demo-balai-2026" "http://127.0.0.1:$APP_PORT/masuk/"
before=$(replica_reads)
code=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/dasbor/dagan/")
public=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/desa/dagan/")
after=$(replica_reads)
echo "   dashboard $code, village home with the session $public; statements on the replica: $((after - before))"
check "signed in: dashboard 200 and no read on the replica" "[ $code = 200 ] && [ $public = 200 ] && [ $((after - before)) = 0 ]"

echo "== 3. the replica behind a village's newest content version"
psql_r -d postgres -c 'SELECT pg_wal_replay_pause()' >/dev/null
psql_p -d "$BENCH_DB" -c "UPDATE villages_village SET content_version = content_version + 1, tagline = 'Versi terbaru dari primer' WHERE slug = 'dagan'"
sleep 0.5
before=$(replica_reads)
body=$(curl -s "http://127.0.0.1:$APP_PORT/desa/dagan/")
after=$(replica_reads)
echo "   replica at version $(psql_r -d "$BENCH_DB" -c "SELECT content_version FROM villages_village WHERE slug = 'dagan'"), primary at $(psql_p -d "$BENCH_DB" -c "SELECT content_version FROM villages_village WHERE slug = 'dagan'"); statements on the replica for the page: $((after - before))"
check "the page shows the primary's newest content" "grep -q 'Versi terbaru dari primer' <<<\"\$body\""
check "the replica only answered the version check" "[ $((after - before)) = 1 ]" \
  || replica_statements | tail -n "$((after - before))" | cut -c1-220
psql_r -d postgres -c 'SELECT pg_wal_replay_resume()' >/dev/null

echo "== 4. the replica stopped"
as_pg "$PGBIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null
read -r n bad secs <<<"$(load 5)"
echo "   $n requests in $secs s, $bad not 200"
check "every page answered 200 without the replica" "[ $bad = 0 ]"
as_pg "$PGBIN/pg_ctl" -D "$REPLICA_DIR" -l "$PGRUN/replica.log" -w start >/dev/null
sleep 4  # DATABASE_REPLICA_RETRY_SECONDS=3
load 2 >/dev/null  # each worker process tries it again
before=$(replica_reads)
read -r n bad secs <<<"$(load 3)"
after=$(replica_reads)
echo "   replica back: $n requests in $secs s, $bad not 200; statements on the replica: $((after - before))"
check "the replica is used again once it is back" "[ $bad = 0 ] && [ $((after - before)) -gt $n ]"

errors=$(grep -c -E 'Traceback|Internal Server Error' "$WORK/app.log" || true)
echo "   server log: $errors errors; replica notices:"
grep -E 'replica' "$WORK/app.log" | sed 's/^/     /' | head -5
check "no error in the server log" "[ $errors = 0 ]"
[ "$fail" = 0 ] && echo "== scale-out rehearsal passed" || { echo "== scale-out rehearsal FAILED"; exit 1; }
