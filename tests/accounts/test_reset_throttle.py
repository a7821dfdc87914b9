"""Password reset mails are throttled per address and per client (issue 18: a flood of resets for one
address sent one mail per request). The answer page is the same whether the address exists, is unknown
or is throttled."""

from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

URL = "accounts:password_reset"


def _post(client, email, ip="203.0.113.7"):
    return client.post(reverse(URL), {"email": email}, REMOTE_ADDR=ip)


def test_thirty_requests_for_one_address_send_at_most_three_mails(client, db):
    UserFactory(email="dlh@uji.test")
    responses = [_post(client, "dlh@uji.test" if i % 2 else "DLH@Uji.test", ip=f"198.51.100.{i}") for i in range(30)]
    assert len(mail.outbox) == 3
    assert {(r.status_code, r["Location"]) for r in responses} == {(302, reverse("accounts:password_reset_done"))}


def test_one_client_is_limited_across_addresses(client, db, settings):
    settings.PASSWORD_RESET_PER_CLIENT = 10
    for i in range(15):
        UserFactory(email=f"orang{i}@uji.test")
        _post(client, f"orang{i}@uji.test")
    assert len(mail.outbox) == 10
    _post(client, "orang14@uji.test", ip="192.0.2.1")  # another client is not affected
    assert len(mail.outbox) == 11


def test_unknown_and_throttled_addresses_get_the_same_answer(client, db):
    UserFactory(email="ada@uji.test")
    known = _post(client, "ada@uji.test")
    unknown = _post(client, "tidak-ada@uji.test")
    for _ in range(5):
        throttled = _post(client, "ada@uji.test")
    assert len(mail.outbox) == 3
    assert known.status_code == unknown.status_code == throttled.status_code == 302
    assert known["Location"] == unknown["Location"] == throttled["Location"]
    done = client.get(known["Location"])
    assert done.status_code == 200
