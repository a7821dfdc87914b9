import pytest

from masterplan import demo
from review import demo as review_demo
from review.models import Notification

pytestmark = pytest.mark.django_db


def test_the_demo_people_start_with_a_few_unread_notifications_not_a_wall():
    result = demo.populate()
    review_demo.populate(result)
    expert = result.users["expert"]
    assert Notification.objects.filter(recipient=expert).count() > review_demo.KEEP_UNREAD  # history is kept
    for user in result.users.values():
        assert Notification.objects.filter(recipient=user, read_at__isnull=True).count() <= review_demo.KEEP_UNREAD
    review_demo.populate(demo.populate())  # idempotent
    assert Notification.objects.filter(recipient=expert, read_at__isnull=True).count() <= review_demo.KEEP_UNREAD
