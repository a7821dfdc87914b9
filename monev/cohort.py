"""Monev on the programme dashboard (review): each region's latest reporting year with its reporting rate (OPDs
that reported every item / OPDs owing) and its outcome share (masterplan programmes carried out), computed for
the whole cohort in five queries whatever its size. The rules are monev.items' (which programmes a year asks for,
a quick win's owner in the year) and monev.outcome's (berjalan = running or done), applied to plain rows."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from plan.models import Programme
from quickwins.models import QuickWin, QuickWinOwner

from .models import Report, ReportingYear
from .outcome import CARRIED_OUT, share_text


@dataclass(frozen=True)
class Value:
    """A dashboard cell: the text shown (and exported) and the number it sorts by."""

    text: str
    sort: float

    def __str__(self):
        return self.text


@dataclass
class _Year:
    year: int
    owing: dict  # {opd id: [reported?, ...]}
    programmes: int = 0
    running: int = 0


def _latest_years(masterplans):
    latest = {}
    for row in ReportingYear.objects.filter(masterplan__in=masterplans.order_by().values("pk")).values(
        "pk", "masterplan_id", "year"
    ):
        if row["masterplan_id"] not in latest or row["year"] > latest[row["masterplan_id"]]["year"]:
            latest[row["masterplan_id"]] = row
    return latest


def _owner(owners, year):
    """Like monev.models.owner_in_year over [(year, opd id)] sorted by year."""
    current = None
    for owner_year, opd_id in owners:
        if owner_year <= year:
            current = opd_id
    return current if current is not None else (owners[0][1] if owners else None)


def cohort_figures(masterplans):
    """{masterplan id: _Year} of each masterplan's latest reporting year. Queries: the years, the reports of the
    latest ones, the programmes, the chosen quick wins, their owners (only the first without any reporting year).
    Both columns get the same queryset object from the dashboard, so it is computed once for the two."""
    cached = getattr(masterplans, "_monev_figures", None)
    if cached is None:
        cached = _cohort_figures(masterplans)
        masterplans._monev_figures = cached
    return cached


def _cohort_figures(masterplans):
    latest = _latest_years(masterplans)
    if not latest:
        return {}
    by_year = {row["pk"]: row["masterplan_id"] for row in latest.values()}
    reports = defaultdict(dict)  # masterplan id -> {("p"|"q", pk): status}
    for row in Report.objects.filter(reporting_year_id__in=by_year).values(
        "reporting_year_id", "programme_id", "quickwin_id", "status"
    ):
        key = ("p", row["programme_id"]) if row["programme_id"] else ("q", row["quickwin_id"])
        reports[by_year[row["reporting_year_id"]]][key] = row["status"]
    result = {pk: _Year(row["year"], defaultdict(list)) for pk, row in latest.items()}
    programmes = Programme.objects.filter(masterplan_id__in=latest).values(
        "pk", "masterplan_id", "lead_opd_id", "start_year", "end_year"
    )
    for row in programmes:
        figures, done = result[row["masterplan_id"]], reports[row["masterplan_id"]]
        year = figures.year
        status = done.get(("p", row["pk"]))
        running = (row["start_year"] is None or row["start_year"] <= year) and (
            row["end_year"] is None or row["end_year"] >= year
        )
        if not running and status is None:
            continue
        figures.programmes += 1
        figures.running += 1 if status in CARRIED_OUT else 0
        if row["lead_opd_id"]:
            figures.owing[row["lead_opd_id"]].append(bool(status))
    quickwins = dict(
        QuickWin.objects.filter(Q(masterplan_id__in=latest), chosen=True).values_list("pk", "masterplan_id")
    )
    owners = defaultdict(list)
    for quickwin_id, year, opd_id in (
        QuickWinOwner.objects.filter(quickwin_id__in=quickwins)
        .order_by("year")
        .values_list("quickwin_id", "year", "opd_id")
    ):
        owners[quickwin_id].append((year, opd_id))
    for quickwin_id, masterplan_id in quickwins.items():
        figures = result[masterplan_id]
        opd_id = _owner(owners[quickwin_id], figures.year)
        if opd_id:
            figures.owing[opd_id].append(bool(reports[masterplan_id].get(("q", quickwin_id))))
    return result


def reporting_rate_column(masterplans):
    """{masterplan id: Value("5/7 OPD (71,43 %) · 2024", 71.43)}."""
    result = {}
    for pk, figures in cohort_figures(masterplans).items():
        owing = len(figures.owing)
        reported = sum(1 for flags in figures.owing.values() if flags and all(flags))
        text = _("%(n)s/%(m)s OPD (%(s)s) · %(y)s") % {
            "n": reported,
            "m": owing,
            "s": share_text(reported, owing),
            "y": figures.year,
        }
        result[pk] = Value(text, round(100 * reported / owing, 2) if owing else -1)
    return result


def outcome_column(masterplans):
    """{masterplan id: Value("8 dari 11 program, 72,73 %", 72.73)} of the latest reporting year."""
    result = {}
    for pk, figures in cohort_figures(masterplans).items():
        text = _("%(n)s dari %(m)s program, %(s)s") % {
            "n": figures.running,
            "m": figures.programmes,
            "s": share_text(figures.running, figures.programmes),
        }
        share = round(100 * figures.running / figures.programmes, 2) if figures.programmes else -1
        result[pk] = Value(text, share)
    return result


def latest_index_column(masterplans):
    """{masterplan id: Value} of the index in the region's latest result letter from the ministry (one query)."""
    from django.utils.formats import number_format

    from .evaluation import latest_index

    return {
        pk: Value(f"{number_format(index, 2)}", float(index))
        for pk, index in latest_index(masterplans.order_by().values("pk")).items()
        if index is not None
    }
