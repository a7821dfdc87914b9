"""{% comments_for obj %}, {% comments_for_section masterplan "key" %} and the navbar bell."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from masterplan.access import access_for

from ..comments import CommentForm, can_resolve, target_key
from ..models import Comment, Notification
from ..sections import section_label

register = template.Library()


def _access(context, masterplan_id):
    access = context.get("access")
    if access is not None and access.masterplan.pk == masterplan_id:
        return access
    request = context.get("request")
    masterplan = context.get("masterplan")
    if request is None or masterplan is None or masterplan.pk != masterplan_id:
        return None
    return access_for(request.user, masterplan)


def thread_context(request, access, *, obj=None, section_key="", form=None, next_url=""):
    """What review/partials/thread.html needs: 3 queries (comments, replies, members for the form)."""
    masterplan = access.masterplan
    comments = Comment.objects.filter(masterplan=masterplan)
    if obj is not None:
        ct = ContentType.objects.get_for_model(obj)
        comments = comments.filter(content_type=ct, object_id=obj.pk)
        dom_id = f"thread-{ct.pk}-{obj.pk}"
        title = str(obj)
        target = target_key(obj)
    else:
        comments = comments.filter(section_key=section_key, content_type__isnull=True)
        dom_id = f"thread-section-{section_key.replace(':', '-').replace('.', '-')}"
        title = section_label(section_key)
        target = ""
    threads = list(comments.threads())
    for comment in threads:
        comment.can_resolve = can_resolve(access, comment)
    if form is None and access.can_comment:
        form = CommentForm(masterplan=masterplan)
    if form is not None:
        form.auto_id = f"{dom_id}-%s"  # ids unique when several threads share a page
    return {
        "request": request,
        "access": access,
        "masterplan": masterplan,
        "threads": threads,
        "open_count": sum(1 for c in threads if not c.is_resolved),
        "form": form if access.can_comment else None,
        "target": target,
        "section_key": section_key if obj is None else "",
        "dom_id": dom_id,
        "title": title,
        "next_url": next_url or (request.get_full_path() if request else ""),
        "post_url": reverse("review:comment_add", args=[masterplan.pk]),
    }


@register.inclusion_tag("review/partials/thread.html", takes_context=True)
def comments_for(context, obj):
    from core import registry

    masterplan_id = registry.masterplan_id_of(obj)
    access = _access(context, masterplan_id)
    if access is None:
        return {"hidden": True}
    return thread_context(context.get("request"), access, obj=obj)


@register.inclusion_tag("review/partials/thread.html", takes_context=True)
def comments_for_section(context, masterplan, section_key):
    access = _access(context, masterplan.pk)
    if access is None:
        return {"hidden": True}
    return thread_context(context.get("request"), access, section_key=section_key)


@register.simple_tag
def unread_notifications(user):
    """One query: the number of unread notifications for the bell."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


@register.inclusion_tag("review/partials/undo_warning.html")
def undo_warning(masterplan, section_key):
    """{% undo_warning masterplan "plan.programmes" %} inside an edit form: says, before the save, that saving
    sends an approved or submitted section back to draft (one query; nothing shown otherwise)."""
    from ..changes import undo_warning as warning

    return {"warning": warning(masterplan, section_key) if masterplan is not None else ""}


@register.simple_tag
def undo_warning_text(masterplan, section_key):
    """{% undo_warning_text masterplan "plan.programmes" as warn %}: the same text, for a form's data-confirm
    (plain forms, static/js/rancang.js) or hx-confirm (htmx forms), so the save asks before undoing."""
    from ..changes import undo_warning as warning

    return warning(masterplan, section_key) if masterplan is not None else ""
