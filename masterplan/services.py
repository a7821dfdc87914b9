"""Every write of the masterplan app: enrolment, the masterplan's own data, the region's OPDs, members and
invitations. Views, the admin and the commands call only these.

Which section a change reports to (review.changes), decided here:
- the masterplan's title, foreword and logo (and its years) are printed on the cover and in the foreword of all
  four books, so an edit reports to the four `book:*` sections (`BOOKS`) of that masterplan;
- OPDs belong to the REGION and are shared by every masterplan of the region (a later cohort's masterplan of
  the same kabupaten uses the same rows): every book prints them (the team chapter's list, the programmes' and
  quick wins' lead and partner OPDs), so adding, changing or deleting one reports to the four `book:*` sections of
  EVERY masterplan of the region (`report_region_books`). An OPD that is still used is never deleted: the refusal
  names what uses it (`delete_opd`);
- the region's own data (name, population, area from `manage.py load_regions`) is printed on the covers and in the
  profile chapters: a region that changed reports to the four books of each of its masterplans (regions.py);
- members, roles and invitations are not book content: nothing is reported, but every change is in the history
  (Membership and Invitation keep django-simple-history rows: who and when), and a masterplan never loses its
  last coordinator (`remove_member`, `change_member`, `check_coordinators_kept` for the admin).
An approved masterplan's final books are stored files (frozen); a report sends its sections back to draft, so
nothing changes an approved book without a new review.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import registry
from core.concurrency import save_versioned
from core.tasks import send_email
from review.changes import report_change, report_region_change, undo_warning

from .models import OPD, Cohort, Invitation, Masterplan, Membership, Role

BOOKS = tuple(key for key, _label in registry.BOOK_SECTIONS)
MAX_NAMED_USES = 3  # rows named per kind in the refusal to delete an OPD


def books_undo_warning(masterplan) -> str:
    """The warning an editor of book-wide data (title, logo, OPDs) sees before saving ("" when no book section
    of `masterplan` is submitted or approved)."""
    for key in BOOKS:
        warning = undo_warning(masterplan, key)
        if warning:
            return warning
    return ""


def report_books(*, masterplan, user, reason: str) -> None:
    """Report a change printed in all four books of `masterplan`."""
    for key in BOOKS:
        report_change(masterplan=masterplan, section_key=key, user=user, reason=reason)


def report_region_books(*, region_id: int, user, reason: str) -> None:
    """Report a change of data the region shares and every book prints (its OPDs; its name and key figures from
    `load_regions`) to the four books of every masterplan of the region."""
    for key in BOOKS:
        report_region_change(region_id=region_id, section_key=key, user=user, reason=reason)


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
def sign_up_and_accept(*, invitation, password: str, first_name: str, last_name: str = "", position: str = ""):
    """Create the invited person's account (with the invitation's email) and accept the invitation; returns
    the new user."""
    user = get_user_model().objects.create_user(
        email=invitation.email, password=password, first_name=first_name, last_name=last_name, position=position
    )
    accept_invitation(invitation=invitation, user=user)
    return user


@transaction.atomic
def accept_invitation(*, invitation, user):
    if not invitation.is_usable:
        raise ValidationError(_("Undangan ini sudah dipakai atau kedaluwarsa."))
    membership, _created = Membership.objects.get_or_create(
        masterplan=invitation.masterplan, user=user, defaults={"role": invitation.role, "opd": invitation.opd}
    )
    invitation.accepted_at = timezone.now()
    invitation._history_user = user
    invitation.save(update_fields=["accepted_at"])
    return membership


def check_coordinators_kept(*, masterplan_ids, leaving) -> None:
    """Raise ValidationError when removing the memberships `leaving` (ids) would leave one of the masterplans
    without a coordinator. Locks the masterplans' coordinator rows until the end of the transaction."""
    for masterplan in Masterplan.objects.filter(pk__in=set(masterplan_ids)).select_related("region"):
        coordinators = set(
            Membership.objects.select_for_update()
            .filter(masterplan=masterplan, role=Role.COORDINATOR)
            .values_list("pk", flat=True)
        )
        if coordinators and not coordinators - set(leaving):
            raise ValidationError(
                _("%(mp)s tidak boleh tanpa koordinator: tambahkan koordinator lain lebih dulu.") % {"mp": masterplan}
            )


