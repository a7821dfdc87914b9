from django.template import Context, Template


def render(start, end):
    return Template("{% load rancang %}{% years a b %}").render(Context({"a": start, "b": end}))


def test_a_range_of_one_year_is_printed_as_one_year():
    assert render(2023, 2023) == "2023"
    assert render(2023, 2025) == "2023–2025"
    assert render(2023, None) == "2023"
    assert render(None, None) == ""
