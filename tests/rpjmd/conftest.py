import pytest

from masterplan.demo import OPDS
from masterplan.models import OPD
from rpjmd.rpjmd_import import BytesUpload
from rpjmd.sample_data import program_records
from rpjmd.sample_workbook import rpjmd_workbook

YEARS = list(range(2021, 2027))


@pytest.fixture
def region_opds(personas):
    """Every demo OPD in the personas' region (DLH and Dispar already exist)."""
    region = personas.masterplan.region
    for name, acronym, kind in OPDS:
        OPD.objects.get_or_create(region=region, acronym=acronym, defaults={"name": name, "kind": kind})
    return personas


def records(count=None):
    rows = program_records(YEARS)
    return rows[:count] if count else rows


def workbook(rows=None, **kwargs):
    return rpjmd_workbook(records() if rows is None else rows, YEARS, **kwargs)


def upload(data, name="rpjmd.xlsx"):
    return BytesUpload(data, name)
