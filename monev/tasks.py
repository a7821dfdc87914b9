from celery import shared_task


@shared_task(acks_late=True)
def send_reminders():
    """Daily (settings.CELERY_BEAT_SCHEDULE): the reminder digests of the day; a second run sends nothing."""
    from .reminders import send_reminders as run

    return run()
