"""Backup and restore: a backup restored into an empty database finds every masterplan, file and history entry."""

import hashlib
import io
import json

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from PIL import Image

from backups.dump import backed_up_models
from backups.manifest import EXCLUDED_MODELS, BackupError
from backups.restore import restore_backup
from masterplan.models import OPD, Masterplan, Membership, Role
from tests.factories import MasterplanFactory, MembershipFactory, OPDFactory, UserFactory

from .helpers import run_manage

# Read back from the restored database in a child process, as plain JSON.
READ_BACK = """
import hashlib, json
from django.core.files.storage import default_storage
from masterplan.models import Masterplan, Membership, OPD
from accounts.models import User
print(json.dumps({
    "masterplans": sorted([m.pk, m.title, m.region.code, m.logo.name] for m in Masterplan.objects.all()),
    "members": sorted([m.masterplan_id, m.user.email, m.role, m.opd.acronym if m.opd else None] for m in Membership.objects.all()),
    "opds": sorted([o.region.code, o.acronym, o.version] for o in OPD.objects.all()),
    "history": sorted(
        [h.id, h.title, h.history_type, h.history_user.email if h.history_user else None]
        for h in Masterplan.history.all()
    ),
    "logo": hashlib.sha256(default_storage.open(Masterplan.objects.get(title="Masterplan Rahasia").logo.name).read()).hexdigest(),
    "users": User.objects.count(),
}))
"""


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#336699").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "source-media"
    return settings.MEDIA_ROOT


@pytest.fixture
def portal(personas, media):
    """Two masterplans with members and OPDs, an uploaded logo, and history with its authors."""
    mp = personas.masterplan
    mp.logo.save("logo.png", ContentFile(png_bytes()))
    mp._history_user = personas.coordinator
    mp.title = "Masterplan Rahasia"
    mp.save()
    opd = OPDFactory(region=mp.region, acronym="Bappeda", name="Badan Perencanaan")
    opd.name = "Badan Perencanaan Pembangunan Daerah"
    opd.version += 1
    opd.save()
    MembershipFactory(masterplan=mp, user=UserFactory(email="bappeda@uji.test"), role=Role.OPD_MEMBER, opd=opd)
    MasterplanFactory()
    return personas


def expected_state(portal):
    logo = Masterplan.objects.get(pk=portal.masterplan.pk).logo
    return {
        "masterplans": sorted([m.pk, m.title, m.region.code, m.logo.name] for m in Masterplan.objects.all()),
        "members": sorted(
            [m.masterplan_id, m.user.email, m.role, m.opd.acronym if m.opd else None] for m in Membership.objects.all()
        ),
        "opds": sorted([o.region.code, o.acronym, o.version] for o in OPD.objects.all()),
        "history": sorted(
            [h.id, h.title, h.history_type, h.history_user.email if h.history_user else None]
            for h in Masterplan.history.all()
        ),
        "logo": hashlib.sha256(logo.read()).hexdigest(),
        "users": len(portal.all()),
    }


def target_env(tmp_path):
    return {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
    }


def test_backup_covers_every_model_of_every_installed_app():
    labels = {model._meta.label_lower for model in backed_up_models()}
    everything = {
        model._meta.label_lower
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in EXCLUDED_MODELS
    }
    assert labels == everything
    assert {"masterplan.historicalmasterplan", "accounts.user", "axes.accessattempt"} <= labels
    assert not labels & {"contenttypes.contenttype", "auth.permission", "sessions.session"}


def test_backup_writes_database_media_and_a_manifest(portal, tmp_path):
    call_command("backup", out=str(tmp_path / "backup"), stdout=io.StringIO())

    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["models"]["masterplan.masterplan"] == 3
    assert manifest["models"]["masterplan.historicalmasterplan"] == Masterplan.history.count() >= 3
    assert manifest["models"]["accounts.user"] == len(portal.all()) + 1
    logo = Masterplan.objects.get(pk=portal.masterplan.pk).logo
    assert manifest["files"][logo.name] == {"sha256": hashlib.sha256(png_bytes()).hexdigest(), "size": len(png_bytes())}
    assert set(manifest["archives"]) == {"database.jsonl.gz", "media.tar.gz"}
    assert manifest["missing_at_backup"] == []


def test_backup_refuses_a_folder_that_holds_files(portal, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "lama.txt").write_text("x")

    with pytest.raises(CommandError, match="sudah berisi berkas"):
        call_command("backup", out=str(tmp_path / "backup"))


