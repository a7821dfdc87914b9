"""The plan's measurable facts for the bimtek checklists (keys agreed in docs/CONVENTIONS.md)."""

from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.memo import memoised
from masterplan.models import Masterplan

from .models import (
    Application,
    CouncilMember,
    DimensionStrategy,
    LegalDocument,
    Mission,
    Programme,
    ReadinessItem,
    SwotEntry,
    Vision,
)
from .models.analysis import CORE_COMPONENTS

# Inside core.memo.shared_lookups(masterplan) (the dashboard, a stage track) the metrics share their
# lookups: the dimensions, the programme figures and the facts below are read once for all of them.


def _dimension_count(mp):
    return len(mp.dimension_list()) or 6


def _distinct_count(queryset, field):
    """A subquery: how many distinct `field` values the masterplan's rows of `queryset` have (0 for none)."""
    counted = (
        queryset.filter(masterplan=OuterRef("pk"))
        .order_by()
        .values("masterplan")
        .annotate(n=Count(field, distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def _exists(queryset):
    return Exists(queryset.filter(masterplan=OuterRef("pk")))


def plan_facts(mp):
    """The small facts of several metrics, in one query: core readiness components assessed, vision and
    missions set, dimensions with a strategy, applications, and which institutions are recorded."""

    def compute():
        return (
            Masterplan.objects.filter(pk=mp.pk)
            .order_by()
            .values(
                readiness=_distinct_count(ReadinessItem.objects.filter(component__in=CORE_COMPONENTS), "component"),
                has_vision=_exists(Vision.objects.exclude(vision="")),
                has_missions=_exists(Mission.objects.all()),
                strategy_dimensions=_distinct_count(DimensionStrategy.objects.all(), "dimension"),
                applications=_distinct_count(Application.objects.all(), "pk"),
                council=_exists(CouncilMember.objects.filter(body="dewan")),
                team=_exists(CouncilMember.objects.filter(body="tim")),
                decrees=_exists(LegalDocument.objects.filter(kind__in=("sk_dewan", "sk_tim"))),
            )
            .get()
        )

    return memoised(mp, "plan.facts", compute)


def programme_figures(mp):
    """ProgrammeQuerySet.figures() of the masterplan (years 1-2 are the early ones); for the metrics and the
    dashboard panel."""
    return memoised(
        mp,
        "plan.programme_figures",
        lambda: Programme.objects.for_masterplan(mp).figures(early_until=mp.start_year + 1),
    )


def readiness_assessed(mp):
    done = plan_facts(mp)["readiness"]
    return done, 3, _("%(n)s dari 3 komponen (Struktur, Infrastruktur, Suprastruktur) dinilai") % {"n": done}


def swot_per_dimension(mp):
    kinds = {}
    for dimension_id, kind in (
        SwotEntry.objects.filter(masterplan=mp).order_by().values_list("dimension_id", "kind").distinct()
    ):
        kinds.setdefault(dimension_id, set()).add(kind)
    done = sum(1 for k in kinds.values() if len(k) == 4)
    total = _dimension_count(mp)
    return done, total, _("%(n)s dari %(t)s dimensi punya S, W, O dan T") % {"n": done, "t": total}


def vision_set(mp):
    facts = plan_facts(mp)
    has_vision, has_missions = bool(facts["has_vision"]), bool(facts["has_missions"])
    done = int(has_vision) + int(has_missions)
    return (
        done,
        2,
        _("visi %(v)s, misi %(m)s")
        % {"v": _("ada") if has_vision else _("belum"), "m": _("ada") if has_missions else _("belum")},
    )


def strategy_per_dimension(mp):
    done = plan_facts(mp)["strategy_dimensions"]
    total = _dimension_count(mp)
    return done, total, _("%(n)s dari %(t)s dimensi punya strategi") % {"n": done, "t": total}


def programmes_have_horizons(mp):
    figures = programme_figures(mp)
    done, total = figures["with_years"], figures["total"]
    return done, total, _("%(n)s dari %(t)s program punya horizon dan tahun") % {"n": done, "t": total}


def programmes_per_dimension(mp):
    done = programme_figures(mp)["dimensions"]
    total = _dimension_count(mp)
    return done, total, _("%(n)s dari %(t)s dimensi punya program") % {"n": done, "t": total}


def years_1_2_plan(mp):
    done = programme_figures(mp)["early_dimensions"]
    total = _dimension_count(mp)
    return (
        done,
        total,
        _("%(n)s dari %(t)s dimensi punya program yang dimulai pada tahun 1–2") % {"n": done, "t": total},
    )


def roadmap_set(mp):
    figures = programme_figures(mp)
    done, total = figures["with_years_and_budget"], figures["total"]
    return done, total, _("%(n)s dari %(t)s program punya tahun dan anggaran") % {"n": done, "t": total}


def applications_listed(mp):
    n = plan_facts(mp)["applications"]
    return min(n, 1), 1, _("%(n)s aplikasi tercatat") % {"n": n}


def institutions_set(mp):
    facts = plan_facts(mp)
    parts = [bool(facts["council"]), bool(facts["team"]), bool(facts["decrees"])]
    done = sum(parts)
    return done, 3, _("Dewan, Tim Pelaksana dan SK: %(n)s dari 3 tercatat") % {"n": done}


METRICS = [
    ("plan.readiness_assessed", gettext_lazy("Analisis kesiapan daerah"), readiness_assessed, "plan:readiness"),
    ("plan.swot_per_dimension", gettext_lazy("SWOT per dimensi"), swot_per_dimension, "plan:swot"),
    ("plan.vision_set", gettext_lazy("Visi dan misi smart city"), vision_set, "plan:vision"),
    ("plan.strategy_per_dimension", gettext_lazy("Strategi per dimensi"), strategy_per_dimension, "plan:strategies"),
    (
        "plan.programmes_have_horizons",
        gettext_lazy("Program punya horizon dan tahun"),
        programmes_have_horizons,
        "plan:programmes",
    ),
    (
        "plan.programmes_per_dimension",
        gettext_lazy("Program di setiap dimensi"),
        programmes_per_dimension,
        "plan:programmes",
    ),
    ("plan.years_1_2_plan", gettext_lazy("Rencana tahun 1–2"), years_1_2_plan, "plan:roadmap"),
    ("plan.roadmap_set", gettext_lazy("Peta jalan lengkap"), roadmap_set, "plan:roadmap"),
    ("plan.applications_listed", gettext_lazy("Aplikasi eksisting tercatat"), applications_listed, "plan:applications"),
    ("plan.institutions_set", gettext_lazy("Kelembagaan smart city"), institutions_set, "plan:institutions"),
]
