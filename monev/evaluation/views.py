"""The region's pages of the yearly evaluation: the self-assessment, one question's answer, the OPD assignment,
the ministry's result and the follow-ups of its recommendations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.uploads import serve_file
from masterplan.access import get_masterplan_for_user
from masterplan.models import OPD, Dimension

from ..services import Conflict
from . import services
from .charts import result_charts
from .forms import AnswerForm, FollowUpDoneForm, RecommendationForm, ResultForm
from .models import AnswerEvidence, EvaluationYear, FindingKind, FollowUp, Question, Result, SelfAssessment
from .pages import load_evaluation, results_of


def _context(access, **extra):
    return {"access": access, "masterplan": access.masterplan, "active_tab": "monev", **extra}


def _errors(request, error):
    for message in error.messages if isinstance(error, ValidationError) else [str(error)]:
        messages.error(request, message)


def _version(request):
    try:
        return int(request.POST.get("version"))
    except (TypeError, ValueError):
        return None


def get_evaluation_for_user(request, mp, year, **required):
    """(access, evaluation year): 404 unless the user sees the masterplan and its cohort has that evaluation."""
    access = get_masterplan_for_user(request, mp, **required)
    evaluation_year = get_object_or_404(EvaluationYear, cohort_id=access.masterplan.cohort_id, year=year)
    return access, evaluation_year


def _assessment(access, evaluation_year):
    assessment = get_object_or_404(SelfAssessment, masterplan=access.masterplan, evaluation_year=evaluation_year)
    assessment.evaluation_year = evaluation_year
    return assessment


@login_required
def evaluation_index(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    years = list(EvaluationYear.objects.for_masterplan(masterplan).order_by("-year"))
    assessments = {a.evaluation_year_id: a for a in SelfAssessment.objects.filter(masterplan=masterplan)}
    results = results_of(masterplan)
    by_year = {r.evaluation_year_id: r for r in results}
    rows = [(y, assessments.get(y.pk), by_year.get(y.pk)) for y in years]
    charts = result_charts(results, list(Dimension.objects.all()), region=masterplan.region.name) if results else None
    followups = list(FollowUp.objects.filter(masterplan=masterplan).for_list())
    return render(
        request,
        "monev/evaluation/index.html",
        _context(access, rows=rows, charts=charts, followups=followups),
    )


@login_required
def evaluation(request, mp, year):
    """The self-assessment of a year: the index the answers imply, every part, every question and who answers it."""
    access, evaluation_year = get_evaluation_for_user(request, mp, year)
    page = load_evaluation(access.masterplan, evaluation_year)
    assessment = page["assessment"]
    return render(
        request,
        "monev/evaluation/assessment.html",
        _context(
            access,
            evaluation_year=evaluation_year,
            can_answer=assessment is not None and not assessment.is_locked and access.can_edit_content,
            **page,
        ),
    )


@login_required
@require_POST
def evaluation_start(request, mp, year):
    access, evaluation_year = get_evaluation_for_user(request, mp, year, manage=True)
    services.start_assessment(access=access, evaluation_year=evaluation_year)
    messages.success(request, _("Penilaian mandiri %(y)s dimulai.") % {"y": year})
    return redirect("monev:evaluation", mp=mp, year=year)


def _transition(request, mp, year, run, done):
    access, evaluation_year = get_evaluation_for_user(request, mp, year, manage=True)
    assessment = _assessment(access, evaluation_year)
    try:
        run(access=access, assessment=assessment, expected_version=_version(request))
    except Conflict:
        messages.error(request, _("Penilaian ini sudah diubah orang lain sejak Anda membukanya; periksa lagi."))
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, done)
    return redirect("monev:evaluation", mp=mp, year=year)


@login_required
@require_POST
def evaluation_submit(request, mp, year):
    done = _("Penilaian mandiri %(y)s diajukan; jawaban dikunci.") % {"y": year}
    return _transition(request, mp, year, services.submit_assessment, done)


@login_required
@require_POST
def evaluation_reopen(request, mp, year):
    done = _("Penilaian mandiri %(y)s dibuka lagi.") % {"y": year}
    return _transition(request, mp, year, services.reopen_assessment, done)


@login_required
def evaluation_assign(request, mp, year):
    """The coordinator assigns each question to an OPD of the region (GET shows the table, POST saves it)."""
    access, evaluation_year = get_evaluation_for_user(request, mp, year, manage=True)
    assessment = _assessment(access, evaluation_year)
    page = load_evaluation(access.masterplan, evaluation_year)
    opds = list(OPD.objects.filter(region_id=access.masterplan.region_id).order_by("acronym"))
    if request.method == "POST":
        by_pk = {o.pk: o for o in opds}
        assignments, bad = {}, []
        for block in page["blocks"]:
            if block.part.source != "questions":
                continue
            for row in block.rows:
                raw = request.POST.get(f"opd_{row.question.pk}")
                if raw is None:
                    continue
                if raw == "":
                    assignments[row.question] = None
                elif raw.isdigit() and int(raw) in by_pk:
                    assignments[row.question] = by_pk[int(raw)]
                else:
                    bad.append(row.question)
        if bad:
            messages.error(request, _("OPD untuk pertanyaan “%(q)s” tidak dikenal.") % {"q": bad[0].text[:80]})
        else:
            try:
                changed = services.assign_questions(
                    access=access, assessment=assessment, assignments=assignments, expected_version=_version(request)
                )
            except Conflict:
                messages.error(request, _("Penugasan sudah diubah orang lain sejak Anda membukanya; periksa lagi."))
            except ValidationError as error:
                _errors(request, error)
            else:
                messages.success(request, _("%(n)s penugasan diubah.") % {"n": changed})
                return redirect("monev:evaluation", mp=mp, year=year)
    # One list of options for every question's select (120 questions x 120 OPDs took 260 ms of CPU as a template
    # loop); each row marks its own OPD selected.
    options = format_html_join("", '<option value="{}">{}</option>', ((o.pk, o.acronym) for o in opds))
    for block in page["blocks"]:
        for row in block.rows:
            chosen = row.answer.opd_id if row.answer else None
            row.options = (
                mark_safe(options.replace(f'<option value="{chosen}">', f'<option value="{chosen}" selected>', 1))
                if chosen
                else options
            )
    return render(request, "monev/evaluation/assign.html", _context(access, evaluation_year=evaluation_year, **page))


@login_required
def evaluation_answer(request, mp, year, pk):
    access, evaluation_year = get_evaluation_for_user(request, mp, year, write=request.method == "POST")
    assessment = _assessment(access, evaluation_year)
    question = get_object_or_404(
        Question.objects.select_related("part", "dimension", "element"), pk=pk, part__evaluation_year=evaluation_year
    )
    answer = assessment.answers.select_related("opd", "answered_by").filter(question=question).first()
    if answer is not None:
        answer.assessment = assessment
    if request.method == "POST" and (answer is None or not access.can_edit(answer)):
        access.require_edit(answer)  # 403 for another OPD's question
    can_write = (
        answer is not None
        and access.can_edit(answer)
        and not assessment.is_locked
        and question.part.source == "questions"
    )
    form = AnswerForm(request.POST or None, request.FILES or None, evaluation_year=evaluation_year, answer=answer)
    conflict, status = None, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.save_answer(
                    access=access,
                    assessment=assessment,
                    question=question,
                    score=form.cleaned_data["score"],
                    note=form.cleaned_data["note"],
                    expected_version=form.cleaned_data["version"],
                    files=form.cleaned_data["files"],
                )
            except Conflict as error:
                conflict, status = error, 409
                form.data = form.data.copy()
                form.data["version"] = error.current.version
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Jawaban disimpan."))
                return redirect(reverse("monev:evaluation", args=[mp, year]) + f"#q-{question.pk}")
    return render(
        request,
        "monev/evaluation/answer.html",
        _context(
            access,
            evaluation_year=evaluation_year,
            assessment=assessment,
            question=question,
            answer=answer,
            evidence=list(answer.evidence.all()) if answer else [],
            form=form,
            can_write=can_write,
            conflict=conflict,
        ),
        status=status,
    )


def _evidence_for_user(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    evidence = get_object_or_404(
        AnswerEvidence.objects.select_related("answer__assessment__evaluation_year", "answer__question"),
        pk=pk,
        answer__assessment__masterplan=access.masterplan,
    )
    return access, evidence


@login_required
def evaluation_evidence(request, mp, pk):
    _access, evidence = _evidence_for_user(request, mp, pk)
    return serve_file(evidence.file, evidence.original_name)


@login_required
@require_POST
def evaluation_evidence_delete(request, mp, pk):
    access, evidence = _evidence_for_user(request, mp, pk)
    access.require_edit(evidence)
    answer = evidence.answer
    try:
        services.delete_answer_evidence(access=access, evidence=evidence)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Berkas %(n)s dihapus.") % {"n": evidence.original_name})
    return redirect(
        "monev:evaluation_answer", mp=mp, year=answer.assessment.evaluation_year.year, pk=answer.question_id
    )


# The ministry's result -----------------------------------------------------------------------------------


@login_required
def result(request, mp, year):
    access, evaluation_year = get_evaluation_for_user(request, mp, year, manage=request.method == "POST")
    current = (
        Result.objects.filter(masterplan=access.masterplan, evaluation_year=evaluation_year)
        .prefetch_related("scores", "findings__followups__opd")
        .first()
    )
    form = (
        ResultForm(request.POST or None, evaluation_year=evaluation_year, result=current) if access.can_manage else None
    )
    conflict, status = None, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.save_result(
                    access=access,
                    evaluation_year=evaluation_year,
                    data=form.data_for_service(),
                    expected_version=form.cleaned_data["version"],
                )
            except Conflict as error:
                conflict, status = error, 409
                form.data = form.data.copy()
                form.data["version"] = error.current.version
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Hasil evaluasi %(y)s disimpan.") % {"y": year})
                return redirect("monev:result", mp=mp, year=year)
    recommendations = [f for f in current.findings.all() if f.kind == FindingKind.RECOMMENDATION] if current else []
    return render(
        request,
        "monev/evaluation/result.html",
        _context(
            access,
            evaluation_year=evaluation_year,
            result=current,
            form=form,
            conflict=conflict,
            recommendations=recommendations,
            recommendation_form=RecommendationForm(masterplan=access.masterplan)
            if access.can_manage and current
            else None,
        ),
        status=status,
    )


@login_required
@require_POST
def recommendation_add(request, mp, year):
    access, evaluation_year = get_evaluation_for_user(request, mp, year, manage=True)
    current = get_object_or_404(Result, masterplan=access.masterplan, evaluation_year=evaluation_year)
    form = RecommendationForm(request.POST, masterplan=access.masterplan)
    if form.is_valid():
        try:
            services.add_recommendation(
                access=access,
                result=current,
                text=form.cleaned_data["text"],
                opd=form.cleaned_data["opd"],
                due_date=form.cleaned_data["due_date"],
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Rekomendasi dan tindak lanjutnya ditambahkan."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for message in errors:
                messages.error(request, f"{label}: {message}" if label else message)
    return redirect("monev:result", mp=mp, year=year)


# Follow-ups ----------------------------------------------------------------------------------------------


def _followup_for_user(request, mp, pk, **required):
    access = get_masterplan_for_user(request, mp, **required)
    followup = get_object_or_404(
        FollowUp.objects.select_related("opd", "finding__result__evaluation_year"), pk=pk, masterplan=access.masterplan
    )
    return access, followup


@login_required
def followup(request, mp, pk):
    """A follow-up: its OPD marks it done with what was done; the coordinator also changes text, OPD, due date."""
    access, item = _followup_for_user(request, mp, pk, write=request.method == "POST")
    action = request.POST.get("action", "done")
    done_form = FollowUpDoneForm(request.POST if action == "done" else None, followup=item)
    edit_form = (
        RecommendationForm(request.POST if action == "edit" else None, masterplan=access.masterplan, followup=item)
        if access.can_manage
        else None
    )
    conflict, status = None, 200
    if request.method == "POST":
        status = 400
        form = done_form if action == "done" else edit_form
        if form is None:
            access.require(False)
        if action == "done":
            access.require_edit(item)
        if form.is_valid():
            try:
                if action == "done":
                    services.set_followup_done(
                        access=access,
                        followup=item,
                        done=form.cleaned_data["done"],
                        note=form.cleaned_data["done_note"],
                        expected_version=form.cleaned_data["version"],
                    )
                else:
                    services.update_followup(
                        access=access,
                        followup=item,
                        text=form.cleaned_data["text"],
                        opd=form.cleaned_data["opd"],
                        due_date=form.cleaned_data["due_date"],
                        expected_version=form.cleaned_data["version"],
                    )
            except Conflict as error:
                conflict, status = error, 409
                form.data = form.data.copy()
                form.data["version"] = error.current.version
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Tindak lanjut disimpan."))
                return redirect("monev:evaluation_index", mp=mp)
    return render(
        request,
        "monev/evaluation/followup.html",
        _context(
            access,
            followup=item,
            done_form=done_form if access.can_edit(item) else None,
            edit_form=edit_form,
            conflict=conflict,
        ),
        status=status,
    )


@login_required
@require_POST
def followup_delete(request, mp, pk):
    access, item = _followup_for_user(request, mp, pk, manage=True)
    year = item.finding.result.evaluation_year.year
    services.delete_recommendation(access=access, followup=item)
    messages.success(request, _("Rekomendasi dan tindak lanjutnya dihapus."))
    return redirect("monev:result", mp=mp, year=year)
