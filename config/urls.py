from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.i18n import set_language

admin.site.site_header = _("Rancang: admin program")
admin.site.site_title = "Rancang"


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico on every page: send them to the SVG mark (resolved per request,
    so the hashed name of the collected static files is used)."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("img/favicon.svg")


urlpatterns = [
    path("favicon.ico", FaviconView.as_view()),  # unnamed: not a page of the portal (tests/url_sweep.py)
    path("admin/", admin.site.urls),
    path("akun/", include("accounts.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("rpjmd.urls")),
    path("", include("bimtek.urls")),
    path("", include("plan.urls")),
    path("", include("quickwins.urls")),
    path("", include("books.urls")),
    path("", include("review.urls")),
    path("", include("monev.urls")),
    path("", include("masterplan.urls")),
]
