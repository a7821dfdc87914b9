from tests.url_sweep import Rule


def _mp(p):
    return {"mp": p.masterplan.pk}


def _job(p):
    from tests.books.factories import ExportJobFactory

    return {"mp": p.masterplan.pk, "pk": ExportJobFactory(masterplan=p.masterplan).pk}


RULES = {
    "books:index": Rule(_mp),
    "books:export": Rule(_mp),
    "books:opd_extract": Rule(lambda p: {"mp": p.masterplan.pk, "opd": p.opd.pk}),
    "books:job_status": Rule(_job),
    "books:download": Rule(_job),
    "books:preview": Rule(lambda p: {"mp": p.masterplan.pk, "key": "analisis"}),
    "books:texts": Rule(_mp),
    "books:signing": Rule(_mp),
    "books:legal_basis": Rule(_mp),
    "books:edition": Rule(lambda p: {"mp": p.masterplan.pk, "key": "masterplan"}),
    "books:docx": Rule(lambda p: {"mp": p.masterplan.pk, "key": "ringkasan"}),
}
