from django.urls import reverse


def test_indonesian_whatever_the_browser_says(client, personas):
    client.force_login(personas.reader)
    page = client.get(reverse("masterplan:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in page and "Masterplan saya" in page


def test_the_language_switch_turns_the_portal_english(client, personas):
    client.force_login(personas.reader)
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("masterplan:home")})
    assert response.status_code == 302
    page = client.get(reverse("masterplan:home")).content.decode()
    assert '<html lang="en">' in page and "My masterplans" in page
    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    assert "Masterplan saya" in client.get(reverse("masterplan:home")).content.decode()
