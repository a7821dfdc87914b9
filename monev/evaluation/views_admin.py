"""The programme admin's pages: the evaluation years of each cohort, their scale, weights and questions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..services import Conflict
from . import services
from .forms import EvaluationYearCreateForm, EvaluationYearForm, QuestionForm
from .models import EvaluationYear, Question


def _require_admin(request):
    if not request.user.is_programme_admin:
        raise PermissionDenied(_("Hanya admin program yang mengatur evaluasi angkatan."))


@login_required
def years(request):
    _require_admin(request)
    form = EvaluationYearCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        try:
            created = services.create_evaluation_year(
                user=request.user,
                cohort=c["cohort"],
                year=c["year"],
                scale_min=c["scale_min"],
                scale_max=c["scale_max"],
                copy_from=c["copy_from"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Evaluasi %(y)s dibuat.") % {"y": created.year})
            return redirect("monev:admin_year", pk=created.pk)
    rows = EvaluationYear.objects.select_related("cohort").prefetch_related("parts").order_by("-year", "cohort__year")
    return render(request, "monev/evaluation/admin_years.html", {"form": form, "rows": rows})


def _year_page(request, evaluation_year, *, form=None, question_form=None, conflict=None, status=200):
    questions = Question.objects.filter(part__evaluation_year=evaluation_year).select_related(
        "part", "dimension", "element"
    )
    return render(
        request,
        "monev/evaluation/admin_year.html",
        {
            "evaluation_year": evaluation_year,
            "form": form or EvaluationYearForm(evaluation_year=evaluation_year),
            "question_form": question_form or QuestionForm(evaluation_year=evaluation_year),
            "questions": questions,
            "conflict": conflict,
        },
        status=status,
    )


@login_required
def year(request, pk):
    _require_admin(request)
    evaluation_year = get_object_or_404(EvaluationYear.objects.select_related("cohort"), pk=pk)
    if request.method != "POST":
        return _year_page(request, evaluation_year)
    form = EvaluationYearForm(request.POST, evaluation_year=evaluation_year)
    if form.is_valid():
        try:
            services.update_evaluation_year(
                user=request.user,
                evaluation_year=evaluation_year,
                scale_min=form.cleaned_data["scale_min"],
                scale_max=form.cleaned_data["scale_max"],
                note=form.cleaned_data["note"],
                weights=form.weights(),
                expected_version=form.cleaned_data["version"],
            )
        except Conflict as error:
            form.add_error(None, error.message)
            return _year_page(request, evaluation_year, form=form, status=409)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Skala dan bobot disimpan."))
            return redirect("monev:admin_year", pk=pk)
    return _year_page(request, evaluation_year, form=form, status=400)


def _question_data(form):
    c = form.cleaned_data
    return services.QuestionData(
        part=c["part"],
        dimension=c["dimension"],
        element=c["element"],
        text=c["text"],
        guidance=c["guidance"],
        weight=c["weight"],
        order=c["order"],
    )


@login_required
@require_POST
def question_add(request, pk):
    _require_admin(request)
    evaluation_year = get_object_or_404(EvaluationYear.objects.select_related("cohort"), pk=pk)
    form = QuestionForm(request.POST, evaluation_year=evaluation_year)
    if form.is_valid():
        try:
            services.save_question(user=request.user, evaluation_year=evaluation_year, data=_question_data(form))
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Pertanyaan ditambahkan."))
            return redirect("monev:admin_year", pk=pk)
    return _year_page(request, evaluation_year, question_form=form, status=400)


@login_required
def question(request, pk, question_pk):
    _require_admin(request)
    evaluation_year = get_object_or_404(EvaluationYear.objects.select_related("cohort"), pk=pk)
    item = get_object_or_404(Question, pk=question_pk, part__evaluation_year=evaluation_year)
    form = QuestionForm(request.POST or None, evaluation_year=evaluation_year, question=item)
    conflict, status = None, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.save_question(
                    user=request.user,
                    evaluation_year=evaluation_year,
                    data=_question_data(form),
                    question=item,
                    expected_version=form.cleaned_data["version"],
                )
            except Conflict as error:
                conflict, status = error, 409
                form.add_error(None, error.message)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Pertanyaan disimpan."))
                return redirect("monev:admin_year", pk=pk)
    return render(
        request,
        "monev/evaluation/admin_question.html",
        {"evaluation_year": evaluation_year, "question": item, "form": form, "conflict": conflict},
        status=status,
    )


@login_required
@require_POST
def question_delete(request, pk, question_pk):
    _require_admin(request)
    item = get_object_or_404(Question, pk=question_pk, part__evaluation_year_id=pk)
    try:
        services.delete_question(user=request.user, question=item)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Pertanyaan dihapus."))
    return redirect("monev:admin_year", pk=pk)
