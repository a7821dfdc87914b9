from tests.url_sweep import Rule


def _mp(p):
    return {"mp": p.masterplan.pk}


def _rpjmd(p):
    from rpjmd.models import RPJMD

    return RPJMD.objects.get_or_create(region=p.masterplan.region, start_year=2021, defaults={"end_year": 2026})[0]


def _program(p):
    from .factories import ProgramFactory

    return {"mp": p.masterplan.pk, "pk": ProgramFactory(rpjmd=_rpjmd(p), opd=p.opd).pk}


def _misi(p):
    from .factories import MisiFactory

    return {"mp": p.masterplan.pk, "pk": MisiFactory(rpjmd=_rpjmd(p)).pk}


def _with_rpjmd(p):
    _rpjmd(p)
    return _mp(p)


RULES = {
    "rpjmd:index": Rule(_mp),
    "rpjmd:visi_misi": Rule(_with_rpjmd),
    "rpjmd:misi_add": Rule(_with_rpjmd),
    "rpjmd:misi_edit": Rule(_misi),
    "rpjmd:mapping": Rule(_mp),
    "rpjmd:bulk_map": Rule(_with_rpjmd),
    "rpjmd:map_program": Rule(_program),
    "rpjmd:program_row": Rule(_program),
    "rpjmd:coverage": Rule(_mp),
    "rpjmd:export": Rule(lambda p: {"mp": _with_rpjmd(p)["mp"], "fmt": "xlsx"}),
    "rpjmd:import": Rule(_mp),
    "rpjmd:template": Rule(_mp),
    "rpjmd:import_preview": Rule(lambda p: {"mp": p.masterplan.pk, "token": "tidak-ada"}),
    "rpjmd:import_confirm": Rule(lambda p: {"mp": p.masterplan.pk, "token": "tidak-ada"}),
}
