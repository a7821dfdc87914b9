#!/usr/bin/env bash
# Load test in one command: PostgreSQL database, 50 generated regions, gunicorn with production
# settings, a headless locust run, a summary. Everything it starts, it stops.
#   scripts/load/run.sh                                  # 20 users, 60 s
#   USERS=100 DURATION=10m scripts/load/run.sh           # the issue's target
# DATABASE_URL (default postgres://postgres@127.0.0.1:5432/rancang_load), PORT (8107), REGIONS (50),
# LOAD_WAIT ("1-3" s between pages; "0" for capacity), GUNICORN_WORKERS (2 x cores + 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/rancang_load}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/7}"
export DEBUG=0 ALLOWED_HOSTS=127.0.0.1 RANCANG_DATA_DIR="${RANCANG_DATA_DIR:-$PWD/var/load}"
export SECRET_KEY="${SECRET_KEY:-$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export LOAD_REGIONS="${REGIONS:-50}" LOAD_WAIT="${LOAD_WAIT:-1-3}"
PORT="${PORT:-8107}"
OUT="var/load/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

db_name="${DATABASE_URL##*/}"
psql "${DATABASE_URL%/*}/postgres" -qtc "select 1 from pg_database where datname='$db_name'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -qc "create database \"$db_name\""
$BIN/python manage.py migrate --noinput -v 0
$BIN/python scripts/load/seed.py --regions "$LOAD_REGIONS"
$BIN/python manage.py axes_reset >/dev/null  # lockouts of an earlier run would fail its logins

GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_LOG_LEVEL=warning \
  $BIN/gunicorn --config deploy/gunicorn.conf.py --access-logfile "$OUT/access.log" config.wsgi &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/akun/masuk/" && break; sleep 0.2; done

$BIN/locust -f scripts/load/locustfile.py --headless --only-summary \
  -u "${USERS:-20}" -r "${SPAWN_RATE:-5}" -t "${DURATION:-60s}" \
  --host "http://127.0.0.1:$PORT" --csv "$OUT/locust" "$@"
echo "Hasil: $OUT/locust_stats.csv"
