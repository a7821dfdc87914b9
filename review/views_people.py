"""Notifications, the activity stream and the programme dashboard. The only writes here are a person's own reading
state of their notifications (review.notify.mark_read / mark_all_read): not content, nothing to report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.params import page_number
from core.spreadsheets import write_xlsx
from masterplan.access import get_masterplan_for_user
from masterplan.models import OPD, Cohort, Masterplan, Role

from . import notify
from .activity import activity_page
from .models import Notification
from .notify import members_of
from .programme import SORTS, ProgrammeFilterForm, export_sheets, programme_queryset, programme_rows
from .sections import review_sections

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def notifications(request):
    queryset = Notification.objects.filter(recipient=request.user).select_related("masterplan__region")
    page = Paginator(queryset, 30).get_page(page_number(request))
    unread = sum(1 for n in page.object_list if n.read_at is None)
    return render(request, "review/notifications.html", {"page": page, "unread_on_page": unread})


@login_required
@require_POST
def notification_open(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notify.mark_read(notification=notification)
    url = notification.url
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return redirect(url)
    return redirect("review:notifications")


@login_required
@require_POST
def notifications_read_all(request):
    count = notify.mark_all_read(user=request.user)
    messages.success(request, _("%(n)s pemberitahuan ditandai sudah dibaca.") % {"n": count})
    return redirect("review:notifications")


@login_required
def activity(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    people = list(members_of(masterplan).order_by("first_name", "email"))
    opds = list(OPD.objects.for_masterplan(masterplan))
    sections = review_sections()
    user_id = _choice(request.GET.get("person"), {u.pk for u in people})
    opd_id = _choice(request.GET.get("opd"), {o.pk for o in opds})
    section_key = request.GET.get("section", "")
    if section_key not in {s.key for s in sections}:
        section_key = ""
    page = page_number(request)
    entries, has_next = activity_page(masterplan, user_id=user_id, opd_id=opd_id, section_key=section_key, page=page)
    return render(
        request,
        "review/activity.html",
        {
            "access": access,
            "masterplan": masterplan,
            "active_tab": "review",
            "entries": entries,
            "has_next": has_next,
            "page_number": page,
            "people": people,
            "opds": opds,
            "sections": sections,
            "filters": {"person": user_id, "opd": opd_id, "section": section_key},
        },
    )


def _choice(value, allowed):
    try:
        value = int(value)
    except (TypeError, ValueError):
        return None
    return value if value in allowed else None


def _programme(request):
    """Programme admins see every region of the cohort; an expert sees the regions they follow (the
    masterplans they are an expert member of); anybody else is refused."""
    user = request.user
    followed = None
    if not user.is_programme_admin:
        followed = Masterplan.objects.filter(memberships__user=user, memberships__role=Role.EXPERT)
        if not followed.exists():
            raise PermissionDenied(
                _("Dasbor program hanya untuk admin program dan tenaga ahli yang mendampingi daerah.")
            )
    form = ProgrammeFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    cohorts = Cohort.objects.all() if followed is None else Cohort.objects.filter(masterplans__in=followed).distinct()
    cohort = data.get("cohort") or cohorts.first()
    if cohort is None:
        return form, None, [], [], []
    sort, desc = data.get("sort") or "region", bool(data.get("desc"))
    queryset = programme_queryset(cohort, province=data.get("province"), status=data.get("status", ""))
    if followed is not None:
        queryset = queryset.filter(pk__in=followed.values("pk"))
    columns, rows = programme_rows(queryset, sort=sort, desc=desc)
    headers = [
        {
            "key": key,
            "label": label,
            "desc_next": "on" if key == sort and not desc else None,
            "aria_sort": ("descending" if desc else "ascending") if key == sort else "none",
        }
        for key, label in [*SORTS.items(), *((c.key, c.label) for c in columns)]
    ]
    return form, cohort, columns, rows, headers


@login_required
def programme(request):
    form, cohort, columns, rows, headers = _programme(request)
    return render(
        request,
        "review/programme.html",
        {"form": form, "cohort": cohort, "columns": columns, "rows": rows, "headers": headers},
    )


@login_required
def programme_export(request):
    _form, cohort, columns, rows, _headers = _programme(request)
    if cohort is None:
        messages.error(request, _("Belum ada angkatan untuk diekspor."))
        return redirect("review:programme")
    response = HttpResponse(write_xlsx(export_sheets(columns, rows, cohort)), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="program-angkatan-{cohort.year}.xlsx"'
    return response
