from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import services
from .forms import ProfileForm


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(form=form, user=request.user)
        messages.success(request, _("Profil disimpan."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})
