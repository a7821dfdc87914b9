"""Images: refused above a number of pixels, alone or together in one request, and stored scaled down,
upright and without metadata (issue 18: ten 39.7-megapixel PNGs in one progress report took 8.3 s and 411 MB)."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from quickwins.models import Attachment, Photo, ProgressUpdate
from tests.core.images import image_bytes
from tests.quickwins.factories import QuickWinFactory


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header(width, height):
    """A PNG that declares width x height pixels (decoding it would fail: its data is a few bytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )


def _photo_url(personas):
    quickwin = QuickWinFactory(masterplan=personas.masterplan, owner=personas.opd)
    return reverse("quickwins:photo_add", args=[personas.masterplan.pk, quickwin.pk]), quickwin


def test_an_image_over_30_megapixels_is_refused_with_a_message(as_user, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url, _quickwin = _photo_url(personas)
    upload = SimpleUploadedFile("besar.png", png_header(6400, 5000))  # 32 MP
    page = as_user(personas.opd_member).post(url, {"caption": "x", "image": upload}, follow=True).content.decode()
    assert "Gambar besar.png terlalu besar: lebih dari 30 megapiksel." in page
    assert not Photo.objects.exists()


def test_the_per_image_limit_is_a_setting(as_user, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.UPLOAD_MAX_IMAGE_PIXELS = 1_000_000
    url, _quickwin = _photo_url(personas)
    upload = SimpleUploadedFile("foto.jpg", image_bytes(1200, 1000, "JPEG"))
    page = as_user(personas.opd_member).post(url, {"caption": "x", "image": upload}, follow=True).content.decode()
    assert "lebih dari 1 megapiksel" in page
    assert not Photo.objects.exists()


def test_the_images_of_one_request_share_a_pixel_budget(as_user, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.UPLOAD_MAX_REQUEST_PIXELS = 2_500_000
    quickwin = QuickWinFactory(masterplan=personas.masterplan, owner=personas.opd)
    url = reverse("quickwins:progress", args=[personas.masterplan.pk, quickwin.pk])
    files = [SimpleUploadedFile(f"foto{i}.png", image_bytes(1000, 1000, "PNG")) for i in range(3)]
    data = {"date": "2026-08-01", "percent": "40", "status": "build", "note": "Laporan", "files": files}
    page = as_user(personas.opd_member).post(url, data, follow=True).content.decode()
    assert "Gambar dalam satu kiriman terlalu besar" in page and "batasnya 2 megapiksel" in page
    assert not ProgressUpdate.objects.exists() and not Attachment.objects.exists()
    files = [SimpleUploadedFile(f"foto{i}.png", image_bytes(1000, 1000, "PNG")) for i in range(2)]
    as_user(personas.opd_member).post(url, {**data, "files": files})  # the next request has its own budget
    assert Attachment.objects.count() == 2


def test_a_large_photo_is_stored_scaled_down_upright_and_without_metadata(as_user, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url, _quickwin = _photo_url(personas)
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: show it rotated 90 degrees clockwise
    exif[0x010F] = "Kamera Uji"
    content = image_bytes(3600, 2400, "JPEG", exif=exif.tobytes())
    upload = SimpleUploadedFile("kamera.jpg", content)
    as_user(personas.opd_member).post(url, {"caption": "x", "image": upload})
    photo = Photo.objects.get()
    with Image.open(photo.image) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (1600, 2400)  # the longest side 2,400 px, and upright (was 3600 x 2400 on its side)
        assert not stored.getexif()
    assert photo.image.size < len(content)


def test_a_small_png_keeps_its_size_and_format_and_loses_a_tail(personas, settings):
    from core.uploads import validate_upload

    upload = SimpleUploadedFile("kecil.png", image_bytes(40, 30, "PNG") + b"<html><script>x</script></html>")
    assert validate_upload(upload, allowed={"png"}) == "png"
    data = upload.read()
    assert b"<script>" not in data and upload.size == len(data)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.size == (40, 30)
