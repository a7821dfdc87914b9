"""Every write of the yearly evaluation: the programme admin's questionnaire, the region's self-assessment, the
ministry's result and the follow-ups of its recommendations.

Monev is not content of the masterplan's review: nothing here reports to review.changes. Every write runs in a
transaction, records its history (the user on every row) and checks the version the user saw, so a concurrent
edit is refused (monev.services.Conflict, both versions shown) instead of lost.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from masterplan.access import Access

from ..services import Conflict
from .models import (
    Answer,
    AnswerEvidence,
    AssessmentState,
    EvaluationYear,
    Finding,
    FindingKind,
    FollowUp,
    Part,
    PartSource,
    Question,
    Result,
    ResultScore,
    SelfAssessment,
)

# The five parts a new evaluation year starts with (Sleman's weights); the admin changes them per year.
DEFAULT_PARTS = [
    ("baseline", "Baseline", Decimal(10), PartSource.QUESTIONS),
    ("output", "Output", Decimal(20), PartSource.QUESTIONS),
    ("outcome", "Outcome", Decimal(30), PartSource.OUTCOME),
    ("impact", "Impact", Decimal(30), PartSource.QUESTIONS),
    ("quickwin", "Quick Win", Decimal(10), PartSource.QUICKWIN),
]
MAX_EVIDENCE_FILES = 10


def _save(instance, user):
    instance._history_user = user
    instance.save()
    return instance


def _require_admin(user):
    if not (user and user.is_authenticated and user.is_programme_admin):
        raise PermissionDenied(_("Hanya admin program yang mengatur evaluasi angkatan."))


def _locked(model, obj, expected_version):
    current = model.objects.select_for_update(of=("self",)).get(pk=obj.pk)
    if expected_version is not None and current.version != expected_version:
        raise Conflict(current=current)
    return current


# The programme admin's questionnaire ---------------------------------------------------------------------


@transaction.atomic
def create_evaluation_year(
    *, user, cohort, year: int, scale_min: Decimal, scale_max: Decimal, copy_from: EvaluationYear | None = None
) -> EvaluationYear:
    """A new evaluation year of a cohort with the five default parts, or the parts and questions of `copy_from`."""
    _require_admin(user)
    evaluation_year = EvaluationYear(cohort=cohort, year=year, scale_min=scale_min, scale_max=scale_max)
    evaluation_year.full_clean(exclude=["cohort"], validate_unique=False, validate_constraints=False)
    message = _("Evaluasi %(y)s untuk angkatan ini sudah ada.") % {"y": year}
    if EvaluationYear.objects.filter(cohort=cohort, year=year).exists():
        raise ValidationError({"year": message})
    try:
        with transaction.atomic():
            _save(evaluation_year, user)
    except IntegrityError:
        raise ValidationError({"year": message}) from None
    if copy_from is not None:
        questions = list(Question.objects.filter(part__evaluation_year=copy_from))
        for part in copy_from.parts.all():
            new = _save(
                Part(
                    evaluation_year=evaluation_year,
                    key=part.key,
                    name=part.name,
                    weight=part.weight,
                    source=part.source,
                    order=part.order,
                ),
                user,
            )
            copies = [
                Question(
                    part=new,
                    dimension_id=q.dimension_id,
                    element_id=q.element_id,
                    text=q.text,
                    guidance=q.guidance,
                    weight=q.weight,
                    order=q.order,
                )
                for q in questions
                if q.part_id == part.pk
            ]
            bulk_create_with_history(copies, Question, default_user=user)
    else:
        for order, (key, name, weight, source) in enumerate(DEFAULT_PARTS):
            _save(
                Part(evaluation_year=evaluation_year, key=key, name=name, weight=weight, source=source, order=order),
                user,
            )
    return evaluation_year


@transaction.atomic
def update_evaluation_year(
    *,
    user,
    evaluation_year: EvaluationYear,
    scale_min: Decimal,
    scale_max: Decimal,
    note: str,
    weights: dict,
    expected_version: int | None,
) -> EvaluationYear:
    """The scale, the note and every part's weight at once (`weights`: {part pk: percent}, summing to 100)."""
    _require_admin(user)
    current = _locked(EvaluationYear, evaluation_year, expected_version)
    if scale_max <= scale_min:
        raise ValidationError(_("Nilai tertinggi harus lebih besar dari nilai terendah."))
    parts = list(current.parts.all())
    if set(weights) != {p.pk for p in parts}:
        raise ValidationError(_("Isi bobot setiap bagian evaluasi."))
    total = sum(weights.values(), Decimal(0))
    if total != 100:
        raise ValidationError(_("Jumlah bobot kelima bagian harus 100 %%, sekarang %(t)s %%.") % {"t": total})
    outside = Answer.objects.filter(assessment__evaluation_year=current, score__isnull=False).exclude(
        score__gte=scale_min, score__lte=scale_max
    )
    if outside.exists():
        raise ValidationError(
            _("Ada %(n)s jawaban di luar skala %(a)s–%(b)s; skala tidak diubah.")
            % {"n": outside.count(), "a": scale_min, "b": scale_max}
        )
    current.scale_min, current.scale_max, current.note = scale_min, scale_max, note
    current.version += 1
    _save(current, user)
    for part in parts:
        if part.weight != weights[part.pk]:
            part.weight = weights[part.pk]
            part.version += 1
            _save(part, user)
    return current


