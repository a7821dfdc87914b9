"""Who gets what (and nobody outside the masterplan), and mail only after commit."""

from unittest import mock

import pytest
from django.urls import reverse

from masterplan.access import access_for
from masterplan.models import Role
from review import notify, services, tasks
from review.comments import comment_add
from review.models import Comment, Notification
from tests.factories import MembershipFactory, UserFactory

BOOK = "book:masterplan"


def _recipients(kind=None):
    queryset = Notification.objects.all()
    if kind:
        queryset = queryset.filter(kind=kind)
    return sorted(queryset.values_list("recipient__email", flat=True))


@pytest.fixture
def other_expert(personas):
    """An expert of the OTHER masterplan only: must never hear about this one."""
    user = UserFactory(email="ahli-lain@uji.test")
    MembershipFactory(masterplan=personas.other_masterplan, user=user, role=Role.EXPERT)
    return user


def test_submission_notifies_the_masterplans_experts_only(personas, other_expert):
    services.transition(access=access_for(personas.coordinator, personas.masterplan), section_key=BOOK, action="submit")
    assert _recipients(Notification.Kind.SUBMITTED) == ["ahli@uji.test"]


def test_request_for_changes_reaches_coordinators_and_the_opds_with_open_comments(personas, other_expert):
    expert = access_for(personas.expert, personas.masterplan)
    services.transition(access=access_for(personas.admin, personas.masterplan), section_key=BOOK, action="submit")
    Comment.objects.create(
        masterplan=personas.masterplan, section_key=BOOK, opd=personas.opd, author=personas.expert, body="x"
    )
    Notification.objects.all().delete()
    services.transition(access=expert, section_key=BOOK, action="request_changes", note="Perbaiki.")
    assert _recipients(Notification.Kind.CHANGES) == ["dlh@uji.test", "koordinator@uji.test"]


def test_approval_notifies_the_coordinators(personas):
    services.transition(access=access_for(personas.admin, personas.masterplan), section_key=BOOK, action="submit")
    Notification.objects.all().delete()
    services.transition(access=access_for(personas.expert, personas.masterplan), section_key=BOOK, action="approve")
    assert _recipients(Notification.Kind.DECIDED) == ["koordinator@uji.test"]


def test_a_mention_notifies_the_member_mentioned_but_not_the_author(personas):
    expert = access_for(personas.expert, personas.masterplan)
    comment_add(
        access=expert, section_key=BOOK, body="@dlh@uji.test cek", mentioned={personas.opd_member, personas.expert}
    )
    assert _recipients(Notification.Kind.MENTION) == ["dlh@uji.test"]


def test_an_experts_comment_on_an_opd_item_notifies_that_opd(personas):
    comment = Comment.objects.create(
        masterplan=personas.masterplan, section_key=BOOK, opd=personas.opd, author=personas.coordinator, body="x"
    )
    comment_add(access=access_for(personas.expert, personas.masterplan), parent=comment, body="Mohon diperbaiki.")
    assert _recipients(Notification.Kind.CHANGES) == ["dlh@uji.test"]


def test_nobody_outside_the_masterplan_gets_anything(personas, other_expert):
    created = notify.notify(
        masterplan=personas.masterplan,
        users=[personas.stranger, other_expert, personas.reader],
        kind=Notification.Kind.MENTION,
        text="x",
    )
    assert [n.recipient for n in created] == [personas.reader]


def test_mentioning_a_non_member_is_refused(personas, as_user):
    client = as_user(personas.coordinator)
    response = client.post(
        reverse("review:comment_add", args=[personas.masterplan.pk]),
        {"section": BOOK, "body": "@asing@uji.test tolong lihat"},
        HTTP_HX_REQUEST="true",
    )
    assert "bukan anggota: asing@uji.test" in response.content.decode()
    assert not Comment.objects.exists() and not Notification.objects.exists()


def test_mentions_picked_from_the_list_are_limited_to_members(personas, as_user):
    client = as_user(personas.coordinator)
    response = client.post(
        reverse("review:comment_add", args=[personas.masterplan.pk]),
        {"section": BOOK, "body": "lihat", "mentions": [personas.stranger.pk]},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert not Comment.objects.exists()


def test_mail_is_queued_only_after_commit(personas, django_capture_on_commit_callbacks):
    with mock.patch.object(tasks.send_notification_mail, "delay") as delay:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            created = notify.notify(
                masterplan=personas.masterplan, users=[personas.reader], kind=Notification.Kind.MENTION, text="x"
            )
            assert delay.call_count == 0
        assert len(callbacks) == 1
        callbacks[0]()
    delay.assert_called_once_with(created[0].pk)


def test_no_mail_for_people_who_turned_it_off(personas, django_capture_on_commit_callbacks):
    personas.reader.notify_by_email = False
    personas.reader.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify.notify(masterplan=personas.masterplan, users=[personas.reader], kind=Notification.Kind.MENTION, text="x")
    assert callbacks == []
    assert Notification.objects.filter(recipient=personas.reader).count() == 1  # still on the portal


def test_the_mail_task_sends_one_mail(personas, mailoutbox):
    notification = Notification.objects.create(
        recipient=personas.reader, masterplan=personas.masterplan, kind="mention", text="Anda disebut", url="/m/1/"
    )
    assert tasks.send_notification_mail(notification.pk) is True
    assert [m.to for m in mailoutbox] == [["pembaca@uji.test"]]
    assert "Anda disebut" in mailoutbox[0].subject and "/m/1/" in mailoutbox[0].body


def test_the_mail_task_is_retried_on_network_errors(personas):
    assert OSError in tasks.send_notification_mail.autoretry_for
    assert tasks.send_notification_mail.max_retries >= 3
    notification = Notification.objects.create(recipient=personas.reader, kind="mention", text="x")
    with mock.patch("review.tasks.send_mail", side_effect=OSError("smtp down")):
        with pytest.raises(OSError):
            tasks.send_notification_mail.run(notification.pk)


def test_the_mail_task_respects_the_switch_at_send_time(personas, mailoutbox):
    notification = Notification.objects.create(recipient=personas.reader, kind="mention", text="x")
    personas.reader.notify_by_email = False
    personas.reader.save()
    assert tasks.send_notification_mail(notification.pk) is False
    assert mailoutbox == []


def test_book_ready_goes_to_the_requester_or_the_coordinators(personas):
    services.notify_book_ready(masterplan=personas.masterplan, title="Buku Masterplan", url="/b/1/")
    assert _recipients(Notification.Kind.BOOK_READY) == ["koordinator@uji.test"]
    Notification.objects.all().delete()
    services.notify_book_ready(
        masterplan=personas.masterplan, title="Buku", url="/b/", users=[personas.expert, personas.stranger]
    )
    assert _recipients(Notification.Kind.BOOK_READY) == ["ahli@uji.test"]


def test_a_broker_that_is_down_never_breaks_the_page(personas, as_user, django_capture_on_commit_callbacks):
    with mock.patch.object(tasks.send_notification_mail, "delay", side_effect=OSError("broker down")):
        with django_capture_on_commit_callbacks(execute=True):
            response = as_user(personas.expert).post(
                reverse("review:comment_add", args=[personas.masterplan.pk]),
                {"section": BOOK, "body": "@koordinator@uji.test mohon dicek"},
            )
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=personas.coordinator).count() == 1
