"""Every write of the plan. Each workflow is one transaction that saves (refusing a concurrent save with both
versions, see core.concurrency and plan.conflicts) and reports the change once per section it touches through
review.changes.report_change (plan.changes says which sections). Views, htmx endpoints and any future import
or command call only these functions."""

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max, Model
from django.forms import ModelForm

from core.concurrency import EditConflict, bump_version, save_versioned
from review.changes import report_change

from .changes import reason, sections_of
from .conflicts import BudgetConflict, IndicatorConflict, keep_typed
from .forms.programmes import BudgetForm, IndicatorForm, ProgrammeForm
from .models import BudgetLine, Programme, ProgrammeIndicator, ProgrammeTarget

if TYPE_CHECKING:
    from accounts.models import User
    from masterplan.models import Masterplan

QUICKWINS_SECTION = "quickwins.quickwins"  # a quick win's book profile names its linked programmes


def _report(*, masterplan: "Masterplan", user: "User", keys, text: str) -> None:
    for key in dict.fromkeys(keys):
        report_change(masterplan=masterplan, section_key=key, user=user, reason=text)


def _next_order(instance) -> int:
    return (instance.siblings().aggregate(m=Max("order"))["m"] or 0) + 1


def _save(form: ModelForm, user: "User") -> Model:
    """Save a valid ModelForm of a Versioned model (history: by `user`); a new list row goes to the end of its
    list."""
    instance = form.instance
    instance._history_user = user
    if instance.pk is None and hasattr(instance, "siblings"):
        instance.order = _next_order(instance)
    return save_versioned(form)


@transaction.atomic
def save_form(*, masterplan: "Masterplan", user: "User", form: ModelForm) -> Model:
    """Save the form of a text of the plan (region profile, vision, horizon settings) or a list row (plan.lists);
    raises EditConflict when somebody saved the row since the form was opened."""
    model = form._meta.model
    action = "edit" if form.instance.pk else "add"
    instance = _save(form, user)
    item = instance if hasattr(instance, "siblings") else None
    _report(masterplan=masterplan, user=user, keys=sections_of(model), text=reason(model, action, item))
    return instance


@transaction.atomic
def delete_item(*, masterplan: "Masterplan", user: "User", item: Model) -> None:
    """Delete a list row of the plan (plan.lists)."""
    model = type(item)
    item._history_user = user
    item.delete()
    _report(masterplan=masterplan, user=user, keys=sections_of(model), text=reason(model, "delete", item))


@transaction.atomic
def move_item(*, masterplan: "Masterplan", user: "User", item: Model, direction: str) -> bool:
    """Swap a row (list row, programme) with its neighbour above ('up') or below ('down'); True if it moved."""
    siblings = list(item.siblings().order_by("order", "pk").select_for_update())
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    model = type(item)
    for position, row in enumerate(siblings, start=1):
        if row.order != position:
            row.order = position
            row._history_user = user
            row.save(update_fields=["order"])  # with a history record: who moved it, when
    _report(masterplan=masterplan, user=user, keys=sections_of(model), text=reason(model, "move", item))
    return True


def _programme_sections(programme: Programme) -> tuple[str, ...]:
    keys = sections_of(Programme)
    if programme.pk and programme.quickwins.exists():
        keys += (QUICKWINS_SECTION,)
    return keys


def _quickwin_sections(programme: Programme) -> tuple[str, ...]:
    """A quick win that IS this programme prints its budget and targets: its section changes with them."""
    if programme.pk and type(programme).objects.filter(pk=programme.pk, same_quickwin__isnull=False).exists():
        return (QUICKWINS_SECTION,)
    return ()


@transaction.atomic
def save_programme(*, masterplan: "Masterplan", user: "User", form: ProgrammeForm) -> Programme:
    """Add or edit a programme (form: ProgrammeForm); raises EditConflict on a concurrent save."""
    action = "edit" if form.instance.pk else "add"
    programme = _save(form, user)
    from quickwins.services import follow_programme  # the quick win that is this programme follows it

    follow_programme(programme=programme, user=user)
    _report(
        masterplan=masterplan,
        user=user,
        keys=_programme_sections(programme),
        text=reason(Programme, action, programme),
    )
    return programme


@transaction.atomic
def delete_programme(*, masterplan: "Masterplan", user: "User", programme: Programme) -> None:
    """Delete a programme with its budget and indicators (its links from quick wins go too)."""
    keys = _programme_sections(programme)
    programme._history_user = user
    programme.delete()
    _report(masterplan=masterplan, user=user, keys=keys, text=reason(Programme, "delete", programme))


def _budget(programme: Programme) -> dict:
    return {(line.year, line.source): line.amount for line in programme.budget_lines.all()}


@transaction.atomic
def set_budget(*, masterplan: "Masterplan", user: "User", programme: Programme, form: BudgetForm) -> None:
    """Replace the programme's budget lines by the grid of `form` (a valid BudgetForm), if the programme is still
    at the version the grid was opened with; otherwise raise BudgetConflict (saved and typed amounts)."""
    typed = form.amounts()
    if not bump_version(programme, form.cleaned_data["version"]):
        current = Programme.objects.get(pk=programme.pk)
        keep_typed(form, current.version)
        raise BudgetConflict(current, form, saved=_budget(current), typed=typed)
    for line in programme.budget_lines.all():
        line._history_user = user
        line.delete()
    for (year, source), amount in sorted(typed.items()):
        line = BudgetLine(programme=programme, year=year, source=source, amount=amount)
        line._history_user = user
        line.save()  # one history record per line: who and when
    _report(
        masterplan=masterplan,
        user=user,
        keys=sections_of(BudgetLine) + _quickwin_sections(programme),
        text=reason(BudgetLine, "edit", programme),
    )


def _set_targets(*, indicator: ProgrammeIndicator, values: dict, user: "User") -> None:
    """Make the indicator's targets `values` {year: value}; each change in the history with who."""
    saved = {t.year: t for t in indicator.targets.all()}
    for year, target in saved.items():
        if year not in values:
            target._history_user = user
            target.delete()
    for year, value in values.items():
        target = saved.get(year) or ProgrammeTarget(indicator=indicator, year=year)
        if target.pk is None or target.value != value:
            target.value = value
            target._history_user = user
            target.save()


@transaction.atomic
def save_indicator(*, masterplan: "Masterplan", user: "User", form: IndicatorForm) -> ProgrammeIndicator:
    """Add or edit a programme's indicator with its yearly targets (form: IndicatorForm); the targets are saved
    with the indicator's version, a concurrent save raises IndicatorConflict (saved and typed targets)."""
    action = "edit" if form.instance.pk else "add"
    try:
        indicator = _save(form, user)
    except EditConflict as error:
        raise IndicatorConflict(error.current, error.form) from error
    _set_targets(indicator=indicator, values=form.target_values(), user=user)
    _report(
        masterplan=masterplan,
        user=user,
        keys=sections_of(ProgrammeIndicator) + _quickwin_sections(indicator.programme),
        text=reason(ProgrammeIndicator, action, indicator),
    )
    return indicator


@transaction.atomic
def delete_indicator(*, masterplan: "Masterplan", user: "User", indicator: ProgrammeIndicator) -> None:
    keys = sections_of(ProgrammeIndicator) + _quickwin_sections(indicator.programme)
    indicator._history_user = user
    indicator.delete()
    _report(
        masterplan=masterplan,
        user=user,
        keys=keys,
        text=reason(ProgrammeIndicator, "delete", indicator),
    )
