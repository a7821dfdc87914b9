#!/usr/bin/env bash
# Measures `make run` on a clean clone: seconds from the command to the first served page.
# Usage: scripts/time_make_run.sh [PORT]   (leaves nothing running)
set -euo pipefail
port="${1:-8000}"
dir=$(mktemp -d)
git clone -q "$(git rev-parse --show-toplevel)" "$dir/rancang"
cd "$dir/rancang"
start=$(date +%s.%N)
(ADDRESS="127.0.0.1:$port" setsid make run > "$dir/run.log" 2>&1 &)
until curl -fs -o /dev/null "http://127.0.0.1:$port/akun/masuk/"; do
  sleep 0.5
  if ! pgrep -f "$dir/rancang" >/dev/null; then echo "make run stopped:"; tail -20 "$dir/run.log"; exit 1; fi
done
end=$(date +%s.%N)
printf 'make run on a clean clone: first page served after %.0f s\n' "$(echo "$end - $start" | bc)"
pkill -f "$dir/rancang" || true
sleep 1
rm -rf "$dir"
