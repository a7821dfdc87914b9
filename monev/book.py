"""The yearly monitoring report (Laporan Monitoring dan Evaluasi): the book `monev`, made per reporting year.

Its chapters' contexts take (masterplan, year) (core.registry.YearlyBook); each runs a constant number of queries
(monev.items.load_items and one or two more). The self-assessment and the ministry's result are the evaluation
module's (`monev.evaluation.book_context(masterplan, year)`, `templates/books/monev/evaluation.html`): their chapter
is registered only when that module exists."""

import importlib.util

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.charts import Bar, hbar_chart
from core.memo import memoised
from masterplan.models import Dimension

from . import outcome
from .items import PROGRAMME, load_items, summarise
from .models import ReportingYear, Sosialisasi, Status
from .sosialisasi import forum_meetings

BOOK = "monev"


def years(masterplan):
    """The reporting years of the masterplan, newest first (one query)."""
    return list(ReportingYear.objects.for_masterplan(masterplan).order_by("-year").values_list("year", flat=True))


def _year(masterplan, year):
    def compute():
        reporting_year = ReportingYear.objects.get(masterplan=masterplan, year=year)
        reporting_year.masterplan = masterplan
        return reporting_year

    return memoised(masterplan, ("monev.year", year), compute)


def _items(masterplan, year):
    """The year's items, loaded once per render (books.rendering shares lookups between the chapters)."""
    return memoised(masterplan, ("monev.items", year), lambda: load_items(_year(masterplan, year)))


def _dimensions(masterplan):
    return memoised(masterplan, "monev.dimensions", lambda: list(Dimension.objects.order_by("order")))


def summary_context(masterplan, year):
    """The year at a glance: the reporting rate, the statuses, the budget, the outcome share per dimension."""
    reporting_year = _year(masterplan, year)
    items = _items(masterplan, year)
    summary = summarise(items)
    dimensions = outcome.by_dimension(items, _dimensions(masterplan))
    bars = [
        Bar(
            str(t.label),
            t.share or 0,
            pattern=t.dimension.pattern,
            color=t.dimension.color,
            note=f"({t.programmes_running}/{t.programmes})",
        )
        for t in dimensions
    ]
    chart = hbar_chart(
        bars,
        title=_("Program berjalan per dimensi, %(y)s") % {"y": year},
        unit="%",
        max_value=100,
        id_prefix=f"monev{year}",
    )
    return {
        "reporting_year": reporting_year,
        "summary": summary,
        "overall": outcome.total(items),
        "dimensions": dimensions,
        "chart": chart,
        "statuses": summary.status_counts(),
        "not_reported": summary.items_total - summary.items_reported,
    }


def dimension_context(masterplan, year):
    items = _items(masterplan, year)
    return {"dimensions": outcome.by_dimension(items, _dimensions(masterplan)), "overall": outcome.total(items)}


def opd_context(masterplan, year):
    items = _items(masterplan, year)
    return {"opds": outcome.by_opd(items), "overall": outcome.total(items)}


def status_context(masterplan, year):
    """Every programme and quick win of the year by dimension, with its status, indicators and budget."""
    items = _items(masterplan, year)
    groups = {d.pk: {"dimension": d, "programmes": [], "quickwins": []} for d in _dimensions(masterplan)}
    loose = {"dimension": None, "programmes": [], "quickwins": []}
    for item in items:
        group = groups.get(item.dimension.pk, loose) if item.dimension else loose
        group["programmes" if item.kind == PROGRAMME else "quickwins"].append(item)
    result = [g for g in groups.values() if g["programmes"] or g["quickwins"]]
    if loose["programmes"] or loose["quickwins"]:
        result.append(loose)
    return {"groups": result, "status_labels": dict(Status.choices)}


def sosialisasi_context(masterplan, year):
    events = list(
        Sosialisasi.objects.for_masterplan(masterplan)
        .in_year(year)
        .prefetch_related("attending_opds")
        .order_by("held_on")
    )
    return {"events": events, "forum_meetings": forum_meetings(masterplan, year)}


def evaluation_available():
    try:
        return importlib.util.find_spec("monev.evaluation") is not None
    except (ImportError, ValueError):
        return False


def register():
    from core import registry

    registry.register_yearly_book(registry.YearlyBook(BOOK, years))
    chapters = [
        ("monev-ringkasan", gettext_lazy("Ringkasan Pelaksanaan"), "summary", summary_context, 10),
        ("monev-dimensi", gettext_lazy("Capaian per Dimensi"), "dimensions", dimension_context, 20),
        ("monev-opd", gettext_lazy("Capaian per Perangkat Daerah"), "opds", opd_context, 30),
        ("monev-status", gettext_lazy("Status Program dan Quick Win"), "status", status_context, 40),
        ("monev-sosialisasi", gettext_lazy("Sosialisasi dan Forum Smart City"), "sosialisasi", sosialisasi_context, 50),
    ]
    for key, title, template, context, order in chapters:
        registry.register_chapter(registry.Chapter(BOOK, key, title, f"books/monev/{template}.html", context, order))
    if evaluation_available():
        from . import evaluation  # the evaluation engineer's module (branch evaluation)

        registry.register_chapter(
            registry.Chapter(
                BOOK,
                "monev-evaluasi",
                gettext_lazy("Evaluasi Mandiri dan Hasil Penilaian Kementerian"),
                "books/monev/evaluation.html",
                evaluation.book_context,
                60,
            )
        )
