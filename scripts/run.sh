#!/usr/bin/env bash
# Starts a Celery worker (embedded filesystem broker unless REDIS_URL is set) and the web server.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DEBUG="${DEBUG:-1}"
ADDRESS="${ADDRESS:-127.0.0.1:8000}"
URL="$($BIN/python -m config.address "$ADDRESS")"
export SITE_URL="${SITE_URL:-$URL}"  # the e-mails' links name the address really served
$BIN/celery -A config worker --loglevel WARNING --queues default,render,mail --concurrency "${WORKERS:-2}" &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
echo
echo "Rancang berjalan di $URL  (Ctrl+C untuk berhenti)"
echo
$BIN/python manage.py runserver "$ADDRESS"
