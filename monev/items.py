"""What a reporting year asks for: one item per masterplan programme running in the year and per chosen quick
win, each with its responsible OPD, its indicators with the year's target, the year's budget plan and its
report (or None yet). Read in a constant number of queries, whatever the number of items."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from plan.models import BudgetLine, Programme, ProgrammeIndicator, ProgrammeTarget
from quickwins.models import Budget, QuickWin, QuickWinOwner

from .models import Report, owner_in_year
from .numbers import achievement

PROGRAMME, QUICKWIN = "programme", "quickwin"


@dataclass
class Indicator:
    pk: int
    name: str
    unit: str
    target: str  # "" when the plan sets no target for the year
    baseline: str = ""
    realisation: str = ""

    @property
    def achievement(self):
        return achievement(self.target, self.realisation)


@dataclass
class Item:
    kind: str  # PROGRAMME or QUICKWIN
    subject: object  # plan.Programme or quickwins.QuickWin
    opd: object  # the responsible OPD, or None
    indicators: list
    budget_plan: list  # [(source label, amount)]
    report: Report | None = None
    _missing: list = field(default=None, repr=False)

    @property
    def pk(self):
        return self.subject.pk

    @property
    def key(self):
        """The item's id in the spreadsheet: P-12 for a programme, Q-3 for a quick win."""
        return f"{'P' if self.kind == PROGRAMME else 'Q'}-{self.subject.pk}"

    @property
    def name(self):
        return self.subject.name if self.kind == PROGRAMME else f"{self.subject.short_name}: {self.subject.full_name}"

    @property
    def kind_label(self):
        return _("Program") if self.kind == PROGRAMME else _("Quick win")

    @property
    def dimension(self):
        return self.subject.dimension

    @property
    def owner_opd_id(self):
        return self.opd.pk if self.opd else None

    @property
    def plan_total(self):
        return sum((amount for _label, amount in self.budget_plan), Decimal(0)) if self.budget_plan else None

    @property
    def reported(self):
        return self.report is not None and bool(self.report.status)

    @property
    def missing(self):
        """What the OPD still has to fill in, in words."""
        if self._missing is None:
            report = self.report
            missing = []
            if report is None or not report.status:
                missing.append(_("status"))
            empty = [i.name for i in self.indicators if not i.realisation]
            if empty:
                missing.append(_("realisasi indikator: %(i)s") % {"i": ", ".join(empty)})
            if self.budget_plan and (report is None or report.budget_realised is None):
                missing.append(_("realisasi anggaran"))
            if report is None or not report.evidence.all():
                missing.append(_("bukti dukung"))
            self._missing = missing
        return self._missing


def _active_in(year, reporting_year):
    running = (Q(start_year__isnull=True) | Q(start_year__lte=year)) & (
        Q(end_year__isnull=True) | Q(end_year__gte=year)
    )
    reported = Q(pk__in=Report.objects.filter(reporting_year=reporting_year).values("programme_id"))
    return running | reported


