"""Run Django in a child process with a chosen environment (settings are read once, at start-up)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Variables of the parent run that would leak into the child's settings: every one .env.example names,
# and the one Playwright's tests set (Django's deploy check refuses it).
INHERITED_OUT = {
    *(
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if re.match(r"^[A-Z_]+=", line)
    ),
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def child_env(tmp_path, **overrides):
    env = {key: value for key, value in os.environ.items() if key not in INHERITED_OUT}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", RANCANG_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    env.update(overrides)
    return env


def run_python(code, tmp_path, **overrides):
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=child_env(tmp_path, **overrides), capture_output=True, text=True
    )


def run_manage(args, tmp_path, **overrides):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=child_env(tmp_path, **overrides),
        capture_output=True,
        text=True,
    )
