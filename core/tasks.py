from celery import shared_task
from django.core.mail import send_mail


@shared_task(autoretry_for=(OSError,), retry_backoff=30, retry_backoff_max=600, max_retries=8, queue="mail")
def send_email(subject, body, recipients):
    """Send one plain-text mail. Queued after commit; retried on network errors."""
    send_mail(subject, body, None, recipients)