@dataclass
class QuestionData:
    part: Part
    dimension: object
    element: object
    text: str
    guidance: str = ""
    weight: Decimal = Decimal(1)
    order: int = 0


@transaction.atomic
def save_question(
    *,
    user,
    evaluation_year: EvaluationYear,
    data: QuestionData,
    question: Question | None = None,
    expected_version=None,
) -> Question:
    _require_admin(user)
    if data.part.evaluation_year_id != evaluation_year.pk:
        raise ValidationError(_("Bagian ini bukan bagian dari evaluasi %(y)s.") % {"y": evaluation_year.year})
    if data.part.source != PartSource.QUESTIONS:
        raise ValidationError(_("Bagian %(p)s dihitung otomatis, tidak berisi pertanyaan.") % {"p": data.part.name})
    if question is None:
        question = Question()
    else:
        question = _locked(Question, question, expected_version)
        question.version += 1
    question.part = data.part
    question.dimension = data.dimension or (data.element.dimension if data.element else None)
    question.element = data.element
    question.text, question.guidance, question.weight, question.order = (
        data.text.strip(),
        data.guidance.strip(),
        data.weight,
        data.order,
    )
    question.full_clean()
    return _save(question, user)


@transaction.atomic
def delete_question(*, user, question: Question) -> None:
    """Refused once a region answered it (its answers and evidence are the region's)."""
    _require_admin(user)
    answered = Answer.objects.filter(question=question).exclude(score__isnull=True, note="").count()
    answered += AnswerEvidence.objects.filter(answer__question=question).count()
    if answered:
        raise ValidationError(_("Pertanyaan ini sudah dijawab daerah; tidak dapat dihapus."))
    question._history_user = user
    question.delete()


# The region's self-assessment ---------------------------------------------------------------------------


def _require_open(assessment):
    if assessment.is_locked:
        raise ValidationError(
            _("Penilaian mandiri %(y)s sudah diajukan; buka lagi dulu untuk mengubahnya.")
            % {"y": assessment.evaluation_year.year}
        )


@transaction.atomic
def start_assessment(*, access: Access, evaluation_year: EvaluationYear) -> SelfAssessment:
    """The coordinator starts the masterplan's self-assessment of the year: one answer row per question."""
    access.require(access.can_manage)
    masterplan = access.masterplan
    if evaluation_year.cohort_id != masterplan.cohort_id:
        raise PermissionDenied
    existing = SelfAssessment.objects.filter(masterplan=masterplan, evaluation_year=evaluation_year).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            assessment = _save(SelfAssessment(masterplan=masterplan, evaluation_year=evaluation_year), access.user)
    except IntegrityError:
        return SelfAssessment.objects.get(masterplan=masterplan, evaluation_year=evaluation_year)
    questions = Question.objects.filter(part__evaluation_year=evaluation_year).values_list("pk", flat=True)
    bulk_create_with_history(
        [Answer(assessment=assessment, question_id=pk) for pk in questions], Answer, default_user=access.user
    )
    return assessment


