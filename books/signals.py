"""One receiver: every recorded change (django-simple-history) of a masterplan's content marks its draft
books stale. It only schedules `services.note_change` after commit; no work happens in the request."""

from django.db import transaction


def masterplan_ids(instance):
    from masterplan.models import Masterplan

    from .models import Book

    if isinstance(instance, Book):
        return []
    if isinstance(instance, Masterplan):
        return [instance.pk]
    if getattr(instance, "masterplan_id", None):
        return [instance.masterplan_id]
    region_id = getattr(instance, "region_id", None)
    if region_id:  # OPDs, the RPJMD: every masterplan of the region
        return list(Masterplan.objects.filter(region_id=region_id).values_list("pk", flat=True))
    return []


def content_changed(sender, instance, **kwargs):
    def later():
        from .services import note_change

        for pk in masterplan_ids(instance):
            note_change(pk)

    transaction.on_commit(later)
