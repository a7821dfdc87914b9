from tests.url_sweep import Rule


def _year(p):
    from .factories import ReportingYearFactory

    return ReportingYearFactory(masterplan=p.masterplan, year=2024)


def _mp(p):
    return {"mp": p.masterplan.pk}


def _y(p):
    return {"mp": p.masterplan.pk, "year": _year(p).year}


def _opd(p):
    return {**_y(p), "opd": p.opd.pk}


def _programme(p):
    from tests.plan.factories import ProgrammeFactory

    return {**_y(p), "pk": ProgrammeFactory(masterplan=p.masterplan, lead_opd=p.opd).pk}


def _quickwin(p):
    from tests.quickwins.factories import QuickWinFactory

    return {**_y(p), "pk": QuickWinFactory(masterplan=p.masterplan, owner=p.opd, chosen=True).pk}


def _evidence(p):
    from monev.models import Evidence, Report
    from tests.plan.factories import ProgrammeFactory

    report = Report.objects.create(
        reporting_year=_year(p), programme=ProgrammeFactory(masterplan=p.masterplan, lead_opd=p.opd), status="running"
    )
    evidence = Evidence.objects.create(report=report, file="x.pdf", kind="pdf", original_name="x.pdf")
    return {"mp": p.masterplan.pk, "pk": evidence.pk}


RULES = {
    "monev:index": Rule(_mp),
    "monev:year_open": Rule(_mp),
    "monev:evidence": Rule(_evidence),
    "monev:evidence_delete": Rule(_evidence),
    "monev:year": Rule(_y),
    "monev:year_close": Rule(_y),
    "monev:year_reopen": Rule(_y),
    "monev:year_transition": Rule(_y),
    "monev:opd_report": Rule(_opd),
    "monev:export": Rule(_opd),
    "monev:import": Rule(_opd),
    "monev:import_apply": Rule(_opd),
    "monev:report_programme": Rule(_programme),
    "monev:report_quickwin": Rule(_quickwin),
}


def _evaluation(p):
    from decimal import Decimal

    from masterplan.access import access_for
    from monev.evaluation import services
    from monev.evaluation.models import EvaluationYear

    evaluation_year = EvaluationYear.objects.filter(cohort=p.masterplan.cohort, year=2024).first()
    if evaluation_year is None:
        evaluation_year = services.create_evaluation_year(
            user=p.admin, cohort=p.masterplan.cohort, year=2024, scale_min=Decimal(0), scale_max=Decimal(5)
        )
    access = access_for(p.coordinator, p.masterplan)
    services.start_assessment(access=access, evaluation_year=evaluation_year)
    return evaluation_year


def _ey(p):
    _evaluation(p)
    return {"mp": p.masterplan.pk, "year": 2024}


def _question(p):
    from monev.evaluation import services

    evaluation_year = _evaluation(p)
    question = services.save_question(
        user=p.admin,
        evaluation_year=evaluation_year,
        data=services.QuestionData(
            part=evaluation_year.parts.get(key="output"), dimension=None, element=None, text="Apakah ada SK?"
        ),
    )
    return question


def _answer_kwargs(p):
    return {"mp": p.masterplan.pk, "year": 2024, "pk": _question(p).pk}


def _answer_evidence(p):
    from monev.evaluation.models import Answer, AnswerEvidence, SelfAssessment

    question = _question(p)
    assessment = SelfAssessment.objects.get(masterplan=p.masterplan)
    answer, _ = Answer.objects.get_or_create(assessment=assessment, question=question)
    evidence = AnswerEvidence.objects.create(answer=answer, file="x.pdf", kind="pdf", original_name="x.pdf")
    return {"mp": p.masterplan.pk, "pk": evidence.pk}


def _followup(p):
    from decimal import Decimal

    from monev.evaluation.models import Finding, FollowUp, Result

    result, _ = Result.objects.get_or_create(
        masterplan=p.masterplan, evaluation_year=_evaluation(p), defaults={"index": Decimal(3)}
    )
    finding = Finding.objects.create(result=result, kind="recommendation", text="Forum berkala")
    return {
        "mp": p.masterplan.pk,
        "pk": FollowUp.objects.create(masterplan=p.masterplan, finding=finding, opd=p.opd).pk,
    }


def _admin_year(p):
    return {"pk": _evaluation(p).pk}


def _admin_question(p):
    question = _question(p)
    return {"pk": question.part.evaluation_year_id, "question_pk": question.pk}


def _event(p):
    import datetime

    from monev.models import Sosialisasi

    event = Sosialisasi.objects.create(masterplan=p.masterplan, title="Sosialisasi", held_on=datetime.date(2024, 5, 1))
    return {"mp": p.masterplan.pk, "pk": event.pk}


def _photo(p):
    from monev.models import SosialisasiPhoto

    kwargs = _event(p)
    photo = SosialisasiPhoto.objects.create(event_id=kwargs["pk"], file="x.png", original_name="x.png")
    return {"mp": p.masterplan.pk, "pk": photo.pk}


RULES.update(
    {
        "monev:evaluation_index": Rule(_mp),
        "monev:evaluation_evidence": Rule(_answer_evidence),
        "monev:evaluation_evidence_delete": Rule(_answer_evidence),
        "monev:evaluation": Rule(_ey),
        "monev:evaluation_start": Rule(_ey),
        "monev:evaluation_assign": Rule(_ey),
        "monev:evaluation_answer": Rule(_answer_kwargs),
        "monev:evaluation_submit": Rule(_ey),
        "monev:evaluation_reopen": Rule(_ey),
        "monev:result": Rule(_ey),
        "monev:recommendation_add": Rule(_ey),
        "monev:followup": Rule(_followup),
        "monev:followup_delete": Rule(_followup),
        "monev:admin_years": Rule(scoped=False),
        "monev:admin_year": Rule(_admin_year, scoped=False),
        "monev:admin_question_add": Rule(_admin_year, scoped=False),
        "monev:admin_question": Rule(_admin_question, scoped=False),
        "monev:admin_question_delete": Rule(_admin_question, scoped=False),
        "monev:sosialisasi_list": Rule(_mp),
        "monev:sosialisasi_add": Rule(_mp),
        "monev:sosialisasi": Rule(_event),
        "monev:sosialisasi_edit": Rule(_event),
        "monev:sosialisasi_delete": Rule(_event),
        "monev:sosialisasi_photo_add": Rule(_event),
        "monev:sosialisasi_photo": Rule(_photo),
        "monev:sosialisasi_thumbnail": Rule(_photo),
        "monev:sosialisasi_photo_delete": Rule(_photo),
    }
)
