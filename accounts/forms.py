from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.utils.translation import gettext_lazy as _

from config.client_ip import client_ip
from core import throttle

from .identity import normalize_email
from .models import User


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    def clean_username(self):
        return normalize_email(self.cleaned_data.get("username"))


class PasswordResetForm(DjangoPasswordResetForm):
    """Django's reset form, throttled per address and per client: over either limit no mail is sent, and the
    view answers with the same page as always (whether the address exists or not)."""

    def save(self, *args, request=None, **kwargs):
        window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
        email = normalize_email(self.cleaned_data["email"])
        per_address = throttle.allow(
            "password-reset:address", email, limit=settings.PASSWORD_RESET_PER_ADDRESS, window=window
        )
        per_client = request is None or throttle.allow(
            "password-reset:client", client_ip(request), limit=settings.PASSWORD_RESET_PER_CLIENT, window=window
        )
        if per_address and per_client:
            super().save(*args, request=request, **kwargs)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "position", "institution", "notify_by_email"]
        labels = {"first_name": _("Nama depan"), "last_name": _("Nama belakang")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class AccountCreationForm(forms.Form):
    """For someone who accepts an invitation and has no account yet."""

    first_name = forms.CharField(label=_("Nama depan"), max_length=150)
    last_name = forms.CharField(label=_("Nama belakang"), max_length=150, required=False)
    position = forms.CharField(label=_("Jabatan"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Kata sandi"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("Kedua kata sandi tidak sama."))
        elif data.get("password1"):
            user = User(email=self.email, first_name=data.get("first_name", ""), last_name=data.get("last_name", ""))
            try:
                password_validation.validate_password(data["password1"], user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