def load_items(reporting_year, *, opd_id=None):
    """The items of a reporting year (of one OPD when `opd_id` is given), programmes first, in plan order.

    Queries: programmes, their indicators, the indicators' targets of the year, their budget lines of the year;
    chosen quick wins, their owners, indicators, budgets of the year; reports, their realisations and evidence."""
    masterplan, year = reporting_year.masterplan, reporting_year.year
    programmes = (
        Programme.objects.for_masterplan(masterplan)
        .filter(_active_in(year, reporting_year))
        .select_related("dimension", "lead_opd")
        .prefetch_related(
            Prefetch(
                "indicators",
                queryset=ProgrammeIndicator.objects.prefetch_related(
                    Prefetch("targets", queryset=ProgrammeTarget.objects.filter(year=year), to_attr="year_targets")
                ),
            ),
            Prefetch("budget_lines", queryset=BudgetLine.objects.filter(year=year), to_attr="year_budget"),
        )
    )
    if opd_id is not None:
        programmes = programmes.filter(lead_opd_id=opd_id)
    quickwins = (
        QuickWin.objects.for_masterplan(masterplan)
        .chosen()
        .select_related("dimension", "programme__lead_opd")
        .prefetch_related(
            Prefetch("owners", queryset=QuickWinOwner.objects.select_related("opd").order_by("year")),
            "indicators",
            Prefetch("budgets", queryset=Budget.objects.filter(year=year), to_attr="year_budget"),
        )
    )
    reports = {(r.programme_id, r.quickwin_id): r for r in Report.objects.for_year(reporting_year).for_pages()}
    items = []
    for programme in programmes:
        indicators = [
            Indicator(i.pk, i.name, i.unit, i.year_targets[0].value if i.year_targets else "", i.baseline)
            for i in programme.indicators.all()
        ]
        budget = [(line.get_source_display(), line.amount) for line in programme.year_budget]
        items.append(
            _attach(Item(PROGRAMME, programme, programme.lead_opd, indicators, budget), reports, reporting_year)
        )
    for quickwin in quickwins:
        owner = owner_in_year(quickwin, year)
        if opd_id is not None and (owner is None or owner.pk != opd_id):
            continue
        indicators = [Indicator(i.pk, i.name, i.unit, i.target, i.baseline) for i in quickwin.indicators.all()]
        budget = [(b.get_source_display(), b.amount) for b in quickwin.year_budget]
        items.append(_attach(Item(QUICKWIN, quickwin, owner, indicators, budget), reports, reporting_year))
    return items


def _attach(item, reports, reporting_year):
    key = (item.pk, None) if item.kind == PROGRAMME else (None, item.pk)
    report = reports.get(key)
    if report is not None:
        report.reporting_year = reporting_year  # its owner_opd_id and URL need no further query
        setattr(report, item.kind, item.subject)
        values = {r.indicator_id: r.value for r in report.realisations.all()}
        for indicator in item.indicators:
            indicator.realisation = values.get(indicator.pk, "")
    item.report = report
    return item


def find_item(reporting_year, *, kind, pk):
    """One item of the year, or None (not of this masterplan, not running in the year, not a chosen quick win)."""
    for item in load_items(reporting_year):
        if item.kind == kind and item.pk == pk:
            return item
    return None


@dataclass
class OPDRow:
    opd: object  # None for items without a responsible OPD
    items: list

    @property
    def total(self):
        return len(self.items)

    @property
    def reported(self):
        return sum(1 for item in self.items if item.reported)

    @property
    def complete(self):
        return sum(1 for item in self.items if not item.missing)

    @property
    def has_reported(self):
        return self.total > 0 and self.reported == self.total


@dataclass
class Summary:
    rows: list  # OPDRow, OPDs by acronym, the row without OPD last

    @property
    def opd_rows(self):
        return [row for row in self.rows if row.opd is not None]

    @property
    def opds_total(self):
        return len(self.opd_rows)

    @property
    def opds_reported(self):
        return sum(1 for row in self.opd_rows if row.has_reported)

    @property
    def items_total(self):
        return sum(row.total for row in self.rows)

    @property
    def items_reported(self):
        return sum(row.reported for row in self.rows)

    @property
    def rate(self):
        return round(100 * self.opds_reported / self.opds_total, 2) if self.opds_total else None

    def status_counts(self):
        """[(status label, number of items)] over the reported items."""
        from .models import Status

        counts = {choice.value: 0 for choice in Status}
        for row in self.rows:
            for item in row.items:
                if item.reported:
                    counts[item.report.status] += 1
        return [(Status(key).label, n) for key, n in counts.items()]


def summarise(items):
    by_opd = {}
    for item in items:
        by_opd.setdefault(item.opd.pk if item.opd else None, OPDRow(item.opd, [])).items.append(item)
    rows = sorted((r for k, r in by_opd.items() if k is not None), key=lambda r: r.opd.acronym.lower())
    if None in by_opd:
        rows.append(by_opd[None])
    return Summary(rows)
