import pytest
from django.apps import apps
from django.urls import reverse

from .url_sweep import all_rules, url_names

RULES = all_rules()


def test_every_url_is_classified():
    unclassified = [name for name in url_names() if name not in RULES]
    assert unclassified == [], f"classify these in tests/<app>/url_rules.py: {unclassified}"


def test_no_rule_for_a_url_that_is_gone():
    assert sorted(set(RULES) - set(url_names())) == []


@pytest.mark.parametrize("name", sorted(n for n, r in RULES.items() if not r.public))
def test_anonymous_is_sent_to_login(client, personas, name):
    url = reverse(name, kwargs=RULES[name].kwargs(personas))
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, (name, method.__name__, response.status_code)
        assert response["Location"].startswith(reverse("accounts:login")), name


@pytest.mark.parametrize("name", sorted(n for n, r in RULES.items() if r.scoped))
def test_stranger_from_another_region_gets_404(client, personas, name):
    url = reverse(name, kwargs=RULES[name].kwargs(personas))
    client.force_login(personas.stranger)
    before = row_counts()
    assert client.get(url).status_code in (404, 405), name  # 405: a POST-only view refuses GET first
    assert client.post(url, {"name": "x", "text": "x", "confirm": "1"}).status_code == 404, name
    assert row_counts() == before, f"{name}: a stranger's request changed data"


def row_counts():
    ours = ("accounts", "masterplan", "rpjmd", "bimtek", "plan", "quickwins", "books", "review", "monev")
    return {m._meta.label: m._default_manager.count() for m in apps.get_models() if m._meta.app_label in ours}
