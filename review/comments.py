"""Comments: on any item of a masterplan (generic, via contenttypes) or on a section; one level of replies."""

import re

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from core import registry

from . import notify
from .messages import Message
from .models import Comment, Notification
from .sections import section_keys, section_label

MENTION = re.compile(r"@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


NOT_COMMENTABLE = {"review", "accounts", "auth", "admin", "sessions", "contenttypes", "axes"}


def resolve_target(access, target):
    """A posted target "app_label.model:pk" -> the object of this masterplan, or Http404 (never trust ids)."""
    try:
        label, pk = str(target).rsplit(":", 1)
        model = apps.get_model(label)
        pk = int(pk)
    except (ValueError, LookupError):
        raise Http404 from None
    if model._meta.app_label in NOT_COMMENTABLE:
        raise Http404
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None or registry.masterplan_id_of(obj) != access.masterplan.pk:
        raise Http404
    return obj


def target_key(obj):
    return f"{obj._meta.label_lower}:{obj.pk}"


class CommentForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Komentar"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
        help_text=gettext_lazy("Sebut anggota dengan @email agar mereka mendapat pemberitahuan."),
    )
    mentions = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Sebut anggota"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4, "class": "form-select form-select-sm"}),
    )

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        self.masterplan = masterplan
        self.fields["mentions"].queryset = notify.members_of(masterplan).order_by("first_name", "email")
        self.fields["mentions"].label_from_instance = lambda u: f"{u.display_name} ({u.email})"

    def clean(self):
        data = super().clean()
        body = data.get("body", "")
        emails = {e.lower() for e in MENTION.findall(body)}
        members = {u.email.lower(): u for u in notify.members_of(self.masterplan).filter(email__in=emails)}
        strangers = sorted(emails - set(members))
        if strangers:
            raise ValidationError(
                _("Hanya anggota masterplan ini yang dapat disebut; bukan anggota: %(emails)s.")
                % {"emails": ", ".join(strangers)}
            )
        data["mentioned_users"] = set(members.values()) | set(data.get("mentions") or [])
        return data


@transaction.atomic
def comment_add(*, access, body, mentioned=(), obj=None, section_key="", parent=None, url=""):
    """Add a comment (or a reply to `parent`); notify the people mentioned and the item's OPD."""
    access.require(access.can_comment)
    masterplan = access.masterplan
    if parent is not None:
        if parent.masterplan_id != masterplan.pk:
            raise Http404
        parent = parent.parent or parent  # one level of replies
        obj_ct, obj_id, section_key = parent.content_type, parent.object_id, parent.section_key
        target_label, opd_id, url = parent.target_label, parent.opd_id, parent.url
    elif obj is not None:
        if registry.masterplan_id_of(obj) != masterplan.pk:
            raise Http404
        obj_ct, obj_id = ContentType.objects.get_for_model(obj), obj.pk
        section_key = section_key or registry.section_for_model(obj) or ""
        target_label, opd_id = str(obj)[:200], getattr(obj, "owner_opd_id", None)
        url = url or (obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "")
    else:
        if section_key not in section_keys():
            raise Http404
        obj_ct = obj_id = opd_id = None
        target_label = section_label(section_key)
    comment = Comment(
        masterplan=masterplan,
        section_key=section_key,
        content_type=obj_ct,
        object_id=obj_id,
        target_label=target_label,
        url=url[:300],
        opd_id=opd_id,
        parent=parent,
        author=access.user,
        body=body,
    )
    comment._history_user = access.user
    comment.save()
    mentioned = set(mentioned)
    if mentioned:
        comment.mentions.set(notify.members_of(masterplan).filter(pk__in=[u.pk for u in mentioned]))
    _notify_comment(access=access, comment=comment, mentioned=mentioned)
    return comment


def _notify_comment(*, access, comment, mentioned):
    masterplan = access.masterplan
    link = comment.url or f"{_review_url(masterplan)}?section={comment.section_key}"
    values = {"who": access.user.display_name, "about": comment.target_label, "region": masterplan.region.name}
    notify.notify(
        masterplan=masterplan,
        users=mentioned,
        kind=Notification.Kind.MENTION,
        text=Message(gettext_noop("%(who)s menyebut Anda dalam komentar tentang %(about)s (%(region)s)."), values),
        url=link,
        exclude=access.user,
    )
    if comment.opd_id and access.can_review:
        notify.notify(
            masterplan=masterplan,
            users=[u for u in notify.opd_members(masterplan, [comment.opd_id]) if u not in mentioned],
            kind=Notification.Kind.CHANGES,
            text=Message(gettext_noop("%(who)s memberi catatan pada %(about)s milik OPD Anda (%(region)s)."), values),
            url=link,
            exclude=access.user,
        )


def _review_url(masterplan):
    from django.urls import reverse

    return reverse("review:page", args=[masterplan.pk])


def can_resolve(access, comment):
    return access.can_review or access.can_manage or (access.can_comment and comment.author_id == access.user.pk)


@transaction.atomic
def comment_set_resolved(*, access, comment, resolved):
    if not can_resolve(access, comment):
        raise PermissionDenied
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if resolved and comment.resolved_at is None:
        comment.resolved_at, comment.resolved_by = timezone.now(), access.user
    elif not resolved:
        comment.resolved_at, comment.resolved_by = None, None
    comment.version += 1
    comment._history_user = access.user
    comment.save()
    return comment
