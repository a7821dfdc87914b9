from django.urls import path

from . import views

app_name = "masterplan"

urlpatterns = [
    path("", views.home, name="home"),
    path("masterplan/baru/", views.masterplan_create, name="create"),
    path("m/<int:mp>/", views.dashboard, name="dashboard"),
    path("m/<int:mp>/ubah/", views.masterplan_edit, name="edit"),
    path("m/<int:mp>/logo/", views.logo, name="logo"),
    path("m/<int:mp>/anggota/", views.members, name="members"),
    path("m/<int:mp>/anggota/undang/", views.member_invite, name="member_invite"),
    path("m/<int:mp>/anggota/<int:pk>/ubah/", views.member_edit, name="member_edit"),
    path("m/<int:mp>/anggota/<int:pk>/hapus/", views.member_remove, name="member_remove"),
    path("m/<int:mp>/undangan/<int:pk>/batal/", views.invitation_cancel, name="invitation_cancel"),
    path("m/<int:mp>/opd/", views.opds, name="opds"),
    path("m/<int:mp>/opd/tambah/", views.opd_edit, name="opd_add"),
    path("m/<int:mp>/opd/<int:pk>/ubah/", views.opd_edit, name="opd_edit"),
    path("m/<int:mp>/opd/<int:pk>/hapus/", views.opd_delete, name="opd_delete"),
    path("undangan/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
