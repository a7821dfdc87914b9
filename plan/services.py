"""Workflows that write the plan: ordering list rows, a programme's budget grid, indicator targets."""

from django.db import transaction
from django.db.models import Max

from .models import BudgetLine, ProgrammeTarget


def next_order(instance):
    return (instance.siblings().aggregate(m=Max("order"))["m"] or 0) + 1


@transaction.atomic
def add_item(*, form):
    """Save a new list row at the end of its list."""
    instance = form.save(commit=False)
    instance.order = next_order(instance)
    instance.save()
    form.save_m2m()
    if hasattr(form, "target_values"):
        set_targets(indicator=instance, values=form.target_values())
    return instance


@transaction.atomic
def move_item(*, item, direction):
    """Swap a row with its neighbour above ('up') or below ('down'); True if it moved."""
    siblings = list(item.siblings().order_by("order", "pk").select_for_update())
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, row in enumerate(siblings, start=1):
        if row.order != position:
            type(row).objects.filter(pk=row.pk).update(order=position)
    return True


@transaction.atomic
def set_budget(*, programme, amounts):
    """Replace the programme's budget lines by `amounts` {(year, source): amount}."""
    programme.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(programme=programme, year=year, source=source, amount=amount)
        for (year, source), amount in sorted(amounts.items())
    )


def set_targets(*, indicator, values):
    indicator.targets.exclude(year__in=values).delete()
    for year, value in values.items():
        ProgrammeTarget.objects.update_or_create(indicator=indicator, year=year, defaults={"value": value})
