"""Random and hostile input to the main forms never causes a server error, and markup stays text."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masterplan.models import OPD

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=http://evil.example/x.png onerror=alert(1)>",
        "'; DROP TABLE masterplan_opd; --",
        '=HYPERLINK("http://evil.example")',
        "A" * 5000,
        "\x00\x01\x02",
        "{{ 7*7 }}{% debug %}",
    ]
)
VALUE = st.one_of(TEXT, HOSTILE, st.integers(-(10**12), 10**12).map(str))

FORMS = [
    ("masterplan:opd_add", ["name", "acronym", "kind"]),
    ("masterplan:edit", ["title", "start_year", "end_year", "version"]),
    ("masterplan:member_invite", ["email", "role", "opd"]),
]


@pytest.mark.parametrize("name,fields", FORMS, ids=[f[0] for f in FORMS])
def test_random_posts_never_cause_a_server_error(client, personas, name, fields):
    client.force_login(personas.coordinator)
    url = reverse(name, args=[personas.masterplan.pk])

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.fixed_dictionaries({field: VALUE for field in fields}))
    def post(data):
        response = client.post(url, data)
        assert response.status_code < 500

    post()


def test_markup_in_names_is_shown_as_text(client, personas):
    OPD.objects.create(region=personas.masterplan.region, name="<script>alert('x')</script>", acronym="<b>X</b>")
    client.force_login(personas.reader)
    page = client.get(reverse("masterplan:opds", args=[personas.masterplan.pk])).content.decode()
    assert "<script>alert('x')</script>" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;X&lt;/b&gt;" in page


def test_ids_in_urls_that_are_not_numbers_or_too_large_give_404(client, personas):
    client.force_login(personas.coordinator)
    assert client.get(f"/m/{10**30}/").status_code == 404
    assert client.get("/m/abc/").status_code == 404
    assert client.get(f"/m/{personas.masterplan.pk}/opd/{2**63 + 5}/ubah/").status_code == 404


def test_csrf_is_enforced(personas):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.coordinator)
    response = client.post(reverse("masterplan:opd_add", args=[personas.masterplan.pk]), {"name": "X", "acronym": "X"})
    assert response.status_code == 403
    assert not OPD.objects.filter(acronym="X").exists()
