from django.urls import reverse


def test_favicon_ico_redirects_to_the_svg_mark(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".svg")
    assert "img/favicon" in response["Location"]


def test_pages_link_the_icon(client, personas):
    client.force_login(personas.reader)
    response = client.get(reverse("masterplan:home"))
    assert b'<link rel="icon"' in response.content
    assert b"img/favicon" in response.content
