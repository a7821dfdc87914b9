"""The demo's RPJMD: Penajam Paser Utara 2021–2026, six misi on Banggai's pattern, about 60 programmes
imported from a realistic workbook (the same importer users run), two thirds of them mapped."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from masterplan.models import Dimension, Element

from .models import RPJMD, Misi, Program
from .rpjmd_import import apply_plan, import_file
from .sample_data import MISI, PROGRAMS, VISI, program_records
from .sample_workbook import rpjmd_workbook

START, END = 2021, 2026


def populate(demo):
    masterplan = demo.masterplan
    region = masterplan.region
    coordinator = demo.users["coordinator"]
    rpjmd, created = RPJMD.objects.get_or_create(
        region=region, start_year=START, defaults={"end_year": END, "visi": VISI}
    )
    dimensions = {d.key: d for d in Dimension.objects.all()}
    for number, text, keys in MISI:
        misi, made = Misi.objects.get_or_create(rpjmd=rpjmd, number=number, defaults={"text": text})
        if made:
            misi.dimensions.set([dimensions[k] for k in keys])
    years = list(range(START, END + 1))
    workbook = rpjmd_workbook(program_records(years), years, region_name=region.name)
    sample = settings.DATA_DIR / "contoh-rpjmd-ppu.xlsx"
    sample.write_bytes(workbook)
    if not Program.objects.filter(rpjmd=rpjmd).exists():
        plan = import_file(SimpleUploadedFile(sample.name, workbook), region=region, masterplan=masterplan)
        if not plan.ok:
            raise RuntimeError("; ".join(p.as_text() for p in plan.errors))
        apply_plan(plan, user=coordinator)
    elements = {e.key: e for e in Element.objects.all()}
    wanted = {code: mapping for code, *_rest, mapping in PROGRAMS if mapping}
    to_map = list(Program.objects.filter(rpjmd=rpjmd, code__in=wanted, primary_dimension__isnull=True))
    for program in to_map:
        dimension_key, element_key = wanted[program.code]
        program.primary_dimension = dimensions[dimension_key]
        program.primary_element = elements[element_key]
        program.justification = "Dipetakan pokja OPD pada bimtek tahap II."
        program.save()
    mapped = Program.objects.filter(rpjmd=rpjmd).mapped().count()
    total = Program.objects.filter(rpjmd=rpjmd).count()
    demo.say(f"RPJMD {START}–{END}: {total} program, {mapped} dipetakan. Contoh berkas impor: {sample}")
