from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Comment, Notification, SectionReview


@admin.register(SectionReview)
class SectionReviewAdmin(SimpleHistoryAdmin):
    list_display = ["masterplan", "section_key", "state", "changed_by", "changed_at"]
    list_filter = ["state"]
    search_fields = ["masterplan__region__name", "section_key"]
    raw_id_fields = ["masterplan", "changed_by"]


@admin.register(Comment)
class CommentAdmin(SimpleHistoryAdmin):
    list_display = ["masterplan", "target_label", "author", "created_at", "resolved_at"]
    list_filter = ["resolved_at"]
    search_fields = ["body", "masterplan__region__name"]
    raw_id_fields = ["masterplan", "parent", "author", "resolved_by", "opd", "mentions"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "text", "created_at", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = ["recipient", "masterplan"]
