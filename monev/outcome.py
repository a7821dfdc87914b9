"""What a reporting year's items add up to: the outcome share per dimension ("Smart Economy: 10 dari 12 program
berjalan, 83,33 %"), realisation against targets and budget per dimension and per OPD. Pure functions over
monev.items.load_items (no queries of their own), shared by the monitoring book and the programme dashboard.

Decided: a programme counts as carried out ("berjalan") when its report says berjalan or selesai; the share is
over every masterplan programme of the year (quick wins are counted apart, as the evaluation does)."""

from dataclasses import dataclass, field
from decimal import Decimal

from .items import PROGRAMME
from .models import Status

CARRIED_OUT = {Status.RUNNING, Status.DONE}


def share_text(done, total):
    """'83,33 %' (two decimals, the Indonesian way), or '–' without programmes."""
    if not total:
        return "–"
    return f"{100 * done / total:.2f}".replace(".", ",") + " %"


def carried_out(item):
    return item.reported and item.report.status in CARRIED_OUT


@dataclass
class Tally:
    """Counts and sums over a group of items (a dimension, an OPD, the whole year)."""

    label: str = ""
    dimension: object = None
    opd: object = None
    programmes: int = 0
    programmes_running: int = 0
    quickwins: int = 0
    quickwins_running: int = 0
    reported: int = 0
    items: int = 0
    budget_plan: Decimal = Decimal(0)
    budget_realised: Decimal = Decimal(0)
    achievements: list = field(default_factory=list)

    def add(self, item):
        self.items += 1
        self.reported += 1 if item.reported else 0
        running = carried_out(item)
        if item.kind == PROGRAMME:
            self.programmes += 1
            self.programmes_running += 1 if running else 0
        else:
            self.quickwins += 1
            self.quickwins_running += 1 if running else 0
        if item.plan_total:
            self.budget_plan += item.plan_total
        if item.report is not None and item.report.budget_realised is not None:
            self.budget_realised += item.report.budget_realised
        self.achievements += [i.achievement for i in item.indicators if i.achievement is not None]

    @property
    def share(self):
        """Programmes carried out, in percent (None without programmes)."""
        return round(100 * self.programmes_running / self.programmes, 2) if self.programmes else None

    @property
    def share_text(self):
        return share_text(self.programmes_running, self.programmes)

    @property
    def budget_rate(self):
        return round(float(100 * self.budget_realised / self.budget_plan), 1) if self.budget_plan else None

    @property
    def achievement(self):
        """The average achievement of the indicators with a numeric target and realisation."""
        return round(sum(self.achievements) / len(self.achievements), 1) if self.achievements else None


def by_dimension(items, dimensions):
    """[Tally] per dimension in the given order (every dimension, also those without items)."""
    tallies = {d.pk: Tally(label=d.name, dimension=d) for d in dimensions}
    for item in items:
        dimension = item.dimension
        if dimension is None:
            continue
        tallies.setdefault(dimension.pk, Tally(label=dimension.name, dimension=dimension)).add(item)
    return list(tallies.values())


def by_opd(items):
    """[Tally] per responsible OPD, by acronym; items without an OPD last."""
    tallies = {}
    for item in items:
        key = item.opd.pk if item.opd else None
        label = (item.opd.acronym or item.opd.name) if item.opd else "–"
        tallies.setdefault(key, Tally(label=label, opd=item.opd)).add(item)
    rows = sorted((t for k, t in tallies.items() if k is not None), key=lambda t: t.label.lower())
    return rows + ([tallies[None]] if None in tallies else [])


def total(items):
    tally = Tally()
    for item in items:
        tally.add(item)
    return tally
