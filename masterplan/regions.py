"""Loading Indonesia's regions (Kemendagri codes) from the CSV kept in masterplan/data."""

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Masterplan, Region

DEFAULT_CSV = Path(__file__).resolve().parent / "data" / "regions.csv"
FIELDS = ("kind", "name", "population", "area_km2")


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self):
        return f"{self.created} dibuat, {self.updated} diperbarui, {self.unchanged} tidak berubah"


class RegionFileError(ValueError):
    pass


def _parse(path):
    rows = []
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = {"code", "province_code", "kind", "name", "population", "area_km2"} - set(reader.fieldnames or [])
        if missing:
            raise RegionFileError(f"Kolom hilang: {', '.join(sorted(missing))}")
        for number, row in enumerate(reader, start=2):
            kind = row["kind"].strip()
            if kind not in Region.Kind.values:
                raise RegionFileError(f"Baris {number}: jenis {kind!r} tidak dikenal.")
            try:
                population = int(row["population"]) if row["population"].strip() else None
                area = Decimal(row["area_km2"]).quantize(Decimal("0.001")) if row["area_km2"].strip() else None
            except (ValueError, InvalidOperation):
                raise RegionFileError(f"Baris {number}: penduduk atau luas bukan angka.") from None
            rows.append(
                {
                    "code": row["code"].strip(),
                    "province_code": row["province_code"].strip() or None,
                    "kind": kind,
                    "name": row["name"].strip(),
                    "population": population,
                    "area_km2": area,
                }
            )
    return rows


def _report(regions):
    """Regions whose name or figures changed: reported to the books of their masterplans (printed there)."""
    from .services import report_region_books

    used = set(Masterplan.objects.filter(region__in=regions).values_list("region_id", flat=True))
    for region in regions:
        if region.pk in used:
            report_region_books(
                region_id=region.pk, user=None, reason=_("Data wilayah %(r)s diperbarui.") % {"r": region.name}
            )


@transaction.atomic
def load_regions(path=DEFAULT_CSV):
    rows = _parse(path)
    report = LoadReport()
    existing = {region.code: region for region in Region.objects.all()}
    # Provinces first, so localities can point at them.
    for pass_rows in ([r for r in rows if not r["province_code"]], [r for r in rows if r["province_code"]]):
        to_create, to_update = [], []
        for row in pass_rows:
            province = None
            if row["province_code"]:
                province = existing.get(row["province_code"])
                if province is None:
                    raise RegionFileError(f"{row['code']}: provinsi {row['province_code']} tidak ada di berkas.")
            region = existing.get(row["code"])
            if region is None:
                region = Region(code=row["code"], province=province, **{f: row[f] for f in FIELDS})
                to_create.append(region)
                continue
            changed = region.province_id != (province.pk if province else None)
            for field in FIELDS:
                if getattr(region, field) != row[field]:
                    setattr(region, field, row[field])
                    changed = True
            region.province = province
            if changed:
                to_update.append(region)
            else:
                report.unchanged += 1
        Region.objects.bulk_create(to_create)
        Region.objects.bulk_update(to_update, ["province", *FIELDS])
        _report(to_update)
        report.created += len(to_create)
        report.updated += len(to_update)
        if to_create:
            existing.update({r.code: r for r in Region.objects.filter(code__in=[c.code for c in to_create])})
    return report
