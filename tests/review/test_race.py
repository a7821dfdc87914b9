"""A real race on PostgreSQL: an edit holds the section's row while an approval arrives (skipped on SQLite)."""

import threading
import time

import pytest
from django.db import connection, transaction

from masterplan.access import access_for
from review import services
from review.changes import report_change
from review.models import SectionReview, State

BOOK = "book:masterplan"


@pytest.mark.django_db(transaction=True)
def test_an_approval_waiting_on_an_edit_is_refused(personas):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    services.transition(access=access_for(personas.coordinator, personas.masterplan), section_key=BOOK, action="submit")
    seen = SectionReview.objects.get(masterplan=personas.masterplan, section_key=BOOK).version
    locked, errors = threading.Event(), []

    def edit():
        try:
            with transaction.atomic():
                report_change(
                    masterplan=personas.masterplan, section_key=BOOK, user=personas.opd_member, reason="Diubah."
                )
                locked.set()
                time.sleep(0.5)  # the approval below waits on the row lock meanwhile
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            from django.db import connection as thread_connection

            thread_connection.close()

    worker = threading.Thread(target=edit)
    worker.start()
    assert locked.wait(5)
    started = time.monotonic()
    with pytest.raises(services.ReviewConflict, match="sudah diubah oleh"):
        services.transition(
            access=access_for(personas.expert, personas.masterplan),
            section_key=BOOK,
            action="approve",
            expected_version=seen,
        )
    waited = time.monotonic() - started
    worker.join()
    assert errors == []
    assert waited > 0.2  # it really waited for the edit's lock
    assert SectionReview.objects.get(masterplan=personas.masterplan, section_key=BOOK).state == State.DRAFT
