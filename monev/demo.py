"""Demo reporting years of Kabupaten Penajam Paser Utara: 2023 (closed and accepted, a realistic mix of
statuses) and 2024 (open; DLH halfway, Dispar not yet). Every figure is invented and the years are marked
`is_demo`. Idempotent: a year that exists is left as it is."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from .evaluation.demo import populate as populate_evaluation
from .items import load_items
from .models import Evidence, Realisation, Report, ReportingYear, YearState
from .numbers import format_number, parse_number

# Statuses in turn over the items of 2023 (most programmes run; a few are late, one is dropped).
STATUSES_2023 = ["running", "running", "done", "running", "not_started", "running", "postponed", "done", "running"]
SHARE_2023 = [Decimal("0.92"), Decimal("0.78"), Decimal("1.00"), Decimal("0.64"), Decimal("0"), Decimal("0.85")]
NOTES = {
    "running": "Berjalan sesuai rencana kerja; kendala utama pada pengadaan dan integrasi data.",
    "done": "Selesai dan sudah dimanfaatkan masyarakat.",
    "not_started": "Belum dimulai: anggaran bergeser ke tahun berikutnya.",
    "postponed": "Ditunda menunggu penyesuaian dengan rencana tata ruang sekitar IKN.",
    "cancelled": "Dibatalkan; kegiatan digabung dengan program lain.",
}
SKIPPED_2023 = {"Dinkes"}  # one OPD did not report in 2023
REPORTED_2024 = {"Diskominfo", "Bappelitbang", "DLH", "Disperindag", "Dinkes"}
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def populate(demo):
    masterplan = demo.masterplan
    users = demo.users
    created = []
    if not ReportingYear.objects.filter(masterplan=masterplan, year=2023).exists():
        year = _year(masterplan, 2023, datetime.date(2024, 3, 31), users["coordinator"])
        _reports_2023(year, users)
        year.state, year.note, year.decided_by = YearState.ACCEPTED, _note_2023(), users["expert"]
        year.closed_at = timezone.make_aware(datetime.datetime(2024, 4, 2, 9, 0))
        year.version += 1
        year._history_user = users["expert"]
        year.save()
        created.append(2023)
    if not ReportingYear.objects.filter(masterplan=masterplan, year=2024).exists():
        deadline = max(datetime.date(2025, 3, 31), timezone.localdate() + datetime.timedelta(days=30))
        year = _year(masterplan, 2024, deadline, users["coordinator"])
        _reports_2024(year, users)
        created.append(2024)
    events = _sosialisasi(demo)
    years = ReportingYear.objects.filter(masterplan=masterplan).count()
    demo.say(
        f"Monev: {years} tahun pelaporan ({', '.join(map(str, created)) or 'tidak ada'} baru), "
        f"{events} sosialisasi, data demo."
    )
    populate_evaluation(demo)


DEMO_EVENT = "[Data demo] Sosialisasi Masterplan Smart City kepada OPD dan Dewan Smart City"
DEMO_MINUTES = (
    "<h3>Pokok bahasan</h3><p>Bappelitbang dan Diskominfo memaparkan Masterplan Smart City 2023–2032 dan kewajiban "
    "setiap OPD melaporkan pelaksanaan programnya setiap tahun melalui portal.</p>"
    "<h3>Kesepakatan</h3><ul><li>Forum Dewan Smart City bertemu setiap triwulan.</li>"
    "<li>Setiap OPD menunjuk satu petugas pelapor monev.</li>"
    "<li>Laporan monev 2024 diserahkan paling lambat batas waktu pelaporan.</li></ul>"
)


def _sosialisasi(demo):
    """One forum of the Dewan Smart City that also socialised the plan to the OPDs (2024), marked as demo data."""
    from .models import EventKind, Sosialisasi

    masterplan = demo.masterplan
    if not Sosialisasi.objects.filter(masterplan=masterplan, title=DEMO_EVENT).exists():
        event = Sosialisasi(
            masterplan=masterplan,
            kind=EventKind.FORUM,
            title=DEMO_EVENT,
            held_on=datetime.date(2024, 6, 18),
            venue="Aula Lantai 3 Kantor Bupati Penajam Paser Utara",
            speakers="Kepala Diskominfo Kabupaten Penajam Paser Utara\nKepala Bappelitbang\nTenaga ahli pendamping",
            attendance=64,
            minutes=DEMO_MINUTES,
            is_demo=True,
        )
        event._history_user = demo.users["coordinator"]
        event.save()
        event.attending_opds.set([opd for opd in demo.opds.values()][:8])
    return Sosialisasi.objects.filter(masterplan=masterplan).count()


def _year(masterplan, number, deadline, user):
    year = ReportingYear(masterplan=masterplan, year=number, deadline=deadline, is_demo=True)
    year._history_user = user
    year.save()
    return year


def _note_2023():
    return (
        "Diterima. Untuk tahun berikutnya: lengkapi bukti dukung (SK, foto kegiatan, tangkapan layar aplikasi) "
        "pada setiap program, dan laporkan program yang ditunda beserta rencana penjadwalannya."
    )


def _user_for(item, users):
    acronym = item.opd.acronym if item.opd else ""
    return {"DLH": users["opd_member"], "Dispar": users["opd_member_2"]}.get(acronym, users["coordinator"])


def _reports_2023(year, users):
    for index, item in enumerate(load_items(year)):
        if item.opd is None or item.opd.acronym in SKIPPED_2023:
            continue
        status = STATUSES_2023[index % len(STATUSES_2023)]
        share = Decimal(0) if status == "not_started" else SHARE_2023[index % len(SHARE_2023)]
        _report(year, item, status, share, _user_for(item, users), evidence=index % 3 != 2)


def _reports_2024(year, users):
    dlh_done = 0
    for index, item in enumerate(load_items(year)):
        if item.opd is None or item.opd.acronym not in REPORTED_2024:
            continue
        if item.opd.acronym == "DLH":
            if dlh_done:
                continue  # DLH has reported one row so far: the demo OPD member sees what is left
            dlh_done += 1
        status = "done" if index % 4 == 3 else "running"
        _report(year, item, status, Decimal("0.45"), _user_for(item, users), evidence=index % 2 == 0)


def _report(year, item, status, share, user, *, evidence):
    plan = item.plan_total
    report = Report(
        reporting_year=year,
        status=status,
        budget_realised=(plan * share).quantize(Decimal(1)) if plan else None,
        budget_source="apbd" if plan else "",
        notes=f"[Data demo] {NOTES[status]}",
        updated_by=user,
        **{item.kind: item.subject},
    )
    report._history_user = user
    report.save()
    field = "programme_indicator_id" if item.kind == "programme" else "quickwin_indicator_id"
    for indicator in item.indicators:
        value = _realised(indicator, share)
        if value:
            realisation = Realisation(report=report, value=value, **{field: indicator.pk})
            realisation._history_user = user
            realisation.save()
    if evidence:
        file = Evidence(report=report, kind="pdf", original_name="bukti-dukung-demo.pdf", uploaded_by=user)
        file.file.save("bukti-dukung-demo.pdf", ContentFile(PDF), save=False)
        file._history_user = user
        file.save()


def _realised(indicator, share):
    """A share of the year's target or, without one, a little above the baseline ("" when neither is a number)."""
    target = parse_number(str(indicator.target or "").strip().rstrip("%"))
    if target is not None:
        return format_number((target * (share or Decimal("0.2"))).quantize(Decimal(1)))
    baseline = parse_number(str(indicator.baseline or "").strip().rstrip("%"))
    if baseline is not None:
        return format_number((baseline * (1 + share / 4) + share * 2).quantize(Decimal(1)))
    return ""
