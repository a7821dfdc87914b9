from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "institution", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_active", "notify_by_email"]
    search_fields = ["email", "first_name", "last_name", "institution"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profil"), {"fields": ["first_name", "last_name", "position", "institution", "notify_by_email"]}),
        (_("Hak akses"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Tanggal"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def get_deleted_objects(self, objs, request):
        """Deleting a user deletes their memberships: refused (listed as protected, with the reason) when that
        would leave a masterplan without a coordinator."""
        from masterplan.models import Membership
        from masterplan.services import check_coordinators_kept

        deleted, counts, perms, protected = super().get_deleted_objects(objs, request)
        memberships = list(Membership.objects.filter(user__in=list(objs)).values_list("pk", "masterplan_id"))
        try:
            check_coordinators_kept(
                masterplan_ids=[mp for _pk, mp in memberships], leaving=[pk for pk, _mp in memberships]
            )
        except ValidationError as error:
            protected = [*protected, *error.messages]
        return deleted, counts, perms, protected
