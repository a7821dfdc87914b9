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
