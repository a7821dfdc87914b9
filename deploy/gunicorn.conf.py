"""Gunicorn settings for Rancang, read from the environment with the same strict readers as Django's.

    gunicorn --config deploy/gunicorn.conf.py config.wsgi

GUNICORN_BIND         address or unix:/run/rancang/gunicorn.sock      (default 0.0.0.0:8000)
GUNICORN_WORKERS      processes                                      (default 2 x cores + 1, at most 12)
GUNICORN_THREADS      threads per process                            (default 1)
GUNICORN_TIMEOUT      seconds before a silent worker is restarted    (default 60; PDFs render in Celery)
FORWARDED_ALLOW_IPS   proxies whose X-Forwarded-* headers gunicorn trusts (default 127.0.0.1,::1)
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from config.env import env_int, env_str  # noqa: E402

bind = [env_str("GUNICORN_BIND", "0.0.0.0:8000")]
workers = env_int("GUNICORN_WORKERS", min(2 * (os.cpu_count() or 1) + 1, 12), minimum=1, maximum=64)
threads = env_int("GUNICORN_THREADS", 1, minimum=1, maximum=32)
timeout = env_int("GUNICORN_TIMEOUT", 60, minimum=10, maximum=600)
graceful_timeout = 30
keepalive = 5
# Recycle processes now and then so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# Heartbeat files in memory, not on a (possibly slow or read-only) disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
forwarded_allow_ips = env_str("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs go to stdout/stderr (journald or docker logs). %(M)s: milliseconds; X-Real-IP: the client behind the proxy.
accesslog = "-"
errorlog = "-"
loglevel = env_str("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s %({x-real-ip}i)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
