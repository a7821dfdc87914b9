#!/usr/bin/env bash
# Measures `make run` on a clean clone: seconds from the command to the first served page.
# Usage: scripts/time_make_run.sh [PORT]   (leaves nothing running)
set -euo pipefail
port="${1:-8000}"
dir=$(mktemp -d)
git clone -q "$(git rev-parse --show-toplevel)" "$dir/rancang"
cd "$dir/rancang"
if curl -fs -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already in use" >&2; exit 1; fi
set -m  # the background job gets its own process group, so it can be stopped whole
start=$(date +%s)
ADDRESS="127.0.0.1:$port" make run > "$dir/run.log" 2>&1 &
pid=$!
trap 'kill -- -$pid 2>/dev/null; sleep 1; rm -rf "$dir"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/akun/masuk/"; do
  sleep 0.5
  if ! kill -0 "$pid" 2>/dev/null; then echo "make run stopped:"; tail -20 "$dir/run.log"; exit 1; fi
done
echo "make run on a clean clone: first page served after $(( $(date +%s) - start )) s"
