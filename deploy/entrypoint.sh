#!/bin/sh
# One image, several roles. The first argument names the role; anything else runs as given.
#   web       gunicorn (deploy/gunicorn.conf.py)
#   worker    Celery on the render queue: prefetch 1, concurrency = CELERY_RENDER_CONCURRENCY (default: cores)
#   mailer    Celery on the default and mail queues
#   migrate   migrate the database and load the regions (one-shot, idempotent)
#   manage    manage.py with the remaining arguments, e.g. `manage backup --out /backups/today`
set -eu
cd /app

role="${1:-web}"
[ $# -gt 0 ] && shift

case "$role" in
  web)
    exec gunicorn --config deploy/gunicorn.conf.py config.wsgi "$@"
    ;;
  worker)
    # nice: on a machine shared with the web container, renders yield the CPU to page requests
    exec nice -n 10 celery --app config worker --queues render --prefetch-multiplier 1 \
      --concurrency "${CELERY_RENDER_CONCURRENCY:-$(nproc)}" --hostname "render@%h" --loglevel "${LOG_LEVEL:-INFO}" "$@"
    ;;
  mailer)
    exec celery --app config worker --queues default,mail --prefetch-multiplier 1 \
      --concurrency "${CELERY_MAIL_CONCURRENCY:-2}" --hostname "mail@%h" --loglevel "${LOG_LEVEL:-INFO}" "$@"
    ;;
  migrate)
    python manage.py migrate --noinput
    exec python manage.py load_regions
    ;;
  manage)
    exec python manage.py "$@"
    ;;
  *)
    exec "$role" "$@"
    ;;
esac
