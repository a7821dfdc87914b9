"""What a first visit downloads: the login page and the home page with every stylesheet, script and font they
load, compressed as the browser asks for it. Budget: under 300 KB together (it was 1.40 MB, of which the four
TTF fonts were 1.03 MB)."""

import gzip
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
BUDGET = 300 * 1024


def _body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content


def _assets(html):
    return re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js|svg))"', html)


def test_static_files_are_served_compressed_and_pages_are_not(client):
    css = client.get("/static/css/rancang.css", HTTP_ACCEPT_ENCODING="gzip, br")
    assert css.status_code == 200 and css["Content-Encoding"] == "gzip"
    assert b"NotoSans-Regular.woff2" in gzip.decompress(_body(css))
    login = client.get(reverse("accounts:login"), HTTP_ACCEPT_ENCODING="gzip")
    assert login.status_code == 200 and not login.has_header("Content-Encoding")  # CSRF token inside: BREACH


def test_the_first_visit_weighs_under_300_kb(client, personas):
    total, seen = 0, set()

    def fetch(url):
        nonlocal total
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200, url
        body = _body(response)
        total += len(body)
        return gzip.decompress(body) if response.get("Content-Encoding") == "gzip" else body

    for page in (reverse("accounts:login"), None):
        if page is None:
            client.force_login(personas.coordinator)
            page = reverse("masterplan:home")
        html = fetch(page).decode()
        for asset in _assets(html):
            if asset in seen:
                continue  # cached by the browser after the first page
            seen.add(asset)
            text = fetch(asset)
            if asset.endswith(".css"):
                for font in re.findall(rb'url\("\.\./fonts/web/([^"]+\.woff2)"\)', text):
                    fetch("/static/fonts/web/" + font.decode())  # all four faces, as if every one were used
    print(f"first visit: {total / 1024:.0f} KB")
    assert total < BUDGET, f"{total / 1024:.0f} KB"
