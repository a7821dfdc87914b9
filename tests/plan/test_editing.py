"""In-place editing, ordering, concurrent edits, indicators with yearly targets."""

from django.urls import reverse

from plan.models import Programme, ProgrammeIndicator, ReadinessItem

from .factories import ProgrammeFactory, ReadinessItemFactory


def _edit_data(item, **extra):
    prefix = f"edit-kesiapan-{item.pk}"
    data = {
        f"{prefix}-{k}": v
        for k, v in {
            "component": item.component,
            "dimension": item.dimension_id,
            "name": item.name,
            "rating": item.rating,
            "evidence": "",
            "notes": "",
            "version": item.version,
        }.items()
    }
    data.update({f"{prefix}-{k}": v for k, v in extra.items()})
    return data


def test_htmx_edit_shows_the_form_in_place_and_returns_the_row(personas, as_user):
    item = ReadinessItemFactory(masterplan=personas.masterplan)
    url = reverse("plan:item_edit", args=[personas.masterplan.pk, "kesiapan", item.pk])
    client = as_user(personas.coordinator)
    form_html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert f'id="item-kesiapan-{item.pk}"' in form_html and "<form" in form_html and "<html" not in form_html
    response = client.post(url, _edit_data(item, name="SDM TIK bersertifikat"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "SDM TIK bersertifikat" in response.content.decode()
    assert "<form" in response.content.decode()  # the row's own buttons, not the edit form
    item.refresh_from_db()
    assert (item.name, item.version) == ("SDM TIK bersertifikat", 2)


def test_second_save_of_the_same_version_is_a_conflict(personas, as_user):
    item = ReadinessItemFactory(masterplan=personas.masterplan, name="Awal")
    url = reverse("plan:item_edit", args=[personas.masterplan.pk, "kesiapan", item.pk])
    client = as_user(personas.coordinator)
    assert client.post(url, _edit_data(item, name="Versi pertama")).status_code == 302
    response = client.post(url, _edit_data(item, name="Versi kedua"))  # opened before the first save
    assert response.status_code == 200
    assert response.context["conflict"] is not None
    assert "sudah diubah" in response.content.decode()
    item.refresh_from_db()
    assert item.name == "Versi pertama"


def test_programme_conflict(personas, as_user):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd, name="Awal")
    url = reverse("plan:programme_edit", args=[personas.masterplan.pk, programme.pk])
    data = {
        "name": "Baru",
        "dimension": programme.dimension_id,
        "kind": "programme",
        "lead_opd": personas.opd.pk,
        "horizon": "medium",
        "start_year": 2023,
        "end_year": 2027,
        "priority": "high",
        "version": programme.version,
    }
    client = as_user(personas.opd_member)
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "name": "Lagi"})
    assert response.context["conflict"] is not None
    assert Programme.objects.get(pk=programme.pk).name == "Baru"


def test_move_up_and_down(personas, as_user):
    a, b, c = (ReadinessItemFactory(masterplan=personas.masterplan, order=i) for i in (1, 2, 3))
    client = as_user(personas.coordinator)
    url = reverse("plan:item_move", args=[personas.masterplan.pk, "kesiapan", c.pk])
    assert client.post(url, {"direction": "up"}).status_code == 302
    order = list(
        ReadinessItem.objects.filter(masterplan=personas.masterplan).order_by("order").values_list("pk", flat=True)
    )
    assert order == [a.pk, c.pk, b.pk]
    client.post(reverse("plan:item_move", args=[personas.masterplan.pk, "kesiapan", a.pk]), {"direction": "up"})
    order = list(
        ReadinessItem.objects.filter(masterplan=personas.masterplan).order_by("order").values_list("pk", flat=True)
    )
    assert order == [a.pk, c.pk, b.pk]  # the first row stays first


def test_rows_are_ordered_within_their_own_list(personas, as_user):
    s1 = ReadinessItemFactory(masterplan=personas.masterplan, component="struktur", order=1)
    ReadinessItemFactory(masterplan=personas.masterplan, component="infrastruktur", order=2)
    s2 = ReadinessItemFactory(masterplan=personas.masterplan, component="struktur", order=3)
    as_user(personas.coordinator).post(
        reverse("plan:item_move", args=[personas.masterplan.pk, "kesiapan", s2.pk]), {"direction": "up"}
    )
    s1.refresh_from_db()
    s2.refresh_from_db()
    assert s2.order < s1.order


def test_new_rows_go_to_the_end_and_next_url_is_kept_local(personas, as_user):
    ReadinessItemFactory(masterplan=personas.masterplan, order=7)
    url = reverse("plan:item_add", args=[personas.masterplan.pk, "kesiapan"])
    data = {
        "_list": "x",
        "x-component": "struktur",
        "x-dimension": 1,
        "x-name": "Baru",
        "x-rating": "baik",
        "next": "https://jahat.example/",
    }
    response = as_user(personas.coordinator).post(url, data)
    assert response["Location"] == reverse("plan:readiness", args=[personas.masterplan.pk])
    assert ReadinessItem.objects.get(name="Baru").order == 8


def test_delete_row(personas, as_user):
    item = ReadinessItemFactory(masterplan=personas.masterplan)
    url = reverse("plan:item_delete", args=[personas.masterplan.pk, "kesiapan", item.pk])
    assert as_user(personas.coordinator).get(url).status_code == 405
    assert as_user(personas.coordinator).post(url).status_code == 302
    assert not ReadinessItem.objects.filter(pk=item.pk).exists()


