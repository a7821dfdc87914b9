"""Uploaded RPJMD files waiting for their confirmation (not content: nothing here is reported).

Kept under the data folder, keyed by a random token that is tied to the user and the masterplan in its name
(nobody else can confirm it)."""

import json
import secrets
import time
from pathlib import Path

from django.conf import settings

PENDING_MAX_AGE = 6 * 3600  # seconds an uploaded file waits for its confirmation
TOKEN_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _pending_dir():
    folder = Path(settings.DATA_DIR) / "rpjmd-imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _pending_path(masterplan_id, user_id, token):
    if not token or len(token) > 64 or not set(token) <= TOKEN_ALPHABET:
        return None
    return _pending_dir() / f"{int(masterplan_id)}-{int(user_id)}-{token}"


def store_pending(*, masterplan_id, user_id, data, name, period=None):
    _cleanup()
    token = secrets.token_urlsafe(24)
    path = _pending_path(masterplan_id, user_id, token)
    path.with_suffix(".bin").write_bytes(data)
    path.with_suffix(".json").write_text(json.dumps({"name": name[:200], "period": period}))
    return token


def load_pending(*, masterplan_id, user_id, token):
    """(bytes, meta) of a stored upload, or None when it is gone, expired or not this user's."""
    path = _pending_path(masterplan_id, user_id, token)
    if path is None:
        return None
    data_path, meta_path = path.with_suffix(".bin"), path.with_suffix(".json")
    try:
        if time.time() - data_path.stat().st_mtime > PENDING_MAX_AGE:
            return None
        return data_path.read_bytes(), json.loads(meta_path.read_text())
    except (OSError, ValueError):
        return None


def drop_pending(*, masterplan_id, user_id, token):
    path = _pending_path(masterplan_id, user_id, token)
    if path is None:
        return
    for suffix in (".bin", ".json"):
        path.with_suffix(suffix).unlink(missing_ok=True)


def _cleanup():
    limit = time.time() - PENDING_MAX_AGE
    for path in _pending_dir().iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink(missing_ok=True)
        except OSError:
            continue