def _answer_row(assessment, question):
    answer = Answer.objects.select_for_update(of=("self",)).filter(assessment=assessment, question=question).first()
    if answer is None:
        try:
            with transaction.atomic():
                answer = Answer.objects.create(assessment=assessment, question=question)
        except IntegrityError:
            answer = Answer.objects.select_for_update(of=("self",)).get(assessment=assessment, question=question)
    return answer


@transaction.atomic
def assign_questions(*, access: Access, assessment: SelfAssessment, assignments: dict, expected_version) -> int:
    """Assign questions to OPDs of the region ({question: OPD or None}); returns how many changed."""
    access.require(access.can_manage)
    current = _locked(SelfAssessment, assessment, expected_version)
    _require_open(current)
    region_id = access.masterplan.region_id
    changed = 0
    for question, opd in assignments.items():
        if question.part.evaluation_year_id != current.evaluation_year_id:
            raise ValidationError(_("Pertanyaan ini bukan bagian dari evaluasi ini."))
        if opd is not None and opd.region_id != region_id:
            raise PermissionDenied
        answer = _answer_row(current, question)
        if answer.opd_id != (opd.pk if opd else None):
            answer.opd = opd
            answer.version += 1
            _save(answer, access.user)
            changed += 1
    current.version += 1
    _save(current, access.user)
    return changed


def answer_conflict_rows(current: Answer, score, note):
    pairs = [
        (_("Nilai"), "" if current.score is None else str(current.score), "" if score is None else str(score)),
        (_("Penjelasan"), current.note, note),
    ]
    return [(label, theirs, yours, theirs != yours) for label, theirs, yours in pairs]


@transaction.atomic
def save_answer(
    *,
    access: Access,
    assessment: SelfAssessment,
    question: Question,
    score: Decimal | None,
    note: str,
    expected_version: int | None,
    files: tuple = (),
) -> Answer:
    """The answer of one question, by the OPD it is assigned to (or the coordinator), with evidence files already
    validated by core.uploads.validate_upload ([(uploaded, kind)])."""
    SelfAssessment.objects.select_for_update(of=("self",)).filter(pk=assessment.pk).first()  # serialise with submit
    assessment.refresh_from_db(fields=["state", "version"])
    if question.part.evaluation_year_id != assessment.evaluation_year_id:
        raise ValidationError(_("Pertanyaan ini bukan bagian dari evaluasi ini."))
    if question.part.source != PartSource.QUESTIONS:
        raise ValidationError(_("Bagian ini dihitung otomatis."))
    answer = _answer_row(assessment, question)
    access.require_edit(answer)
    _require_open(assessment)
    evaluation_year = assessment.evaluation_year
    if score is not None and not evaluation_year.scale_min <= score <= evaluation_year.scale_max:
        raise ValidationError(
            _("Nilai %(v)s di luar skala %(a)s–%(b)s.")
            % {"v": score, "a": evaluation_year.scale_min, "b": evaluation_year.scale_max}
        )
    if len(files) + answer.evidence.count() > MAX_EVIDENCE_FILES:
        raise ValidationError(_("Paling banyak %(n)s berkas data dukung per pertanyaan.") % {"n": MAX_EVIDENCE_FILES})
    if expected_version is not None and answer.version != expected_version:
        raise Conflict(current=answer, rows=answer_conflict_rows(answer, score, note))
    answer.score, answer.note, answer.answered_by = score, note.strip(), access.user
    answer.version += 1
    answer.full_clean(exclude=["assessment", "question", "opd", "answered_by"], validate_constraints=False)
    _save(answer, access.user)
    for uploaded, kind in files:
        evidence = AnswerEvidence(
            answer=answer, kind=kind, original_name=PurePath(uploaded.name).name[:255], uploaded_by=access.user
        )
        evidence.file.save(uploaded.name, uploaded, save=False)
        _save(evidence, access.user)
    return answer


