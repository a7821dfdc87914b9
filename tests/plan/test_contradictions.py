"""The consistency report's contradictions across the books, one test per kind, each with the page that fixes it;
and a final export refused (service and page, in Indonesian, listing them) while any is open. Drafts still go."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from books.models import ExportJob
from books.services import ExportRefused, request_export
from masterplan.models import Dimension, Element
from plan.consistency import blocking, check
from plan.models import LegalDocument, Programme, ProgrammeTarget
from rpjmd.models import RPJMD
from rpjmd.models import Program as RPJMDProgram
from tests.bimtek.factories import SessionFactory, StageFactory
from tests.quickwins.factories import QuickWinFactory

from .factories import ApplicationFactory, BudgetLineFactory, IndicatorFactory, ProgrammeFactory


@pytest.fixture
def complete(personas):
    """A plan with one complete programme in every dimension: no finding."""
    for d in Dimension.objects.all():
        p = ProgrammeFactory(masterplan=personas.masterplan, dimension=d, lead_opd=personas.opd)
        BudgetLineFactory(programme=p, year=2024)
    assert check(personas.masterplan) == []
    return personas.masterplan


def _only(masterplan, rule):
    findings = check(masterplan)
    assert [f.rule for f in findings] == [rule], [f.message for f in findings]
    assert findings[0].blocking
    return findings[0]


@pytest.fixture
def loose(complete, personas):
    """SIHARPA, a quick win linked to the programme named after it but not tied to it (its own copies)."""
    element = Element.objects.get(key="ekosistem-transaksi-keuangan")
    programme = ProgrammeFactory(
        masterplan=complete,
        name="SIHARPA: Sistem Informasi Harga Pasar",
        dimension=element.dimension,
        element=element,
        lead_opd=personas.opd,
    )
    BudgetLineFactory(programme=programme, year=2024, amount=300_000_000)
    quickwin = QuickWinFactory(
        masterplan=complete, short_name="SIHARPA", dimension=element.dimension, element=element, owner=personas.opd
    )
    quickwin.plan_programmes.add(programme)
    assert check(complete) == []
    return quickwin


def test_an_owner_that_differs_from_the_programmes_lead(loose, personas):
    loose.owners.update(opd=personas.other_opd)
    finding = _only(loose.masterplan, "owner_differs")
    assert "Dispar" in finding.message and "DLH" in finding.message
    assert finding.url == reverse("quickwins:edit", args=[loose.masterplan_id, loose.pk])


def test_an_owner_that_differs_from_the_application_inventory(complete, personas):
    QuickWinFactory(masterplan=complete, short_name="Call Center 112", owner=personas.opd)
    application = ApplicationFactory(masterplan=complete, name="Call Center 112", opd=personas.other_opd)
    finding = _only(complete, "owner_differs")
    assert "daftar aplikasi" in finding.message
    assert finding.url == reverse("plan:item_edit", args=[complete.pk, "aplikasi", application.pk])


def test_an_element_that_differs(loose):
    other = Element.objects.get(key="kesejahteraan-rakyat")
    type(loose).objects.filter(pk=loose.pk).update(element=other)
    finding = _only(loose.masterplan, "element_differs")
    assert "Kesejahteraan Rakyat" in finding.message and "Ekosistem Transaksi Keuangan" in finding.message


def test_a_budget_that_differs(loose):
    loose.budgets.create(year=2024, source="apbd", amount=95_000_000)
    finding = _only(loose.masterplan, "budget_differs")
    assert "95.000.000" in finding.message and "300.000.000" in finding.message
    assert finding.url == reverse("quickwins:details", args=[loose.masterplan_id, loose.pk])


def test_a_target_that_differs(loose):
    programme = loose.plan_programmes.get()
    indicator = IndicatorFactory(programme=programme, name="Pasar melaporkan harga", unit="pasar")
    ProgrammeTarget.objects.create(indicator=indicator, year=2024, value="6")
    loose.indicators.create(name="Pasar terhubung", unit="pasar", baseline="0", target="3")
    finding = _only(loose.masterplan, "target_differs")
    assert "3 pasar" in finding.message and "6 pasar" in finding.message


def test_tying_the_quickwin_to_its_programme_ends_the_contradictions(loose, personas):
    loose.owners.update(opd=personas.other_opd)
    loose.budgets.create(year=2024, source="apbd", amount=95_000_000)
    assert {f.rule for f in check(loose.masterplan)} == {"owner_differs", "budget_differs"}
    loose.programme = loose.plan_programmes.get()
    loose.save()
    assert check(loose.masterplan) == []


def test_an_rpjmd_code_that_is_not_in_the_mapping(complete, personas):
    rpjmd = RPJMD.objects.create(region=complete.region, start_year=2021, end_year=2026)
    unmapped = RPJMDProgram.objects.create(rpjmd=rpjmd, code="2.16.03", name="Program Aplikasi Informatika")
    Programme.objects.filter(masterplan=complete).first().rpjmd_programs.add(unmapped)
    finding = _only(complete, "rpjmd_code_unknown")
    assert "2.16.03" in finding.message
    assert finding.url == reverse("rpjmd:map_program", args=[complete.pk, unmapped.pk])


def test_an_rpjmd_code_of_another_rpjmd(complete, personas):
    elsewhere = RPJMD.objects.create(region=personas.other_masterplan.region, start_year=2021, end_year=2026)
    foreign = RPJMDProgram.objects.create(
        rpjmd=elsewhere, code="2.21.02", name="Program Lain", primary_dimension=Dimension.objects.first()
    )
    QuickWinFactory(masterplan=complete, owner=personas.opd).rpjmd_programs.add(foreign)
    finding = _only(complete, "rpjmd_code_unknown")
    assert "2.21.02" in finding.message and "tidak ada dalam RPJMD" in finding.message


def test_a_target_year_outside_the_plan(complete):
    programme = Programme.objects.filter(masterplan=complete).first()
    indicator = IndicatorFactory(programme=programme)
    ProgrammeTarget.objects.create(indicator=indicator, year=complete.end_year + 3, value="9")
    finding = _only(complete, "years_outside_plan")
    assert str(complete.end_year + 3) in finding.message
    assert finding.url == reverse("plan:indicator_edit", args=[complete.pk, programme.pk, indicator.pk])


def test_a_quickwin_budget_year_outside_the_plan(complete, personas):
    quickwin = QuickWinFactory(masterplan=complete, owner=personas.opd)
    quickwin.budgets.create(year=complete.start_year - 1, source="apbd", amount=5)
    finding = _only(complete, "years_outside_plan")
    assert str(complete.start_year - 1) in finding.message


def _session(masterplan, number, day):
    stage = StageFactory(masterplan=masterplan, number=number)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    return SessionFactory(stage=stage, masterplan=masterplan, title=f"Bimtek {number}", starts_at=starts)


def test_an_mou_dated_after_bimtek_one(complete):
    _session(complete, 1, datetime.date(2022, 6, 13))
    mou = LegalDocument.objects.create(
        masterplan=complete, kind="mou", number="B-1/2022", date=datetime.date(2022, 6, 14), year=2022, title="MoU"
    )
    finding = _only(complete, "dates_out_of_order")
    assert "14 Juni 2022" in finding.message and "13 Juni 2022" in finding.message
    assert finding.url == reverse("plan:item_edit", args=[complete.pk, "dokumen", mou.pk])
    LegalDocument.objects.filter(pk=mou.pk).update(date=datetime.date(2022, 6, 8))
    assert check(complete) == []


def test_a_commitment_signed_before_an_earlier_stage_ends(complete):
    from bimtek.models import Commitment

    _session(complete, 3, datetime.date(2022, 8, 30))
    Commitment.objects.create(masterplan=complete, text="Komitmen", signed_on=datetime.date(2022, 8, 1))
    finding = _only(complete, "dates_out_of_order")
    assert finding.url == reverse("bimtek:commitment", args=[complete.pk])


def test_a_book_edition_dated_before_the_last_bimtek_session(complete):
    from books.models import Edition

    _session(complete, 4, datetime.date(2022, 9, 21))
    edition = Edition.objects.create(masterplan=complete, book_key="masterplan", date=datetime.date(2022, 9, 1))
    finding = _only(complete, "dates_out_of_order")
    assert "1 September 2022" in finding.message and "21 September 2022" in finding.message
    assert finding.url == reverse("books:edition", args=[complete.pk, "masterplan"])
    Edition.objects.filter(pk=edition.pk).update(date=datetime.date(2022, 11, 18))
    assert check(complete) == []


def test_advice_does_not_block_a_final(complete):
    Programme.objects.filter(masterplan=complete).first().budget_lines.all().delete()
    assert [f.rule for f in check(complete)] == ["programme_without_budget"]
    assert blocking(check(complete)) == []


@pytest.fixture
def contradicted(loose, personas):
    loose.owners.update(opd=personas.other_opd)
    mp = loose.masterplan
    type(mp).objects.filter(pk=mp.pk).update(status=type(mp).Status.APPROVED)
    mp.refresh_from_db()
    return mp


def test_a_final_export_is_refused_while_a_contradiction_is_open(contradicted):
    with pytest.raises(ExportRefused) as refused:
        request_export(masterplan=contradicted, book_keys=["ringkasan"], variant=ExportJob.Variant.FINAL)
    message = str(refused.value)
    assert "Versi final belum dapat dibuat: 1 pertentangan" in message and "SIHARPA" in message
    assert not ExportJob.objects.filter(masterplan=contradicted).exists()
    # a draft can still be exported
    jobs = request_export(masterplan=contradicted, book_keys=["ringkasan"], variant=ExportJob.Variant.DRAFT)
    assert len(jobs) == 1


def test_the_books_page_refuses_the_final_and_names_the_contradiction(contradicted, personas, as_user):
    client = as_user(personas.coordinator)
    page = client.get(reverse("books:index", args=[contradicted.pk])).content.decode()
    assert "pertentangan antarbuku" in page and "menghalangi versi final" in page
    response = client.post(
        reverse("books:export", args=[contradicted.pk]), {"book": "ringkasan", "variant": "final"}, follow=True
    )
    assert "Versi final belum dapat dibuat" in response.content.decode()
    assert not ExportJob.objects.filter(masterplan=contradicted, variant="final").exists()
