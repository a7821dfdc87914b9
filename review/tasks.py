from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _


@shared_task(autoretry_for=(OSError,), retry_backoff=30, retry_backoff_max=600, max_retries=8, queue="mail")
def send_notification_mail(notification_id):
    """Mail one notification to its recipient (queued after commit; retried on network errors)."""
    from .models import Notification

    notification = Notification.objects.select_related("recipient", "masterplan").filter(pk=notification_id).first()
    if notification is None or not notification.recipient.notify_by_email or not notification.recipient.is_active:
        return False
    lines = [notification.text]
    if notification.url:
        lines += ["", settings.SITE_URL + notification.url]
    lines += [
        "",
        _("Email ini dikirim oleh Rancang. Matikan email pemberitahuan di halaman Profil Anda."),
    ]
    subject = _("[Rancang] %(text)s") % {"text": notification.text[:120]}
    send_mail(subject, "\n".join(lines), None, [notification.recipient.email])
    return True
