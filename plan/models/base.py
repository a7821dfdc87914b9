from django.db import models

from core.concurrency import Versioned


class OrderedQuerySet(models.QuerySet):
    def for_masterplan(self, masterplan):
        return self.filter(masterplan=masterplan)


class PlanItem(Versioned):
    """A row of one of the plan's lists: belongs to a masterplan, kept in a user-set order.

    Only the coordinator edits it (owner_opd_id is None), unless a subclass says otherwise."""

    masterplan = models.ForeignKey("masterplan.Masterplan", on_delete=models.CASCADE, related_name="+")
    order = models.PositiveIntegerField(default=0, editable=False)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def owner_opd_id(self):
        return None

    def siblings(self):
        """The rows this one is ordered among (same list)."""
        return type(self).objects.filter(masterplan_id=self.masterplan_id)
