"""What the apps contribute to every masterplan, registered in each app's AppConfig.ready().

- Tabs: the masterplan's navigation (RPJMD, Bimtek, Rencana, Quick Win, Buku, Review).
- Panels: cards on the masterplan dashboard; each says what to do next when it has no data.
- Home panels: blocks on a user's home page (an OPD member's follow-ups, an expert's queue).
- Sections: the content the books are made from. `serialize(masterplan)` returns a JSON-able list
  of records `{"key": stable id, "label": text, "fields": {name: value}}`. Bimtek snapshots freeze
  them, the review attaches a state to each section, the books read the same data.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url_name: str
    order: int = 50


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: Callable  # (masterplan, access) -> dict
    order: int = 50
    # Kept in the cache (core.fragments.render_panels) until the masterplan's content changes, per role/OPD and
    # language; `vary(masterplan) -> list` names what it shows that changes without a reported content change.
    cached: bool = False
    vary: Callable | None = None


@dataclass(frozen=True)
class HomePanel:
    key: str
    template: str
    context: Callable  # (request) -> dict; the template is skipped when it returns None
    order: int = 50


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    serialize: Callable  # (masterplan) -> list[dict]
    url_name: str = ""
    order: int = 50
    group: str = "masterplan"  # "analysis", "masterplan", "quickwins", "books"


_tabs: dict[str, Tab] = {}
_panels: dict[str, Panel] = {}
_sections: dict[str, Section] = {}
_home_panels: dict[str, HomePanel] = {}


def register_tab(tab):
    _tabs[tab.key] = tab


def register_panel(panel):
    _panels[panel.key] = panel


def register_home_panel(panel):
    _home_panels[panel.key] = panel


def home_panels():
    return sorted(_home_panels.values(), key=lambda p: p.order)


def register_section(section):
    _sections[section.key] = section


def tabs():
    return sorted(_tabs.values(), key=lambda t: t.order)


def panels():
    return sorted(_panels.values(), key=lambda p: p.order)


def sections():
    return sorted(_sections.values(), key=lambda s: s.order)


def section(key):
    return _sections[key]


@dataclass(frozen=True)
class Chapter:
    """A chapter (or appendix) of a book. `context(masterplan)` returns the template's data; it must run
    a constant number of queries whatever the size of the plan. Book keys: analisis, masterplan,
    ringkasan, quickwin (see docs/CONVENTIONS.md for the orders)."""

    book: str
    key: str
    title: str
    template: str
    context: Callable  # (masterplan) -> dict
    order: int = 50
    appendix: bool = False


@dataclass(frozen=True)
class Metric:
    """A measurable fact about a masterplan for the bimtek checklists. `measure(masterplan)` returns
    (done: int, total: int, detail: str); complete when total > 0 and done >= total."""

    key: str
    label: str
    measure: Callable
    url_name: str = ""  # where to fix it; reversed with args=[masterplan.pk]


_chapters: dict[tuple, Chapter] = {}
_metrics: dict[str, Metric] = {}


def register_chapter(chapter):
    _chapters[(chapter.book, chapter.key)] = chapter


def chapters(book):
    return sorted((c for c in _chapters.values() if c.book == book), key=lambda c: (c.appendix, c.order))


@dataclass(frozen=True)
class YearlyBook:
    """A book rendered per year (monev's `monev`: the yearly monitoring report). `years(masterplan)` lists the years
    it can be made for, newest first. Its chapters' `context` takes (masterplan, year); the books app asks for the
    year when exporting and does not re-render it in the background after a masterplan change."""

    key: str
    years: Callable  # (masterplan) -> list[int], newest first
    title_suffix: str = "%(year)s"  # appended to the book's title: "Laporan Monitoring dan Evaluasi 2024"


_yearly_books: dict[str, YearlyBook] = {}


def register_yearly_book(book):
    _yearly_books[book.key] = book


def yearly_book(key):
    """The YearlyBook registered for a book key, or None for a book of the masterplan (one per masterplan)."""
    return _yearly_books.get(key)


def register_metric(metric):
    _metrics[metric.key] = metric


def metric(key):
    return _metrics.get(key)


def metrics():
    return dict(_metrics)


# --- Review (the review app reads these; every app may register) ---------------------------------

BOOK_SECTIONS = [
    ("book:analisis", _("Buku Analisis Strategis")),
    ("book:masterplan", _("Buku Masterplan")),
    ("book:ringkasan", _("Ringkasan Eksekutif")),
    ("book:quickwin", _("Buku Quick Win")),
]

_model_sections: dict[str, str] = {}


def register_model_section(model, section_key):
    """Declare that rows of `model` are content of the section `section_key` (e.g. Program -> "plan.programmes").
    The review sends an approved section back to draft when such a row is edited (review.services)."""
    _model_sections[model._meta.label_lower] = section_key


def section_for_model(model):
    """The section key a model (class or instance) belongs to, or None."""
    return _model_sections.get(model._meta.label_lower)


@dataclass(frozen=True)
class HistorySource:
    """A historical model shown in a masterplan's activity stream.

    `masterplan_path`: lookup from the tracked row to the masterplan ("masterplan", "rpjmd__masterplan"; "id"
    for the Masterplan itself) or, with `by_region=True`, to the region ("region", "rpjmd__region"). `opd_path`: lookup to the owner OPD's
    id ("owner_opd", "opd") or "". `url_name`: reversed with args=[masterplan.pk] for the "open" link."""

    model: object  # the tracked model class (its `history` manager is read)
    masterplan_path: str
    section_key: str = ""
    opd_path: str = ""
    by_region: bool = False
    url_name: str = ""
    section_field: str = ""  # or: a field of the row holding its section key (rows of many sections)
    select_related: tuple = ()  # for `describe`, so a page of rows costs one query per source
    describe: Callable | None = None  # (historical row) -> text; default str() of the row's instance


_history_sources: dict[str, HistorySource] = {}


def register_history(source):
    _history_sources[source.model._meta.label_lower] = source


def history_sources():
    return list(_history_sources.values())


@dataclass(frozen=True)
class CohortColumn:
    """A column of the programme dashboard. `values(masterplans)` takes the whole queryset of the cohort's
    masterplans and returns {masterplan_id: value} with a constant number of queries."""

    key: str
    label: str
    values: Callable
    order: int = 50
    help: str = ""  # what the column counts, shown under the table


_cohort_columns: dict[str, CohortColumn] = {}


def register_cohort_column(column):
    _cohort_columns[column.key] = column


def cohort_columns():
    return sorted(_cohort_columns.values(), key=lambda c: c.order)


_masterplan_resolvers: dict[str, Callable] = {}


def register_masterplan_resolver(model, resolver):
    """For a commentable model with neither `masterplan_id` nor `masterplan`: resolver(obj) -> masterplan id."""
    _masterplan_resolvers[model._meta.label_lower] = resolver


def masterplan_id_of(obj):
    """The id of the masterplan a row belongs to, or None when it can't be told."""
    resolver = _masterplan_resolvers.get(obj._meta.label_lower)
    if resolver is not None:
        return resolver(obj)
    if hasattr(obj, "masterplan_id"):
        return obj.masterplan_id
    masterplan = getattr(obj, "masterplan", None)
    return getattr(masterplan, "pk", None)


_card_annotations: list[Callable] = []


def register_card_annotation(annotate):
    """`annotate(queryset) -> queryset` adds fields the home cards show (one subquery each, no extra query)."""
    if annotate not in _card_annotations:
        _card_annotations.append(annotate)


def card_annotations():
    return list(_card_annotations)


# --- Changes (review.changes.report_change calls these after the transaction commits) -----------------

_change_listeners: dict[str, Callable] = {}


def register_change_listener(key, listener):
    """`listener(masterplan_id)` runs after the commit of a transaction that changed the masterplan's content
    (once per masterplan and transaction). The books mark their drafts stale this way."""
    _change_listeners[key] = listener


def change_listeners():
    return list(_change_listeners.values())
