"""Every section page shows its comment thread and a box to write in (issue 15: "Visi dan misi" had none)."""

import pytest
from django.urls import reverse

from core import registry
from rpjmd.models import RPJMD

EXTRA_PAGES = [  # pages of a section besides the one the registry names, and the region profile (book:analisis)
    ("rpjmd:visi_misi", "rpjmd.misi"),
    ("plan:profile", "book:analisis"),
]


def section_pages():
    return [(s.url_name, s.key) for s in registry.sections()] + EXTRA_PAGES


@pytest.mark.parametrize("url_name, key", section_pages(), ids=[f"{u}-{k}" for u, k in section_pages()])
def test_each_section_page_has_its_thread_and_a_comment_box(personas, as_user, url_name, key):
    RPJMD.objects.create(region=personas.masterplan.region, start_year=2021, end_year=2026)
    html = as_user(personas.coordinator).get(reverse(url_name, args=[personas.masterplan.pk])).content.decode()
    assert 'class="comment-thread' in html, url_name
    assert f'<input type="hidden" name="section" value="{key}">' in html, url_name
    assert "Kirim komentar" in html


def test_a_reader_sees_the_thread_without_a_box(personas, as_user):
    html = as_user(personas.reader).get(reverse("plan:vision", args=[personas.masterplan.pk])).content.decode()
    assert 'class="comment-thread' in html
    assert "Kirim komentar" not in html
