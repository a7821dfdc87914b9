"""Each OPD's own part of the executive summary (seed 004: the summary is the handbook every SKPD keeps): its
programmes with their targets per year, budget and sources, the quick wins it owns, its open follow-ups and its
commitment. The executive summary prints every OPD's part; an OPD's extract (`books.rendering.opd_extract_html`,
book "ringkasan-opd") prints only its own: the masterplan then carries `extract_opd`.

`entries(masterplan, opd=None)` runs a constant number of queries whatever the number of OPDs."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from masterplan.models import OPD

from .models import Horizon, Programme, ProgrammeIndicator

EXTRACT_BOOK = "ringkasan-opd"  # the chapters of one OPD's extract (core.registry)


@dataclass
class OPDEntry:
    opd: object
    programmes: list = field(default_factory=list)
    partner_programmes: list = field(default_factory=list)
    quickwins: list = field(default_factory=list)
    followups: list = field(default_factory=list)
    signatories: list = field(default_factory=list)

    @property
    def budget(self):
        return sum(p.budget_total for p in self.programmes)

    @property
    def empty(self):
        return not (self.programmes or self.quickwins or self.followups or self.signatories)


def _programmes(masterplan, opds):
    programmes = list(
        Programme.objects.for_masterplan(masterplan)
        .filter(lead_opd__in=opds)
        .select_related("dimension", "element", "lead_opd")
        .prefetch_related(
            "budget_lines",
            Prefetch("indicators", queryset=ProgrammeIndicator.objects.prefetch_related("targets")),
        )
        .order_by("dimension__order", "order", "pk")
    )  # 4 queries: programmes, budget lines, indicators, targets
    horizons = dict(Horizon.choices)
    for p in programmes:
        lines = sorted(p.budget_lines.all(), key=lambda b: (b.year, b.source))
        p.budget_total = sum((b.amount for b in lines), 0)
        by_source = {}
        for line in lines:
            by_source[line.get_source_display()] = by_source.get(line.get_source_display(), 0) + line.amount
        p.sources = sorted(by_source.items(), key=lambda s: -s[1])
        p.horizon_label = horizons.get(p.horizon, "")
        p.indicator_rows = [
            (i, sorted(i.targets.all(), key=lambda t: t.year))
            for i in sorted(p.indicators.all(), key=lambda i: i.order)
        ]
    return programmes


def entries(masterplan, opd=None):
    """[OPDEntry] of every OPD of the region that has something in the plan (all OPDs when `opd` is None), or
    the one entry of `opd` (also when empty)."""
    from bimtek.models import FollowUp, Signatory
    from quickwins.models import QuickWin

    opds = list(OPD.objects.for_masterplan(masterplan).order_by("acronym"))  # 1 query
    if opd is not None:
        opds = [o for o in opds if o.pk == opd.pk]
    by_pk = {o.pk: OPDEntry(o) for o in opds}
    for p in _programmes(masterplan, opds):
        by_pk[p.lead_opd_id].programmes.append(p)
    partnered = (
        Programme.objects.for_masterplan(masterplan)
        .filter(partner_opds__in=opds)
        .select_related("lead_opd")
        .order_by("dimension__order", "order", "pk")
        .values_list("partner_opds", "name", "lead_opd__acronym")
    )  # 1 query
    for opd_pk, name, lead in partnered:
        by_pk[opd_pk].partner_programmes.append((name, lead))
    for quickwin in QuickWin.objects.for_masterplan(masterplan).chosen().for_cards():  # 2 queries
        owner = quickwin.owner()
        if owner is not None and owner.pk in by_pk:
            by_pk[owner.pk].quickwins.append(quickwin)
    for followup in (
        FollowUp.objects.filter(masterplan=masterplan, opd__in=opds).open().select_related("session__stage")
    ):  # 1 query
        by_pk[followup.opd_id].followups.append(followup)
    signatories = Signatory.objects.filter(commitment__masterplan=masterplan, opd__in=opds).select_related(
        "commitment"
    )  # 1 query
    for signatory in signatories:
        by_pk[signatory.opd_id].signatories.append(signatory)
    result = list(by_pk.values())
    return result if opd is not None else [e for e in result if not e.empty]


def context(masterplan):
    from bimtek.models import Commitment

    opd = getattr(masterplan, "extract_opd", None)
    return {
        "masterplan": masterplan,
        "entries": entries(masterplan, opd),
        "extract_opd": opd,
        "commitment": Commitment.objects.filter(masterplan=masterplan).first(),  # 1 query
    }
