"""Demo evaluation of Kabupaten Penajam Paser Utara: the cohort's questionnaire of 2023 and 2024 (demo questions,
Sleman's weights), a submitted self-assessment 2024 with evidence, and the result letters of 2023 and 2024 (so
the year-on-year charts have two years), the 2024 letter's recommendations turned into OPD follow-ups. Every
figure is invented and marked as demo data. Idempotent: what exists is left as it is."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from masterplan.access import access_for
from masterplan.models import Dimension, Element

from . import services
from .models import AnswerEvidence, EvaluationYear, Question, Result, SelfAssessment

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

# part key, dimension key, element key, text, evidence asked, OPD acronym, demo score
QUESTIONS = [
    (
        "baseline",
        "",
        "",
        "Apakah ada perubahan kesiapan (struktur, infrastruktur, suprastruktur) sejak evaluasi tahun lalu?",
        "Ringkasan perubahan dan datanya",
        "Diskominfo",
        3,
    ),
    (
        "baseline",
        "governance",
        "layanan-publik",
        "Berapa layanan publik yang sudah dapat diakses secara daring?",
        "Daftar layanan dan tautannya",
        "Diskominfo",
        4,
    ),
    (
        "output",
        "",
        "",
        "Apakah masterplan smart city sudah ditetapkan dengan peraturan kepala daerah?",
        "Perbup penetapan masterplan",
        "Bag. Organisasi",
        4,
    ),
    (
        "output",
        "",
        "",
        "Apakah Dewan Smart City dan Tim Pelaksana sudah ditetapkan dengan SK dan bersidang secara berkala?",
        "SK dan notulen forum",
        "Diskominfo",
        2,
    ),
    (
        "output",
        "",
        "",
        "Apakah program smart city dianggarkan dalam APBD tahun berjalan?",
        "Kutipan DPA per OPD",
        "BKAD",
        3,
    ),
    (
        "output",
        "governance",
        "",
        "Apakah tersedia inventaris aplikasi daerah yang mutakhir?",
        "Inventaris aplikasi",
        "Diskominfo",
        3,
    ),
    ("output", "branding", "", "Apakah ada pedoman branding daerah yang dipakai OPD?", "Pedoman branding", "Dispar", 3),
    (
        "output",
        "economy",
        "",
        "Apakah ada regulasi yang mendukung ekosistem transaksi non-tunai?",
        "Peraturan dan SK",
        "Disperindag",
        3,
    ),
    (
        "output",
        "living",
        "",
        "Apakah layanan kesehatan dan mobilitas warga sudah terintegrasi secara digital?",
        "Dokumentasi layanan",
        "Dinkes",
        3,
    ),
    (
        "output",
        "society",
        "",
        "Apakah ada program literasi digital bagi komunitas dan sekolah?",
        "Laporan kegiatan",
        "Disdikbud",
        4,
    ),
    (
        "output",
        "environment",
        "",
        "Apakah pengelolaan sampah berbasis bank sampah didukung kebijakan daerah?",
        "SK dan data bank sampah",
        "DLH",
        4,
    ),
    (
        "impact",
        "",
        "",
        "Apakah survei kepuasan warga (paling sedikit 50 responden per program) sudah dilakukan?",
        "Kuesioner dan rekap survei",
        "Bappelitbang",
        2,
    ),
    (
        "impact",
        "environment",
        "",
        "Seberapa besar warga merasakan manfaat program lingkungan?",
        "Rekap survei",
        "DLH",
        3,
    ),
]

# (year, index, rank in province, national rank, of, part scores, dimension scores)
RESULTS = {
    2023: (
        "B-118/DJAI/2023",
        "2,98",
        4,
        57,
        100,
        {"baseline": "3,10", "output": "2,95", "outcome": "3,00", "impact": "2,70", "quickwin": "3,30"},
        {
            "governance": "2,75",
            "branding": "2,50",
            "economy": "3,00",
            "living": "3,25",
            "society": "3,00",
            "environment": "3,25",
        },
    ),
    2024: (
        "B-204/DJAI/2024",
        "3,21",
        3,
        41,
        100,
        {"baseline": "3,40", "output": "3,15", "outcome": "3,20", "impact": "2,95", "quickwin": "3,55"},
        {
            "governance": "3,00",
            "branding": "2,75",
            "economy": "3,25",
            "living": "3,50",
            "society": "3,33",
            "environment": "3,50",
        },
    ),
}
STRENGTHS = [
    "Komitmen kepala daerah tinggi; masterplan sudah ditetapkan dengan Perbup.",
    "Quick win Serbu Gass dan Call Center 112 berjalan dan dirasakan warga.",
]
WEAKNESSES = [
    "Jawaban kuesioner belum disertai dengan data dukung yang valid dan lengkap.",
    "Survei dampak belum memenuhi jumlah responden minimal.",
]
RECOMMENDATIONS = [
    (
        "Jawaban kuesioner belum disertai dengan data dukung yang valid dan lengkap: lengkapi data dukung setiap jawaban.",
        "Diskominfo",
        90,
    ),
    (
        "Forum Smart City belum dilaksanakan secara berkala: jadwalkan forum Dewan Smart City setiap triwulan.",
        "Bappelitbang",
        120,
    ),
    ("Laksanakan survei kepuasan warga paling sedikit 50 responden per program yang disurvei.", "DLH", 150),
]


def _d(text):
    return Decimal(text.replace(",", "."))


def populate(demo):
    masterplan = demo.masterplan
    users = demo.users
    admin = users["admin"]
    years = {}
    for number in (2023, 2024):
        evaluation_year = EvaluationYear.objects.filter(cohort=masterplan.cohort, year=number).first()
        if evaluation_year is None:
            evaluation_year = services.create_evaluation_year(
                user=admin,
                cohort=masterplan.cohort,
                year=number,
                scale_min=Decimal(0),
                scale_max=Decimal(5),
                copy_from=years.get(2023),
            )
            evaluation_year.note = "[Data demo] Kuesioner contoh; bobot Sleman 10/20/30/30/10 %."
            evaluation_year._history_user = admin
            evaluation_year.save()
            if number == 2023:
                _questions(evaluation_year, admin)
        years[number] = evaluation_year
    access = access_for(users["coordinator"], masterplan)
    created = []
    if not SelfAssessment.objects.filter(masterplan=masterplan, evaluation_year=years[2024]).exists():
        _assessment(access, years[2024], demo)
        created.append("penilaian mandiri 2024")
    for number, evaluation_year in years.items():
        if not Result.objects.filter(masterplan=masterplan, evaluation_year=evaluation_year).exists():
            _result(access, evaluation_year, RESULTS[number], demo, with_recommendations=number == 2024)
            created.append(f"hasil {number}")
    demo.say(f"Evaluasi: {', '.join(created) or 'tidak ada yang baru'} (data demo).")


def _questions(evaluation_year, admin):
    parts = {p.key: p for p in evaluation_year.parts.all()}
    dimensions = {d.key: d for d in Dimension.objects.all()}
    elements = {e.key: e for e in Element.objects.all()}
    for order, (part, dim, element, text, guidance, _opd, _score) in enumerate(QUESTIONS):
        services.save_question(
            user=admin,
            evaluation_year=evaluation_year,
            data=services.QuestionData(
                part=parts[part],
                dimension=dimensions.get(dim),
                element=elements.get(element),
                text=text,
                guidance=guidance,
                order=order,
            ),
        )


def _assessment(access, evaluation_year, demo):
    assessment = services.start_assessment(access=access, evaluation_year=evaluation_year)
    assessment.is_demo = True
    assessment._history_user = access.user
    assessment.save()
    by_text = {q.text: q for q in Question.objects.filter(part__evaluation_year=evaluation_year)}
    assignments = {by_text[text]: demo.opds.get(opd) for _p, _d2, _e, text, _g, opd, _s in QUESTIONS if text in by_text}
    services.assign_questions(
        access=access, assessment=assessment, assignments=assignments, expected_version=assessment.version
    )
    for index, (_p, _d2, _e, text, _g, _opd, score) in enumerate(QUESTIONS):
        question = by_text.get(text)
        if question is None:
            continue
        answer = services.save_answer(
            access=access,
            assessment=assessment,
            question=question,
            score=Decimal(score),
            note="[Data demo] Jawaban contoh berdasarkan dokumen daerah.",
            expected_version=None,
        )
        if index % 3 != 2:  # a third of the answers lack their evidence, as the letter says
            evidence = AnswerEvidence(answer=answer, kind="pdf", original_name="data-dukung-demo.pdf")
            evidence.file.save("data-dukung-demo.pdf", ContentFile(PDF), save=False)
            evidence._history_user = access.user
            evidence.save()
    assessment.refresh_from_db()
    services.submit_assessment(access=access, assessment=assessment, expected_version=assessment.version)
    # the demo's story: submitted in the evaluation year, before the ministry's letter of 28 November
    submitted = timezone.make_aware(datetime.datetime(evaluation_year.year, 9, 30, 10, 0))
    type(assessment).objects.filter(pk=assessment.pk).update(submitted_at=submitted)


def _result(access, evaluation_year, figures, demo, *, with_recommendations):
    letter, index, rank_province, rank_national, total, part_scores, dimension_scores = figures
    parts = {p.key: p for p in evaluation_year.parts.all()}
    dimensions = {d.key: d for d in Dimension.objects.all()}
    result = services.save_result(
        access=access,
        evaluation_year=evaluation_year,
        data=services.ResultData(
            index=_d(index),
            letter_number=letter,
            letter_date=datetime.date(evaluation_year.year, 11, 28),
            rank_province=rank_province,
            rank_national=rank_national,
            national_total=total,
            part_scores={parts[k]: _d(v) for k, v in part_scores.items() if k in parts},
            dimension_scores={dimensions[k]: _d(v) for k, v in dimension_scores.items() if k in dimensions},
            strengths=STRENGTHS,
            weaknesses=WEAKNESSES,
        ),
        expected_version=None,
    )
    result.is_demo = True
    result._history_user = access.user
    result.save()
    if with_recommendations:
        base = datetime.date(evaluation_year.year, 12, 1)
        for text, opd, days in RECOMMENDATIONS:
            services.add_recommendation(
                access=access,
                result=result,
                text=f"[Data demo] {text}",
                opd=demo.opds[opd],
                due_date=base + datetime.timedelta(days=days),
            )
