from django.contrib import admin

from .models import ChecklistItem, Snapshot


@admin.register(ChecklistItem)
class ChecklistItemAdmin(admin.ModelAdmin):
    """Programme admins change what each stage must produce, per cohort (no cohort: the default list)."""

    list_display = ["stage_number", "order", "metric_key", "label", "cohort"]
    list_filter = ["cohort", "stage_number"]
    list_editable = ["order", "label"]
    search_fields = ["metric_key", "label"]


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    """Read-only: snapshots are frozen when a stage closes."""

    list_display = ["label", "masterplan", "taken_at", "taken_by_name"]
    list_filter = ["masterplan__cohort"]
    readonly_fields = ["masterplan", "stage", "label", "taken_at", "taken_by", "taken_by_name", "sections", "data"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
