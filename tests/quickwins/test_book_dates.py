"""The quick-win book's "Waktu pelaksanaan" row: a quick win without dates (the first day's, from the
empty-region journey) showed "– – –"; it shows one dash, and a half-known period keeps the known date."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from core import registry

from .factories import QuickWinFactory


def period_cell(masterplan):
    chapter = next(c for c in registry.chapters("quickwin") if c.key == "quickwins.profiles")
    with translation.override("id"):  # the book's language, whatever a test before this one activated
        html = render_to_string(chapter.template, chapter.context(masterplan))
    found = re.search(r"Waktu pelaksanaan</th><td>(.*?)</td>", html)
    return found.group(1).strip()


@pytest.mark.parametrize(
    "start,end,shown",
    [
        (None, None, "–"),
        (datetime.date(2023, 6, 1), None, "1 Juni 2023 – –"),
        (datetime.date(2023, 6, 1), datetime.date(2024, 5, 31), "1 Juni 2023 – 31 Mei 2024"),
    ],
)
def test_period_row(personas, start, end, shown):
    QuickWinFactory(masterplan=personas.masterplan, chosen=True, start_date=start, end_date=end)
    assert period_cell(personas.masterplan) == shown
