"""The accounts app and the people pages of the review app change no book content: every POST is listed here
with why nothing is reported, and a profile save leaves an approved masterplan approved."""

from django.urls import URLPattern, reverse

from accounts import urls as accounts_urls
from review import urls as review_urls
from review import views_people
from review.models import Notification, SectionReview, State
from tests.writepaths import approve

NOT_CONTENT = {
    "accounts:login": "signing in",
    "accounts:logout": "signing out",
    "accounts:profile": "the person's own profile (accounts.services.update_profile)",
    "accounts:password_change": "the person's password",
    "accounts:password_reset": "a reset mail",
    "accounts:password_reset_confirm": "a new password",
    "review:notification_open": "the person's own reading state (review.notify.mark_read)",
    "review:notifications_read_all": "the person's own reading state (review.notify.mark_all_read)",
}
READ_ONLY = {
    "accounts:password_change_done",
    "accounts:password_reset_done",
    "accounts:password_reset_complete",
    "review:activity",
    "review:notifications",
    "review:programme",
    "review:programme_export",
}


def test_every_url_is_classified():
    accounts = {f"accounts:{p.name}" for p in accounts_urls.urlpatterns if isinstance(p, URLPattern)}
    people = {
        f"review:{p.name}"
        for p in review_urls.urlpatterns
        if isinstance(p, URLPattern) and p.callback.__module__ == views_people.__name__
    }
    assert accounts | people == set(NOT_CONTENT) | READ_ONLY


def test_a_profile_save_reports_nothing(personas, as_user):
    approve(personas.masterplan, "book:analisis")
    data = {"first_name": "Rina", "last_name": "Wati", "position": "Kabid", "institution": "Diskominfo"}
    response = as_user(personas.coordinator).post(reverse("accounts:profile"), data)
    assert response.status_code == 302
    personas.coordinator.refresh_from_db()
    assert personas.coordinator.first_name == "Rina"
    review = SectionReview.objects.get(masterplan=personas.masterplan, section_key="book:analisis")
    assert review.state == State.APPROVED


def test_reading_notifications(personas, as_user):
    note = Notification.objects.create(
        masterplan=personas.masterplan, recipient=personas.reader, kind=Notification.Kind.REOPENED, text="x"
    )
    client = as_user(personas.reader)
    client.post(reverse("review:notification_open", args=[note.pk]))
    note.refresh_from_db()
    assert note.read_at is not None
    Notification.objects.create(
        masterplan=personas.masterplan, recipient=personas.reader, kind=Notification.Kind.REOPENED, text="y"
    )
    client.post(reverse("review:notifications_read_all"))
    assert not Notification.objects.filter(recipient=personas.reader, read_at__isnull=True).exists()


def test_the_admin_does_not_delete_a_masterplans_only_coordinator(personas):
    from django.contrib.admin.sites import site
    from django.test import RequestFactory

    from accounts.models import User

    request = RequestFactory().post("/")
    request.user = personas.admin
    admin = site._registry[User]
    _deleted, _counts, _perms, protected = admin.get_deleted_objects([personas.coordinator], request)
    assert any("tanpa koordinator" in str(reason) for reason in protected)
    _deleted, _counts, _perms, protected = admin.get_deleted_objects([personas.reader], request)
    assert not protected
