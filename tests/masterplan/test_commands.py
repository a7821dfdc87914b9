import csv
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from masterplan.models import Masterplan, Membership, Region
from masterplan.regions import DEFAULT_CSV


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_regions_counts_and_is_idempotent():
    assert "552 dibuat" in run("load_regions")
    assert Region.objects.count() == 552
    assert Region.objects.filter(kind__in=["kabupaten", "kota"]).count() == 514
    assert Region.objects.filter(kind="provinsi").count() == 38
    ppu = Region.objects.get(code="64.09")
    assert ppu.name == "Kabupaten Penajam Paser Utara" and ppu.province.code == "64"
    assert "552 tidak berubah" in run("load_regions")


@pytest.mark.django_db
def test_load_regions_updates_from_an_edited_file(tmp_path):
    run("load_regions")
    rows = list(csv.DictReader(open(DEFAULT_CSV, encoding="utf-8")))
    for row in rows:
        if row["code"] == "64.09":
            row["population"] = "210000"
    edited = tmp_path / "regions.csv"
    with open(edited, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=rows[0].keys())
        writer.writeheader()
        writer.writerows(rows)
    assert "1 diperbarui" in run("load_regions", "--file", str(edited))
    assert Region.objects.get(code="64.09").population == 210000


@pytest.mark.django_db
def test_load_regions_refuses_a_broken_file(tmp_path):
    broken = tmp_path / "regions.csv"
    broken.write_text("code,province_code,kind,name,population,area_km2\n11,,negara,Aceh,1,1\n")
    with pytest.raises(CommandError, match="jenis"):
        run("load_regions", "--file", str(broken))


@pytest.mark.django_db
def test_create_masterplan_is_idempotent(django_capture_on_commit_callbacks):
    run("load_regions")
    with django_capture_on_commit_callbacks():
        assert "dibuat" in run("create_masterplan", "64.09", "--cohort", "2022", "--coordinator", "rina@ppu.test")
        assert "sudah ada" in run("create_masterplan", "64.09", "--cohort", "2022", "--coordinator", "rina@ppu.test")
    masterplan = Masterplan.objects.get()
    assert (masterplan.start_year, masterplan.end_year) == (2023, 2032)
    assert masterplan.invitations.count() == 1
    with pytest.raises(CommandError, match="provinsi"):
        run("create_masterplan", "64", "--cohort", "2022")
    with pytest.raises(CommandError, match="tidak dikenal"):
        run("create_masterplan", "99.99", "--cohort", "2022")


@pytest.mark.django_db
def test_demo_is_idempotent():
    first = run("demo")
    counts = (Masterplan.objects.count(), Membership.objects.count())
    second = run("demo")
    assert counts == (Masterplan.objects.count(), Membership.objects.count())
    assert "koordinator@ppu.demo" in first and "koordinator@ppu.demo" in second