def test_restore_into_an_empty_database_finds_everything(portal, tmp_path):
    portal.masterplan.refresh_from_db()
    call_command("backup", out=str(tmp_path / "backup"), stdout=io.StringIO())
    expected = expected_state(portal)
    expected["users"] += 1  # bappeda@uji.test

    restored = run_manage(["restore", str(tmp_path / "backup")], tmp_path, **target_env(tmp_path))

    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Pemulihan selesai: semua jumlah baris dan checksum cocok." in restored.stdout
    assert "Berkas media: 1" in restored.stdout
    found = run_manage(["shell", "-c", READ_BACK], tmp_path, **target_env(tmp_path))
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout.strip().splitlines()[-1]) == expected

    # A second restore into the now full database is refused; --force replaces its content.
    again = run_manage(["restore", str(tmp_path / "backup")], tmp_path, **target_env(tmp_path))
    assert again.returncode == 1
    assert "Penyimpanan media tidak kosong" in again.stderr
    forced = run_manage(["restore", "--force", str(tmp_path / "backup")], tmp_path, **target_env(tmp_path))
    assert forced.returncode == 0, forced.stdout + forced.stderr


def test_restore_refuses_a_database_that_holds_users(portal, tmp_path, media):
    call_command("backup", out=str(tmp_path / "backup"), stdout=io.StringIO())
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()  # an empty media folder, so only the database stands in the way

    with pytest.raises(BackupError, match=r"Basis data tujuan tidak kosong \(accounts.user"):
        restore_backup(source=tmp_path / "backup")
    assert Masterplan.objects.filter(title="Masterplan Rahasia").exists()


def test_restore_refuses_a_changed_archive_before_touching_anything(portal, tmp_path):
    call_command("backup", out=str(tmp_path / "backup"), stdout=io.StringIO())
    dump = tmp_path / "backup" / "database.jsonl.gz"
    dump.write_bytes(dump.read_bytes()[:-8] + b"12345678")

    with pytest.raises(BackupError, match="database.jsonl.gz: checksum tidak cocok"):
        restore_backup(source=tmp_path / "backup", force=True)
    assert Masterplan.objects.count() == 3


def test_restore_refuses_a_folder_without_manifest(tmp_path):
    with pytest.raises(BackupError, match="tidak ada manifest"):
        restore_backup(source=tmp_path)


def test_restore_refuses_a_backup_of_a_newer_version(portal, tmp_path):
    call_command("backup", out=str(tmp_path / "backup"), stdout=io.StringIO())
    path = tmp_path / "backup" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["migrations"].append("masterplan.9999_dari_masa_depan")
    path.write_text(json.dumps(manifest))

    with pytest.raises(BackupError, match="versi Rancang yang lebih baru.*masterplan.9999_dari_masa_depan"):
        restore_backup(source=tmp_path / "backup")


def test_loading_adds_no_history_of_its_own(portal, tmp_path, media, monkeypatch):
    """simple_history records many-to-many changes even on loaddata: the restore switches it off."""
    call_command("backup", out=str(tmp_path / "backup"), stdout=io.StringIO())
    seen = {}

    def spy(name, *args, **options):
        seen[name] = getattr(django_settings, "SIMPLE_HISTORY_ENABLED", True)
        if name == "loaddata":
            raise BackupError("berhenti di sini")  # the test database stays as it is

    monkeypatch.setattr("backups.restore.call_command", spy)
    monkeypatch.setattr("backups.restore.occupied", lambda *args: [])
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()

    with pytest.raises(BackupError, match="berhenti di sini"):
        restore_backup(source=tmp_path / "backup")
    assert seen == {"migrate": True, "flush": True, "loaddata": False}
    assert not hasattr(django_settings, "SIMPLE_HISTORY_ENABLED")  # as before the restore


def test_demo_of_every_app_survives_backup_and_restore(db, media, tmp_path):
    """Every app's demo content (and its history, many-to-many history included) comes back whole:
    the restore's own report compares the row count of every model and the checksum of every file."""
    call_command("load_regions", stdout=io.StringIO())
    call_command("demo", stdout=io.StringIO())
    call_command("backup", out=str(tmp_path / "backup"), stdout=io.StringIO())
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())

    restored = run_manage(["restore", str(tmp_path / "backup")], tmp_path, **target_env(tmp_path))

    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Pemulihan selesai: semua jumlah baris dan checksum cocok." in restored.stdout
    assert sum(manifest["models"].values()) > 552  # the regions and then some
    assert manifest["models"]["masterplan.historicalmasterplan"] >= 1