@transaction.atomic
def delete_answer_evidence(*, access: Access, evidence: AnswerEvidence) -> None:
    answer = evidence.answer
    access.require_edit(answer)
    _require_open(answer.assessment)
    stored = (evidence.file.storage, evidence.file.name)
    evidence._history_user = access.user
    evidence.delete()
    Answer.objects.filter(pk=answer.pk).update(version=F("version") + 1)
    transaction.on_commit(lambda: stored[0].delete(stored[1]))


@transaction.atomic
def submit_assessment(*, access: Access, assessment: SelfAssessment, expected_version) -> SelfAssessment:
    """The coordinator submits: the answers are locked and the index they imply is kept with the submission."""
    from .scoring import load_standing

    access.require(access.can_manage)
    current = _locked(SelfAssessment, assessment, expected_version)
    _require_open(current)
    standing = load_standing(access.masterplan, current.evaluation_year, assessment=current)
    current.state, current.submitted_at, current.submitted_by = AssessmentState.SUBMITTED, timezone.now(), access.user
    current.submitted_index = standing.index
    current.version += 1
    return _save(current, access.user)


@transaction.atomic
def reopen_assessment(*, access: Access, assessment: SelfAssessment, expected_version) -> SelfAssessment:
    access.require(access.can_manage)
    current = _locked(SelfAssessment, assessment, expected_version)
    if not current.is_locked:
        raise ValidationError(_("Penilaian mandiri ini masih terbuka."))
    current.state, current.submitted_at, current.submitted_by, current.submitted_index = (
        AssessmentState.OPEN,
        None,
        None,
        None,
    )
    current.version += 1
    return _save(current, access.user)


# The ministry's result and its follow-ups ---------------------------------------------------------------


@dataclass
class ResultData:
    index: Decimal
    letter_number: str = ""
    letter_date: datetime.date | None = None
    rank_province: int | None = None
    rank_national: int | None = None
    national_total: int | None = None
    part_scores: dict = field(default_factory=dict)  # {Part: Decimal or None}
    dimension_scores: dict = field(default_factory=dict)  # {Dimension: Decimal or None}
    strengths: list = field(default_factory=list)
    weaknesses: list = field(default_factory=list)


@transaction.atomic
def save_result(
    *, access: Access, evaluation_year: EvaluationYear, data: ResultData, expected_version: int | None
) -> Result:
    """Diskominfo records (or corrects) the result letter. Recommendations are added one by one
    (`add_recommendation`), since each becomes a follow-up."""
    access.require(access.can_manage)
    masterplan = access.masterplan
    if evaluation_year.cohort_id != masterplan.cohort_id:
        raise PermissionDenied
    result = (
        Result.objects.select_for_update(of=("self",))
        .filter(masterplan=masterplan, evaluation_year=evaluation_year)
        .first()
    )
    if result is None:
        if expected_version is not None:
            raise ValidationError(_("Hasil evaluasi ini sudah dihapus sejak Anda membukanya."))
        result = Result(masterplan=masterplan, evaluation_year=evaluation_year)
    elif result.version != (expected_version or 0):
        raise Conflict(current=result)
    else:
        result.version += 1
    for part in data.part_scores:
        if part.evaluation_year_id != evaluation_year.pk:
            raise ValidationError(_("Bagian ini bukan bagian dari evaluasi %(y)s.") % {"y": evaluation_year.year})
    high = evaluation_year.scale_max
    values = [data.index, *data.part_scores.values(), *data.dimension_scores.values()]
    if any(v is not None and not evaluation_year.scale_min <= v <= high for v in values):
        raise ValidationError(
            _("Indeks dan nilai harus di antara %(a)s dan %(b)s.") % {"a": evaluation_year.scale_min, "b": high}
        )
    if data.rank_national and data.national_total and data.rank_national > data.national_total:
        raise ValidationError(_("Peringkat nasional melebihi jumlah daerah yang dinilai."))
    result.index = data.index
    result.letter_number, result.letter_date = data.letter_number.strip(), data.letter_date
    result.rank_province, result.rank_national, result.national_total = (
        data.rank_province,
        data.rank_national,
        data.national_total,
    )
    result.recorded_by = access.user
    result.full_clean(exclude=["masterplan", "evaluation_year", "recorded_by"], validate_constraints=False)
    _save(result, access.user)
    _replace_scores(result, data, access.user)
    _replace_findings(result, FindingKind.STRENGTH, data.strengths, access.user)
    _replace_findings(result, FindingKind.WEAKNESS, data.weaknesses, access.user)
    return result


