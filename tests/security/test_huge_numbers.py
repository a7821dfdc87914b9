"""Page numbers and ids that are huge, negative, not numbers or not ASCII never cause a server error
(issue 18: `?page=99999999999999999999` on the activity stream and `programs=99999999999999999999` in
the bulk mapping were 500s)."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.params import MAX_PAGE, InvalidIds, int_ids, page_number, parse_id
from rpjmd.models import RPJMD
from tests.rpjmd.factories import ProgramFactory
from tests.url_sweep import all_rules

HOSTILE_NUMBERS = [
    "99999999999999999999",
    str(2**63),
    str(2**63 - 1),
    "-1",
    "-99999999999999999999",
    "0",
    "abc",
    "1e400",
    "²",
    "٣",
    " 7 ",
    "9" * 5000,
    "",
]
# Names of the page, filter and id parameters the list and filter views read.
PARAMS = [
    "page",
    "opd",
    "person",
    "section",
    "status",
    "dimensi",
    "dimension",
    "rpjmd",
    "misi",
    "cohort",
    "province",
    "horizon",
    "a",
    "b",
    "programs",
    "version",
]
RULES = all_rules()


def _get(path, **query):
    from django.test import RequestFactory

    return RequestFactory().get(path, query)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("3", 3),
        ("", 1),
        ("0", 1),
        ("-4", 1),
        ("abc", 1),
        ("²", 1),
        ("1e400", 1),
        ("99999999999999999999", MAX_PAGE),
        ("9" * 5000, MAX_PAGE),
        ("0007", 7),
    ],
)
def test_page_number(raw, expected):
    assert page_number(_get("/", page=raw)) == expected


def test_int_ids_accepts_plain_ids_and_refuses_the_rest():
    assert int_ids(["3", "1", "3", 2], field="Program") == [1, 2, 3]
    assert parse_id(str(2**63 - 1)) == 2**63 - 1
    for bad in ["0", "-1", str(2**63), "abc", "²", "9" * 5000, None]:
        with pytest.raises(InvalidIds, match="Program"):
            int_ids([bad], field="Program")


def test_activity_page_with_a_huge_page_number(client, personas):
    client.force_login(personas.reader)
    url = reverse("review:activity", args=[personas.masterplan.pk])
    for value in HOSTILE_NUMBERS:
        assert client.get(url, {"page": value}).status_code == 200, value


def test_bulk_mapping_with_a_huge_id_is_404_and_maps_nothing(client, personas):
    rpjmd = RPJMD.objects.create(region=personas.masterplan.region, start_year=2021, end_year=2026)
    program = ProgramFactory(rpjmd=rpjmd, opd=personas.opd)
    client.force_login(personas.coordinator)
    url = reverse("rpjmd:bulk_map", args=[personas.masterplan.pk])
    for value in ["99999999999999999999", str(2**63), "-1", "²"]:
        response = client.post(url, {"programs": [program.pk, value], "primary_element": "1"})
        assert response.status_code == 404, value
    program.refresh_from_db()
    assert program.primary_dimension_id is None


def test_a_section_transition_with_a_non_ascii_version(client, personas):
    client.force_login(personas.coordinator)
    url = reverse("review:section_transition", args=[personas.masterplan.pk, "rpjmd.programs", "submit"])
    assert client.post(url, {"version": "²"}).status_code < 500


def test_a_multiple_choice_with_a_huge_id_is_a_form_error(client, personas):
    """ModelMultipleChoiceField filters with pk__in: an id beyond a bigint now matches nothing (core/lookups.py)."""
    from review.models import Comment

    client.force_login(personas.coordinator)
    url = reverse("review:comment_add", args=[personas.masterplan.pk])
    for value in ["99999999999999999999", str(2**63)]:
        data = {"section": "rpjmd.programs", "body": "Cek", "mentions": [value]}
        assert client.post(url, data).status_code < 500, value
    assert not Comment.objects.exists()


def _urls(personas):
    urls = []
    for name, rule in sorted(RULES.items()):
        if rule.public:
            continue
        try:
            urls.append((name, reverse(name, kwargs=rule.kwargs(personas))))
        except Exception as error:  # a rule needs objects this test does not make: report, do not hide
            pytest.fail(f"{name}: {error}")
    return urls


def test_crawl_every_url_with_hostile_numbers(client, personas):
    """Every URL, GET with every page/filter parameter set to a hostile number, then POST the same."""
    client.force_login(personas.coordinator)
    failures = []
    for name, url in _urls(personas):
        for value in ["99999999999999999999", "-5", "²"]:
            query = {param: value for param in PARAMS}
            for method in (client.get, client.post):
                status = method(url, query).status_code
                if status >= 500:
                    failures.append((name, method.__name__, value, status))
    assert failures == []


LIST_URLS = ["review:activity", "review:page", "rpjmd:mapping", "books:index", "review:notifications"]
NUMBER = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
)


@pytest.mark.parametrize("name", LIST_URLS)
def test_random_page_and_filter_numbers_on_lists(client, personas, name):
    client.force_login(personas.coordinator)
    rule = RULES[name]
    url = reverse(name, kwargs=rule.kwargs(personas))

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.fixed_dictionaries({"page": NUMBER, "opd": NUMBER, "person": NUMBER, "section": NUMBER}))
    def crawl(query):
        assert client.get(url, query).status_code < 500

    crawl()
