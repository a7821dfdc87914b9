"""The RPJMD with its mapping as a plain table (.xlsx or .csv) that the importer reads back unchanged."""

from django.utils.translation import gettext as _

from core.spreadsheets import write_csv, write_xlsx

from .models import Program

FIXED = ["Kode", "Urusan/Bidang Urusan/Program", "Indikator Kinerja", "Satuan", "Kondisi Awal"]
TAIL = ["Perangkat Daerah Penanggung Jawab", "Lokasi", "Misi", "Sasaran"]
MAPPING = ["Dimensi Utama", "Elemen Utama", "Elemen Pendukung", "Alasan Pemetaan"]


def header(years, *, mapping=True):
    columns = list(FIXED)
    for year in years:
        columns += [f"Target {year}", f"Rp {year}"]
    columns += TAIL
    if mapping:
        columns += MAPPING
    return columns


def widths(years, *, mapping=True):
    return [12, 48, 44, 10, 12] + [10, 16] * len(years) + [28, 22, 6, 30] + ([18, 22, 30, 40] if mapping else [])


def opd_blocks(program):
    """[(OPD or None, its indicators, its {year: amount})] of a programme, the lead first: real tables give one
    row per indicator and OPD, so a shared programme is written once per responsible OPD. Indicators and
    budgets of no responsible OPD (or of none) belong to the lead. Uses prefetched indicators, budgets, co_opds."""
    opds = program.responsible_opds or [None]
    slots = {opd.pk if opd else None: (opd, [], {}) for opd in opds}
    lead = opds[0].pk if opds[0] else None
    for indicator in program.indicators.all():
        slots.get(indicator.opd_id, slots[lead])[1].append(indicator)
    for budget in program.budgets.all():
        amounts = slots.get(budget.opd_id, slots[lead])[2]
        amounts[budget.year] = amounts.get(budget.year, 0) + budget.amount
    return list(slots.values())


def table_rows(rpjmd):
    """Rows of the plain table: urusan and bidang rows, then a programme line per indicator and OPD (the OPD's
    pagu on its first line). Constant queries."""
    years = rpjmd.years
    programs = list(
        Program.objects.filter(rpjmd=rpjmd)
        .select_related("opd", "misi", "sasaran", "primary_dimension", "primary_element")
        .prefetch_related("indicators__targets", "budgets", "secondary_elements", "co_opds")
        .order_by("order", "code")
    )
    rows = []
    urusan = bidang = None
    width = len(header(years))
    for program in programs:
        segments = program.code.split(".")
        if (segments[0], program.urusan) != urusan:
            urusan = (segments[0], program.urusan)
            bidang = None
            rows.append([segments[0], program.urusan] + [None] * (width - 2))
        if len(segments) > 2 and (".".join(segments[:2]), program.bidang) != bidang:
            bidang = (".".join(segments[:2]), program.bidang)
            rows.append([bidang[0], program.bidang] + [None] * (width - 2))
        rest = [
            program.location or None,
            program.misi.number if program.misi else None,
            program.sasaran.text if program.sasaran else None,
            program.primary_dimension.name_id if program.primary_dimension else None,
            program.primary_element.name_id if program.primary_element else None,
            "; ".join(e.name_id for e in program.secondary_elements.all()) or None,
            program.justification or None,
        ]
        for opd, indicators, budgets in opd_blocks(program):
            tail = [opd.name if opd else None, *rest]
            for position, indicator in enumerate(indicators or [None]):
                targets = {t.year: t.value for t in indicator.targets.all()} if indicator else {}
                line = [program.code, program.name]
                line += (
                    [indicator.name, indicator.unit or None, indicator.baseline or None] if indicator else [None] * 3
                )
                for year in years:
                    line.append(targets.get(year))
                    amount = budgets.get(year) if position == 0 else None
                    line.append(float(amount) if amount is not None else None)
                rows.append(line + tail)
    return rows


def export_xlsx(rpjmd):
    return write_xlsx([(_("Program RPJMD"), header(rpjmd.years), table_rows(rpjmd), widths(rpjmd.years))])


def export_csv(rpjmd):
    return write_csv(header(rpjmd.years), table_rows(rpjmd))


def template_xlsx(years):
    guide = [
        [_("Satu baris per indikator. Baris pertama sebuah program memuat Kode, Nama, Rp per tahun dan OPD.")],
        [_("Baris indikator berikutnya boleh mengulang Kode dan Nama program, atau membiarkannya kosong.")],
        [_("Baris urusan (kode satu segmen, mis. 2) dan bidang (dua segmen, mis. 2.11) mengelompokkan program.")],
        [_("Rp ditulis sebagai angka (1250000000) atau teks (1.250.000.000,00; Rp 1,25 M).")],
        [_("OPD ditulis dengan singkatan atau nama lengkap sesuai daftar OPD daerah. Misi diisi nomornya.")],
    ]
    return write_xlsx(
        [
            (_("Program RPJMD"), header(years, mapping=False), [], widths(years, mapping=False)),
            (_("Petunjuk"), [_("Petunjuk pengisian")], guide, [100]),
        ]
    )
