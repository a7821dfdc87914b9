"""The English catalogue is complete: every message of the source has a translation that is not fuzzy, and
makemessages run on the source adds nothing (a string marked for translation but never extracted fails here)."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PO = ROOT / "locale/en/LC_MESSAGES/django.po"
SOURCE = ["accounts", "backups", "bimtek", "books", "config", "core", "masterplan", "monev", "plan", "quickwins"]
SOURCE += ["review", "rpjmd", "templates", "locale", "manage.py"]


def _msgids(path):
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete and e.msgid}


def test_every_message_has_an_english_translation():
    catalogue = polib.pofile(str(PO))
    untranslated = [e.msgid for e in catalogue.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries() if not e.obsolete]
    assert untranslated == [], f"untranslated in {PO.relative_to(ROOT)}: {untranslated[:20]}"
    assert fuzzy == [], f"fuzzy (check and translate): {fuzzy[:20]}"


def test_the_catalogue_holds_every_message_of_the_source(tmp_path):
    for name in SOURCE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(source, tmp_path / name)
    command = [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete", "-v", "0"]
    subprocess.run(
        command,
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={**_env(), "RANCANG_DATA_DIR": str(tmp_path / "var")},
    )

    extracted = _msgids(tmp_path / "locale/en/LC_MESSAGES/django.po")
    missing = sorted(m for _ctx, m in extracted - _msgids(PO))
    assert missing == [], f"run makemessages and translate: {missing[:20]}"


def _env():
    import os

    keep = ("PATH", "HOME", "LANG", "LC_ALL", "VIRTUAL_ENV")
    return {k: v for k, v in os.environ.items() if k in keep}
