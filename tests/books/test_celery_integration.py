"""A real Celery worker against the real Redis broker: an export ends done, and a worker child killed in the
middle of a render loses nothing (acks_late + reject_on_worker_lost: the task runs again, done once).

Needs REDIS_URL and a database a second process can open (PostgreSQL, or SQLite on disk); skipped otherwise:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rancang_books REDIS_URL=redis://127.0.0.1:6379/5 \
        .venv/bin/pytest -q tests/books/test_celery_integration.py
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from books import services
from books.models import ExportJob
from tests.factories import MasterplanFactory, OPDFactory, RegionFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set"),
    pytest.mark.django_db(transaction=True),  # reference data comes back through tests/conftest.py
]


def _database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        if ":memory:" in str(db["NAME"]) or "mode=memory" in str(db["NAME"]):
            pytest.skip("the test database is in memory; a worker process cannot open it")
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path, settings):
    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "RANCANG_DATA_DIR": str(tmp_path / "var"),
        "DB_CONN_MAX_AGE": "0",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--queues",
            "render",
            "--concurrency",
            "1",
            "--loglevel",
            "WARNING",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()


def _children(pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _wait(job, states, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in states:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job still {job.status} ({job.stage}) after {seconds} s")


def test_worker_killed_mid_render_reruns_and_ends_done_once(worker, settings):
    assert settings.CELERY_BROKER_URL.startswith("redis")
    region = RegionFactory()
    mp = MasterplanFactory(region=region)
    for n in range(900):  # a long team table: a few seconds of layout, time to kill the worker
        OPDFactory(region=region, acronym=f"OPD {n:03d}", name=f"Dinas Uji Nomor {n:03d} " + "panjang " * 6)
    job = services.request_export(masterplan=mp, book_keys=["analisis"], variant="draft")[0]
    _wait(job, {"running"}, 60)
    time.sleep(0.8)  # inside WeasyPrint now
    children = _children(worker.pid)
    assert children, "the worker has no pool process"
    for pid in children:
        os.kill(pid, signal.SIGKILL)
    job = _wait(job, {"done", "failed"}, 120)
    assert job.status == "done", job.error
    assert job.attempts == 2 and job.page_count > 10 and job.size > 0
    assert ExportJob.objects.filter(pk=job.pk, status="done").count() == 1
    assert Path(settings.MEDIA_ROOT, job.file.name).is_file()
