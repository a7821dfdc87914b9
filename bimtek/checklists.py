"""Stage checklists computed from the data: each item names a metric registered in core.registry.

The items are rows (ChecklistItem, default list created by a data migration); an item whose metric
is not registered (its app is not built yet) says so instead of failing.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import registry
from core.memo import memoised, shared_lookups

from .models import STAGE_NUMBERS, ChecklistItem

# The default lists (DOMAIN.md, "The four bimtek stages"); the data migration 0002 creates them. The labels are
# message keys (stored in Indonesian), so each reader sees them in their language; a label a programme admin
# typed for a cohort is shown as typed.
DEFAULT_ITEMS = {
    1: [
        ("plan.readiness_assessed", gettext_noop("Analisis kesiapan Struktur, Infrastruktur dan Suprastruktur")),
        ("quickwins.idea_per_dimension", gettext_noop("Ide quick win pertama untuk setiap dimensi")),
        ("bimtek.stage1_recorded", gettext_noop("Sesi tahap I tercatat (daftar hadir dan notulen)")),
    ],
    2: [
        ("rpjmd.imported", gettext_noop("RPJMD daerah dimuat")),
        ("rpjmd.misi_mapped", gettext_noop("Misi RPJMD dipetakan ke dimensi")),
        ("rpjmd.all_opds_mapped", gettext_noop("Program setiap OPD dipetakan ke dimensi")),
        ("plan.swot_per_dimension", gettext_noop("Analisis kesenjangan dan SWOT per dimensi")),
        (
            "plan.programmes_per_dimension",
            gettext_noop("Daftar program awal per dimensi (1 tahun, 5 tahun, jangka panjang)"),
        ),
        ("plan.applications_listed", gettext_noop("Aplikasi yang sudah berjalan didata")),
        ("bimtek.stage2_recorded", gettext_noop("Sesi tahap II tercatat (daftar hadir dan notulen)")),
    ],
    3: [
        ("plan.vision_set", gettext_noop("Visi dan misi smart city dirumuskan")),
        ("plan.strategy_per_dimension", gettext_noop("Strategi untuk setiap dimensi")),
        ("plan.programmes_have_horizons", gettext_noop("Setiap program punya horizon (pendek, menengah, panjang)")),
        ("quickwins.chosen_per_dimension", gettext_noop("Satu quick win terpilih untuk setiap dimensi")),
        ("quickwins.chosen_have_progress", gettext_noop("Quick win terpilih punya persentase capaian")),
        ("bimtek.stage3_recorded", gettext_noop("Sesi tahap III tercatat (daftar hadir dan notulen)")),
    ],
    4: [
        ("plan.years_1_2_plan", gettext_noop("Rencana tahun 1-2 dan langkah-langkahnya")),
        ("plan.roadmap_set", gettext_noop("Peta jalan program tersusun")),
        ("plan.institutions_set", gettext_noop("Kelembagaan (Dewan Smart City, Tim Pelaksana) ditetapkan")),
        ("bimtek.commitment_signed", gettext_noop("Komitmen Bersama ditandatangani")),
        ("bimtek.stage4_recorded", gettext_noop("Sesi tahap IV tercatat (daftar hadir dan notulen)")),
    ],
}


@dataclass
class CheckResult:
    key: str
    label: str
    available: bool
    done: int = 0
    total: int = 0
    detail: str = ""
    url: str = ""

    @property
    def complete(self):
        return self.available and self.total > 0 and self.done >= self.total


@dataclass
class StageChecklist:
    number: int
    items: list

    @property
    def complete(self):
        return bool(self.items) and all(item.complete for item in self.items)

    @property
    def done_count(self):
        return sum(1 for item in self.items if item.complete)

    @property
    def missing(self):
        return [item for item in self.items if not item.complete]


def _url(metric, masterplan):
    if not metric.url_name:
        return ""
    try:
        return reverse(metric.url_name, args=[masterplan.pk])
    except NoReverseMatch:
        return ""


def evaluate(item, masterplan):
    """One checklist item against the masterplan's data; inside core.memo.shared_lookups(masterplan) a metric
    named by several stages is measured once."""
    metric = registry.metric(item.metric_key)
    if metric is None:
        return CheckResult(
            key=item.metric_key,
            label=_(item.label) if item.label else item.metric_key,
            available=False,
            detail=_("Bagian ini belum tersedia."),
        )
    done, total, detail = memoised(masterplan, f"metric:{item.metric_key}", lambda: metric.measure(masterplan))
    return CheckResult(
        key=item.metric_key,
        label=_(item.label) if item.label else str(metric.label),
        available=True,
        done=done,
        total=total,
        detail=detail,
        url=_url(metric, masterplan),
    )


def checklists(masterplan):
    """{stage number: StageChecklist} for the four stages (one query for the items, then the metrics, which
    share their lookups through core.memo)."""
    items = ChecklistItem.objects.for_cohort(masterplan.cohort_id)
    result = {n: StageChecklist(n, []) for n in STAGE_NUMBERS}
    with shared_lookups(masterplan):
        for item in items:
            result[item.stage_number].items.append(evaluate(item, masterplan))
    return result
