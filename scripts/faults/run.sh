#!/usr/bin/env bash
# Fault run in one command (as root: the private PostgreSQL cluster runs as the postgres user):
#   scripts/faults/run.sh
# Starts a private PostgreSQL (port 5440) and Redis (6390, append-only) under /tmp/rancang-faults, gunicorn
# (8115) and two Celery workers; asks for many book exports and keeps editing through the web while it
# SIGKILLs a render process mid-render, SIGKILLs a whole worker, restarts Redis and restarts PostgreSQL.
# Then checks that every job is done or visibly failed, no export is lost or duplicated and no edit is
# lost, and prints PASS or FAIL (exit status 0 or 1). Tunables: FAULTS_REGIONS (3), FAULTS_ROUNDS (3),
# FAULTS_SETTLE_SECONDS (420), FAULTS_DIR, FAULTS_PG_PORT, FAULTS_REDIS_PORT, FAULTS_WEB_PORT.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec .venv/bin/python scripts/faults/drive.py "$@"
