"""With nothing configured, a real Celery worker runs on kombu's filesystem broker (no Redis needed)."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.integration
def test_a_real_worker_consumes_from_the_filesystem_broker(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update(RANCANG_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="config.settings", PYTHONUNBUFFERED="1")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", "mail", "-c", "1", "--loglevel", "INFO"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        send = (
            "import django; django.setup(); from core.tasks import send_email; "
            "send_email.delay('Uji broker berkas', 'Isi', ['a@uji.test'])"
        )
        subprocess.run([sys.executable, "-c", send], cwd=ROOT, env=env, check=True, timeout=60)
        output = []
        reader = threading.Thread(target=lambda: output.extend(iter(worker.stdout.readline, "")), daemon=True)
        reader.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any("succeeded" in line for line in list(output)):
            time.sleep(0.2)
        text = "".join(output)
        assert "Uji broker berkas" in text and "succeeded" in text, text[-2000:]
        assert (tmp_path / "broker" / "queue").is_dir()
    finally:
        worker.terminate()
        worker.wait(timeout=20)
