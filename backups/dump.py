"""`manage.py backup`: the database as JSON Lines and the media storage as a tar, with a manifest."""

import gzip
import hashlib
import os
import posixpath
import tarfile
from contextlib import contextmanager
from pathlib import Path

import django
from django.apps import apps
from django.core import serializers
from django.core.files.storage import default_storage
from django.db import connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from .manifest import DATABASE_FILE, EXCLUDED_MODELS, FORMAT, MEDIA_FILE, BackupError, sha256_of, write_manifest


def backed_up_models():
    """Every concrete model of every installed app (other apps' models included, automatically),
    ordered so that rows referred to by natural key come before the rows referring to them."""
    by_app = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label_lower in EXCLUDED_MODELS:
            continue
        by_app.setdefault(apps.get_app_config(meta.app_label), []).append(model)
    return serializers.sort_dependencies(by_app.items(), allow_cycles=True)


@contextmanager
def snapshot(using):
    """One consistent view of the database for the whole dump (REPEATABLE READ on PostgreSQL)."""
    connection = connections[using]
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


class _Counting:
    def __init__(self, iterable):
        self.iterable = iterable
        self.count = 0

    def __iter__(self):
        for item in self.iterable:
            self.count += 1
            yield item


def dump_database(path, using):
    counts = {}
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        for model in backed_up_models():
            rows = _Counting(model._base_manager.using(using).order_by("pk").iterator(chunk_size=2000))
            serializers.serialize("jsonl", rows, stream=stream, use_natural_foreign_keys=True)
            counts[model._meta.label_lower] = rows.count
    return counts


def storage_files(storage, folder=""):
    """Names of every file in a storage (FileSystemStorage, S3...), sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [posixpath.join(folder, name) if folder else name for name in files]
    for sub in folders:
        names += storage_files(storage, posixpath.join(folder, sub) if folder else sub)
    return sorted(names)


class _HashingReader:
    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        block = self.handle.read(size)
        self.digest.update(block)
        self.size += len(block)
        return block


def dump_media(path, storage):
    files = {}
    with tarfile.open(path, "w:gz") as archive:
        for name in storage_files(storage):
            info = tarfile.TarInfo(name)
            info.size = storage.size(name)
            info.mode = 0o640
            with storage.open(name, "rb") as handle:
                reader = _HashingReader(handle)
                archive.addfile(info, reader)
            if reader.size != info.size:
                raise BackupError(f"Media {name}: berubah ukuran saat dicadangkan; ulangi pencadangan.")
            files[name] = {"sha256": reader.digest.hexdigest(), "size": info.size}
    return files


def referenced_files(using):
    """(model label, field, name) of every FileField value in the database."""
    for model in backed_up_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names = model._base_manager.using(using).exclude(**{field.name: ""}).values_list(field.name, flat=True)
                for name in names.iterator():
                    if name:
                        yield model._meta.label_lower, field.name, name


def create_backup(*, out, using="default", storage=None):
    """Write a backup folder; returns the manifest. The folder must not exist or be empty."""
    storage = storage or default_storage
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BackupError(f"{out}: folder tujuan sudah berisi berkas; pilih folder baru.")
    out.mkdir(parents=True, exist_ok=True)
    os.chmod(out, 0o700)
    connection = connections[using]
    with snapshot(using):
        counts = dump_database(out / DATABASE_FILE, using)
        applied = sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())
        references = list(referenced_files(using))
    # Media after the database: every file the dump refers to is in the archive unless it was deleted meanwhile.
    files = dump_media(out / MEDIA_FILE, storage)
    missing = sorted(f"{label}.{field}: {name}" for label, field, name in references if name not in files)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "django": django.get_version(),
        "database_vendor": connection.vendor,
        "migrations": applied,
        "models": counts,
        "files": files,
        "missing_at_backup": missing,
        "archives": {name: sha256_of(out / name) for name in (DATABASE_FILE, MEDIA_FILE)},
    }
    write_manifest(out, manifest)
    return manifest
