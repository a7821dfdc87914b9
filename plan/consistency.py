"""The consistency report: what would make the books wrong or thin, each finding with the page that fixes it.
The contradictions across the books (plan.contradictions, and a programme's years outside its horizon) block a
final export: `blocking(findings)`.

`check(masterplan)` runs a constant number of queries whatever the size of the plan."""

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rpjmd.coverage import rpjmd_for
from rpjmd.models import Program as RPJMDProgram

from . import contradictions
from .models import BudgetLine, DimensionStrategy, PlanSettings, Programme

RULES = {
    "dimension_without_programme": gettext_lazy("Dimensi tanpa program"),
    "programme_without_opd": gettext_lazy("Program tanpa OPD pengampu"),
    "programme_without_budget": gettext_lazy("Program tanpa anggaran"),
    "programme_without_years": gettext_lazy("Program tanpa tahun mulai/selesai"),
    "years_outside_horizon": gettext_lazy("Tahun di luar horizon"),
    "strategy_without_goal": gettext_lazy("Strategi tanpa sasaran"),
    "rpjmd_programme_unused": gettext_lazy("Program RPJMD yang dipetakan tetapi belum dipakai"),
    **contradictions.RULES,
}
# The rules whose findings make the books contradict themselves: a final export waits until none is open.
BLOCKING = frozenset({"years_outside_horizon", *contradictions.RULES})


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    url: str
    fix: str

    @property
    def rule_label(self):
        return RULES[self.rule]

    @property
    def blocking(self):
        return self.rule in BLOCKING


def blocking(findings):
    """The findings that refuse a final export (contradictions across the books)."""
    return [f for f in findings if f.blocking]


def check(masterplan):
    mp = masterplan.pk
    findings = []
    settings = PlanSettings.for_masterplan(masterplan)  # 1 query
    ranges = settings.ranges()
    programmes = list(
        Programme.objects.for_masterplan(masterplan)
        .select_related("dimension")
        .prefetch_related("rpjmd_programs")
        .order_by("dimension__order", "order", "pk")
    )  # 2 queries
    budget_years = {}
    for programme_id, year in BudgetLine.objects.filter(programme__masterplan=masterplan).values_list(
        "programme_id", "year"
    ):
        budget_years.setdefault(programme_id, set()).add(year)  # 1 query
    dimensions = masterplan.dimension_list()  # 1 query (none when already loaded: core.memo)
    used = {p.dimension_id for p in programmes}
    for dimension in dimensions:
        if dimension.pk not in used:
            findings.append(
                Finding(
                    "dimension_without_programme",
                    _("%(d)s belum punya program.") % {"d": dimension.name},
                    reverse("plan:programme_add", args=[mp]) + f"?dimensi={dimension.key}",
                    _("Tambah program"),
                )
            )
    for p in programmes:
        edit = reverse("plan:programme_edit", args=[mp, p.pk])
        if not p.lead_opd_id:
            findings.append(
                Finding(
                    "programme_without_opd", _("%(p)s belum punya OPD pengampu.") % {"p": p.name}, edit, _("Pilih OPD")
                )
            )
        if p.pk not in budget_years:
            findings.append(
                Finding(
                    "programme_without_budget",
                    _("%(p)s belum punya perkiraan anggaran.") % {"p": p.name},
                    reverse("plan:programme_budget", args=[mp, p.pk]),
                    _("Isi anggaran"),
                )
            )
        if not (p.start_year and p.end_year):
            findings.append(
                Finding(
                    "programme_without_years",
                    _("%(p)s belum punya tahun mulai dan selesai.") % {"p": p.name},
                    edit,
                    _("Isi tahun"),
                )
            )
        else:
            last = ranges[p.horizon][1]
            outside = [y for y in (p.start_year, p.end_year) if not masterplan.start_year <= y <= masterplan.end_year]
            if outside or p.end_year < p.start_year:
                findings.append(
                    Finding(
                        "years_outside_horizon",
                        _("%(p)s: tahun %(a)s–%(b)s di luar horizon masterplan %(s)s–%(e)s.")
                        % {
                            "p": p.name,
                            "a": p.start_year,
                            "b": p.end_year,
                            "s": masterplan.start_year,
                            "e": masterplan.end_year,
                        },
                        edit,
                        _("Perbaiki tahun"),
                    )
                )
            elif p.end_year > last:
                findings.append(
                    Finding(
                        "years_outside_horizon",
                        _("%(p)s: %(h)s seharusnya selesai paling lambat %(y)s, tertulis %(b)s.")
                        % {"p": p.name, "h": p.get_horizon_display().lower(), "y": last, "b": p.end_year},
                        edit,
                        _("Perbaiki horizon atau tahun"),
                    )
                )
            stray = sorted(y for y in budget_years.get(p.pk, ()) if y not in p.years)
            if stray:
                findings.append(
                    Finding(
                        "years_outside_horizon",
                        _("%(p)s: anggaran tahun %(y)s di luar tahun program %(a)s–%(b)s.")
                        % {"p": p.name, "y": ", ".join(map(str, stray)), "a": p.start_year, "b": p.end_year},
                        reverse("plan:programme_budget", args=[mp, p.pk]),
                        _("Perbaiki anggaran"),
                    )
                )
    strategies = (
        DimensionStrategy.objects.for_masterplan(masterplan)
        .annotate(n=Count("goals"))
        .filter(n=0)
        .select_related("dimension", "element")
    )  # 1 query
    for strategy in strategies:
        where = strategy.element.name if strategy.element_id else strategy.dimension.name
        findings.append(
            Finding(
                "strategy_without_goal",
                _("Strategi %(w)s belum punya sasaran: %(t)s") % {"w": where, "t": strategy.text[:80]},
                reverse("plan:strategies", args=[mp]) + f"#strategi-{strategy.pk}",
                _("Tambah sasaran"),
            )
        )
    rpjmd = rpjmd_for(masterplan)  # 1-2 queries (none when already looked up: core.memo)
    if rpjmd is not None:
        unused = (
            RPJMDProgram.objects.filter(rpjmd=rpjmd, primary_dimension__isnull=False)
            .exclude(plan_programmes__masterplan=masterplan)
            .select_related("primary_dimension")
        )  # 1 query
        for program in unused:
            findings.append(
                Finding(
                    "rpjmd_programme_unused",
                    _(
                        "Program RPJMD %(c)s %(n)s dipetakan ke %(d)s tetapi belum menjadi dasar program masterplan mana pun."
                    )
                    % {"c": program.code, "n": program.name, "d": program.primary_dimension.name},
                    reverse("plan:programme_add", args=[mp])
                    + f"?dimensi={program.primary_dimension.key}&rpjmd={program.pk}",
                    _("Buat program darinya"),
                )
            )
    findings += contradictions.find(masterplan, programmes, rpjmd)
    return findings


def grouped(findings):
    result = {key: [] for key in RULES}
    for finding in findings:
        result[finding.rule].append(finding)
    return [(key, RULES[key], result[key]) for key in RULES]
