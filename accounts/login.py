"""Signing in: a person with exactly one masterplan lands on it, not on a list holding one card."""

from django.contrib.auth import views as auth_views
from django.urls import reverse

from masterplan.models import Masterplan


def landing_url(user):
    """The masterplan's dashboard when the user sees exactly one masterplan, else the home list. Programme
    admins always get the list (they enrol regions from it)."""
    if not user.is_programme_admin:
        ids = list(Masterplan.objects.visible_to(user).values_list("pk", flat=True)[:2])
        if len(ids) == 1:
            return reverse("masterplan:dashboard", args=[ids[0]])
    return reverse("masterplan:home")


class LoginView(auth_views.LoginView):
    """Django's login; a safe ?next= still wins (get_success_url asks get_redirect_url first)."""

    def get_default_redirect_url(self):
        return landing_url(self.request.user)
