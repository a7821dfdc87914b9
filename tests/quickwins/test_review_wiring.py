"""Quick wins in the review: edits send the approved section back to draft, the activity stream, comments on
the profile, the link to the masterplan's programmes, the programme dashboard column."""

from django.urls import reverse

from masterplan.models import Masterplan
from quickwins import contributions
from quickwins.models import QuickWin
from review.models import Comment, SectionReview, State
from tests.factories import MasterplanFactory, RegionFactory
from tests.plan.factories import ProgrammeFactory

from .factories import QuickWinFactory

SECTION = "quickwins.quickwins"


def _approve(masterplan):
    return SectionReview.objects.create(masterplan=masterplan, section_key=SECTION, state=State.APPROVED)


def _data(quickwin, dims, **extra):
    return {
        "short_name": quickwin.short_name,
        "full_name": quickwin.full_name,
        "dimension": dims["governance"].pk,
        "innovation_type": "program",
        "status": "idea",
        "version": quickwin.version,
        **extra,
    }


def test_editing_a_quick_win_sends_the_approved_section_back_to_draft(as_user, personas, quickwin, dims):
    review = _approve(personas.masterplan)
    url = reverse("quickwins:edit", args=[personas.masterplan.pk, quickwin.pk])
    response = as_user(personas.opd_member).post(url, _data(quickwin, dims, full_name="Serbu Gas Alam"))
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.state == State.DRAFT and "Serbu Gass" in review.note and review.changed_by == personas.opd_member


def test_choosing_a_quick_win_sends_the_section_back_to_draft(as_user, personas, quickwin):
    review = _approve(personas.masterplan)
    url = reverse("quickwins:choose", args=[personas.masterplan.pk, quickwin.pk])
    response = as_user(personas.coordinator).post(url, {"chosen": "1", "version": quickwin.version})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.state == State.DRAFT and "terpilih" in review.note


def test_a_refused_choice_leaves_the_section_approved(as_user, personas, quickwin):
    review = _approve(personas.masterplan)
    url = reverse("quickwins:choose", args=[personas.masterplan.pk, quickwin.pk])
    as_user(personas.coordinator).post(url, {"chosen": "1", "version": quickwin.version + 5})
    review.refresh_from_db()
    assert review.state == State.APPROVED


def test_edit_shows_in_the_activity_stream(as_user, personas, quickwin, dims):
    url = reverse("quickwins:edit", args=[personas.masterplan.pk, quickwin.pk])
    as_user(personas.opd_member).post(url, _data(quickwin, dims, full_name="Serbu Gas Alam"))
    response = as_user(personas.coordinator).get(
        reverse("review:activity", args=[personas.masterplan.pk]), {"section": SECTION}
    )
    entries = [e for e in response.context["entries"] if e.text == "Serbu Gass: Serbu Gas Alam"]
    assert entries and entries[0].user == personas.opd_member and str(entries[0].section) == "Quick win"
    assert entries[0].url == reverse("quickwins:catalogue", args=[personas.masterplan.pk])


def test_comment_on_a_quick_win_shows_on_its_profile(as_user, personas, quickwin):
    response = as_user(personas.expert).post(
        reverse("review:comment_add", args=[personas.masterplan.pk]),
        {"target": f"quickwins.quickwin:{quickwin.pk}", "body": "Target penerima manfaat belum jelas."},
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.opd_id, comment.section_key) == (personas.opd.pk, SECTION)
    assert comment.url == quickwin.get_absolute_url()
    html = as_user(personas.opd_member).get(quickwin.get_absolute_url()).content.decode()
    assert "Target penerima manfaat belum jelas." in html


def test_a_quick_win_of_another_masterplan_cannot_be_commented(as_user, personas):
    foreign = QuickWinFactory(masterplan=personas.other_masterplan)
    for who in (personas.coordinator, personas.stranger):
        response = as_user(who).post(
            reverse("review:comment_add", args=[personas.masterplan.pk]),
            {"target": f"quickwins.quickwin:{foreign.pk}", "body": "x"},
        )
        assert response.status_code == 404
    assert not Comment.objects.exists()


def test_link_to_the_masterplans_own_programmes(as_user, personas, quickwin, dims):
    own = ProgrammeFactory(masterplan=personas.masterplan, name="Bank Sampah Digital")
    foreign = ProgrammeFactory(masterplan=personas.other_masterplan, name="Program daerah lain")
    url = reverse("quickwins:edit", args=[personas.masterplan.pk, quickwin.pk])
    client = as_user(personas.opd_member)
    response = client.post(url, _data(quickwin, dims, plan_programmes=[foreign.pk]))
    assert response.status_code == 200 and "plan_programmes" in response.context["form"].errors
    assert not quickwin.plan_programmes.exists()
    assert client.post(url, _data(quickwin, dims, plan_programmes=[own.pk])).status_code == 302
    assert list(quickwin.plan_programmes.all()) == [own]
    html = client.get(quickwin.get_absolute_url()).content.decode()
    assert "Program masterplan terkait" in html and "Bank Sampah Digital" in html
    assert reverse("plan:programme_detail", args=[personas.masterplan.pk, own.pk]) in html
    programme_page = client.get(own.get_absolute_url()).content.decode()
    assert "Quick win terkait" in programme_page and quickwin.get_absolute_url() in programme_page
    from quickwins.contributions import serialize

    record = next(r for r in serialize(personas.masterplan) if r["key"] == f"quickwin-{quickwin.pk}")
    assert record["fields"]["plan_programmes"] == ["Bank Sampah Digital"]


def test_profiles_prefetch_the_programmes(personas, quickwin, django_assert_num_queries):
    quickwin.plan_programmes.add(ProgrammeFactory(masterplan=personas.masterplan))
    for _ in range(5):
        QuickWinFactory(masterplan=personas.masterplan).plan_programmes.add(
            ProgrammeFactory(masterplan=personas.masterplan)
        )
    with django_assert_num_queries(
        9
    ):  # quick wins, owners, partners, budgets, indicators, photos, RPJMD, plan, updates
        names = [[p.name for p in q.plan_programmes.all()] for q in QuickWin.objects.for_profiles()]
    assert sum(len(n) for n in names) == 6


def test_cohort_column_counts_dimensions_with_a_chosen_quick_win(personas, dims, django_assert_num_queries):
    QuickWinFactory(masterplan=personas.masterplan, chosen=True, dimension=dims["governance"])
    QuickWinFactory(masterplan=personas.masterplan, chosen=True, dimension=dims["governance"])
    QuickWinFactory(masterplan=personas.masterplan, chosen=True, dimension=dims["economy"])
    QuickWinFactory(masterplan=personas.masterplan, chosen=False, dimension=dims["society"])
    cohort = personas.masterplan.cohort
    for i in range(30):
        mp = MasterplanFactory(cohort=cohort, region=RegionFactory(code=f"73.{i + 10:03d}"))
        QuickWinFactory(masterplan=mp, chosen=True)
    with django_assert_num_queries(3):  # dimensions; chosen dimensions per masterplan; the cohort's ids
        values = contributions.cohort_chosen_per_dimension(Masterplan.objects.filter(cohort=cohort))
    assert values[personas.masterplan.pk] == f"2/{len(dims)}"
    assert sum(1 for v in values.values() if v == f"1/{len(dims)}") == 30
