"""Every edit form and in-place list fragment of the plan says, before the save, that it sends an approved or
submitted section back to draft (review.changes.undo_warning), and asks again on submit (data-confirm /
hx-confirm); a draft section's forms say nothing."""

import re

import pytest
from django.urls import reverse

from review.changes import undo_warning
from tests.writepaths import approve

from .factories import IndicatorFactory, ProgrammeFactory, ReadinessItemFactory


def _programme(p):
    return ProgrammeFactory(masterplan=p.masterplan, lead_opd=p.opd)


def _indicator(p):
    programme = _programme(p)
    return programme, IndicatorFactory(programme=programme)


# name: (section, url(personas), htmx)
PAGES = {
    "profile_edit": ("book:analisis", lambda p: reverse("plan:profile_edit", args=[p.masterplan.pk]), False),
    "vision_edit": ("plan.vision", lambda p: reverse("plan:vision_edit", args=[p.masterplan.pk]), False),
    "settings": ("plan.roadmap", lambda p: reverse("plan:settings", args=[p.masterplan.pk]), False),
    "programme_add": ("plan.programmes", lambda p: reverse("plan:programme_add", args=[p.masterplan.pk]), False),
    "programme_edit": (
        "plan.programmes",
        lambda p: reverse("plan:programme_edit", args=[p.masterplan.pk, _programme(p).pk]),
        False,
    ),
    "programme_budget": (
        "plan.programmes",
        lambda p: reverse("plan:programme_budget", args=[p.masterplan.pk, _programme(p).pk]),
        False,
    ),
    "programme_detail": (
        "plan.programmes",
        lambda p: reverse("plan:programme_detail", args=[p.masterplan.pk, _programme(p).pk]),
        False,
    ),
    "programmes": (
        "plan.programmes",
        lambda p: _programme(p) and reverse("plan:programmes", args=[p.masterplan.pk]),
        False,
    ),
    "indicator_add": (
        "plan.programmes",
        lambda p: reverse("plan:indicator_add", args=[p.masterplan.pk, _programme(p).pk]),
        False,
    ),
    "indicator_edit": (
        "plan.programmes",
        lambda p: reverse("plan:indicator_edit", args=[p.masterplan.pk, *[o.pk for o in _indicator(p)]]),
        False,
    ),
    "item_add": ("plan.readiness", lambda p: reverse("plan:item_add", args=[p.masterplan.pk, "kesiapan"]), False),
    "item_edit": (
        "plan.readiness",
        lambda p: reverse(
            "plan:item_edit", args=[p.masterplan.pk, "kesiapan", ReadinessItemFactory(masterplan=p.masterplan).pk]
        ),
        False,
    ),
    "item_edit_htmx": (
        "plan.readiness",
        lambda p: reverse(
            "plan:item_edit", args=[p.masterplan.pk, "kesiapan", ReadinessItemFactory(masterplan=p.masterplan).pk]
        ),
        True,
    ),
    "readiness_lists": (
        "plan.readiness",
        lambda p: ReadinessItemFactory(masterplan=p.masterplan) and reverse("plan:readiness", args=[p.masterplan.pk]),
        False,
    ),
    "profile_key_figures": ("book:analisis", lambda p: reverse("plan:profile", args=[p.masterplan.pk]), False),
    "swot_lists": ("plan.swot", lambda p: reverse("plan:swot", args=[p.masterplan.pk]), False),
    "institutions_lists": ("plan.institutions", lambda p: reverse("plan:institutions", args=[p.masterplan.pk]), False),
    "vision_missions": ("plan.vision", lambda p: reverse("plan:vision", args=[p.masterplan.pk]), False),
    "strategies_lists": ("plan.strategies", lambda p: reverse("plan:strategies", args=[p.masterplan.pk]), False),
    "applications_list": ("plan.applications", lambda p: reverse("plan:applications", args=[p.masterplan.pk]), False),
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("approved", [True, False])
def test_edit_forms_warn_before_undoing_an_approval(personas, as_user, name, approved):
    section, url, htmx = PAGES[name]
    if approved:
        approve(personas.masterplan, section)
    text = undo_warning(personas.masterplan, section) or "sudah disetujui tenaga ahli"
    headers = {"HX-Request": "true"} if htmx else {}
    response = as_user(personas.coordinator).get(url(personas), headers=headers)
    assert response.status_code == 200
    html = response.content.decode()
    if approved:
        assert re.search(rf'(data|hx)-confirm="[^"]*{re.escape(text)}"', html), "no confirm on submit"
    else:
        assert text not in html
