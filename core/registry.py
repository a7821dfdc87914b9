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


def register_metric(metric):
    _metrics[metric.key] = metric


def metric(key):
    return _metrics.get(key)


def metrics():
    return dict(_metrics)
