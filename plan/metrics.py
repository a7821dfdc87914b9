"""The plan's measurable facts for the bimtek checklists (keys agreed in docs/CONVENTIONS.md)."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from masterplan.models import Dimension

from .models import (
    Application,
    BudgetLine,
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


def _dimension_count():
    return Dimension.objects.count() or 6


def readiness_assessed(mp):
    done = (
        ReadinessItem.objects.filter(masterplan=mp, component__in=CORE_COMPONENTS)
        .values("component")
        .distinct()
        .count()
    )
    return done, 3, _("%(n)s dari 3 komponen (Struktur, Infrastruktur, Suprastruktur) dinilai") % {"n": done}


def swot_per_dimension(mp):
    kinds = {}
    for dimension_id, kind in SwotEntry.objects.filter(masterplan=mp).values_list("dimension_id", "kind").distinct():
        kinds.setdefault(dimension_id, set()).add(kind)
    done = sum(1 for k in kinds.values() if len(k) == 4)
    total = _dimension_count()
    return done, total, _("%(n)s dari %(t)s dimensi punya S, W, O dan T") % {"n": done, "t": total}


def vision_set(mp):
    has_vision = Vision.objects.filter(masterplan=mp).exclude(vision="").exists()
    has_missions = Mission.objects.filter(masterplan=mp).exists()
    done = int(has_vision) + int(has_missions)
    return (
        done,
        2,
        _("visi %(v)s, misi %(m)s")
        % {"v": _("ada") if has_vision else _("belum"), "m": _("ada") if has_missions else _("belum")},
    )


def strategy_per_dimension(mp):
    done = DimensionStrategy.objects.filter(masterplan=mp).values("dimension").distinct().count()
    total = _dimension_count()
    return done, total, _("%(n)s dari %(t)s dimensi punya strategi") % {"n": done, "t": total}


def programmes_have_horizons(mp):
    total = Programme.objects.filter(masterplan=mp).count()
    done = Programme.objects.filter(masterplan=mp, start_year__isnull=False, end_year__isnull=False).count()
    return done, total, _("%(n)s dari %(t)s program punya horizon dan tahun") % {"n": done, "t": total}


def programmes_per_dimension(mp):
    done = Programme.objects.filter(masterplan=mp).values("dimension").distinct().count()
    total = _dimension_count()
    return done, total, _("%(n)s dari %(t)s dimensi punya program") % {"n": done, "t": total}


def years_1_2_plan(mp):
    first_two = Q(start_year__lte=mp.start_year + 1)
    done = Programme.objects.filter(first_two, masterplan=mp).values("dimension").distinct().count()
    total = _dimension_count()
    return (
        done,
        total,
        _("%(n)s dari %(t)s dimensi punya program yang dimulai pada tahun 1–2") % {"n": done, "t": total},
    )


def roadmap_set(mp):
    total = Programme.objects.filter(masterplan=mp).count()
    budgeted = set(
        BudgetLine.objects.filter(programme__masterplan=mp).values_list("programme_id", flat=True).distinct()
    )
    done = Programme.objects.filter(
        masterplan=mp, start_year__isnull=False, end_year__isnull=False, pk__in=budgeted
    ).count()
    return done, total, _("%(n)s dari %(t)s program punya tahun dan anggaran") % {"n": done, "t": total}


def applications_listed(mp):
    n = Application.objects.filter(masterplan=mp).count()
    return min(n, 1), 1, _("%(n)s aplikasi tercatat") % {"n": n}


def institutions_set(mp):
    bodies = set(CouncilMember.objects.filter(masterplan=mp).values_list("body", flat=True).distinct())
    kinds = set(LegalDocument.objects.filter(masterplan=mp).values_list("kind", flat=True).distinct())
    parts = ["dewan" in bodies, "tim" in bodies, bool(kinds & {"sk_dewan", "sk_tim"})]
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
