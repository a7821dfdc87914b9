"""Each consistency rule: a case that trips it and one that passes; every finding links to its fix."""

import pytest
from django.urls import reverse

from masterplan.models import Dimension
from plan.consistency import check
from plan.models import PlanSettings, Programme
from rpjmd.models import RPJMD
from rpjmd.models import Program as RPJMDProgram

from .factories import BudgetLineFactory, GoalFactory, ProgrammeFactory, StrategyFactory


def rules(masterplan):
    return [f.rule for f in check(masterplan)]


@pytest.fixture
def complete(personas):
    """A plan with one complete programme in every dimension."""
    for d in Dimension.objects.all():
        p = ProgrammeFactory(masterplan=personas.masterplan, dimension=d, lead_opd=personas.opd)
        BudgetLineFactory(programme=p, year=2024)
    return personas.masterplan


def test_a_complete_plan_has_no_findings(complete):
    assert check(complete) == []


def test_dimension_without_programme(complete):
    Programme.objects.filter(masterplan=complete, dimension__key="branding").delete()
    findings = check(complete)
    assert [f.rule for f in findings] == ["dimension_without_programme"]
    assert findings[0].url.endswith("?dimensi=branding")
    assert "Smart Branding" in findings[0].message


def test_programme_without_opd(complete):
    p = Programme.objects.filter(masterplan=complete).first()
    Programme.objects.filter(pk=p.pk).update(lead_opd=None)
    findings = check(complete)
    assert [f.rule for f in findings] == ["programme_without_opd"]
    assert findings[0].url == reverse("plan:programme_edit", args=[complete.pk, p.pk])


def test_programme_without_budget(complete):
    p = Programme.objects.filter(masterplan=complete).first()
    p.budget_lines.all().delete()
    findings = check(complete)
    assert [f.rule for f in findings] == ["programme_without_budget"]
    assert findings[0].url == reverse("plan:programme_budget", args=[complete.pk, p.pk])


def test_programme_without_years(complete):
    p = Programme.objects.filter(masterplan=complete).first()
    Programme.objects.filter(pk=p.pk).update(start_year=None, end_year=None)
    assert "programme_without_years" in rules(complete)


def test_years_outside_the_masterplan(complete):
    Programme.objects.filter(masterplan=complete).update(start_year=2020)
    assert set(rules(complete)) >= {"years_outside_horizon"}


def test_years_beyond_the_programmes_horizon(complete):
    PlanSettings.objects.create(masterplan=complete, short_end_year=2024, medium_end_year=2026)
    p = Programme.objects.filter(masterplan=complete).first()
    # six medium programmes 2023-2027, but the medium horizon ends in 2026
    assert rules(complete) == ["years_outside_horizon"] * 6
    Programme.objects.filter(masterplan=complete).update(end_year=2026)
    assert rules(complete) == []
    BudgetLineFactory(programme=p, year=2030)
    findings = check(complete)
    assert [f.rule for f in findings] == ["years_outside_horizon"]
    assert "anggaran tahun 2030" in findings[0].message


def test_strategy_without_goal(complete):
    strategy = StrategyFactory(masterplan=complete)
    findings = check(complete)
    assert [f.rule for f in findings] == ["strategy_without_goal"]
    assert findings[0].url.endswith(f"#strategi-{strategy.pk}")
    GoalFactory(masterplan=complete, strategy=strategy)
    assert check(complete) == []


def test_rpjmd_programme_mapped_but_unused(complete):
    rpjmd = RPJMD.objects.create(region=complete.region, start_year=2021, end_year=2026)
    governance = Dimension.objects.get(key="governance")
    mapped = RPJMDProgram.objects.create(
        rpjmd=rpjmd, code="2.16.02", name="Program Aplikasi Informatika", primary_dimension=governance
    )
    RPJMDProgram.objects.create(rpjmd=rpjmd, code="2.16.03", name="Program belum dipetakan")
    findings = check(complete)
    assert [f.rule for f in findings] == ["rpjmd_programme_unused"]
    assert findings[0].url.endswith(f"?dimensi=governance&rpjmd={mapped.pk}")
    Programme.objects.filter(masterplan=complete).first().rpjmd_programs.add(mapped)
    assert check(complete) == []


def test_rpjmd_link_of_another_masterplan_does_not_count(complete, personas):
    rpjmd = RPJMD.objects.create(region=complete.region, start_year=2021, end_year=2026)
    mapped = RPJMDProgram.objects.create(rpjmd=rpjmd, code="1", name="X", primary_dimension=Dimension.objects.first())
    other = ProgrammeFactory(masterplan=personas.other_masterplan)
    other.rpjmd_programs.add(mapped)
    assert rules(complete) == ["rpjmd_programme_unused"]


def test_fix_link_prefills_the_programme_form(complete, personas, as_user):
    rpjmd = RPJMD.objects.create(region=complete.region, start_year=2021, end_year=2026)
    mapped = RPJMDProgram.objects.create(
        rpjmd=rpjmd,
        code="2.16.02",
        name="Program Aplikasi Informatika",
        primary_dimension=Dimension.objects.get(key="governance"),
        opd=personas.opd,
    )
    url = check(complete)[0].url
    form = as_user(personas.coordinator).get(url).context["form"]
    assert form.initial["name"] == "Program Aplikasi Informatika"
    assert form.initial["rpjmd_programs"] == [mapped]
    assert form.initial["dimension"].key == "governance"


def test_check_runs_a_constant_number_of_queries(complete, django_assert_num_queries):
    for _ in range(20):
        ProgrammeFactory(masterplan=complete, lead_opd=None, start_year=None, end_year=None)
    # settings, programmes, their RPJMD programmes, budget years, dimensions, strategies without goals, RPJMD
    # (2: current, latest); the contradictions (plan.contradictions): quick wins (their
    # prefetches only when there are some), applications, targets outside the plan, sessions, MoUs, commitment
    with django_assert_num_queries(14):
        findings = check(complete)
    assert len(findings) >= 60
