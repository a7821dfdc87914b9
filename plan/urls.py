from django.urls import path

from .views import analysis, direction, items, programmes, roadmap

app_name = "plan"

P = "m/<int:mp>/rencana/"

urlpatterns = [
    path(P, analysis.overview, name="overview"),
    path(P + "profil/", analysis.profile, name="profile"),
    path(P + "profil/ubah/", analysis.profile_edit, name="profile_edit"),
    path(P + "kesiapan/", analysis.readiness_page, name="readiness"),
    path(P + "swot/", analysis.swot, name="swot"),
    path(P + "aplikasi/", analysis.applications, name="applications"),
    path(P + "kelembagaan/", analysis.institutions, name="institutions"),
    path(P + "visi/", direction.vision, name="vision"),
    path(P + "visi/ubah/", direction.vision_edit, name="vision_edit"),
    path(P + "strategi/", direction.strategies, name="strategies"),
    path(P + "pengaturan/", direction.settings_edit, name="settings"),
    path(P + "program/", programmes.programmes, name="programmes"),
    path(P + "program/tambah/", programmes.programme_edit, name="programme_add"),
    path(P + "program/<int:pk>/", programmes.programme_detail, name="programme_detail"),
    path(P + "program/<int:pk>/ubah/", programmes.programme_edit, name="programme_edit"),
    path(P + "program/<int:pk>/hapus/", programmes.programme_delete, name="programme_delete"),
    path(P + "program/<int:pk>/geser/", programmes.programme_move, name="programme_move"),
    path(P + "program/<int:pk>/anggaran/", programmes.programme_budget, name="programme_budget"),
    path(P + "program/<int:programme_pk>/indikator/tambah/", programmes.indicator_edit, name="indicator_add"),
    path(P + "program/<int:programme_pk>/indikator/<int:pk>/ubah/", programmes.indicator_edit, name="indicator_edit"),
    path(
        P + "program/<int:programme_pk>/indikator/<int:pk>/hapus/", programmes.indicator_delete, name="indicator_delete"
    ),
    path(P + "peta-jalan/", roadmap.roadmap_page, name="roadmap"),
    path(P + "pembiayaan/", roadmap.financing_page, name="financing"),
    path(P + "konsistensi/", roadmap.consistency_page, name="consistency"),
    path(P + "daftar/<slug:kind>/tambah/", items.item_add, name="item_add"),
    path(P + "daftar/<slug:kind>/<int:pk>/ubah/", items.item_edit, name="item_edit"),
    path(P + "daftar/<slug:kind>/<int:pk>/hapus/", items.item_delete, name="item_delete"),
    path(P + "daftar/<slug:kind>/<int:pk>/geser/", items.item_move, name="item_move"),
]
