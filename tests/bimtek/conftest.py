import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploads of these tests go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
