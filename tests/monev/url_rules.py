from tests.url_sweep import Rule


def _year(p):
    from .factories import ReportingYearFactory

    return ReportingYearFactory(masterplan=p.masterplan, year=2024)


def _mp(p):
    return {"mp": p.masterplan.pk}


def _y(p):
    return {"mp": p.masterplan.pk, "year": _year(p).year}


def _opd(p):
    return {**_y(p), "opd": p.opd.pk}


def _programme(p):
    from tests.plan.factories import ProgrammeFactory

    return {**_y(p), "pk": ProgrammeFactory(masterplan=p.masterplan, lead_opd=p.opd).pk}


def _quickwin(p):
    from tests.quickwins.factories import QuickWinFactory

    return {**_y(p), "pk": QuickWinFactory(masterplan=p.masterplan, owner=p.opd, chosen=True).pk}


def _evidence(p):
    from monev.models import Evidence, Report
    from tests.plan.factories import ProgrammeFactory

    report = Report.objects.create(
        reporting_year=_year(p), programme=ProgrammeFactory(masterplan=p.masterplan, lead_opd=p.opd), status="running"
    )
    evidence = Evidence.objects.create(report=report, file="x.pdf", kind="pdf", original_name="x.pdf")
    return {"mp": p.masterplan.pk, "pk": evidence.pk}


RULES = {
    "monev:index": Rule(_mp),
    "monev:year_open": Rule(_mp),
    "monev:evidence": Rule(_evidence),
    "monev:evidence_delete": Rule(_evidence),
    "monev:year": Rule(_y),
    "monev:year_close": Rule(_y),
    "monev:year_reopen": Rule(_y),
    "monev:year_transition": Rule(_y),
    "monev:opd_report": Rule(_opd),
    "monev:export": Rule(_opd),
    "monev:import": Rule(_opd),
    "monev:import_apply": Rule(_opd),
    "monev:report_programme": Rule(_programme),
    "monev:report_quickwin": Rule(_quickwin),
}


def _event(p):
    import datetime

    from monev.models import Sosialisasi

    event = Sosialisasi.objects.create(masterplan=p.masterplan, title="Sosialisasi", held_on=datetime.date(2024, 5, 1))
    return {"mp": p.masterplan.pk, "pk": event.pk}


def _photo(p):
    from monev.models import SosialisasiPhoto

    kwargs = _event(p)
    photo = SosialisasiPhoto.objects.create(event_id=kwargs["pk"], file="x.png", original_name="x.png")
    return {"mp": p.masterplan.pk, "pk": photo.pk}


RULES.update(
    {
        "monev:sosialisasi_list": Rule(_mp),
        "monev:sosialisasi_add": Rule(_mp),
        "monev:sosialisasi": Rule(_event),
        "monev:sosialisasi_edit": Rule(_event),
        "monev:sosialisasi_delete": Rule(_event),
        "monev:sosialisasi_photo_add": Rule(_event),
        "monev:sosialisasi_photo": Rule(_photo),
        "monev:sosialisasi_thumbnail": Rule(_photo),
        "monev:sosialisasi_photo_delete": Rule(_photo),
    }
)
