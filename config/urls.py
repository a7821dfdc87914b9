from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

admin.site.site_header = _("Rancang: admin program")
admin.site.site_title = "Rancang"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("akun/", include("accounts.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("rpjmd.urls")),
    path("", include("bimtek.urls")),
    path("", include("plan.urls")),
    path("", include("quickwins.urls")),
    path("", include("books.urls")),
    path("", include("review.urls")),
    path("", include("masterplan.urls")),
]
