"""The review's contributions to shared pages: the dashboard card and the expert's home block."""

from django.db.models import Count, OuterRef

from masterplan.models import Membership, Role

from .models import Comment, SectionReview, State
from .programme import _count
from .sections import section_keys


def dashboard_panel(masterplan, access):
    keys = section_keys()
    counts = dict(
        SectionReview.objects.filter(masterplan=masterplan, section_key__in=keys)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    not_draft = sum(counts.values()) - counts.get(State.DRAFT, 0)
    states = [
        (State.DRAFT.label, len(keys) - not_draft),
        (State.SUBMITTED.label, counts.get(State.SUBMITTED, 0)),
        (State.CHANGES.label, counts.get(State.CHANGES, 0)),
        (State.APPROVED.label, counts.get(State.APPROVED, 0)),
    ]
    open_comments = Comment.objects.filter(masterplan=masterplan).open().count()
    return {
        "masterplan": masterplan,
        "access": access,
        "states": states,
        "total": len(keys),
        "approved": counts.get(State.APPROVED, 0),
        "open_comments": open_comments,
    }


def expert_home(request):
    """The expert's regions with what waits for them; None (block hidden) for anybody else."""
    user = request.user
    memberships = list(
        Membership.objects.filter(user=user, role=Role.EXPERT)
        .select_related("masterplan__region__province", "masterplan__cohort")
        .annotate(
            submitted=_count(
                SectionReview.objects.filter(
                    masterplan=OuterRef("masterplan"), state=State.SUBMITTED, section_key__in=section_keys()
                )
            ),
            mentions=_count(Comment.objects.open().filter(masterplan=OuterRef("masterplan"), mentions=user)),
            open_comments=_count(Comment.objects.open().filter(masterplan=OuterRef("masterplan"))),
        )
        .order_by("-submitted", "masterplan__region__name")
    )
    if not memberships:
        return None
    return {"memberships": memberships}


def programme_home(request):
    """A link to the programme dashboard for programme admins."""
    return {} if request.user.is_programme_admin else None
