"""The Django admin of the masterplan app. Writes that matter go through masterplan.services like the pages:
a masterplan's book data and OPDs are reported, an OPD still in use is not deleted, and no deletion or role
change leaves a masterplan without a coordinator."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import OPD, Cohort, Dimension, Element, Invitation, Masterplan, Membership, Region, Role

BOOK_FIELDS = {"title", "foreword", "logo", "start_year", "end_year"}


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


class CoordinatorKeptFormSet(forms.BaseInlineFormSet):
    """The memberships of one masterplan: refused when the edit leaves it without a coordinator."""

    def clean(self):
        super().clean()
        if self.instance.pk is None or any(self.errors):
            return
        leaving = []
        for form in self.forms:
            if not form.instance.pk:
                continue
            deleted = self.can_delete and self._should_delete_form(form)
            if deleted or form.cleaned_data.get("role", Role.COORDINATOR) != Role.COORDINATOR:
                leaving.append(form.instance.pk)
        joining = any(
            not form.instance.pk
            and form.cleaned_data.get("role") == Role.COORDINATOR
            and not self._should_delete_form(form)
            for form in self.forms
        )
        if leaving and not joining:
            services.check_coordinators_kept(masterplan_ids=[self.instance.pk], leaving=leaving)


class MembershipAdminForm(forms.ModelForm):
    """A role change that would leave the masterplan without a coordinator is refused with the reason."""

    class Meta:
        model = Membership
        fields = ["masterplan", "user", "role", "opd"]

    def clean(self):
        data = super().clean()
        old = self.instance
        if old.pk and old.role == Role.COORDINATOR and data.get("role") != Role.COORDINATOR:
            services.check_coordinators_kept(masterplan_ids=[old.masterplan_id], leaving=[old.pk])
        return data


class MembershipInline(admin.TabularInline):
    model = Membership
    formset = CoordinatorKeptFormSet
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

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if change and BOOK_FIELDS & set(form.changed_data):
                services.report_books(
                    masterplan=obj, user=request.user, reason=_("Data masterplan diubah lewat admin.")
                )


@admin.register(OPD)
class OPDAdmin(SimpleHistoryAdmin):
    list_display = ["acronym", "name", "kind", "region"]
    list_filter = ["kind", "region__province"]
    search_fields = ["acronym", "name", "region__name"]
    list_select_related = ["region"]
    autocomplete_fields = ["region"]

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            services.report_region_books(
                region_id=obj.region_id,
                user=request.user,
                reason=_("OPD %(o)s diubah lewat admin.") % {"o": obj.acronym},
            )

    def get_deleted_objects(self, objs, request):
        """An OPD still in use is listed as protected with what uses it: the admin refuses the deletion (page and
        bulk action alike) and says why."""
        deleted, counts, perms, protected = super().get_deleted_objects(objs, request)
        for opd in objs:
            protected = [*protected, *(f"{opd.acronym}: {use}" for use in services.opd_uses(opd))]
        return deleted, counts, perms, protected

    def delete_model(self, request, obj):
        services.delete_opd(opd=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for opd in queryset:
                services.delete_opd(opd=opd, user=request.user)


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    form = MembershipAdminForm
    list_display = ["user", "masterplan", "role", "opd"]
    list_filter = ["role", "masterplan__cohort"]
    search_fields = ["user__email", "user__first_name", "masterplan__region__name", "opd__acronym"]
    list_select_related = ["user", "masterplan", "opd"]
    autocomplete_fields = ["user", "masterplan", "opd"]

    def get_deleted_objects(self, objs, request):
        """Deleting the last coordinator of a masterplan is listed as protected with the reason: the admin refuses
        it (page and bulk action alike)."""
        deleted, counts, perms, protected = super().get_deleted_objects(objs, request)
        rows = list(objs)
        try:
            services.check_coordinators_kept(
                masterplan_ids=[m.masterplan_id for m in rows], leaving=[m.pk for m in rows]
            )
        except ValidationError as error:
            protected = [*protected, *error.messages]
        return deleted, counts, perms, protected

    def delete_model(self, request, obj):
        services.remove_member(membership=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            rows = list(queryset)
            services.check_coordinators_kept(
                masterplan_ids=[m.masterplan_id for m in rows], leaving=[m.pk for m in rows]
            )
            for membership in rows:
                membership._history_user = request.user
                membership.delete()


@admin.register(Invitation)
class InvitationAdmin(SimpleHistoryAdmin):
    list_display = ["email", "masterplan", "role", "opd", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "accepted_at"]
    search_fields = ["email", "masterplan__region__name"]
    list_select_related = ["masterplan", "opd"]
    readonly_fields = ["token"]
