"""collectstatic with the production storage: hashed names, compressed copies, no stop on source maps."""

import json

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from whitenoise.compress import Compressor


def test_collectstatic_writes_a_manifest_with_hashed_names(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "config.static_storage.StaticStorage"}}
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]  # ours, not the admin's
    # Brotli on the fonts takes most of a minute here; the fonts' hashing is what this test is about.
    settings.WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "ttf"]

    call_command("collectstatic", interactive=False, verbosity=0)

    paths = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    bundle = paths["vendor/bootstrap/bootstrap.bundle.min.js"]
    assert bundle != "vendor/bootstrap/bootstrap.bundle.min.js" and (tmp_path / bundle).exists()
    assert (tmp_path / (bundle + ".gz")).exists()
    # Other references are still rewritten to hashed names: the stylesheet's fonts.
    css = (tmp_path / paths["css/rancang.css"]).read_text()
    font = paths["fonts/web/NotoSans-Regular.woff2"].split("/")[-1]
    assert font != "NotoSans-Regular.woff2" and f'url("../fonts/web/{font}")' in css
    assert staticfiles_storage.url("css/rancang.css") == "/static/" + paths["css/rancang.css"]
