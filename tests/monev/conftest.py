import pytest

from masterplan.access import access_for
from plan.models import BudgetLine, ProgrammeIndicator, ProgrammeTarget
from tests.plan.factories import ProgrammeFactory
from tests.quickwins.factories import QuickWinFactory

from .factories import ReportingYearFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def year(personas):
    return ReportingYearFactory(masterplan=personas.masterplan, year=2024)


@pytest.fixture
def programme(personas):
    """A DLH programme running in 2024 with one indicator (target 2024: 120) and a 2024 budget of Rp 1.500.000."""
    programme = ProgrammeFactory(masterplan=personas.masterplan, name="Bank sampah digital", lead_opd=personas.opd)
    indicator = ProgrammeIndicator.objects.create(programme=programme, name="Bank sampah aktif", unit="unit")
    ProgrammeTarget.objects.create(indicator=indicator, year=2024, value="120")
    ProgrammeTarget.objects.create(indicator=indicator, year=2025, value="150")
    BudgetLine.objects.create(programme=programme, year=2024, source="apbd", amount=1_000_000)
    BudgetLine.objects.create(programme=programme, year=2024, source="csr", amount=500_000)
    BudgetLine.objects.create(programme=programme, year=2025, source="apbd", amount=9_000_000)
    return programme


@pytest.fixture
def other_programme(personas):
    """A Dispar programme running in 2024."""
    return ProgrammeFactory(masterplan=personas.masterplan, name="Promosi wisata pesisir", lead_opd=personas.other_opd)


@pytest.fixture
def quickwin(personas):
    quickwin = QuickWinFactory(masterplan=personas.masterplan, short_name="Serbu Gass", owner=personas.opd, chosen=True)
    quickwin.indicators.create(name="Unit bank sampah", unit="unit", target="100")
    return quickwin


def access(user, masterplan):
    return access_for(user, masterplan)


from .evaluation_fixtures import assessment, evaluation_year, questions  # noqa: E402, F401
