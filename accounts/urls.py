from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views
from .forms import LoginForm, PasswordResetForm
from .login import LoginView

app_name = "accounts"

urlpatterns = [
    path(
        "masuk/",
        LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("profil/", views.profile, name="profile"),
    path(
        "sandi/ubah/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("accounts:password_change_done")),
        name="password_change",
    ),
    path("sandi/ubah/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "sandi/reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetForm,
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
        ),
        name="password_reset",
    ),
    path("sandi/reset/terkirim/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "sandi/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("accounts:password_reset_complete")),
        name="password_reset_confirm",
    ),
    path("sandi/reset/selesai/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