@transaction.atomic
def remove_member(*, membership, user) -> None:
    """Remove a member (kept in the history: who removed whom, when); never the last coordinator."""
    if membership.role == Role.COORDINATOR:
        try:
            check_coordinators_kept(masterplan_ids=[membership.masterplan_id], leaving=[membership.pk])
        except ValidationError:
            raise ValidationError(
                _("Koordinator terakhir tidak dapat dihapus; tambahkan koordinator lain lebih dulu.")
            ) from None
    membership._history_user = user
    membership.delete()


@transaction.atomic
def change_member(*, form, user) -> Membership:
    """Change a member's role or OPD (a bound, valid MembershipForm). Raises EditConflict when somebody changed
    the membership since the form was opened, ValidationError for the last coordinator."""
    membership = form.instance
    if membership.role != Role.COORDINATOR and "role" in form.changed_data:
        original = Membership.objects.get(pk=membership.pk)
        if original.role == Role.COORDINATOR:
            try:
                check_coordinators_kept(masterplan_ids=[membership.masterplan_id], leaving=[membership.pk])
            except ValidationError:
                raise ValidationError(
                    _("Koordinator terakhir tidak dapat diubah perannya; tambahkan koordinator lain lebih dulu.")
                ) from None
    membership._history_user = user
    return save_versioned(form)


@transaction.atomic
def cancel_invitation(*, invitation, user) -> None:
    """Cancel an invitation (its deletion stays in the history)."""
    invitation._history_user = user
    invitation.delete()


@transaction.atomic
def update_masterplan(*, form, user) -> Masterplan:
    """Save the masterplan's own data (a bound, valid MasterplanForm): printed in all four books, so a change
    reports to the four book sections. Raises EditConflict on a concurrent change."""
    changed = form.has_changed()
    form.instance._history_user = user
    masterplan = save_versioned(form)
    if changed:
        report_books(
            masterplan=masterplan, user=user, reason=_("Judul, kata pengantar, logo, atau tahun masterplan diubah.")
        )
    return masterplan


@transaction.atomic
def save_opd(*, form, user) -> OPD:
    """Add or change an OPD of the region (a bound, valid OPDForm); reported to every masterplan of the region.
    Raises EditConflict on a concurrent change."""
    created = form.instance.pk is None
    form.instance._history_user = user
    opd = save_versioned(form)
    reason = (_("OPD %(o)s ditambahkan.") if created else _("OPD %(o)s diubah.")) % {"o": opd.acronym}
    report_region_books(region_id=opd.region_id, user=user, reason=reason)
    return opd


def opd_uses(opd) -> list[str]:
    """What still uses `opd`, one text per kind of row ("2 program RPJMD (OPD penanggung jawab): 2.11.11 …"),
    found through every relation to OPD of every app (lead and partner links alike). Pending invitations count;
    used or expired ones do not (they are deleted with the OPD, in the history)."""
    uses = []
    for relation in opd._meta.related_objects:
        model = relation.related_model
        rows = model._default_manager.filter(**{relation.field.name: opd})
        if model is Invitation:
            rows = rows.pending()
        count = rows.count()
        if not count:
            continue
        named = ", ".join(str(row)[:80] for row in rows[:MAX_NAMED_USES])
        more = "…" if count > MAX_NAMED_USES else ""
        uses.append(
            _("%(n)s %(kind)s (%(field)s): %(names)s%(more)s")
            % {
                "n": count,
                "kind": model._meta.verbose_name_plural,
                "field": relation.field.verbose_name,
                "names": named,
                "more": more,
            }
        )
    return uses


@transaction.atomic
def delete_opd(*, opd, user) -> None:
    """Delete an OPD of the region that nothing uses any more (kept in the history and reported to every
    masterplan of the region). Refused with a ValidationError naming what still uses it: deleting would
    otherwise drop links (partner OPDs of programmes, invited OPDs...) without a trace."""
    opd = OPD.objects.select_for_update().get(pk=opd.pk)
    uses = opd_uses(opd)
    if uses:
        raise ValidationError(
            _(
                "OPD %(o)s tidak dapat dihapus karena masih dipakai: %(uses)s. Pindahkan atau lepaskan data itu lebih dulu."
            )
            % {"o": opd.acronym, "uses": "; ".join(uses)}
        )
    region_id, acronym = opd.region_id, opd.acronym
    for invitation in Invitation.objects.filter(opd=opd):
        cancel_invitation(invitation=invitation, user=user)
    opd._history_user = user
    opd.delete()
    report_region_books(region_id=region_id, user=user, reason=_("OPD %(o)s dihapus.") % {"o": acronym})