def test_indicator_with_yearly_targets(personas, as_user):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd, start_year=2024, end_year=2026)
    client = as_user(personas.opd_member)
    url = reverse("plan:indicator_add", args=[personas.masterplan.pk, programme.pk])
    data = {"name": "Layanan daring", "unit": "layanan", "baseline": "0", "target_2024": "5", "target_2026": "25"}
    assert client.post(url, data).status_code == 302
    indicator = ProgrammeIndicator.objects.get(programme=programme)
    assert {t.year: t.value for t in indicator.targets.all()} == {2024: "5", 2026: "25"}
    edit = reverse("plan:indicator_edit", args=[personas.masterplan.pk, programme.pk, indicator.pk])
    client.post(edit, {**data, "target_2024": "", "target_2025": "10", "version": indicator.version})
    assert {t.year: t.value for t in indicator.targets.all()} == {2025: "10", 2026: "25"}
    detail = client.get(reverse("plan:programme_detail", args=[personas.masterplan.pk, programme.pk]))
    assert "Layanan daring" in detail.content.decode()


def test_other_opd_cannot_add_indicators(personas, as_user):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    url = reverse("plan:indicator_add", args=[personas.masterplan.pk, programme.pk])
    assert as_user(personas.other_opd_member).post(url, {"name": "x"}).status_code == 403


def test_svg_numbers_are_not_localised(personas, as_user):
    import re

    from .factories import ReadinessItemFactory as Item

    for rating in ("baik", "sedang", "kurang"):
        Item(masterplan=personas.masterplan, rating=rating)
    ProgrammeFactory(masterplan=personas.masterplan, name="Program 2030", start_year=2030, end_year=2032)
    client = as_user(personas.coordinator)
    for name in ("readiness", "roadmap"):
        html = client.get(
            reverse(f"plan:{name}", args=[personas.masterplan.pk]), HTTP_ACCEPT_LANGUAGE="id"
        ).content.decode()
        assert "<svg" in html
        assert not re.search(r'(?:x|y|width|height)="\d+,\d', html), name
        assert not re.search(r">\d\.\d{3}<", html.split("<svg", 1)[1].split("</svg>")[0]), name  # no "2.030"


def test_full_page_edit_form_without_javascript(personas, as_user):
    item = ReadinessItemFactory(masterplan=personas.masterplan)
    url = reverse("plan:item_edit", args=[personas.masterplan.pk, "kesiapan", item.pk])
    response = as_user(personas.coordinator).get(url)
    assert response.context["plan_page"] == "readiness"
    assert "<html" in response.content.decode()


def test_profile_texts_conflict(personas, as_user):
    from plan.models import RegionProfile

    url = reverse("plan:profile_edit", args=[personas.masterplan.pk])
    client = as_user(personas.coordinator)
    assert client.post(url, {"geography": "Pesisir", "economy": "", "society": ""}).status_code == 302
    profile = RegionProfile.objects.get(masterplan=personas.masterplan)
    data = {"geography": "Pesisir Teluk Balikpapan", "economy": "", "society": "", "version": profile.version}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "geography": "Versi lama"})
    assert response.context["conflict"] is not None
    profile.refresh_from_db()
    assert profile.geography == "Pesisir Teluk Balikpapan"


def test_full_page_add_form_keeps_its_list_and_fixed_fields(personas, as_user):
    """Without JavaScript a refused add comes back as a full page that still names its list, so the next
    submission reads the same (prefixed) fields and nothing typed is lost."""
    url = reverse("plan:item_add", args=[personas.masterplan.pk, "kesiapan"])
    client = as_user(personas.coordinator)
    list_id = "list-kesiapan-struktur"
    data = {"_list": list_id, "_fixed": "component", f"{list_id}-component": "struktur", f"{list_id}-name": ""}
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tambah butir kesiapan" in html
    assert f'name="_list" value="{list_id}"' in html and 'name="_fixed" value="component"' in html


def test_indicator_targets_conflict_shows_both_versions_and_keeps_what_was_typed(personas, as_user):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd, start_year=2024, end_year=2026)
    client = as_user(personas.opd_member)
    url = reverse("plan:indicator_add", args=[personas.masterplan.pk, programme.pk])
    data = {"name": "Layanan daring", "unit": "", "baseline": "", "target_2024": "5"}
    client.post(url, data)
    indicator = ProgrammeIndicator.objects.get(programme=programme)
    edit = reverse("plan:indicator_edit", args=[personas.masterplan.pk, programme.pk, indicator.pk])
    opened = indicator.version
    assert client.post(edit, {**data, "target_2024": "7", "version": opened}).status_code == 302  # somebody else
    response = client.post(edit, {**data, "target_2024": "9", "version": opened})  # the stale form
    conflict = response.context["conflict"]
    rows = {label: (theirs, yours) for label, theirs, yours, _differs in conflict.rows()}
    assert rows["Target 2024"] == ("7", "9")
    assert response.context["form"]["target_2024"].value() == "9"  # what was typed stays in the form
    assert {t.year: t.value for t in indicator.targets.all()} == {2024: "7"}
    indicator.refresh_from_db()
    assert str(response.context["form"]["version"].value()) == str(indicator.version)


def test_moving_a_row_is_in_its_history(personas, as_user):
    first = ReadinessItemFactory(masterplan=personas.masterplan, order=1)
    ReadinessItemFactory(masterplan=personas.masterplan, order=2)
    client = as_user(personas.coordinator)
    client.post(reverse("plan:item_move", args=[personas.masterplan.pk, "kesiapan", first.pk]), {"direction": "down"})
    last = first.history.first()
    assert last.order == 2 and last.history_user == personas.coordinator
