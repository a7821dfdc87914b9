"""Every download point answers with a Content-Type read from the stored content, a safe file name, an
attachment for what is not an image or a PDF, and nosniff (issue 18: a PNG with HTML appended named
evil.html was served as text/html, gambar.svg as image/svg+xml)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.uploads import safe_download_name
from quickwins.models import Attachment, Photo
from tests.bimtek.factories import AttachmentFactory, CommitmentFactory, SessionFactory
from tests.books.factories import ExportJobFactory
from tests.core.images import png_bytes
from tests.quickwins.factories import ProgressUpdateFactory, QuickWinFactory

EVIL_HTML = png_bytes() + b"<html><script>alert(document.domain)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
CASES = {"evil.html": EVIL_HTML, "gambar.svg": SVG}
EXPECTED_TYPE = {"evil.html": "image/png", "gambar.svg": "application/octet-stream"}


def _store(field, name, content):
    field.save(name, ContentFile(content), save=True)


def _point(personas, point, name, content):
    """Store `content` under `name` at one download point; return its URL."""
    mp = personas.masterplan
    if point == "masterplan logo":
        _store(mp.logo, name, content)
        return reverse("masterplan:logo", args=[mp.pk])
    if point in ("quick win photo", "quick win photo thumbnail"):
        photo = Photo(masterplan=mp, quickwin=QuickWinFactory(masterplan=mp, owner=personas.opd), original_name=name)
        photo.image.save(name, ContentFile(content), save=False)
        photo.thumbnail.save(name, ContentFile(content), save=False)
        photo.save()
        url = "quickwins:photo" if point == "quick win photo" else "quickwins:photo_thumbnail"
        return reverse(url, args=[mp.pk, photo.pk])
    if point in ("progress attachment", "progress attachment thumbnail"):
        update = ProgressUpdateFactory(quickwin=QuickWinFactory(masterplan=mp, owner=personas.opd))
        item = Attachment(masterplan=mp, update=update, kind="photo", original_name=name)
        item.file.save(name, ContentFile(content), save=False)
        item.thumbnail.save(name, ContentFile(content), save=False)
        item.save()
        url = "quickwins:attachment" if point == "progress attachment" else "quickwins:attachment_thumbnail"
        return reverse(url, args=[mp.pk, item.pk])
    if point in ("bimtek attachment", "bimtek attachment thumbnail"):
        item = AttachmentFactory(session=SessionFactory(stage__masterplan=mp), original_name=name, content_kind="png")
        _store(item.file, name, content)
        _store(item.thumbnail, name, content)
        url = "bimtek:attachment_download" if point == "bimtek attachment" else "bimtek:attachment_thumbnail"
        return reverse(url, args=[mp.pk, item.pk])
    if point == "commitment scan":
        _store(CommitmentFactory(masterplan=mp).scan, name, content)
        return reverse("bimtek:commitment_scan", args=[mp.pk])
    if point == "book":
        job = ExportJobFactory(masterplan=mp)
        _store(job.file, name, content)
        return reverse("books:download", args=[mp.pk, job.pk])
    raise AssertionError(point)


POINTS = [
    "masterplan logo",
    "quick win photo",
    "quick win photo thumbnail",
    "progress attachment",
    "progress attachment thumbnail",
    "bimtek attachment",
    "bimtek attachment thumbnail",
    "commitment scan",
    "book",
]


@pytest.mark.parametrize("point", POINTS)
@pytest.mark.parametrize("name", list(CASES))
def test_served_type_comes_from_the_content(as_user, personas, settings, tmp_path, point, name):
    settings.MEDIA_ROOT = tmp_path
    url = _point(personas, point, name, CASES[name])
    response = as_user(personas.reader).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == EXPECTED_TYPE[name], point
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert ".html" not in disposition and ".svg" not in disposition, disposition
    if name == "gambar.svg":
        assert disposition.startswith("attachment"), point  # never shown inline
        assert disposition.endswith('.bin"'), disposition


def test_an_uploaded_svg_is_refused_and_an_html_named_png_is_served_as_png(as_user, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    quickwin = QuickWinFactory(masterplan=personas.masterplan, owner=personas.opd)
    client = as_user(personas.opd_member)
    url = reverse("quickwins:photo_add", args=[personas.masterplan.pk, quickwin.pk])
    page = client.post(url, {"caption": "x", "image": SimpleUploadedFile("gambar.svg", SVG)}, follow=True)
    assert "bukan jenis yang diizinkan" in page.content.decode()
    assert not Photo.objects.exists()
    client.post(url, {"caption": "x", "image": SimpleUploadedFile("evil.html", EVIL_HTML)})
    photo = Photo.objects.get()
    assert b"<script>" not in photo.image.read()  # re-encoded on upload (core.uploads.normalize_image)
    response = client.get(reverse("quickwins:photo", args=[personas.masterplan.pk, photo.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="evil.png"'


@pytest.mark.parametrize(
    "name,kind,expected",
    [
        ("evil.html", "png", "evil.png"),
        ("../../etc/passwd", None, "passwd.bin"),
        ('a"b\r\n.pdf', "pdf", "ab.pdf"),
        ("", "jpg", "berkas.jpg"),
        ("laporan kemajuan.xlsx", "xlsx", "laporan kemajuan.xlsx"),
    ],
)
def test_safe_download_name(name, kind, expected):
    assert safe_download_name(name, kind) == expected
