from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Book, ExportJob


@admin.register(Book)
class BookAdmin(SimpleHistoryAdmin):
    list_display = ["title", "key", "cohort", "order"]
    list_filter = ["cohort"]


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    list_display = ["book_title", "masterplan", "variant", "status", "page_count", "created_at"]
    list_filter = ["status", "variant", "book_key"]
    readonly_fields = [f.name for f in ExportJob._meta.fields]
