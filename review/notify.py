"""Notifications on the portal (the bell) and by email: only ever to members of the masterplan."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from masterplan.models import Membership, Role

from .messages import Message
from .models import Notification
from .tasks import send_notification_mail


def members_of(masterplan, *, roles=None, opd_ids=None):
    """Users who are members of the masterplan (optionally of some roles / OPDs)."""
    memberships = Membership.objects.filter(masterplan=masterplan)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    if opd_ids is not None:
        memberships = memberships.filter(opd_id__in=opd_ids)
    return get_user_model().objects.filter(pk__in=memberships.values("user_id"), is_active=True)


def notify(*, masterplan, users, kind, text, url="", exclude=None):
    """Create one notification per member among `users` and queue their emails after commit. `text` is a
    review.messages.Message (shown in each reader's language) or a plain string.

    Users who are not members of `masterplan` are dropped: nobody outside the masterplan gets anything."""
    message = {}
    if isinstance(text, Message):
        message, text = text.as_json(), text.render_in("id")
    user_ids = {u.pk for u in users} - ({exclude.pk} if exclude is not None else set())
    if not user_ids:
        return []
    recipients = list(
        members_of(masterplan).filter(pk__in=user_ids).only("pk", "notify_by_email", "email").order_by("pk")
    )
    created = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user, masterplan=masterplan, kind=kind, text=text[:300], message=message, url=url[:300]
            )
            for user in recipients
        ]
    )
    for notification, user in zip(created, recipients, strict=True):
        if user.notify_by_email and notification.pk:
            queue_mail(notification.pk)
    return created


def queue_mail(notification_id):
    """Like the task's delay_on_commit, but robust: a broker that is down is logged, it never fails the page
    whose transaction has already committed (the notification is on the portal anyway)."""

    def send_after_commit():
        send_notification_mail.delay(notification_id)

    transaction.on_commit(send_after_commit, robust=True)


def coordinators(masterplan):
    return members_of(masterplan, roles=[Role.COORDINATOR])


def experts(masterplan):
    return members_of(masterplan, roles=[Role.EXPERT])


def opd_members(masterplan, opd_ids):
    return members_of(masterplan, roles=[Role.OPD_MEMBER], opd_ids=opd_ids)


def mark_read(*, notification: Notification) -> None:
    """The person opened a notification of theirs (their own reading state: no content, no history)."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def mark_all_read(*, user) -> int:
    """Every unread notification of `user` marked read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
