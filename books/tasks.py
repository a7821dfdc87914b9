"""Celery tasks: thin, take primary keys; the work is in services.py, which queues them through books.queue."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _

from . import queue, services
from .rendering import RenderError

log = logging.getLogger(__name__)
TRANSIENT = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


# The longest a book may take to render (settings.BOOK_MAX_SECONDS, default 300): then the task's soft time limit
# stops it and the job fails saying so, instead of holding the shared render queue (issue 18). Read at import.
MAX_SECONDS = min(getattr(settings, "BOOK_MAX_SECONDS", 300), settings.CELERY_TASK_SOFT_TIME_LIMIT)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5, soft_time_limit=MAX_SECONDS)
def render_export(self, job_pk):
    """Render one export job. Killed mid-render: the message is not acknowledged, the task runs again and
    the job still ends done once. Transient errors retry with backoff; a render error fails the job."""
    try:
        services.run_job(job_pk)
    except SoftTimeLimitExceeded:
        services.fail_job(
            job_pk,
            _(
                "Buku melebihi batas waktu pembuatan (%(s)s detik): isinya terlalu besar untuk satu buku. "
                "Periksa isian yang sangat panjang (mis. teks yang ditempel berulang), lalu ekspor lagi."
            )
            % {"s": MAX_SECONDS},
        )
    except TRANSIENT as error:
        if self.request.retries >= self.max_retries:
            services.fail_job(job_pk, _("Gagal setelah beberapa kali mencoba: %(e)s") % {"e": error})
            return
        raise self.retry(exc=error, countdown=min(600, 15 * 2**self.request.retries)) from error
    except RenderError as error:
        services.fail_job(job_pk, str(error))
    except Exception as error:  # noqa: BLE001 - any render bug becomes a readable failure on the job
        log.exception("book export %s failed", job_pk)
        services.fail_job(job_pk, _("Buku gagal dibuat: %(type)s: %(e)s") % {"type": type(error).__name__, "e": error})


@shared_task(bind=True, acks_late=True)
def refresh_drafts(self, masterplan_id):
    """The countdown after a change: re-render the drafts once the masterplan has been quiet for a minute.
    Run eagerly (tests, CELERY_TASK_ALWAYS_EAGER) a countdown is not waited for: it does not ask again, or it
    would call itself until the recursion limit."""
    result = services.refresh_if_quiet(masterplan_id)
    if isinstance(result, int) and not self.request.is_eager:
        refresh_drafts.apply_async((masterplan_id,), countdown=result)


queue.connect(render=render_export, refresh=refresh_drafts)
