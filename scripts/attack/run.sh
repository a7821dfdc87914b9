#!/usr/bin/env bash
# Attack suite in one command: the URL sweep (every URL, a persona of another region gets 404 and changes
# nothing; anonymous goes to the login page) and tests/security (CSRF refused, foreign ids in each app's
# main forms, hostile uploads to every upload endpoint, markup in text fields on pages and in a book,
# SQL-like and overlong input, hypothesis posting random data to every app's main forms, huge and
# non-numeric page numbers and ids on every URL, Content-Type from content at every download, text limits,
# a reader's GET crawl that writes nothing).
#   scripts/attack/run.sh                                   # SQLite, seconds
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/rancang_attack scripts/attack/run.sh   # PostgreSQL
# Extra arguments go to pytest (e.g. -x, -k uploads). `make test` runs the same tests.
#
# From outside, against a running demo (`make run`), issue 18's probe, a count per category for each check
# (case-variant lockout, reset flood, content-type swap, huge numbers, long text, pixel flood, CSV read with
# ';' and ','); it adds a photo and a progress attempt to the demo, so never point it at a real portal:
#   PROBE_URL=http://127.0.0.1:8000 PROBE_MAIL_LOG=var/server.log scripts/attack/run.sh
# Memory and time of a 39.7-megapixel flood in the upload checks: .venv/bin/python scripts/attack/pixels_memory.py
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -n "${PROBE_URL:-}" ]]; then
    exec .venv/bin/python scripts/attack/probe.py "$PROBE_URL" ${PROBE_MAIL_LOG:+--mail-log "$PROBE_MAIL_LOG"}
fi
exec .venv/bin/pytest -q -p no:randomly --durations=5 tests/test_url_sweep.py tests/security "$@"
