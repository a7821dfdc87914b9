"""A realistic "Indikasi Rencana Program Prioritas" workbook, as a region's Bappeda would send it.

Title rows above the table, a two-row header (each year merged over its "Target" and "Rp" columns),
a column numbering row, urusan and bidang rows, each programme's code, name, Rp and OPD merged down over
its indicator rows, subtotal rows per bidang, a blank row and a grand total, rupiah in Indonesian number
formats. Used by the tests, the demo and the benchmark.
"""

import io

from .sample_data import BIDANG, URUSAN

RUPIAH_FORMAT = '_("Rp"* #,##0_);_("Rp"* (#,##0);_("Rp"* "-"_);_(@_)'


def rpjmd_workbook(records, years, *, region_name="Kabupaten Penajam Paser Utara", text_numbers=False, misi=True):
    """The workbook as bytes. text_numbers: write rupiah as text ('1.250.000.000,00'), as some exports do."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tabel 7.1"
    first, last = years[0], years[-1]
    sheet["A1"] = "TABEL 7.1"
    sheet["A2"] = "INDIKASI RENCANA PROGRAM PRIORITAS YANG DISERTAI KEBUTUHAN PENDANAAN"
    sheet["A3"] = f"{region_name.upper()} TAHUN {first - 1}–{last}"
    for cell in ("A1", "A2", "A3"):
        sheet[cell].font = Font(bold=True)
    top = 5  # 1-based header row; the header spans rows 5 and 6
    fixed = [
        "Kode",
        "Urusan/Bidang Urusan/Program Prioritas Pembangunan",
        "Indikator Kinerja Program (Outcome)",
        "Satuan",
        f"Kondisi Kinerja Awal RPJMD (Tahun {first - 1})",
    ]
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    col = 1
    for title in fixed:
        sheet.cell(top, col, title)
        sheet.merge_cells(start_row=top, start_column=col, end_row=top + 1, end_column=col)
        col += 1
    year_cols = {}
    for year in years:
        sheet.cell(top, col, year)
        sheet.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + 1)
        sheet.cell(top + 1, col, "Target")
        sheet.cell(top + 1, col + 1, "Rp")
        year_cols[year] = col
        col += 2
    sheet.cell(top, col, "Kondisi Kinerja pada Akhir Periode RPJMD")
    sheet.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + 1)
    sheet.cell(top + 1, col, "Target")
    sheet.cell(top + 1, col + 1, "Rp")
    end_col = col
    col += 2
    opd_col = col
    sheet.cell(top, opd_col, "Perangkat Daerah Penanggung Jawab")
    sheet.merge_cells(start_row=top, start_column=opd_col, end_row=top + 1, end_column=opd_col)
    location_col = opd_col + 1
    sheet.cell(top, location_col, "Lokasi")
    sheet.merge_cells(start_row=top, start_column=location_col, end_row=top + 1, end_column=location_col)
    last_col = location_col
    misi_col = None
    if misi:
        misi_col = location_col + 1
        sheet.cell(top, misi_col, "Misi")
        sheet.merge_cells(start_row=top, start_column=misi_col, end_row=top + 1, end_column=misi_col)
        last_col = misi_col
    for c in range(1, last_col + 1):
        sheet.cell(top + 2, c, f"({c})")
        for r in (top, top + 1):
            sheet.cell(r, c).font = Font(bold=True)
            sheet.cell(r, c).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            sheet.cell(r, c).border = border
    widths = {1: 12, 2: 48, 3: 44, 4: 10, 5: 14, opd_col: 28, location_col: 22}
    for c, width in widths.items():
        sheet.column_dimensions[get_column_letter(c)].width = width

    def money(row, column, amount):
        cell = sheet.cell(row, column)
        if text_numbers:
            cell.value = f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
            cell.data_type = "s"
        else:
            cell.value = amount
            cell.number_format = RUPIAH_FORMAT

    row = top + 3
    urusan = bidang = None
    bidang_total = {year: 0 for year in years}
    grand_total = {year: 0 for year in years}

    def close_bidang():
        nonlocal row
        if bidang is None:
            return
        sheet.cell(row, 2, f"Jumlah {BIDANG.get(bidang, 'Bidang ' + bidang).title()}")
        for year in years:
            money(row, year_cols[year] + 1, bidang_total[year])
            bidang_total[year] = 0
        row += 1

    for record in records:
        code = record["code"]
        urusan_code, bidang_code = code.split(".")[0], ".".join(code.split(".")[:2])
        if bidang_code != bidang:
            close_bidang()
        if urusan_code != urusan:
            if urusan is not None:
                row += 1  # a blank row between urusan groups
            urusan = urusan_code
            sheet.cell(row, 1, urusan_code).data_type = "s"
            sheet.cell(row, 2, URUSAN.get(urusan_code, f"URUSAN {urusan_code}"))
            sheet.cell(row, 2).font = Font(bold=True)
            row += 1
        if bidang_code != bidang:
            bidang = bidang_code
            sheet.cell(row, 1, bidang_code)
            sheet.cell(row, 2, BIDANG.get(bidang_code, f"URUSAN PEMERINTAHAN BIDANG {bidang_code}"))
            sheet.cell(row, 2).font = Font(bold=True)
            row += 1
        # A programme of several OPDs is written once per OPD (its own indicators, pagu and merged cells).
        for part in [record, *record.get("shares", [])]:
            indicators = part["indicators"] or [{"name": "", "unit": "", "baseline": "", "targets": {}}]
            start = row
            for indicator in indicators:
                sheet.cell(row, 3, indicator["name"])
                sheet.cell(row, 4, indicator["unit"])
                sheet.cell(row, 5, indicator["baseline"])
                for year in years:
                    value = indicator["targets"].get(year)
                    if value is not None:
                        sheet.cell(row, year_cols[year], value)
                if indicator["targets"]:
                    last_target = indicator["targets"].get(years[-1], "")
                    sheet.cell(row, end_col, last_target)
                row += 1
            end = row - 1
            sheet.cell(start, 1, code)
            sheet.cell(start, 2, record["name"])
            sheet.cell(start, opd_col, part["opd"])
            sheet.cell(start, location_col, record["location"])
            if misi_col:
                sheet.cell(start, misi_col, record["misi"])
            for year in years:
                amount = part["budgets"].get(year)
                if amount is not None:
                    money(start, year_cols[year] + 1, amount)
                    bidang_total[year] += amount
                    grand_total[year] += amount
            money(start, end_col + 1, sum(part["budgets"].values()))
            if end > start:
                merge_cols = [1, 2, opd_col, location_col, end_col + 1] + [year_cols[y] + 1 for y in years]
                if misi_col:
                    merge_cols.append(misi_col)
                for c in merge_cols:
                    sheet.merge_cells(start_row=start, start_column=c, end_row=end, end_column=c)
            for r in range(start, end + 1):
                for c in range(1, last_col + 1):
                    sheet.cell(r, c).border = border
    close_bidang()
    row += 1
    sheet.cell(row, 1, "TOTAL")
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    for year in years:
        money(row, year_cols[year] + 1, grand_total[year])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
