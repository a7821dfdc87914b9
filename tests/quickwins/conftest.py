import pytest

from masterplan.models import Dimension

from .factories import QuickWinFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def dims(db):
    return {d.key: d for d in Dimension.objects.all()}


@pytest.fixture
def quickwin(personas):
    """A quick win owned by the OPD member's OPD (DLH)."""
    return QuickWinFactory(masterplan=personas.masterplan, short_name="Serbu Gass", owner=personas.opd)
