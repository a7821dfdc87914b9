"""The OPD member's home block: the open follow-ups of the evaluation's recommendations (like bimtek's)."""

from django.db.models import Exists, OuterRef

from masterplan.models import Membership, Role

from .models import FollowUp


def opd_home(request):
    """The open follow-ups of the OPDs the user works for, in one query; None (no block) when there are none."""
    user = request.user
    if not user.is_authenticated:
        return None
    own = Membership.objects.filter(
        user=user, role=Role.OPD_MEMBER, masterplan_id=OuterRef("masterplan_id"), opd_id=OuterRef("opd_id")
    )
    followups = list(
        FollowUp.objects.open()
        .filter(Exists(own))
        .select_related("opd", "masterplan__region", "finding__result__evaluation_year")
        .order_by("due_date", "pk")[:20]
    )
    return {"followups": followups} if followups else None
