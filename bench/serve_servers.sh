#!/usr/bin/env bash
# gunicorn vs granian under Balai: requests/s and latency of a cached and an uncached village
# home, with ApacheBench (apache2-utils) and keep-alive. Needs a demo build:
#   BALAI_VAR_DIR=/tmp/balai-bench make demo   (or: manage.py migrate, createcachetable, demo)
#   GRANIAN=/path/to/granian BALAI_VAR_DIR=/tmp/balai-bench bench/serve_servers.sh
# GRANIAN is a granian executable (granian is not a Balai dependency: install it in a
# throw-away virtualenv); without it only gunicorn is measured. ROUNDS=3 interleaves three
# rounds (on a busy machine, compare each server's best round).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BALAI_VAR_DIR:?set BALAI_VAR_DIR to a demo build}"
PORT=${PORT:-8102}
N=${N:-4000}
C=${C:-16}
PATH_CACHED=${PATH_CACHED:-/desa/dagan/}
WORKERS=${WORKERS:-2}
THREADS=${THREADS:-4}
export BALAI_VAR_DIR DISTRICT_DOMAIN=127.0.0.1:$PORT
export SECRET_KEY=${SECRET_KEY:-$(python3 -c "import secrets; print(secrets.token_urlsafe(50))")}
SITE=$(.venv/bin/python -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")

cpu_ticks() {  # user+system clock ticks of a process and all its descendants
  local total=0 pid
  for pid in $1 $(pgrep -P "$1") $(for c in $(pgrep -P "$1"); do pgrep -P "$c"; done); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

measure() {  # name, then the server's command line
  local name=$1; shift
  for mode in cached uncached; do
    if [ "$mode" = uncached ]; then export PUBLIC_PAGE_CACHE_SECONDS=0; else export PUBLIC_PAGE_CACHE_SECONDS=600; fi
    "$@" >/tmp/balai-bench-server.log 2>&1 &
    local pid=$!
    for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT$PATH_CACHED" && break; sleep 0.2; done
    ab -q -k -c "$C" -n 200 "http://127.0.0.1:$PORT$PATH_CACHED" >/dev/null  # warm up
    local out before after
    before=$(cpu_ticks "$pid")
    out=$(ab -q -k -c "$C" -n "$N" "http://127.0.0.1:$PORT$PATH_CACHED")
    after=$(cpu_ticks "$pid")
    # Server CPU per request (ms): steadier than req/s when other work shares the machine.
    local cpu_ms
    cpu_ms=$(awk -v t=$(( after - before )) -v hz="$(getconf CLK_TCK)" -v n="$N" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')
    printf '%-22s %-9s %8s req/s  p50 %4s ms  p99 %4s ms  cpu %5s ms/req  failed %s\n' "$name" "$mode" \
      "$(awk '/Requests per second/ {print $4}' <<<"$out")" \
      "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" "$cpu_ms" \
      "$(awk '/Failed requests/ {print $3}' <<<"$out")"
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  done
}

for round in $(seq "${ROUNDS:-1}"); do
echo "round $round  ($(uptime | sed 's/.*load/load/'))"
measure "gunicorn gthread ${WORKERS}x${THREADS}" .venv/bin/python -m gunicorn balai.wsgi:application \
  --bind 127.0.0.1:$PORT --workers "$WORKERS" --worker-class gthread --threads "$THREADS" \
  --keep-alive 5 --no-control-socket --error-logfile -
measure "gunicorn sync ${WORKERS}" .venv/bin/python -m gunicorn balai.wsgi:application \
  --bind 127.0.0.1:$PORT --workers "$WORKERS" --no-control-socket --error-logfile -
if [ -n "${GRANIAN:-}" ]; then
  PYTHONPATH="$PWD:$SITE" measure "granian wsgi ${WORKERS}x${THREADS}" "$GRANIAN" --interface wsgi \
    --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" --blocking-threads "$THREADS" \
    --no-ws --log-level warning balai.wsgi:application
fi
done
