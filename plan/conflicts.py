"""Refusals of a concurrent save of the grids saved with their parent row: a programme's budget grid and an
indicator's yearly targets. Like core.concurrency.EditConflict they show both versions (the saved one and what
was typed) in core/partials/conflict.html; the view re-renders the form with what was typed."""

from django.utils.translation import gettext as _

from core.concurrency import EditConflict

from .models import BudgetLine, ProgrammeTarget, Source


def _text(value) -> str:
    return "" if value in (None, "") else str(value)


class BudgetConflict(EditConflict):
    """The programme changed (its form or its budget) since the budget grid was opened."""

    def __init__(self, programme, form, *, saved: dict, typed: dict):
        self.saved = saved  # {(year, source): amount}
        self.typed = typed
        super().__init__(programme, form)
        last = BudgetLine.history.filter(programme_id=programme.pk).order_by("-history_date").first()
        if last is not None and (self.changed_at is None or last.history_date > self.changed_at):
            self.changed_by, self.changed_at = last.history_user, last.history_date

    def rows(self):
        labels = dict(Source.choices)
        result = []
        for year, source in sorted(set(self.saved) | set(self.typed)):
            theirs, yours = _text(self.saved.get((year, source))), _text(self.typed.get((year, source)))
            label = _("Anggaran %(y)s dari %(s)s (Rp)") % {"y": year, "s": labels.get(source, source)}
            result.append((label, theirs, yours, theirs != yours))
        return result


class IndicatorConflict(EditConflict):
    """The indicator (its texts or its targets) changed since the form was opened: the targets are compared too."""

    def rows(self):
        result = super().rows()
        saved = dict(ProgrammeTarget.objects.filter(indicator=self.current).values_list("year", "value"))
        for year in self.form.years:
            theirs = saved.get(year, "")
            yours = _text(self.form.data.get(self.form.add_prefix(f"target_{year}"), "")).strip()
            result.append((self.form.fields[f"target_{year}"].label, theirs, yours, theirs != yours))
        return result


def keep_typed(form, version: int) -> None:
    """Leave what was typed in the bound form, with the saved version: saving again is a deliberate overwrite."""
    data = form.data.copy()
    data[form.add_prefix("version")] = version
    form.data = data
