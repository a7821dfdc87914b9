"""Memory and time of the image checks for a pixel flood (issue 18: ten 39.7-megapixel PNGs in one progress
report took 8.3 s and 411 MB). Prints the peak resident memory above the baseline and the time, for one
image and for the ten of one request (which the per-request budget, 150 MP, stops after the fifth).

    .venv/bin/python scripts/attack/pixels_memory.py
"""

import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 6320, 4740  # 29.96 megapixels: the largest accepted (UPLOAD_MAX_IMAGE_PIXELS, 30 MP); 39.7 is refused


def make_png(path):
    """In a child process, so its own memory does not count here."""
    code = (
        f"from PIL import Image, ImageDraw; im = Image.new('RGB', ({WIDTH}, {HEIGHT}), (30, 120, 200)); "
        f"ImageDraw.Draw(im).rectangle((100, 100, 3000, 3000), fill=(250, 200, 10)); im.save({str(path)!r})"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("RANCANG_DATA_DIR", tempfile.mkdtemp(prefix="rancang-pixels-"))
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from core.uploads import _request_pixels, make_thumbnail, validate_upload

    folder = Path(tempfile.mkdtemp(prefix="pixels-"))
    path = folder / "besar.png"
    make_png(path)
    data = path.read_bytes()
    for fmt in ("PNG", "JPEG"):  # warm up: Pillow's plugins and the allocator's first arenas are not the flood's
        small = io.BytesIO()
        Image.new("RGB", (3000, 2000)).save(small, fmt)
        validate_upload(SimpleUploadedFile(f"kecil.{fmt.lower()}", small.getvalue()))
    baseline = peak_mb()
    print(f"image: {WIDTH}x{HEIGHT} = {WIDTH * HEIGHT / 1e6:.1f} MP, file {len(data) / 2**20:.1f} MB")
    print(f"baseline peak RSS (Django loaded, one 6 MP image checked): {baseline:.0f} MB")

    upload = SimpleUploadedFile("besar.png", data)
    start = time.perf_counter()
    validate_upload(upload, allowed={"png"})
    make_thumbnail(upload)
    one = time.perf_counter() - start
    print(f"one image: {one:.2f} s, peak RSS +{peak_mb() - baseline:.0f} MB, stored {upload.size / 2**10:.0f} KB")

    token = _request_pixels.set([0])  # what UploadBudgetMiddleware does for each request
    accepted = refused = 0
    start = time.perf_counter()
    for i in range(10):
        upload = SimpleUploadedFile(f"besar{i}.png", data)
        try:
            validate_upload(upload, allowed={"png"})
            make_thumbnail(upload)
            accepted += 1
        except ValidationError:
            refused += 1
    _request_pixels.reset(token)
    print(
        f"ten images in one request: accepted {accepted}, refused {refused}, "
        f"{time.perf_counter() - start:.2f} s, peak RSS +{peak_mb() - baseline:.0f} MB"
    )


if __name__ == "__main__":
    main()
