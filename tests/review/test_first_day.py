"""A section without a review row (a region created today) can be submitted from the review page."""

import pytest
from django.urls import reverse

from review.models import SectionReview, State
from review.sections import section_keys

pytestmark = pytest.mark.django_db


def test_every_section_of_a_new_masterplan_can_be_submitted_with_the_version_the_page_shows(personas, client):
    masterplan = personas.masterplan
    SectionReview.objects.filter(masterplan=masterplan).delete()
    client.force_login(personas.coordinator)
    page = client.get(reverse("review:page", args=[masterplan.pk]))
    assert page.status_code == 200
    for key in section_keys():
        response = client.post(
            reverse("review:section_transition", args=[masterplan.pk, key, "submit"]), {"version": "0"}
        )
        assert response.status_code in (200, 302)
    states = dict(SectionReview.objects.filter(masterplan=masterplan).values_list("section_key", "state"))
    assert set(states) == set(section_keys())
    assert set(states.values()) == {State.SUBMITTED}


def test_the_expert_sees_which_submitted_sections_are_empty_and_a_reported_change_recounts(personas, client):
    from plan.models import Vision
    from review.changes import report_change
    from review.sections import empty_sections

    masterplan = personas.masterplan
    assert "plan.vision" in empty_sections(masterplan)
    client.force_login(personas.expert)
    page = client.get(reverse("review:page", args=[masterplan.pk])).content.decode()
    assert page.count("Belum ada isi") >= len(empty_sections(masterplan)) > 0
    Vision.objects.create(masterplan=masterplan, vision="Penajam Paser Utara yang cerdas dan lestari")
    assert "plan.vision" in empty_sections(masterplan)  # counted for this content version
    report_change(masterplan=masterplan, section_key="plan.vision", user=personas.coordinator, reason="Visi.")
    assert "plan.vision" not in empty_sections(masterplan)


def test_an_edit_recounts_only_its_own_section(personas, monkeypatch):
    from review import sections
    from review.changes import report_change

    masterplan = personas.masterplan
    sections.empty_sections(masterplan)  # every section counted once
    counted = []
    real = sections._has_content
    monkeypatch.setattr(sections, "_has_content", lambda records: counted.append(records) or real(records))

    sections.empty_sections(masterplan)
    assert counted == []
    report_change(masterplan=masterplan, section_key="plan.vision", user=personas.coordinator, reason="Visi.")
    sections.empty_sections(masterplan)
    assert len(counted) == 1
