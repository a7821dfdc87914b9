"""The demo in English, crawled by following every link from the home page as the coordinator and as the expert:
no Indonesian interface text (a phrase of three or more words of the catalogue) shows, except inside what the
region typed (minutes, names, descriptions), and inside the Excel sheet's own column names, which stay Indonesian."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command

from accounts.models import User

from .crawl import crawl, data_texts, indonesian_phrases, leaks

# Texts that are Indonesian by design in the English interface: the language switch's own name and the column
# names of the monitoring sheet (the file is Indonesian, the page names its columns as the file writes them).
BY_DESIGN = ["Bahasa Indonesia", "Realisasi anggaran", "Sumber dana"]


@pytest.fixture
def demo(db):
    call_command("demo", stdout=io.StringIO())
    return sorted({*data_texts(), *BY_DESIGN}, key=len, reverse=True)


@pytest.mark.parametrize("email", ["koordinator@ppu.demo", "ahli@kominfo.demo"])
def test_the_english_pages_show_no_indonesian_interface_text(demo, client, email):
    client.force_login(User.objects.get(email=email))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    pages = crawl(client, limit=400)

    assert len(pages) > 150  # the crawl reached the masterplan's pages, not only the home page
    dashboards = [text for url, text in pages.items() if re.fullmatch(r"/m/\d+/", url)]
    assert dashboards and all("Overview" in text for text in dashboards)
    found = leaks(pages, indonesian_phrases(), demo)
    assert found == {}, "\n".join(f"{phrase!r} on {urls[:3]}" for phrase, urls in found.items())
