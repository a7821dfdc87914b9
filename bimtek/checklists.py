"""Stage checklists computed from the data: each item names a metric registered in core.registry.

The items are rows (ChecklistItem, default list created by a data migration); an item whose metric
is not registered (its app is not built yet) says so instead of failing.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from core import registry
from core.memo import memoised, shared_lookups

from .models import STAGE_NUMBERS, ChecklistItem

# The default lists (DOMAIN.md, "The four bimtek stages"); the data migration 0002 creates them.
DEFAULT_ITEMS = {
    1: [
        ("plan.readiness_assessed", "Analisis kesiapan Struktur, Infrastruktur dan Suprastruktur"),
        ("quickwins.idea_per_dimension", "Ide quick win pertama untuk setiap dimensi"),
        ("bimtek.stage1_recorded", "Sesi tahap I tercatat (daftar hadir dan notulen)"),
    ],
    2: [
        ("rpjmd.imported", "RPJMD daerah dimuat"),
        ("rpjmd.misi_mapped", "Misi RPJMD dipetakan ke dimensi"),
        ("rpjmd.all_opds_mapped", "Program setiap OPD dipetakan ke dimensi"),
        ("plan.swot_per_dimension", "Analisis kesenjangan dan SWOT per dimensi"),
        ("plan.programmes_per_dimension", "Daftar program awal per dimensi (1 tahun, 5 tahun, jangka panjang)"),
        ("plan.applications_listed", "Aplikasi yang sudah berjalan didata"),
        ("bimtek.stage2_recorded", "Sesi tahap II tercatat (daftar hadir dan notulen)"),
    ],
    3: [
        ("plan.vision_set", "Visi dan misi smart city dirumuskan"),
        ("plan.strategy_per_dimension", "Strategi untuk setiap dimensi"),
        ("plan.programmes_have_horizons", "Setiap program punya horizon (pendek, menengah, panjang)"),
        ("quickwins.chosen_per_dimension", "Satu quick win terpilih untuk setiap dimensi"),
        ("quickwins.chosen_have_progress", "Quick win terpilih punya persentase capaian"),
        ("bimtek.stage3_recorded", "Sesi tahap III tercatat (daftar hadir dan notulen)"),
    ],
    4: [
        ("plan.years_1_2_plan", "Rencana tahun 1-2 dan langkah-langkahnya"),
        ("plan.roadmap_set", "Peta jalan program tersusun"),
        ("plan.institutions_set", "Kelembagaan (Dewan Smart City, Tim Pelaksana) ditetapkan"),
        ("bimtek.commitment_signed", "Komitmen Bersama ditandatangani"),
        ("bimtek.stage4_recorded", "Sesi tahap IV tercatat (daftar hadir dan notulen)"),
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
            label=item.label or item.metric_key,
            available=False,
            detail=_("Bagian ini belum tersedia."),
        )
    done, total, detail = memoised(masterplan, f"metric:{item.metric_key}", lambda: metric.measure(masterplan))
    return CheckResult(
        key=item.metric_key,
        label=item.label or str(metric.label),
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
