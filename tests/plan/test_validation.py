"""Models' and forms' validation: what is refused, with an Indonesian message on the right field."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from masterplan.models import Element
from plan.forms.analysis import SwotStrategyForm
from plan.models import PlanSettings, Programme

from .factories import ProgrammeFactory, SwotEntryFactory, dimension


def _programme(personas, **fields):
    values = {
        "masterplan": personas.masterplan,
        "name": "P",
        "dimension": dimension(),
        "horizon": "long",
        "start_year": 2024,
        "end_year": 2026,
    }
    values.update(fields)
    return Programme(**values)


def test_programme_years_outside_the_masterplan_are_refused(personas):
    with pytest.raises(ValidationError) as error:
        _programme(personas, start_year=2020, end_year=2040).clean()
    assert "di luar horizon masterplan (2023–2032)" in error.value.message_dict["start_year"][0]
    assert "end_year" in error.value.message_dict


def test_programme_end_before_start_is_refused(personas):
    with pytest.raises(ValidationError) as error:
        _programme(personas, start_year=2027, end_year=2025).clean()
    assert error.value.message_dict["end_year"] == ["Tahun selesai tidak boleh sebelum tahun mulai."]


def test_programme_must_end_within_its_horizon(personas):
    PlanSettings.objects.create(masterplan=personas.masterplan, short_end_year=2024, medium_end_year=2027)
    with pytest.raises(ValidationError) as error:
        _programme(personas, horizon="short", start_year=2023, end_year=2026).clean()
    assert "paling lambat 2024" in error.value.message_dict["end_year"][0]
    _programme(personas, horizon="short", start_year=2023, end_year=2024).clean()


def test_default_horizon_settings(personas):
    settings = PlanSettings.for_masterplan(personas.masterplan)
    assert (settings.short_end_year, settings.medium_end_year) == (2023, 2027)


def test_element_must_belong_to_the_dimension(personas):
    with pytest.raises(ValidationError) as error:
        _programme(personas, element=Element.objects.get(key="kesehatan")).clean()
    assert "element" in error.value.message_dict


def test_horizon_settings_must_be_in_order(personas):
    settings = PlanSettings(masterplan=personas.masterplan, short_end_year=2028, medium_end_year=2026)
    with pytest.raises(ValidationError) as error:
        settings.clean()
    assert "medium_end_year" in error.value.message_dict


def test_settings_page_saves_the_horizon_years(personas, as_user):
    url = reverse("plan:settings", args=[personas.masterplan.pk])
    response = as_user(personas.coordinator).post(url, {"short_end_year": 2024, "medium_end_year": 2027})
    assert response.status_code == 302
    assert PlanSettings.objects.get(masterplan=personas.masterplan).medium_end_year == 2027
    assert as_user(personas.opd_member).post(url, {"short_end_year": 2025, "medium_end_year": 2027}).status_code == 403


def test_swot_strategy_refers_only_to_its_own_kinds(personas):
    strength = SwotEntryFactory(masterplan=personas.masterplan, kind="S")
    threat = SwotEntryFactory(masterplan=personas.masterplan, kind="T")
    form = SwotStrategyForm(
        {"dimension": dimension().pk, "kind": "SO", "text": "x", "entries": [strength.pk, threat.pk]},
        masterplan=personas.masterplan,
    )
    assert not form.is_valid()
    assert form.errors["entries"] == ["Strategi SO hanya dapat merujuk butir S dan O."]


def test_swot_strategy_cannot_use_another_masterplans_entries(personas):
    foreign = SwotEntryFactory(masterplan=personas.other_masterplan, kind="S")
    form = SwotStrategyForm(
        {"dimension": dimension().pk, "kind": "SO", "text": "x", "entries": [foreign.pk]},
        masterplan=personas.masterplan,
    )
    assert not form.is_valid()
    assert "entries" in form.errors


def test_list_row_validation_error_names_the_field_in_indonesian(personas, as_user):
    url = reverse("plan:item_add", args=[personas.masterplan.pk, "angka"])
    data = {
        "_list": "list-angka",
        "list-angka-label": "IPM",
        "list-angka-value": "72",
        "list-angka-source": "BPS",
        "list-angka-year": "1800",
    }
    response = as_user(personas.coordinator).post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["year"] == ["Tahun data harus antara 1945 dan 2100."]


def test_htmx_add_error_replaces_only_the_add_form(personas, as_user):
    url = reverse("plan:item_add", args=[personas.masterplan.pk, "angka"])
    response = as_user(personas.coordinator).post(url, {"_list": "list-angka"}, HTTP_HX_REQUEST="true")
    assert response["HX-Retarget"] == "#add-list-angka"
    assert "Bidang ini tidak boleh kosong" in response.content.decode() or "wajib" in response.content.decode()


def test_budget_refuses_negative_amounts(personas, as_user):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    url = reverse("plan:programme_budget", args=[personas.masterplan.pk, programme.pk])
    response = as_user(personas.coordinator).post(url, {"version": programme.version, "b_2024_apbd": "-5"})
    assert response.status_code == 200
    assert response.context["form"].errors["b_2024_apbd"] == ["Anggaran 2024 (APBD) tidak boleh negatif."]
    assert not programme.budget_lines.exists()
