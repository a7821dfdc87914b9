"""A quick win that is already linked to exactly one masterplan programme named after it (the programme's name
starts with the quick win's short name, e.g. "Go PPU" and "Go PPU: aplikasi super layanan publik") becomes that
programme: its dimension and element are set to the programme's, and its owner, budget, years and targets are
read from the programme from now on (its own rows stay, unused, so unlinking gives them back)."""

from django.db import migrations


def tie(apps, schema_editor):
    QuickWin = apps.get_model("quickwins", "QuickWin")
    taken = set(QuickWin.objects.filter(programme__isnull=False).values_list("programme_id", flat=True))
    for quickwin in QuickWin.objects.filter(programme__isnull=True).prefetch_related("plan_programmes"):
        name = quickwin.short_name.casefold()
        same = [
            p for p in quickwin.plan_programmes.all() if p.name.casefold().startswith(name) and p.pk not in taken
        ]
        if len(same) != 1:
            continue
        programme = same[0]
        taken.add(programme.pk)
        QuickWin.objects.filter(pk=quickwin.pk).update(
            programme=programme, dimension_id=programme.dimension_id, element_id=programme.element_id
        )


class Migration(migrations.Migration):
    dependencies = [("quickwins", "0004_quickwin_is_programme")]

    operations = [migrations.RunPython(tie, migrations.RunPython.noop)]
