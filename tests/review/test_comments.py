"""Comments: who may write, read and resolve; ids of another region's items are 404."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from masterplan.access import access_for
from review.models import Comment

from .factories import CommentFactory

BOOK = "book:masterplan"


def _add(client, personas, htmx=False, **data):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(reverse("review:comment_add", args=[personas.masterplan.pk]), data, headers=headers)


def _target(obj):
    return f"{obj._meta.label_lower}:{obj.pk}"


@pytest.mark.parametrize(
    "persona,status",
    [
        ("coordinator", 302),
        ("opd_member", 302),
        ("other_opd_member", 302),
        ("expert", 302),
        ("admin", 302),
        ("reader", 403),
    ],
)
def test_who_may_comment_on_a_section(personas, as_user, persona, status):
    response = _add(as_user(getattr(personas, persona)), personas, section=BOOK, body="Catatan.")
    assert response.status_code == status
    assert Comment.objects.filter(section_key=BOOK).count() == (1 if status == 302 else 0)


def test_comment_on_an_item_of_the_masterplan(personas, as_user):
    item = personas.masterplan.memberships.get(user=personas.reader)
    response = _add(as_user(personas.expert), personas, target=_target(item), body="Peran ini perlu dicek.")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.target, comment.author, comment.masterplan) == (item, personas.expert, personas.masterplan)


def test_an_item_of_another_region_is_404(personas, as_user):
    foreign = personas.other_masterplan.memberships.get(user=personas.stranger)
    response = _add(as_user(personas.coordinator), personas, target=_target(foreign), body="x")
    assert response.status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "target", ["accounts.user:1", "review.comment:1", "tidak.ada:1", "masterplan.membership:x", "x"]
)
def test_odd_or_private_targets_are_404(personas, as_user, target):
    assert _add(as_user(personas.coordinator), personas, target=target, body="x").status_code == 404


def test_a_stranger_cannot_comment_on_or_read_another_regions_thread(personas, as_user):
    item = personas.masterplan.memberships.get(user=personas.reader)
    client = as_user(personas.stranger)
    # posting to the victim's masterplan
    assert _add(client, personas, target=_target(item), body="x").status_code == 404
    # posting the victim's item through the stranger's own masterplan
    url = reverse("review:comment_add", args=[personas.other_masterplan.pk])
    assert client.post(url, {"target": _target(item), "body": "x"}).status_code == 404
    # replying to a comment of the victim's masterplan through the stranger's own
    comment = CommentFactory(masterplan=personas.masterplan, author=personas.coordinator)
    assert client.post(url, {"parent": comment.pk, "body": "x"}).status_code == 404
    assert client.post(url, {"section": "tidak.ada", "body": "x"}).status_code == 404
    assert Comment.objects.count() == 1


def test_htmx_post_answers_the_thread(personas, as_user):
    response = _add(as_user(personas.expert), personas, section=BOOK, body="Sudah sesuai.", htmx=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="thread-section-book-masterplan"' in html and "Sudah sesuai." in html


def test_reply_stays_one_level_deep(personas, as_user):
    top = CommentFactory(masterplan=personas.masterplan, author=personas.expert)
    client = as_user(personas.coordinator)
    client.post(reverse("review:comment_add", args=[personas.masterplan.pk]), {"parent": top.pk, "body": "Balasan 1"})
    reply = Comment.objects.get(body="Balasan 1")
    client.post(reverse("review:comment_add", args=[personas.masterplan.pk]), {"parent": reply.pk, "body": "Balasan 2"})
    assert Comment.objects.get(body="Balasan 2").parent == top


@pytest.mark.parametrize(
    "persona,status",
    [("coordinator", 302), ("expert", 302), ("opd_member", 302), ("other_opd_member", 403), ("reader", 403)],
)
def test_who_may_resolve(personas, as_user, persona, status):
    comment = CommentFactory(masterplan=personas.masterplan, author=personas.opd_member)
    url = reverse("review:comment_resolve", args=[personas.masterplan.pk, comment.pk])
    assert as_user(getattr(personas, persona)).post(url, {"resolved": "1"}).status_code == status
    comment.refresh_from_db()
    assert comment.is_resolved == (status == 302)


def test_resolve_redirects_only_to_this_site(personas, as_user):
    comment = CommentFactory(masterplan=personas.masterplan, author=personas.expert)
    url = reverse("review:comment_resolve", args=[personas.masterplan.pk, comment.pk])
    response = as_user(personas.expert).post(url, {"next": "https://jahat.example/"})
    assert response["Location"] == reverse("review:page", args=[personas.masterplan.pk])


def _render(template, user, masterplan, **context):
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load review %}" + template).render(
        Context({"request": request, "masterplan": masterplan, "access": access_for(user, masterplan), **context})
    )


def test_comments_for_tag_renders_the_thread_with_a_form(personas):
    item = personas.masterplan.memberships.get(user=personas.reader)
    Comment.objects.create(
        masterplan=personas.masterplan,
        content_type_id=__import__("django.contrib.contenttypes.models", fromlist=["x"])
        .ContentType.objects.get_for_model(item)
        .pk,
        object_id=item.pk,
        author=personas.expert,
        body="Tanda <b>tebal</b>",
    )
    html = _render("{% comments_for item %}", personas.coordinator, personas.masterplan, item=item)
    assert "Tanda &lt;b&gt;tebal&lt;/b&gt;" in html
    assert 'name="target" value="masterplan.membership:' in html
    reader_html = _render("{% comments_for item %}", personas.reader, personas.masterplan, item=item)
    assert "Tanda" in reader_html and "Kirim komentar" not in reader_html


def test_comments_for_section_is_empty_for_a_non_member(personas):
    CommentFactory(masterplan=personas.masterplan, author=personas.expert, body="rahasia")
    request = RequestFactory().get("/")
    request.user = personas.stranger
    html = Template('{% load review %}{% comments_for_section masterplan "book:masterplan" %}').render(
        Context({"request": request, "masterplan": personas.masterplan})
    )
    assert "rahasia" not in html


def test_review_page_filters_comments(personas, as_user):
    CommentFactory(masterplan=personas.masterplan, author=personas.expert, body="DLH terbuka", opd=personas.opd)
    CommentFactory(
        masterplan=personas.masterplan, author=personas.expert, body="Dispar terbuka", opd=personas.other_opd
    )
    done = CommentFactory(masterplan=personas.masterplan, author=personas.expert, body="Sudah beres")
    Comment.objects.filter(pk=done.pk).update(resolved_at="2024-01-01T00:00:00Z")
    client = as_user(personas.reader)
    url = reverse("review:page", args=[personas.masterplan.pk])
    html = client.get(url).content.decode()
    assert "DLH terbuka" in html and "Sudah beres" not in html
    html = client.get(url, {"status": "resolved"}).content.decode()
    assert "Sudah beres" in html and "DLH terbuka" not in html
    html = client.get(url, {"opd": personas.opd.pk}).content.decode()
    assert "DLH terbuka" in html and "Dispar terbuka" not in html


def test_review_page_queries_do_not_grow_with_comments(personas, as_user, django_assert_max_num_queries):
    client = as_user(personas.expert)
    url = reverse("review:page", args=[personas.masterplan.pk])
    for _ in range(3):
        top = CommentFactory(masterplan=personas.masterplan, author=personas.expert, opd=personas.opd)
        CommentFactory(masterplan=personas.masterplan, author=personas.coordinator, parent=top)
    client.get(url)
    # session, user, masterplan, membership, bell count, section states, OPDs, comment count, comments,
    # replies, tabs/savepoints: a fixed ceiling whatever the number of comments
    with django_assert_max_num_queries(14) as few:
        client.get(url)
    for _ in range(20):
        top = CommentFactory(masterplan=personas.masterplan, author=personas.expert, opd=personas.opd)
        CommentFactory(masterplan=personas.masterplan, author=personas.coordinator, parent=top)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
