"""Uploads kept in S3 (MEDIA_STORAGE=s3), against a real S3 API on 127.0.0.1 (moto's server): a book shows the
region's logo and a quick win's photo read through the storage API, and `manage.py backup` / `restore` carry
them to another bucket."""

import hashlib
import io
import json
import socket
import uuid
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image
from pypdf import PdfReader

from books.models import Book
from books.rendering import book_html, render_book
from quickwins.services import add_photo
from tests.deploy.helpers import run_manage
from tests.factories import MasterplanFactory
from tests.quickwins.factories import QuickWinFactory

KEYS = {"access_key": "uji", "secret_key": "rahasia-uji"}
REGION = "us-east-1"
PREFIX = "media"


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def _client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )


def _objects(endpoint, bucket):
    """{key: bytes} of every object in a bucket."""
    client = _client(endpoint)
    listing = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read() for item in listing}


@pytest.fixture
def s3(settings, s3_endpoint):
    """A new bucket, and the media storage pointed at it as config/settings.py does for MEDIA_STORAGE=s3."""
    bucket = f"rancang-{uuid.uuid4().hex[:12]}"
    _client(s3_endpoint).create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_endpoint,
                "region_name": REGION,
                **KEYS,
                "location": PREFIX,
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
                "signature_version": "s3v4",
            },
        },
    }
    assert default_storage.bucket_name == bucket
    return type("S3", (), {"endpoint": s3_endpoint, "bucket": bucket})


def _png(width, height, colour):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def uploads(db, s3, settings):
    """A masterplan whose logo and one chosen quick win's photo are uploaded through the models, into S3."""
    mp = MasterplanFactory()
    mp.logo.save("logo.png", ContentFile(_png(120, 60, "#aa2200")))
    quickwin = QuickWinFactory(masterplan=mp, chosen=True, short_name="QW Foto")
    photo = add_photo(
        masterplan=mp,
        quickwin=quickwin,
        uploaded=SimpleUploadedFile("foto.png", _png(300, 200, "#2266aa"), content_type="image/png"),
        caption="Foto lapangan",
        user=None,
    )
    stored = _objects(s3.endpoint, s3.bucket)
    assert {f"{PREFIX}/{name}" for name in (mp.logo.name, photo.image.name, photo.thumbnail.name)} == set(stored)
    media_root = Path(settings.MEDIA_ROOT)
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))  # nothing on disk
    return mp, photo, stored


def _image_sizes(pdf):
    """The sizes of the distinct images in a PDF (the logo is on every page's header)."""
    return {image.image.size for page in PdfReader(io.BytesIO(pdf)).pages for image in page.images}


def _render(mp, key):
    book = Book.objects.for_masterplan(mp).get(key=key)
    html = book_html(mp, book)
    return html, render_book(mp, html)[0]


def test_a_book_shows_the_logo_and_the_photo_stored_in_s3(uploads, s3):
    mp, photo, stored = uploads
    with Image.open(io.BytesIO(stored[f"{PREFIX}/{photo.thumbnail.name}"])) as thumbnail:
        thumbnail_size = thumbnail.size
    html, pdf = _render(mp, "quickwin")
    assert "data-book-media" not in html and html.count('src="data:image/') == 2  # the logo and the photo
    assert _image_sizes(pdf) == {(120, 60), thumbnail_size}

    # The same book once the files are gone from the bucket: neither image, so they came from S3.
    client = _client(s3.endpoint)
    for key in stored:
        client.delete_object(Bucket=s3.bucket, Key=key)
    html, pdf = _render(mp, "quickwin")
    assert 'src="data:image/' not in html and _image_sizes(pdf) == set()


def test_backup_and_restore_carry_the_media_stored_in_s3(uploads, s3, tmp_path):
    mp, photo, stored = uploads
    call_command("backup", out=str(tmp_path / "backup"), stdout=io.StringIO())
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["files"] == {
        key.removeprefix(f"{PREFIX}/"): {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for key, data in stored.items()
    }
    assert manifest["missing_at_backup"] == []

    # Restored by a process configured as production is (MEDIA_STORAGE=s3) into an empty database and bucket.
    target = f"{s3.bucket}-copy"
    _client(s3.endpoint).create_bucket(Bucket=target)
    restored = run_manage(
        ["restore", str(tmp_path / "backup")],
        tmp_path,
        DATABASE_URL=f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        MEDIA_STORAGE="s3",
        S3_BUCKET=target,
        S3_ENDPOINT_URL=s3.endpoint,
        S3_REGION=REGION,
        S3_PREFIX=PREFIX,
        AWS_ACCESS_KEY_ID=KEYS["access_key"],
        AWS_SECRET_ACCESS_KEY=KEYS["secret_key"],
    )
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Pemulihan selesai: semua jumlah baris dan checksum cocok." in restored.stdout
    assert "Berkas media: 3" in restored.stdout
    assert _objects(s3.endpoint, target) == stored
