"""Every write path of the plan reports its change (tests/writepaths.expect_report): each POST view, full page
and htmx, for every list kind. The guard test keeps the list complete: a new POST URL of the plan must be added
here."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.urls import reverse

from plan import urls
from plan.changes import sections_of
from plan.lists import KINDS
from plan.models import (
    Application,
    CouncilMember,
    DimensionStrategy,
    Gap,
    Goal,
    KeyFigure,
    LegalDocument,
    Mission,
    PlanSettings,
    Programme,
    ReadinessItem,
    RegionProfile,
    SwotEntry,
    SwotStrategy,
    Vision,
)
from review.models import SectionReview, State
from tests.writepaths import approve, expect_report

from . import url_rules
from .factories import BudgetLineFactory, IndicatorFactory, ProgrammeFactory, dimension

# Pages that only read (GET); every other URL name of the plan is a write path and must be a case below
READ_ONLY = {
    "overview",
    "profile",
    "readiness",
    "swot",
    "applications",
    "institutions",
    "vision",
    "strategies",
    "programmes",
    "programme_detail",
    "roadmap",
    "financing",
    "consistency",
}


def _row(kind, masterplan, opd, **extra):
    """A saved, valid row of the list `kind`."""
    governance = dimension()
    make = {
        "angka": lambda: KeyFigure(label="IPM", value="71,2", source="BPS", year=2023),
        "kesiapan": lambda: ReadinessItem(component="struktur", dimension=governance, name="SDM TIK", rating="sedang"),
        "swot": lambda: SwotEntry(dimension=governance, kind="S", text="Jaringan serat optik"),
        "strategi-swot": lambda: SwotStrategy(dimension=governance, kind="SO", text="Perluas layanan daring"),
        "kesenjangan": lambda: Gap(dimension=governance, current="Manual", expected="Daring"),
        "aplikasi": lambda: Application(name="E-Sakip", opd=opd, dimension=governance),
        "anggota": lambda: CouncilMember(body="dewan", name="Bupati", position="Bupati", role="Ketua"),
        "dokumen": lambda: LegalDocument(kind="sk_dewan", number="1/2024", year=2024, title="Dewan Smart City"),
        "misi": lambda: Mission(text="Pemerintahan yang melayani"),
        "strategi": lambda: DimensionStrategy(dimension=governance, text="Layanan terpadu"),
        "sasaran": lambda: Goal(
            strategy=DimensionStrategy.objects.create(masterplan=masterplan, dimension=governance, text="Strategi"),
            text="Layanan daring",
            indicator="Jumlah layanan",
            target="20",
        ),
    }[kind]
    row = make()
    row.masterplan = masterplan
    for name, value in extra.items():
        setattr(row, name, value)
    row.save()
    return row


def _data(form):
    """What a browser posts for `form` as it is rendered (values of its bound fields)."""
    data = {}
    for bound in form:
        value = bound.value()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[bound.html_name] = [str(getattr(v, "pk", v)) for v in value]
        elif isinstance(value, date):
            data[bound.html_name] = value.isoformat()
        else:
            data[bound.html_name] = str(getattr(value, "pk", value))
    return data


def _edit_data(kind, row, masterplan, prefix=""):
    return _data(kind.form(instance=row, masterplan=masterplan, prefix=prefix or None))


@dataclass
class Case:
    url_name: str
    run: object  # run(personas, client) -> response, does the write
    section_key: str
    actor: str = "coordinator"
    htmx: bool = False
    also: tuple = ()  # further sections the write reports to
    kind: str = ""  # the list kind of the item_* views

    @property
    def id(self):
        return "-".join(filter(None, [self.url_name, self.kind, "htmx" if self.htmx else ""]))


def _post(client, url, data, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(url, data, headers=headers)


def _item_add(kind_key, htmx):
    def run(p, client):
        kind = KINDS[kind_key]
        template = _row(kind_key, p.masterplan, p.opd)
        list_id = f"list-{kind_key}"
        data = {f"{list_id}-{k}": v for k, v in _edit_data(kind, template, p.masterplan).items() if k != "version"}
        template.delete()
        data.update(_list=list_id, _fixed="", next=reverse(kind.page, args=[p.masterplan.pk]))
        response = _post(client, reverse("plan:item_add", args=[p.masterplan.pk, kind_key]), data, htmx)
        assert kind.model.objects.filter(masterplan=p.masterplan).exists(), kind_key
        return response

    return run


def _item_edit(kind_key, htmx):
    def run(p, client):
        kind = KINDS[kind_key]
        row = _row(kind_key, p.masterplan, p.opd)
        data = _edit_data(kind, row, p.masterplan, prefix=f"edit-{kind_key}-{row.pk}")
        response = _post(client, reverse("plan:item_edit", args=[p.masterplan.pk, kind_key, row.pk]), data, htmx)
        row.refresh_from_db()
        assert row.version == 2, kind_key
        return response

    return run


def _item_delete(kind_key, htmx):
    def run(p, client):
        row = _row(kind_key, p.masterplan, p.opd)
        response = _post(client, reverse("plan:item_delete", args=[p.masterplan.pk, kind_key, row.pk]), {}, htmx)
        assert not type(row).objects.filter(pk=row.pk).exists()
        return response

    return run


def _item_move(kind_key, htmx):
    def run(p, client):
        first = _row(kind_key, p.masterplan, p.opd, order=1)
        second = _row(kind_key, p.masterplan, p.opd, order=2)
        if kind_key == "sasaran":  # goals are ordered within their strategy
            second.strategy = first.strategy
            second.save()
        url = reverse("plan:item_move", args=[p.masterplan.pk, kind_key, first.pk])
        response = _post(client, url, {"direction": "down"}, htmx)
        first.refresh_from_db()
        assert first.order == 2, kind_key
        return response

    return run


def _profile_edit(p, client):
    data = {"geography": "Pesisir", "economy": "Migas", "society": "Beragam"}
    response = client.post(reverse("plan:profile_edit", args=[p.masterplan.pk]), data)
    assert RegionProfile.objects.get(masterplan=p.masterplan).geography == "Pesisir"
    return response


def _vision_edit(p, client):
    response = client.post(reverse("plan:vision_edit", args=[p.masterplan.pk]), {"vision": "Cerdas", "direction": ""})
    assert Vision.objects.get(masterplan=p.masterplan).vision == "Cerdas"
    return response


def _settings(p, client):
    defaults = PlanSettings.defaults_for(p.masterplan)
    data = {"short_end_year": defaults.short_end_year + 1, "medium_end_year": defaults.medium_end_year}
    response = client.post(reverse("plan:settings", args=[p.masterplan.pk]), data)
    assert PlanSettings.objects.get(masterplan=p.masterplan).short_end_year == defaults.short_end_year + 1
    return response


def _programme_data(p, programme=None, **extra):
    return {
        "name": "Bank Sampah Digital",
        "dimension": dimension().pk,
        "kind": "programme",
        "lead_opd": p.opd.pk,
        "horizon": "medium",
        "start_year": 2023,
        "end_year": 2027,
        "priority": "high",
        **({"version": programme.version} if programme else {}),
        **extra,
    }


def _programme(p, **extra):
    return ProgrammeFactory(masterplan=p.masterplan, lead_opd=p.opd, **extra)


def _programme_add(p, client):
    response = client.post(reverse("plan:programme_add", args=[p.masterplan.pk]), _programme_data(p))
    assert Programme.objects.filter(masterplan=p.masterplan, name="Bank Sampah Digital").exists()
    return response


def _programme_edit(p, client):
    programme = _programme(p)
    url = reverse("plan:programme_edit", args=[p.masterplan.pk, programme.pk])
    response = client.post(url, _programme_data(p, programme))
    programme.refresh_from_db()
    assert programme.name == "Bank Sampah Digital"
    return response


def _programme_delete(p, client):
    programme = _programme(p)
    response = client.post(reverse("plan:programme_delete", args=[p.masterplan.pk, programme.pk]))
    assert not Programme.objects.filter(pk=programme.pk).exists()
    return response


def _programme_move(p, client):
    _first, second = _programme(p, order=1), _programme(p, order=2)
    response = client.post(reverse("plan:programme_move", args=[p.masterplan.pk, second.pk]), {"direction": "up"})
    second.refresh_from_db()
    assert second.order == 1
    return response


def _programme_budget(p, client):
    programme = _programme(p)
    BudgetLineFactory(programme=programme, year=2023, amount=5)
    url = reverse("plan:programme_budget", args=[p.masterplan.pk, programme.pk])
    response = client.post(url, {"version": programme.version, "b_2024_apbd": "7000000"})
    assert [(b.year, int(b.amount)) for b in programme.budget_lines.all()] == [(2024, 7_000_000)]
    return response


def _indicator_data():
    return {"name": "Layanan daring", "unit": "layanan", "baseline": "3", "target_2024": "5", "target_2027": "20"}


def _indicator_add(p, client):
    programme = _programme(p)
    response = client.post(reverse("plan:indicator_add", args=[p.masterplan.pk, programme.pk]), _indicator_data())
    indicator = programme.indicators.get()
    assert {t.year: t.value for t in indicator.targets.all()} == {2024: "5", 2027: "20"}
    return response


def _indicator_edit(p, client):
    programme = _programme(p)
    indicator = IndicatorFactory(programme=programme)
    url = reverse("plan:indicator_edit", args=[p.masterplan.pk, programme.pk, indicator.pk])
    response = client.post(url, {**_indicator_data(), "version": indicator.version})
    assert {t.year: t.value for t in indicator.targets.all()} == {2024: "5", 2027: "20"}
    return response


def _indicator_delete(p, client):
    programme = _programme(p)
    indicator = IndicatorFactory(programme=programme)
    response = client.post(reverse("plan:indicator_delete", args=[p.masterplan.pk, programme.pk, indicator.pk]))
    assert not programme.indicators.exists()
    return response


PROGRAMME = ("plan.programmes", ("plan.roadmap",))
CASES = [
    Case("profile_edit", _profile_edit, "book:analisis"),
    Case("vision_edit", _vision_edit, "plan.vision"),
    Case("settings", _settings, "plan.roadmap", also=("plan.programmes",)),
    Case("programme_add", _programme_add, *PROGRAMME[:1], actor="opd_member", also=PROGRAMME[1]),
    Case("programme_edit", _programme_edit, *PROGRAMME[:1], actor="opd_member", also=PROGRAMME[1]),
    Case("programme_delete", _programme_delete, *PROGRAMME[:1], actor="opd_member", also=PROGRAMME[1]),
    Case("programme_move", _programme_move, *PROGRAMME[:1], actor="opd_member", also=PROGRAMME[1]),
    Case("programme_budget", _programme_budget, "plan.programmes", actor="opd_member"),
    Case("indicator_add", _indicator_add, "plan.programmes", actor="opd_member"),
    Case("indicator_edit", _indicator_edit, "plan.programmes", actor="opd_member"),
    Case("indicator_delete", _indicator_delete, "plan.programmes", actor="opd_member"),
] + [
    Case(f"item_{action}", make(key, htmx), sections_of(kind.model)[0], htmx=htmx, kind=key)
    for key, kind in KINDS.items()
    for action, make in [("add", _item_add), ("edit", _item_edit), ("delete", _item_delete), ("move", _item_move)]
    for htmx in (False, True)
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_write_path_reports(personas, as_user, case):
    actor = getattr(personas, case.actor)
    notified = [personas.expert] + ([personas.coordinator] if actor != personas.coordinator else [])
    for key in case.also:
        approve(personas.masterplan, key)
    client = as_user(actor)
    with expect_report(personas.masterplan, case.section_key, notified=notified):
        response = case.run(personas, client)
    assert response.status_code in (200, 302), response.status_code
    for key in case.also:
        assert SectionReview.objects.get(masterplan=personas.masterplan, section_key=key).state == State.DRAFT, key


def test_the_cases_cover_every_post_url_of_the_plan():
    names = {p.name for p in urls.urlpatterns}
    assert names == {key.removeprefix("plan:") for key in url_rules.RULES}, (
        "a URL of the plan is not classified in tests/plan/url_rules.py"
    )
    assert READ_ONLY <= names
    assert {c.url_name for c in CASES} == names - READ_ONLY, "a POST URL of the plan has no write-path case"
    for action in ("add", "edit", "delete", "move"):
        covered = {(c.kind, c.htmx) for c in CASES if c.url_name == f"item_{action}"}
        assert covered == {(k, h) for k in KINDS for h in (False, True)}, action  # every list, with/without htmx


@pytest.mark.parametrize("name", sorted(READ_ONLY))
def test_read_only_pages_write_nothing_on_post(personas, as_user, name):
    """A page classified read-only does not change anything when posted to (so it needs no case)."""
    kwargs = url_rules.RULES[f"plan:{name}"].kwargs(personas)
    client = as_user(personas.coordinator)
    before = SectionReview.objects.count(), Programme.history.count(), ReadinessItem.history.count()
    client.post(reverse(f"plan:{name}", kwargs=kwargs), {"name": "x", "vision": "x"})
    assert (SectionReview.objects.count(), Programme.history.count(), ReadinessItem.history.count()) == before


def test_a_programme_linked_from_a_quick_win_reports_the_quick_wins_too(personas, as_user):
    from tests.quickwins.factories import QuickWinFactory

    programme = _programme(personas)
    quickwin = QuickWinFactory(masterplan=personas.masterplan)
    quickwin.plan_programmes.add(programme)
    approve(personas.masterplan, "plan.programmes")
    client = as_user(personas.opd_member)
    with expect_report(personas.masterplan, "quickwins.quickwins", notified=[personas.expert, personas.coordinator]):
        client.post(reverse("plan:programme_delete", args=[personas.masterplan.pk, programme.pk]))
    assert not quickwin.plan_programmes.exists()
