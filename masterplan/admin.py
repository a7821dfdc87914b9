from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import OPD, Cohort, Dimension, Element, Invitation, Masterplan, Membership, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "province", "population", "area_km2"]
    list_filter = ["kind", "province"]
    search_fields = ["code", "name"]
    list_select_related = ["province"]


class ElementInline(admin.TabularInline):
    model = Element
    extra = 0


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["order", "name_id", "name_en", "color", "pattern"]
    search_fields = ["name_id", "name_en"]
    inlines = [ElementInline]


@admin.register(Element)
class ElementAdmin(admin.ModelAdmin):
    list_display = ["name_id", "name_en", "dimension", "order"]
    list_filter = ["dimension"]
    search_fields = ["name_id", "name_en"]


@admin.register(Cohort)
class CohortAdmin(SimpleHistoryAdmin):
    list_display = ["year", "name"]
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "opd"]


@admin.register(Masterplan)
class MasterplanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "region", "cohort", "status", "start_year", "end_year", "updated_at"]
    list_filter = ["cohort", "status", "region__province"]
    search_fields = ["title", "region__name", "region__code"]
    list_select_related = ["region", "cohort"]
    autocomplete_fields = ["region"]
    inlines = [MembershipInline]


@admin.register(OPD)
class OPDAdmin(SimpleHistoryAdmin):
    list_display = ["acronym", "name", "kind", "region"]
    list_filter = ["kind", "region__province"]
    search_fields = ["acronym", "name", "region__name"]
    list_select_related = ["region"]
    autocomplete_fields = ["region"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "masterplan", "role", "opd"]
    list_filter = ["role", "masterplan__cohort"]
    search_fields = ["user__email", "user__first_name", "masterplan__region__name", "opd__acronym"]
    list_select_related = ["user", "masterplan", "opd"]
    autocomplete_fields = ["user", "masterplan", "opd"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "masterplan", "role", "opd", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "accepted_at"]
    search_fields = ["email", "masterplan__region__name"]
    list_select_related = ["masterplan", "opd"]
    readonly_fields = ["token"]
