"""A session for a closed stage is asked about: the page warns, the form needs a confirmation, the service refuses
without one, and nothing is written."""

import pytest
from django.urls import reverse

from bimtek import services
from bimtek.forms import SessionForm
from bimtek.models import Session

from .test_sessions import _session_data


@pytest.fixture
def closed(personas):
    services.close_stage(masterplan=personas.masterplan, number=2, user=personas.coordinator)
    return reverse("bimtek:session_add", args=[personas.masterplan.pk, 2])


def test_form_page_warns_about_the_closed_stage(as_user, personas, closed):
    html = as_user(personas.coordinator).get(closed).content.decode()
    assert "Bimtek II sudah ditutup pada" in html
    assert 'name="confirm_closed"' in html


def test_without_confirmation_nothing_is_written(as_user, personas, closed):
    response = as_user(personas.coordinator).post(closed, _session_data(personas))
    assert response.status_code == 200
    assert "confirm_closed" in response.context["form"].errors
    assert "Centang konfirmasi" in response.content.decode()
    assert not Session.objects.exists()


def test_with_confirmation_the_session_is_recorded(as_user, personas, closed):
    response = as_user(personas.coordinator).post(closed, _session_data(personas, confirm_closed="on"))
    assert response.status_code == 302
    assert Session.objects.get().stage.number == 2


def test_open_stage_asks_nothing(as_user, personas):
    url = reverse("bimtek:session_add", args=[personas.masterplan.pk, 1])
    html = as_user(personas.coordinator).get(url).content.decode()
    assert 'name="confirm_closed"' not in html and "sudah ditutup" not in html


def test_service_refuses_a_closed_stage_without_confirmation(personas):
    services.close_stage(masterplan=personas.masterplan, number=3, user=personas.coordinator)
    form = SessionForm(_session_data(personas), masterplan=personas.masterplan)
    assert form.is_valid(), form.errors
    with pytest.raises(services.StageClosedError):
        services.create_session(masterplan=personas.masterplan, user=personas.coordinator, form=form, number=3)
    assert not Session.objects.exists()


def test_stage_closed_after_the_form_was_opened_asks_then(as_user, personas):
    url = reverse("bimtek:session_add", args=[personas.masterplan.pk, 1])
    client = as_user(personas.coordinator)
    client.get(url)
    services.close_stage(masterplan=personas.masterplan, number=1, user=personas.expert)
    response = client.post(url, _session_data(personas))  # the form had no confirmation field
    assert response.status_code == 200 and not Session.objects.exists()
    assert 'name="confirm_closed"' in response.content.decode()
