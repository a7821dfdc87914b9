"""`manage.py restore`: a backup folder into an empty database and media storage, then checked."""

import gzip
import hashlib
import json
import tarfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connections
from django.db.migrations.loader import MigrationLoader

from core.fragments import forget_all_fragments

from .dump import referenced_files
from .manifest import DATABASE_FILE, MEDIA_FILE, BackupError, read_manifest, verify_archives


@dataclass
class RestoreReport:
    models: dict = field(default_factory=dict)  # label -> (expected, found)
    files: int = 0
    bytes: int = 0
    warnings: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def check_migrations(manifest, using):
    """Refuse a backup made by a newer Rancang; warn when this code has migrations the backup lacks."""
    known = set(MigrationLoader(connections[using], ignore_no_migrations=True).disk_migrations)
    in_backup = {tuple(name.split(".", 1)) for name in manifest["migrations"]}
    unknown = sorted(f"{app}.{name}" for app, name in in_backup - known)
    if unknown:
        raise BackupError(
            "Cadangan ini dibuat oleh versi Rancang yang lebih baru (migrasi tidak dikenal: "
            + ", ".join(unknown[:5])
            + "). Pulihkan dengan versi yang sama, lalu tingkatkan."
        )
    newer = sorted(f"{app}.{name}" for app, name in known - in_backup)
    return (
        [f"Kode ini punya {len(newer)} migrasi yang belum ada saat pencadangan; data dimuat ke skema yang lebih baru."]
        if newer
        else []
    )


def _backup_keys(path, labels):
    """{label: {pk, ...}} of the rows of `labels` in the dump."""
    keys = {label: set() for label in labels}
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            if row["model"] in keys:
                keys[row["model"]].add(str(row.get("pk")))
    return keys


def occupied(manifest, path, using):
    """What makes the target database non-empty: any user, or any row the backup would not replace
    (rows the migrations themselves create, such as the six dimensions, are replaced and so allowed)."""
    found = []
    if get_user_model()._default_manager.using(using).exists():
        found.append(get_user_model()._meta.label_lower)
    counted = {}
    for label in manifest["models"]:
        model = apps.get_model(label)
        if label not in found and model._base_manager.using(using).exists():
            counted[label] = model
    if counted:
        keys = _backup_keys(path, counted)
        for label, model in counted.items():
            pks = {str(pk) for pk in model._base_manager.using(using).values_list("pk", flat=True)}
            if pks - keys[label]:
                found.append(label)
    return found


@contextmanager
def history_paused():
    """The backup holds every history row already: loading must not add any. django-simple-history
    skips raw saves but records the many-to-many changes loaddata makes, unless it is switched off."""
    missing = object()
    previous = getattr(settings, "SIMPLE_HISTORY_ENABLED", missing)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        if previous is missing:
            del settings.SIMPLE_HISTORY_ENABLED
        else:
            settings.SIMPLE_HISTORY_ENABLED = previous


def _safe_member(member):
    path = PurePosixPath(member.name)
    return member.isfile() and not path.is_absolute() and ".." not in path.parts


def restore_media(archive_path, manifest, storage):
    expected = manifest["files"]
    with tarfile.open(archive_path, "r:gz") as archive:
        for member in archive:
            if not _safe_member(member) or member.name not in expected:
                raise BackupError(f"{archive_path}: bagian '{member.name}' tidak tercatat di manifest; dibatalkan.")
            if storage.exists(member.name):
                storage.delete(member.name)  # only with --force: restore_backup refused earlier otherwise
            with archive.extractfile(member) as handle:
                content = File(handle, name=member.name)
                content.size = member.size
                saved = storage.save(member.name, content)
            if saved != member.name:
                raise BackupError(f"Media {member.name}: tersimpan sebagai {saved}; penyimpanan mengganti namanya.")


def verify(manifest, storage, using, report):
    for label, expected in sorted(manifest["models"].items()):
        found = apps.get_model(label)._base_manager.using(using).count()
        report.models[label] = (expected, found)
        if found != expected:
            report.errors.append(f"{label}: {found} baris, seharusnya {expected}.")
    for name, meta in sorted(manifest["files"].items()):
        try:
            with storage.open(name, "rb") as handle:
                digest = hashlib.sha256()
                while block := handle.read(1024 * 1024):
                    digest.update(block)
        except FileNotFoundError:
            report.errors.append(f"Media {name}: tidak ditemukan setelah pemulihan.")
            continue
        if digest.hexdigest() != meta["sha256"]:
            report.errors.append(f"Media {name}: checksum berbeda dari manifest.")
        report.files += 1
        report.bytes += meta["size"]
    known_missing = set(manifest.get("missing_at_backup", []))
    for label, field_name, name in referenced_files(using):
        if not storage.exists(name):
            reference = f"{label}.{field_name}: {name}"
            if reference in known_missing:
                report.warnings.append(f"{reference} sudah hilang saat pencadangan.")
            else:
                report.errors.append(f"{reference}: berkas yang dirujuk tidak ada.")


def restore_backup(*, source, using="default", storage=None, force=False):
    """Restore a backup folder; returns a RestoreReport. Nothing is written if the archives don't
    match the manifest or the target holds data (unless force)."""
    storage = storage or default_storage
    source = Path(source)
    manifest = read_manifest(source)
    verify_archives(source, manifest)
    report = RestoreReport()
    report.warnings += check_migrations(manifest, using)
    existing = [name for name in manifest["files"] if storage.exists(name)]
    if existing and not force:
        raise BackupError(
            f"Penyimpanan media tidak kosong: {len(existing)} berkas cadangan sudah ada (mis. {existing[0]}). "
            "Pulihkan ke penyimpanan kosong, atau gunakan --force untuk menimpa."
        )
    call_command("migrate", database=using, interactive=False, verbosity=0)
    database_path = source / DATABASE_FILE
    taken = occupied(manifest, database_path, using)
    if taken and not force:
        raise BackupError(
            "Basis data tujuan tidak kosong (" + ", ".join(taken[:5]) + "). "
            "Pulihkan ke basis data kosong, atau gunakan --force untuk menghapus isinya lebih dulu."
        )
    # Empty the tables (also the rows the migrations created): the backup holds them all.
    call_command("flush", database=using, interactive=False, verbosity=0)
    with history_paused():
        call_command("loaddata", str(database_path), database=using, verbosity=0)
    restore_media(source / MEDIA_FILE, manifest, storage)
    forget_all_fragments()  # pages cached before the restore show other content under the same versions
    verify(manifest, storage, using, report)
    return report
