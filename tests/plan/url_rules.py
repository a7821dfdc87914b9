from tests.url_sweep import Rule


def _mp(p):
    return {"mp": p.masterplan.pk}


def _programme(p):
    from .factories import ProgrammeFactory

    programme = ProgrammeFactory(masterplan=p.masterplan, lead_opd=p.opd)
    return {"mp": p.masterplan.pk, "pk": programme.pk}


def _indicator_add(p):
    kwargs = _programme(p)
    return {"mp": kwargs["mp"], "programme_pk": kwargs["pk"]}


def _indicator(p):
    from plan.models import Programme

    from .factories import IndicatorFactory

    kwargs = _indicator_add(p)
    indicator = IndicatorFactory(programme=Programme.objects.get(pk=kwargs["programme_pk"]))
    return {**kwargs, "pk": indicator.pk}


def _item(p):
    from .factories import ReadinessItemFactory

    item = ReadinessItemFactory(masterplan=p.masterplan)
    return {"mp": p.masterplan.pk, "kind": "kesiapan", "pk": item.pk}


RULES = {
    "plan:overview": Rule(_mp),
    "plan:profile": Rule(_mp),
    "plan:profile_edit": Rule(_mp),
    "plan:readiness": Rule(_mp),
    "plan:swot": Rule(_mp),
    "plan:applications": Rule(_mp),
    "plan:institutions": Rule(_mp),
    "plan:vision": Rule(_mp),
    "plan:vision_edit": Rule(_mp),
    "plan:strategies": Rule(_mp),
    "plan:settings": Rule(_mp),
    "plan:programmes": Rule(_mp),
    "plan:programme_add": Rule(_mp),
    "plan:programme_detail": Rule(_programme),
    "plan:programme_edit": Rule(_programme),
    "plan:programme_delete": Rule(_programme),
    "plan:programme_move": Rule(_programme),
    "plan:programme_budget": Rule(_programme),
    "plan:indicator_add": Rule(_indicator_add),
    "plan:indicator_edit": Rule(_indicator),
    "plan:indicator_delete": Rule(_indicator),
    "plan:roadmap": Rule(_mp),
    "plan:financing": Rule(_mp),
    "plan:consistency": Rule(_mp),
    "plan:item_add": Rule(lambda p: {"mp": p.masterplan.pk, "kind": "kesiapan"}),
    "plan:item_edit": Rule(_item),
    "plan:item_delete": Rule(_item),
    "plan:item_move": Rule(_item),
}
