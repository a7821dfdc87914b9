"""`make run` announces, and puts in the e-mails' links, the address it really serves (config/address.py)."""

import subprocess
import sys
from pathlib import Path

import pytest

from config import address


@pytest.mark.parametrize(
    "given, url",
    [
        ("", "http://127.0.0.1:8000"),
        ("8081", "http://127.0.0.1:8081"),
        ("127.0.0.1:9000", "http://127.0.0.1:9000"),
        ("portal.local:80", "http://portal.local"),
        ("[::1]:8002", "http://[::1]:8002"),
    ],
)
def test_the_served_address_is_the_announced_url(given, url):
    assert address.site_url(given) == url


def test_every_interface_is_announced_as_this_machines_address(monkeypatch):
    monkeypatch.setattr(address, "public_host", lambda host: "10.0.0.7" if host == "0.0.0.0" else host)
    assert address.site_url("0.0.0.0:8080") == "http://10.0.0.7:8080"


def test_the_run_script_uses_it_for_the_announcement_and_the_mails():
    root = Path(__file__).resolve().parents[2]
    script = (root / "scripts" / "run.sh").read_text()
    assert 'export SITE_URL="${SITE_URL:-$URL}"' in script and "Rancang berjalan di $URL" in script
    printed = subprocess.run(
        [sys.executable, "-m", "config.address", "8123"], cwd=root, capture_output=True, text=True, check=True
    )
    assert printed.stdout.strip() == "http://127.0.0.1:8123"
