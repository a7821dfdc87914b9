"""The plan's long lists, edited in place: one generic set of views (views/items.py) serves every kind here.

A page shows a list as a `Block`: the rows, the list's HTML id, the add form with the fields the list fixes
(e.g. the dimension and SWOT type) hidden. Rows are rendered by `plan/rows/<kind>.html`."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .changes import sections_of, undo_warning
from .forms.analysis import (
    ApplicationForm,
    CouncilMemberForm,
    GapForm,
    KeyFigureForm,
    LegalDocumentForm,
    ReadinessItemForm,
    SwotEntryForm,
    SwotStrategyForm,
)
from .forms.direction import DimensionStrategyForm, GoalForm, MissionForm
from .models import (
    Application,
    CouncilMember,
    DimensionStrategy,
    Gap,
    Goal,
    KeyFigure,
    LegalDocument,
    Mission,
    ReadinessItem,
    SwotEntry,
    SwotStrategy,
)


@dataclass(frozen=True)
class Kind:
    key: str  # the URL word
    model: type
    form: type
    page: str  # URL name of the page that shows the list
    label: str

    @property
    def sections(self):
        """The sections an edit of the list reports to (plan.changes)."""
        return sections_of(self.model)

    @property
    def row_template(self):
        return f"plan/rows/{self.key}.html"


KINDS = {
    k.key: k
    for k in [
        Kind("angka", KeyFigure, KeyFigureForm, "plan:profile", _("angka kunci")),
        Kind("kesiapan", ReadinessItem, ReadinessItemForm, "plan:readiness", _("butir kesiapan")),
        Kind("swot", SwotEntry, SwotEntryForm, "plan:swot", _("butir SWOT")),
        Kind("strategi-swot", SwotStrategy, SwotStrategyForm, "plan:swot", _("strategi SWOT")),
        Kind("kesenjangan", Gap, GapForm, "plan:swot", _("kesenjangan")),
        Kind("aplikasi", Application, ApplicationForm, "plan:applications", _("aplikasi")),
        Kind("anggota", CouncilMember, CouncilMemberForm, "plan:institutions", _("anggota lembaga")),
        Kind("dokumen", LegalDocument, LegalDocumentForm, "plan:institutions", _("dokumen")),
        Kind("misi", Mission, MissionForm, "plan:vision", _("misi")),
        Kind("strategi", DimensionStrategy, DimensionStrategyForm, "plan:strategies", _("strategi")),
        Kind("sasaran", Goal, GoalForm, "plan:strategies", _("sasaran")),
    ]
}


@dataclass
class Block:
    kind: Kind
    id: str  # HTML id of the list
    items: list
    title: str = ""
    empty: str = ""
    editable: bool = False
    fixed: dict = field(default_factory=dict)
    form: object = None
    next: str = ""
    warning: str = ""  # said before a save that undoes an approval or submission (plan.changes.undo_warning)

    @property
    def fixed_names(self):
        return ",".join(self.fixed)


def block(kind_key, list_id, items, *, access, masterplan, next_url, fixed=None, title="", empty="", warning=None):
    """`warning`: the undo warning when the caller already has it (pages with several lists of one section)."""
    kind = KINDS[kind_key]
    editable = access.can_manage
    fixed = fixed or {}
    form = kind.form(masterplan=masterplan, fixed=fixed, prefix=list_id) if editable else None
    if editable and warning is None:
        warning = undo_warning(masterplan, kind.sections)
    return Block(kind, list_id, items, title, empty, editable, fixed, form, next_url, warning or "")


def page_warning(access, kind_key):
    """The undo warning of a page whose lists all belong to the section of `kind_key` (one query per page)."""
    return undo_warning(access.masterplan, KINDS[kind_key].sections) if access.can_manage else ""
