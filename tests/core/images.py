"""Small image files for upload and download tests."""

import io

from PIL import Image


def image_bytes(width=8, height=8, fmt="PNG", color=(200, 30, 30), **save):
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, fmt, **save)
    return out.getvalue()


def png_bytes(width=8, height=8):
    return image_bytes(width, height, "PNG")
