"""Uploaded files: checked by content (not by name), bounded in size, stored under names that
cannot collide or leave their folder, and served only through views that check access."""

import contextvars
import io
import uuid
import warnings
import zipfile
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

Image.MAX_IMAGE_PIXELS = 40_000_000  # larger images are refused as possible decompression bombs
# Pixels of the images of the request being answered ([count]), set by core.middleware.UploadBudgetMiddleware.
_request_pixels = contextvars.ContextVar("request_pixels", default=None)
SAVE_FORMATS = {"jpg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}

OFFICE_KINDS = {
    "docx": "word/",
    "xlsx": "xl/",
    "pptx": "ppt/",
}
IMAGE_KINDS = {"jpg", "png", "gif", "webp"}
DOCUMENT_KINDS = {"pdf", *OFFICE_KINDS}
ALL_KINDS = IMAGE_KINDS | DOCUMENT_KINDS
MAX_ZIP_UNPACKED = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 5000


def max_upload_bytes():
    return settings.UPLOAD_MAX_MB * 1024 * 1024


def detect_kind(head, fileobj=None):
    """Return the kind ('pdf', 'png', 'docx', ...) read from the content, or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and fileobj is not None:
        return _office_kind(fileobj)
    guess = filetype.guess(head)
    if guess and guess.extension in IMAGE_KINDS:
        return guess.extension
    return None


def _office_kind(fileobj):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = archive.namelist()
            check_zip_safety(archive)
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for kind, prefix in OFFICE_KINDS.items():
        if any(name.startswith(prefix) for name in names):
            return kind
    return None


def check_zip_safety(archive):
    """Refuse archives that unpack to far more than they weigh (zip bombs) or hold too many parts."""
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ValidationError(_("Berkas berisi terlalu banyak bagian (%(n)s).") % {"n": len(infos)})
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_ZIP_UNPACKED:
        raise ValidationError(_("Berkas terlalu besar setelah dibuka (%(mb)s MB).") % {"mb": unpacked // 2**20})
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > 200 and info.file_size > 10 * 2**20:
            raise ValidationError(_("Berkas tampak seperti bom zip dan ditolak."))
        if info.filename.startswith("/") or ".." in PurePath(info.filename).parts:
            raise ValidationError(_("Berkas berisi nama bagian yang tidak aman."))


def validate_upload(uploaded, allowed=ALL_KINDS, max_bytes=None):
    """Check an UploadedFile; return its kind. Raises ValidationError with an Indonesian message."""
    max_bytes = max_bytes or max_upload_bytes()
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("Berkas %(name)s terlalu besar (%(size)s MB); batasnya %(max)s MB.")
            % {"name": uploaded.name, "size": round(uploaded.size / 2**20, 1), "max": max_bytes // 2**20}
        )
    if uploaded.size == 0:
        raise ValidationError(_("Berkas %(name)s kosong.") % {"name": uploaded.name})
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    try:
        kind = detect_kind(head, uploaded if head.startswith(b"PK") else None)
    except ValidationError:
        raise
    finally:
        uploaded.seek(0)
    if kind is None or kind not in allowed:
        names = ", ".join(sorted(k.upper() for k in allowed))
        raise ValidationError(
            _("Isi berkas %(name)s bukan jenis yang diizinkan (%(kinds)s).") % {"name": uploaded.name, "kinds": names}
        )
    if kind in IMAGE_KINDS:
        _check_image(uploaded)
    uploaded.seek(0)
    return kind


def _check_image(uploaded):
    """Refuse an image with too many pixels (alone or with the request's other images), or one that does not
    decode; otherwise replace the upload's content with `normalize_image`'s (see there)."""
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; refuse those too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded) as image:
                width, height = image.size
                image.verify()
            _count_pixels(uploaded.name, width * height)
            uploaded.seek(0)
            data = normalize_image(uploaded)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_too_many_pixels(uploaded.name)) from None
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(_("Gambar %(name)s rusak atau tidak dapat dibaca.") % {"name": uploaded.name}) from None
    finally:
        uploaded.seek(0)
    _replace_content(uploaded, data)


def _count_pixels(name, pixels):
    if pixels > settings.UPLOAD_MAX_IMAGE_PIXELS:
        raise ValidationError(_too_many_pixels(name))
    spent = _request_pixels.get()
    if spent is not None:
        spent[0] += pixels
        if spent[0] > settings.UPLOAD_MAX_REQUEST_PIXELS:
            raise ValidationError(
                _(
                    "Gambar dalam satu kiriman terlalu besar: bersama %(name)s %(mp)s megapiksel; batasnya "
                    "%(max)s megapiksel. Kirim sebagian gambar dulu, sisanya dalam kiriman berikutnya."
                )
                % {"name": name, "mp": round(spent[0] / 1e6, 1), "max": round(settings.UPLOAD_MAX_REQUEST_PIXELS / 1e6)}
            )


def _too_many_pixels(name):
    return _("Gambar %(name)s terlalu besar: lebih dari %(max)s megapiksel.") % {
        "name": name,
        "max": round(settings.UPLOAD_MAX_IMAGE_PIXELS / 1e6),
    }


def normalize_image(fileobj):
    """The image re-encoded in its own format: at most IMAGE_MAX_SIDE pixels on its longest side, turned
    upright by its EXIF orientation, without metadata (camera, GPS) or anything appended after the image
    (an HTML tail). An animated GIF keeps its first frame. Returns bytes.

    Memory: the image is decoded once (a JPEG already reduced while decoding), scaled down in place, and only
    the small image is turned and converted."""
    fileobj.seek(0)
    side = settings.IMAGE_MAX_SIDE
    with Image.open(fileobj) as image:
        fmt = image.format
        orientation = image.getexif().get(0x0112, 1)
        icc = image.info.get("icc_profile")
        image.thumbnail((side, side), Image.Resampling.LANCZOS, reducing_gap=1.0)
        if orientation != 1:
            exif = image.getexif()
            exif[0x0112] = orientation
            image = ImageOps.exif_transpose(image)
        out = io.BytesIO()
        options = {"icc_profile": icc} if icc else {}
        if fmt == "JPEG":
            if image.mode not in ("RGB", "L", "CMYK"):
                image = image.convert("RGB")
            image.save(out, "JPEG", quality=88, **options)
        elif fmt == "PNG":
            image.save(out, "PNG", optimize=False, **options)
        elif fmt == "WEBP":
            image.save(out, "WEBP", quality=88, **options)
        elif fmt == "GIF":
            image.save(out, "GIF")
        else:
            raise ValueError(fmt)
    fileobj.seek(0)
    return out.getvalue()


def _replace_content(uploaded, data):
    """Put `data` in place of an UploadedFile's content (in memory or in its temporary file, which Django
    moves into storage as it is)."""
    handle = uploaded.file
    handle.seek(0)
    handle.truncate()
    handle.write(data)
    handle.flush()
    handle.seek(0)
    uploaded.size = len(data)


def make_thumbnail(fileobj, size=(480, 480)):
    """A JPEG thumbnail of an image as bytes."""
    fileobj.seek(0)
    with Image.open(fileobj) as image:
        image = image.convert("RGB")
        image.thumbnail(size)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
    fileobj.seek(0)
    return out.getvalue()


EXTENSIONS = {
    "jpg": ".jpg",
    "png": ".png",
    "gif": ".gif",
    "webp": ".webp",
    "pdf": ".pdf",
    "docx": ".docx",
    "xlsx": ".xlsx",
    "pptx": ".pptx",
}


@deconstructible
class UploadPath:
    """An `upload_to`: masterplan/<id>/<folder>/<uuid>.<ext>. The user's file name is kept in a field, never in the path."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        masterplan_id = getattr(instance, "masterplan_id", None)
        if masterplan_id is None and instance._meta.label == "masterplan.Masterplan":
            masterplan_id = instance.pk
        masterplan_id = masterplan_id or "common"
        suffix = PurePath(filename).suffix.lower()
        if suffix not in EXTENSIONS.values():
            suffix = ""
        return f"masterplan/{masterplan_id}/{self.folder}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, UploadPath) and other.folder == self.folder


CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
INLINE_KINDS = IMAGE_KINDS | {"pdf"}  # shown in the browser when asked; everything else is downloaded
UNKNOWN_TYPE = "application/octet-stream"


def stored_kind(handle):
    """The kind of an open stored file, read from its content (None when it is none we allow)."""
    head = handle.read(8192)
    handle.seek(0)
    try:
        return detect_kind(head, handle if head.startswith(b"PK") else None)
    except ValidationError:
        return None
    finally:
        handle.seek(0)


def safe_download_name(name, kind):
    """A file name for Content-Disposition: no folders or control characters, at most 120 characters,
    and the extension of the detected content (``evil.html`` holding a PNG is ``evil.png``)."""
    name = PurePath(str(name or "").replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"<>:*?|;').strip(" .")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem[:120] or 'berkas'}{EXTENSIONS.get(kind, '.bin')}"


def serve_file(field_file, download_name, *, inline=False):
    """Stream a stored file after the caller has checked access.

    The Content-Type comes from the content, never from a name a user gave: a file that is no allowed
    kind is application/octet-stream. Only images and PDFs are shown inline (when `inline`); the rest is an
    attachment. Always nosniff and a sandboxing CSP."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    kind = stored_kind(handle)
    response = FileResponse(
        handle,
        as_attachment=not (inline and kind in INLINE_KINDS),
        filename=safe_download_name(download_name, kind),
        content_type=CONTENT_TYPES.get(kind, UNKNOWN_TYPE),
    )
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
