"""What a backup folder holds and how its parts are checked.

A backup is a folder with three files:
    database.jsonl.gz   every row of every installed model (historical records included), JSON Lines,
                        natural keys for content types, permissions and users: portable between
                        SQLite and PostgreSQL, loadable with `loaddata`
    media.tar.gz        every file of the media storage (filesystem or S3)
    manifest.json       written last: counts per model, a SHA-256 per media file and per archive,
                        the applied migrations; a folder without it is an unfinished backup
"""

import hashlib
import json
from pathlib import Path

FORMAT = 1
DATABASE_FILE = "database.jsonl.gz"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"

# Rebuilt by `migrate` on the target (content types, permissions) or worthless after a restore (sessions).
EXCLUDED_MODELS = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message (Indonesian) says what and where."""


def sha256_of(path, chunk=1024 * 1024):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(folder, manifest):
    path = Path(folder) / MANIFEST_FILE
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    partial.replace(path)


def read_manifest(folder):
    path = Path(folder) / MANIFEST_FILE
    if not path.is_file():
        raise BackupError(
            f"{path}: tidak ada manifest. Folder ini bukan cadangan Rancang atau cadangannya belum selesai."
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path}: manifest rusak ({error}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: format manifest tidak dikenal (diharapkan format {FORMAT}).")
    for key in ("models", "files", "archives", "migrations"):
        if not isinstance(manifest.get(key), dict | list):
            raise BackupError(f"{path}: manifest tidak memuat '{key}'.")
    return manifest


def verify_archives(folder, manifest):
    """Refuse a backup whose archives are missing or changed since the manifest was written."""
    for name, expected in manifest["archives"].items():
        path = Path(folder) / name
        if not path.is_file():
            raise BackupError(f"{path}: berkas cadangan hilang.")
        if sha256_of(path) != expected:
            raise BackupError(f"{path}: checksum tidak cocok dengan manifest; berkas rusak atau diubah.")
