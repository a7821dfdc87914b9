from tests.url_sweep import Rule


def _mp(p):
    return {"mp": p.masterplan.pk}


def _membership(p):
    return {"mp": p.masterplan.pk, "pk": p.masterplan.memberships.get(user=p.reader).pk}


def _invitation(p):
    from masterplan.models import Invitation

    invitation = Invitation.objects.create(masterplan=p.masterplan, email="baru@uji.test", role="reader")
    return {"mp": p.masterplan.pk, "pk": invitation.pk}


RULES = {
    "masterplan:home": Rule(scoped=False),
    "masterplan:create": Rule(scoped=False),
    "masterplan:dashboard": Rule(_mp),
    "masterplan:edit": Rule(_mp),
    "masterplan:logo": Rule(_mp),
    "masterplan:members": Rule(_mp),
    "masterplan:member_invite": Rule(_mp),
    "masterplan:member_edit": Rule(_membership),
    "masterplan:member_remove": Rule(_membership),
    "masterplan:invitation_cancel": Rule(_invitation),
    "masterplan:opds": Rule(_mp),
    "masterplan:opd_add": Rule(_mp),
    "masterplan:opd_edit": Rule(lambda p: {"mp": p.masterplan.pk, "pk": p.opd.pk}),
    "masterplan:opd_delete": Rule(lambda p: {"mp": p.masterplan.pk, "pk": p.opd.pk}),
    "masterplan:invitation_accept": Rule(lambda p: {"token": "tidak-ada"}, public=True, scoped=False),
}
