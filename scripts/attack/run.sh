#!/usr/bin/env bash
# Attack suite in one command: the URL sweep (every URL, a persona of another region gets 404 and changes
# nothing; anonymous goes to the login page) and tests/security (CSRF refused, foreign ids in each app's
# main forms, hostile uploads to every upload endpoint, markup in text fields on pages and in a book,
# SQL-like and overlong input, hypothesis posting random data to every app's main forms).
#   scripts/attack/run.sh                                   # SQLite, seconds
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/rancang_attack scripts/attack/run.sh   # PostgreSQL
# Extra arguments go to pytest (e.g. -x, -k uploads). `make test` runs the same tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec .venv/bin/pytest -q -p no:randomly --durations=5 tests/test_url_sweep.py tests/security "$@"
