"""Fixtures of the evaluation tests: the cohort's evaluation 2024 (scale 0-5, Sleman's weights) with three
questions, one of DLH, one of Dispar, one of the coordinator, and a started self-assessment."""

from decimal import Decimal

import pytest

from masterplan.access import access_for
from masterplan.models import Dimension
from monev.evaluation import services
from monev.evaluation.models import Question


@pytest.fixture
def evaluation_year(personas):
    evaluation_year = services.create_evaluation_year(
        user=personas.admin,
        cohort=personas.masterplan.cohort,
        year=2024,
        scale_min=Decimal(0),
        scale_max=Decimal(5),
    )
    parts = {p.key: p for p in evaluation_year.parts.all()}
    environment = Dimension.objects.get(key="environment")
    branding = Dimension.objects.get(key="branding")
    for key, dimension, text in [
        ("output", environment, "Apakah bank sampah didukung kebijakan daerah?"),
        ("output", branding, "Apakah ada pedoman branding daerah?"),
        ("impact", None, "Apakah survei kepuasan warga sudah dilakukan?"),
    ]:
        services.save_question(
            user=personas.admin,
            evaluation_year=evaluation_year,
            data=services.QuestionData(part=parts[key], dimension=dimension, element=None, text=text),
        )
    return evaluation_year


@pytest.fixture
def questions(evaluation_year):
    return list(Question.objects.filter(part__evaluation_year=evaluation_year).order_by("pk"))


@pytest.fixture
def assessment(personas, evaluation_year, questions):
    """Started; question 0 assigned to DLH, question 1 to Dispar, question 2 left to the coordinator."""
    access = access_for(personas.coordinator, personas.masterplan)
    assessment = services.start_assessment(access=access, evaluation_year=evaluation_year)
    services.assign_questions(
        access=access,
        assessment=assessment,
        assignments={questions[0]: personas.opd, questions[1]: personas.other_opd},
        expected_version=assessment.version,
    )
    assessment.refresh_from_db()
    return assessment


def coordinator_access(personas):
    return access_for(personas.coordinator, personas.masterplan)
