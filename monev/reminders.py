"""Reminders before a reporting year's deadline: one mail a day per person (a digest), listing every item the
person's OPD still owes in every open reporting year whose deadline is at most settings.MONEV_REMINDER_DAYS days
away, never one mail per item. People who turned mail off (User.notify_by_email) get none. Sending twice on the
same day sends nothing more: each digest sent is a ReminderDigest row, unique per person and day.

Run daily by Celery beat (monev.tasks.send_reminders, settings.CELERY_BEAT_SCHEDULE) or by cron with
`manage.py send_monev_reminders`."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.tasks import send_email
from masterplan.models import Membership, Role

from .items import load_items
from .models import ReminderDigest, ReportingYear

DEFAULT_DAYS = 14


def reminder_days():
    return getattr(settings, "MONEV_REMINDER_DAYS", DEFAULT_DAYS)


@dataclass
class Owed:
    reporting_year: object
    opd: object
    items: list  # monev.items.Item with something missing


@dataclass
class Digest:
    user: object
    owed: list = field(default_factory=list)

    @property
    def item_count(self):
        return sum(len(o.items) for o in self.owed)


def years_due(today):
    """Open reporting years whose deadline is today or within the reminder window (one query)."""
    return (
        ReportingYear.objects.accepting_reports()
        .filter(deadline__gte=today, deadline__lte=today + datetime.timedelta(days=reminder_days()))
        .select_related("masterplan__region", "masterplan__cohort")
        .order_by("deadline", "masterplan_id")
    )


def digests(today=None):
    """{user id: Digest} of every OPD member whose OPD still owes something in a year due soon. Queries: the
    years, then per year its items (monev.items.load_items) and its OPD members."""
    today = today or timezone.localdate()
    result = {}
    for reporting_year in years_due(today):
        by_opd = {}
        for item in load_items(reporting_year):
            if item.opd is not None and item.missing:
                by_opd.setdefault(item.opd.pk, []).append(item)
        if not by_opd:
            continue
        memberships = (
            Membership.objects.filter(
                masterplan=reporting_year.masterplan, role=Role.OPD_MEMBER, opd_id__in=by_opd, user__is_active=True
            )
            .select_related("user", "opd")
            .order_by("user_id")
        )
        for membership in memberships:
            digest = result.setdefault(membership.user_id, Digest(membership.user))
            digest.owed.append(Owed(reporting_year, membership.opd, by_opd[membership.opd_id]))
    return result


def digest_mail(digest, today):
    """(subject, body) in the portal's language (Indonesian)."""
    with translation.override(settings.LANGUAGE_CODE):
        n = digest.item_count
        subject = ngettext(
            "[Rancang] Pengingat monev: %(n)s laporan belum lengkap",
            "[Rancang] Pengingat monev: %(n)s laporan belum lengkap",
            n,
        ) % {"n": n}
        lines = [_("Yth. %(name)s,") % {"name": digest.user.display_name}, ""]
        lines.append(_("Laporan pelaksanaan masterplan berikut masih perlu dilengkapi oleh OPD Anda:"))
        for owed in digest.owed:
            reporting_year, masterplan = owed.reporting_year, owed.reporting_year.masterplan
            days = (reporting_year.deadline - today).days
            left = _("hari ini batas terakhir") if days == 0 else _("%(d)s hari lagi") % {"d": days}
            lines += [
                "",
                _("%(region)s · Pelaporan %(year)s · %(opd)s · batas waktu %(date)s (%(left)s)")
                % {
                    "region": masterplan.region.name,
                    "year": reporting_year.year,
                    "opd": owed.opd.acronym or owed.opd.name,
                    "date": date_format(reporting_year.deadline, "j F Y"),
                    "left": left,
                },
            ]
            for item in owed.items:
                lines.append(f"- {item.name}: {_('belum diisi')} {', '.join(str(m) for m in item.missing)}")
            url = reverse("monev:opd_report", args=[masterplan.pk, reporting_year.year, owed.opd.pk])
            lines.append(_("Isi laporan: %(url)s") % {"url": settings.SITE_URL + url})
        lines += [
            "",
            _("Pengingat ini dikirim paling banyak sekali sehari sampai batas waktu."),
            _("Email ini dikirim oleh Rancang. Matikan email pemberitahuan di halaman Profil Anda."),
        ]
    return subject, "\n".join(lines)


def send_reminders(*, today: datetime.date | None = None) -> dict:
    """Send today's digests. Returns {"sent": n, "already": n, "no_mail": n}. Safe to run several times a day."""
    today = today or timezone.localdate()
    counts = {"sent": 0, "already": 0, "no_mail": 0}
    for digest in digests(today).values():
        user = digest.user
        if not user.notify_by_email or not user.email:
            counts["no_mail"] += 1
            continue
        subject, body = digest_mail(digest, today)
        try:
            with transaction.atomic():
                ReminderDigest.objects.create(user=user, day=today, items=digest.item_count)
                transaction.on_commit(lambda s=subject, b=body, e=user.email: send_email.delay(s, b, [e]), robust=True)
        except IntegrityError:  # already sent today (by an earlier or a concurrent run)
            counts["already"] += 1
            continue
        counts["sent"] += 1
    return counts
