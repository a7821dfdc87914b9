"""Monitoring data of the benchmark's large masterplan (scripts/bench_books.py): five reporting years, each with a
report for most programmes and quick wins (statuses in turn, realised budgets and indicators) and a few
sosialisasi events. Bulk inserts, no history."""

import datetime
from decimal import Decimal

from .items import PROGRAMME, load_items
from .models import Realisation, Report, ReportingYear, Sosialisasi

STATUSES = ["running", "running", "done", "running", "not_started", "postponed", "running", "done", "cancelled"]


def fill(masterplan, scale):
    for offset in range(5):
        year = masterplan.start_year + offset
        reporting_year = ReportingYear.objects.create(
            masterplan=masterplan, year=year, deadline=datetime.date(year + 1, 3, 31), state="accepted"
        )
        reporting_year.masterplan = masterplan
        items = load_items(reporting_year)
        reports, values = [], []
        for index, item in enumerate(items):
            if index % 8 == 7:
                continue  # not reported
            plan = item.plan_total
            report = Report(
                reporting_year=reporting_year,
                status=STATUSES[(index + offset) % len(STATUSES)],
                budget_realised=(plan * Decimal("0.8")).quantize(Decimal(1)) if plan else None,
                budget_source="apbd" if plan else "",
                notes="Pelaksanaan sesuai rencana kerja; kendala pada pengadaan dan integrasi data antar OPD.",
                **{item.kind: item.subject},
            )
            reports.append(report)
            values.append(item)
        Report.objects.bulk_create(reports)
        realisations = []
        for report, item in zip(reports, values, strict=True):
            field = "programme_indicator_id" if item.kind == PROGRAMME else "quickwin_indicator_id"
            for indicator in item.indicators:
                realisations.append(Realisation(report=report, value="75", **{field: indicator.pk}))
        Realisation.objects.bulk_create(realisations)
        Sosialisasi.objects.bulk_create(
            [
                Sosialisasi(
                    masterplan=masterplan,
                    kind=kind,
                    title=f"{title} {year}",
                    held_on=datetime.date(year, month, 10),
                    venue="Aula kantor bupati",
                    speakers="Kepala Diskominfo\nKepala Bappeda\nTenaga ahli",
                    attendance=60,
                    minutes="<p>Pemaparan capaian program dan rencana tindak lanjut.</p>",
                )
                for kind, title, month in [
                    ("forum", "Forum Dewan Smart City triwulan I", 3),
                    ("forum", "Forum Dewan Smart City triwulan III", 9),
                    ("opd", "Sosialisasi masterplan kepada OPD", 5),
                ]
            ]
        )
