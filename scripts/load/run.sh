#!/usr/bin/env bash
# Load test in one command: PostgreSQL database, 50 generated regions with content, gunicorn with production
# settings (plus a query counter), one Celery render worker, a headless locust run, a summary. Everything it
# starts, it stops.
#   scripts/load/run.sh                                  # 20 users, 60 s
#   USERS=50 DURATION=3m scripts/load/run.sh             # what was measured on the shared 2-core machine
#   USERS=100 DURATION=10m scripts/load/run.sh           # the issue's target
# DATABASE_URL (default postgres://postgres@127.0.0.1:5432/rancang_load), REDIS_URL (redis://127.0.0.1:6379/9,
# its database is emptied first), PORT (8114), REGIONS (50), LOAD_WAIT ("1-3" s between actions; "0" for
# capacity), GUNICORN_WORKERS (2 x cores + 1), SKIP_SEED=1 (the regions exist already).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$PWD/.venv/bin
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/rancang_load}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/9}"
export DEBUG=0 ALLOWED_HOSTS=127.0.0.1 RANCANG_DATA_DIR="${RANCANG_DATA_DIR:-$PWD/var/load}"
export SECRET_KEY="${SECRET_KEY:-$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export LOAD_REGIONS="${REGIONS:-50}" LOAD_WAIT="${LOAD_WAIT:-1-3}"
PORT="${PORT:-8114}"
OUT="var/load/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

db_name="${DATABASE_URL##*/}"
psql "${DATABASE_URL%/*}/postgres" -qtc "select 1 from pg_database where datname='$db_name'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -qc "create database \"$db_name\""
$BIN/python manage.py migrate --noinput -v 0
[ -n "${SKIP_SEED:-}" ] || $BIN/python scripts/load/seed.py --regions "$LOAD_REGIONS"
$BIN/python manage.py axes_reset >/dev/null  # lockouts of an earlier run would fail its logins
redis-cli -u "$REDIS_URL" flushdb >/dev/null  # this run's own broker database: no tasks of the seeding
psql "$DATABASE_URL" -qtc "select coalesce(max(id), 0) from books_exportjob" | tr -d ' \n' >"$OUT/first_job"

PIDS=()
stop() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM
DJANGO_SETTINGS_MODULE=load_settings PYTHONPATH="$PWD/scripts/load:$PWD" GUNICORN_BIND="127.0.0.1:$PORT" \
  GUNICORN_LOG_LEVEL=warning $BIN/gunicorn --config deploy/gunicorn.conf.py --access-logfile "$OUT/access.log" \
  config.wsgi &
PIDS+=($!)
nice -n 10 $BIN/celery --app config worker --queues render,default --concurrency 1 --prefetch-multiplier 1 \
  --hostname "load-render@%h" --loglevel WARNING --logfile "$OUT/worker.log" &
PIDS+=($!)
# up to 60 s: on the shared 2-core machine gunicorn took more than 20 s to answer, and every request failed
for _ in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/akun/masuk/" && break; sleep 0.2; done

$BIN/locust -f scripts/load/locustfile.py --headless --only-summary \
  -u "${USERS:-20}" -r "${SPAWN_RATE:-5}" -t "${DURATION:-60s}" \
  --host "http://127.0.0.1:$PORT" --csv "$OUT/locust" "$@" 2>"$OUT/locust.log" || true
$BIN/python scripts/load/summary.py "$OUT" "$(cat "$OUT/first_job")" | tee "$OUT/summary.md"
