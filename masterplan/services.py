"""Workflows that write several rows: enrolment, invitations, membership changes."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.tasks import send_email

from .models import Cohort, Invitation, Masterplan, Membership, Role


def queue_mail(subject, template, context, recipients):
    body = render_to_string(template, context)
    transaction.on_commit(lambda: send_email.delay(subject, body, list(recipients)))


@transaction.atomic
def masterplan_create(
    *, region, cohort_year, start_year=None, end_year=None, coordinator_email="", invited_by=None, site_url=""
):
    """Enrol a region in a cohort (idempotent): returns (masterplan, created)."""
    cohort, _created = Cohort.objects.get_or_create(year=cohort_year)
    start_year = start_year or cohort_year + 1
    end_year = end_year or start_year + 9
    masterplan, created = Masterplan.objects.get_or_create(
        region=region,
        cohort=cohort,
        defaults={"title": Masterplan.default_title(region), "start_year": start_year, "end_year": end_year},
    )
    if created:
        masterplan.full_clean()
    if coordinator_email:
        invite_member(
            masterplan=masterplan,
            email=coordinator_email,
            role=Role.COORDINATOR,
            opd=None,
            invited_by=invited_by,
            site_url=site_url,
        )
    return masterplan, created


@transaction.atomic
def invite_member(*, masterplan, email, role, opd=None, invited_by=None, site_url=""):
    """Add an existing user at once, or invite a new one by email. Idempotent per email."""
    email = email.strip().lower()
    user = get_user_model().objects.filter(email__iexact=email).first()
    context = {"masterplan": masterplan, "role": Role(role).label, "site_url": site_url, "invited_by": invited_by}
    if user is not None:
        membership, created = Membership.objects.get_or_create(
            masterplan=masterplan, user=user, defaults={"role": role, "opd": opd}
        )
        if created:
            queue_mail(
                _("Anda ditambahkan ke %(mp)s") % {"mp": masterplan}, "masterplan/mail/added.txt", context, [email]
            )
        return membership
    invitation = Invitation.objects.pending().filter(masterplan=masterplan, email=email).first()
    if invitation is None:
        invitation = Invitation.objects.create(
            masterplan=masterplan, email=email, role=role, opd=opd, invited_by=invited_by
        )
        context["link"] = site_url + reverse("masterplan:invitation_accept", args=[invitation.token])
        queue_mail(_("Undangan ke %(mp)s") % {"mp": masterplan}, "masterplan/mail/invitation.txt", context, [email])
    return invitation


@transaction.atomic
def accept_invitation(*, invitation, user):
    if not invitation.is_usable:
        raise ValidationError(_("Undangan ini sudah dipakai atau kedaluwarsa."))
    membership, _created = Membership.objects.get_or_create(
        masterplan=invitation.masterplan, user=user, defaults={"role": invitation.role, "opd": invitation.opd}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def remove_member(*, membership):
    if membership.role == Role.COORDINATOR:
        others = Membership.objects.filter(masterplan=membership.masterplan, role=Role.COORDINATOR).exclude(
            pk=membership.pk
        )
        if not others.exists():
            raise ValidationError(_("Koordinator terakhir tidak dapat dihapus; tambahkan koordinator lain lebih dulu."))
    membership.delete()


@transaction.atomic
def change_member(*, form):
    membership = form.instance
    if membership.role != Role.COORDINATOR and "role" in form.changed_data:
        original = Membership.objects.get(pk=membership.pk)
        if (
            original.role == Role.COORDINATOR
            and not Membership.objects.filter(masterplan=membership.masterplan, role=Role.COORDINATOR)
            .exclude(pk=membership.pk)
            .exists()
        ):
            raise ValidationError(
                _("Koordinator terakhir tidak dapat diubah perannya; tambahkan koordinator lain lebih dulu.")
            )
    return form.save()
