from django.urls import path

from . import views, views_people

app_name = "review"

urlpatterns = [
    path("m/<int:mp>/review/", views.review_page, name="page"),
    path("m/<int:mp>/review/bagian/<str:key>/<slug:action>/", views.section_transition, name="section_transition"),
    path("m/<int:mp>/komentar/tambah/", views.comment_add_view, name="comment_add"),
    path("m/<int:mp>/komentar/<int:pk>/selesai/", views.comment_resolve, name="comment_resolve"),
    path("m/<int:mp>/aktivitas/", views_people.activity, name="activity"),
    path("pemberitahuan/", views_people.notifications, name="notifications"),
    path("pemberitahuan/<int:pk>/buka/", views_people.notification_open, name="notification_open"),
    path("pemberitahuan/baca-semua/", views_people.notifications_read_all, name="notifications_read_all"),
    path("program/", views_people.programme, name="programme"),
    path("program/ekspor.xlsx", views_people.programme_export, name="programme_export"),
]
