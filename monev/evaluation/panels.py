"""The OPD member's home block: the open follow-ups of the evaluation's recommendations (like bimtek's)."""

from masterplan.models import Membership, Role

from .models import FollowUp


def opd_home(request):
    """The open follow-ups of the OPDs the user works for (None for people who are not OPD members; 2 queries)."""
    user = request.user
    if not user.is_authenticated:
        return None
    memberships = list(
        Membership.objects.filter(user=user, role=Role.OPD_MEMBER, opd__isnull=False).values_list(
            "masterplan_id", "opd_id"
        )
    )
    if not memberships:
        return None
    followups = FollowUp.objects.none()
    for masterplan_id, opd_id in memberships:
        followups |= FollowUp.objects.filter(masterplan_id=masterplan_id, opd_id=opd_id)
    followups = list(
        followups.open()
        .select_related("opd", "masterplan__region", "finding__result__evaluation_year")
        .order_by("due_date", "pk")[:20]
    )
    return {"followups": followups}
