"""The plan in the review: edits send an approved section back to draft, the activity stream, comments."""

from django.urls import reverse

from review.models import Comment, SectionReview, State

from .factories import ProgrammeFactory, ReadinessItemFactory


def _approve(masterplan, key):
    return SectionReview.objects.create(masterplan=masterplan, section_key=key, state=State.APPROVED)


def _state(masterplan, key):
    return SectionReview.objects.get(masterplan=masterplan, section_key=key)


def _programme_data(programme, **extra):
    return {
        "name": programme.name,
        "dimension": programme.dimension_id,
        "kind": "programme",
        "lead_opd": programme.lead_opd_id,
        "horizon": "medium",
        "start_year": 2023,
        "end_year": 2027,
        "priority": "high",
        "version": programme.version,
        **extra,
    }


def test_editing_a_programme_sends_the_approved_sections_back_to_draft(personas, as_user):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd, name="Awal")
    _approve(personas.masterplan, "plan.programmes")
    _approve(personas.masterplan, "plan.roadmap")
    _approve(personas.masterplan, "plan.swot")
    url = reverse("plan:programme_edit", args=[personas.masterplan.pk, programme.pk])
    response = as_user(personas.opd_member).post(url, _programme_data(programme, name="Sampah Terpadu"))
    assert response.status_code == 302
    review = _state(personas.masterplan, "plan.programmes")
    assert review.state == State.DRAFT and "Sampah Terpadu" in review.note and review.changed_by == personas.opd_member
    assert _state(personas.masterplan, "plan.roadmap").state == State.DRAFT  # the roadmap shows its years
    assert _state(personas.masterplan, "plan.swot").state == State.APPROVED  # another section is untouched


def test_a_refused_edit_leaves_the_section_approved(personas, as_user):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    _approve(personas.masterplan, "plan.programmes")
    url = reverse("plan:programme_edit", args=[personas.masterplan.pk, programme.pk])
    stale = _programme_data(programme, name="Lama", version=programme.version - 1)
    as_user(personas.opd_member).post(url, stale)  # an edit conflict: nothing saved
    assert _state(personas.masterplan, "plan.programmes").state == State.APPROVED


def test_list_edits_report_the_section_of_the_list(personas, as_user):
    item = ReadinessItemFactory(masterplan=personas.masterplan, order=1)
    ReadinessItemFactory(masterplan=personas.masterplan, order=2)
    _approve(personas.masterplan, "plan.readiness")
    client = as_user(personas.coordinator)
    move = reverse("plan:item_move", args=[personas.masterplan.pk, "kesiapan", item.pk])
    assert client.post(move, {"direction": "down"}).status_code == 302
    assert _state(personas.masterplan, "plan.readiness").state == State.DRAFT
    _state(personas.masterplan, "plan.readiness").delete()
    _approve(personas.masterplan, "plan.readiness")
    delete = reverse("plan:item_delete", args=[personas.masterplan.pk, "kesiapan", item.pk])
    assert client.post(delete).status_code == 302
    review = _state(personas.masterplan, "plan.readiness")
    assert review.state == State.DRAFT and "dihapus" in review.note


def test_budget_grid_counts_as_an_edit_of_the_programmes(personas, as_user):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    _approve(personas.masterplan, "plan.programmes")
    url = reverse("plan:programme_budget", args=[personas.masterplan.pk, programme.pk])
    response = as_user(personas.opd_member).post(url, {"version": programme.version, "b_2023_apbd": "5000000"})
    assert response.status_code == 302
    assert _state(personas.masterplan, "plan.programmes").state == State.DRAFT


def test_programme_edit_shows_in_the_activity_stream(personas, as_user):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd, name="Awal")
    url = reverse("plan:programme_edit", args=[personas.masterplan.pk, programme.pk])
    as_user(personas.opd_member).post(url, _programme_data(programme, name="Bank Sampah Digital"))
    response = as_user(personas.coordinator).get(
        reverse("review:activity", args=[personas.masterplan.pk]), {"section": "plan.programmes"}
    )
    entries = [e for e in response.context["entries"] if e.text == "Bank Sampah Digital"]
    assert entries and entries[0].user == personas.opd_member
    assert str(entries[0].section) == "Program dan rencana aksi"
    assert entries[0].url == reverse("plan:programmes", args=[personas.masterplan.pk])
    assert "Bank Sampah Digital" in response.content.decode()


def test_comment_on_a_programme_shows_on_its_page(personas, as_user):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd, name="Sampah Terpadu")
    target = f"plan.programme:{programme.pk}"
    response = as_user(personas.expert).post(
        reverse("review:comment_add", args=[personas.masterplan.pk]),
        {"target": target, "body": "Indikator belum terukur."},
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.opd_id == personas.opd.pk and comment.section_key == "plan.programmes"
    assert comment.url == programme.get_absolute_url()
    page = as_user(personas.opd_member).get(programme.get_absolute_url()).content.decode()
    assert "Indikator belum terukur." in page and 'name="target"' in page


def test_a_stranger_cannot_comment_on_a_programme_of_another_masterplan(personas, as_user):
    foreign = ProgrammeFactory(masterplan=personas.other_masterplan)
    response = as_user(personas.coordinator).post(
        reverse("review:comment_add", args=[personas.masterplan.pk]),
        {"target": f"plan.programme:{foreign.pk}", "body": "x"},
    )
    assert response.status_code == 404
    response = as_user(personas.stranger).post(
        reverse("review:comment_add", args=[personas.masterplan.pk]),
        {"target": f"plan.programme:{foreign.pk}", "body": "x"},
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_readiness_and_swot_pages_carry_their_section_thread(personas, as_user):
    client = as_user(personas.opd_member)
    for name, key in [("plan:readiness", "plan-readiness"), ("plan:swot", "plan-swot")]:
        html = client.get(reverse(name, args=[personas.masterplan.pk])).content.decode()
        assert f'id="thread-section-{key}"' in html