def _replace_scores(result, data, user):
    existing = {(s.part_id, s.dimension_id): s for s in result.scores.all()}
    wanted = {(p.pk, None): v for p, v in data.part_scores.items()}
    wanted.update({(None, d.pk): v for d, v in data.dimension_scores.items()})
    for key, value in wanted.items():
        row = existing.get(key)
        if value is None:
            if row is not None:
                row._history_user = user
                row.delete()
        elif row is None:
            _save(ResultScore(result=result, part_id=key[0], dimension_id=key[1], score=value), user)
        elif row.score != value:
            row.score = value
            _save(row, user)


def _replace_findings(result, kind, lines, user):
    lines = [line.strip() for line in lines if line.strip()]
    existing = list(result.findings.filter(kind=kind))
    for order, text in enumerate(lines):
        if order < len(existing):
            row = existing[order]
            if (row.text, row.order) != (text, order):
                row.text, row.order = text, order
                _save(row, user)
        else:
            _save(Finding(result=result, kind=kind, text=text, order=order), user)
    for row in existing[len(lines) :]:
        row._history_user = user
        row.delete()


def _bump(result, user):
    Result.objects.filter(pk=result.pk).update(version=F("version") + 1)
    result.version += 1


@transaction.atomic
def add_recommendation(*, access: Access, result: Result, text: str, opd, due_date) -> FollowUp:
    """One recommendation of the letter and its follow-up, owned by an OPD of the region."""
    access.require(access.can_manage)
    if result.masterplan_id != access.masterplan.pk or opd.region_id != access.masterplan.region_id:
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError(_("Tuliskan rekomendasinya."))
    order = result.findings.filter(kind=FindingKind.RECOMMENDATION).count()
    finding = _save(Finding(result=result, kind=FindingKind.RECOMMENDATION, text=text, order=order), access.user)
    followup = _save(FollowUp(masterplan=access.masterplan, finding=finding, opd=opd, due_date=due_date), access.user)
    _bump(result, access.user)
    return followup


@transaction.atomic
def update_followup(*, access: Access, followup: FollowUp, text: str, opd, due_date, expected_version) -> FollowUp:
    """The coordinator changes a recommendation's text, its OPD or its due date."""
    access.require(access.can_manage)
    if opd.region_id != access.masterplan.region_id:
        raise PermissionDenied
    current = _locked(FollowUp, followup, expected_version)
    text = text.strip()
    if not text:
        raise ValidationError(_("Tuliskan rekomendasinya."))
    finding = current.finding
    if finding.text != text:
        finding.text = text
        _save(finding, access.user)
    current.opd, current.due_date = opd, due_date
    current.version += 1
    return _save(current, access.user)


@transaction.atomic
def set_followup_done(*, access: Access, followup: FollowUp, done: bool, note: str, expected_version) -> FollowUp:
    """The owning OPD (or the coordinator) marks a follow-up done, with what was done, or open again."""
    access.require_edit(followup)
    current = _locked(FollowUp, followup, expected_version)
    current.done_at = (current.done_at or timezone.now()) if done else None
    current.done_note = note.strip()
    current.version += 1
    current.full_clean(exclude=["masterplan", "finding", "opd"], validate_constraints=False)
    return _save(current, access.user)


@transaction.atomic
def delete_recommendation(*, access: Access, followup: FollowUp) -> None:
    access.require(access.can_manage)
    finding = followup.finding
    result = finding.result
    for row in finding.followups.all():
        row._history_user = access.user
        row.delete()
    finding._history_user = access.user
    finding.delete()
    _bump(result, access.user)
