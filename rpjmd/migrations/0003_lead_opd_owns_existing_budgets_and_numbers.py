"""Existing data into the shared-programme model: every programme's OPD becomes its lead (it already is `opd`),
its indicators and its budgets become that OPD's; every target and baseline keeps its text and gets the number
it holds ("85,5" -> 85.5, "1.250" -> 1250, "WTP" -> none). Reversible: going back drops the new columns."""

import re
from decimal import Decimal, InvalidOperation

from django.db import migrations
from django.db.models import OuterRef, Subquery

# A frozen copy of rpjmd.numbers.indicator_number (migrations must not change when the app's code does).
THOUSANDS_RE = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
COMMA_DECIMAL_RE = re.compile(r"^-?\d+(?:,\d+)?$")
DOT_DECIMAL_RE = re.compile(r"^-?\d+\.\d+$")


def number(value):
    raw = re.sub(r"\s+", "", value or "").rstrip("%")
    if not raw:
        return None
    if THOUSANDS_RE.match(raw):
        raw = raw.replace(".", "").replace(",", ".")
    elif COMMA_DECIMAL_RE.match(raw):
        raw = raw.replace(",", ".")
    elif not DOT_DECIMAL_RE.match(raw):
        return None
    try:
        result = Decimal(raw)
    except InvalidOperation:
        return None
    if abs(result) >= Decimal("1e19"):
        return None
    return result.quantize(Decimal("0.0001"))


def forward(apps, schema_editor):
    Program = apps.get_model("rpjmd", "Program")
    Indicator = apps.get_model("rpjmd", "Indicator")
    IndicatorTarget = apps.get_model("rpjmd", "IndicatorTarget")
    ProgramBudget = apps.get_model("rpjmd", "ProgramBudget")
    lead = Subquery(Program.objects.filter(pk=OuterRef("program_id")).values("opd_id")[:1])
    ProgramBudget.objects.filter(opd__isnull=True).update(opd_id=lead)
    Indicator.objects.filter(opd__isnull=True).update(opd_id=lead)
    batch = []
    for indicator in Indicator.objects.only("pk", "baseline").iterator(chunk_size=2000):
        indicator.baseline_number = number(indicator.baseline)
        if indicator.baseline_number is not None:
            batch.append(indicator)
    Indicator.objects.bulk_update(batch, ["baseline_number"], batch_size=1000)
    batch = []
    for target in IndicatorTarget.objects.only("pk", "value").iterator(chunk_size=2000):
        target.number = number(target.value)
        if target.number is not None:
            batch.append(target)
    IndicatorTarget.objects.bulk_update(batch, ["number"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("rpjmd", "0002_shared_programmes_and_text_targets")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
