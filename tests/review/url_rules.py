from tests.url_sweep import Rule


def _mp(p):
    return {"mp": p.masterplan.pk}


def _section(p, action="submit"):
    return {"mp": p.masterplan.pk, "key": "book:masterplan", "action": action}


def _comment(p):
    from review.models import Comment

    comment = Comment.objects.create(
        masterplan=p.masterplan, section_key="book:masterplan", target_label="Buku", author=p.coordinator, body="x"
    )
    return {"mp": p.masterplan.pk, "pk": comment.pk}


def _notification(p):
    from review.models import Notification

    notification = Notification.objects.create(
        recipient=p.coordinator, masterplan=p.masterplan, kind="mention", text="x"
    )
    return {"pk": notification.pk}


RULES = {
    "review:page": Rule(_mp),
    "review:section_transition": Rule(_section),
    "review:comment_add": Rule(_mp),
    "review:comment_resolve": Rule(_comment),
    "review:activity": Rule(_mp),
    "review:notifications": Rule(scoped=False),
    "review:notification_open": Rule(_notification),
    "review:notifications_read_all": Rule(scoped=False),
    "review:programme": Rule(scoped=False),
    "review:programme_export": Rule(scoped=False),
}
