"""core.spreadsheets read-only reading (changed for speed with the merged tables regions keep)."""

import io

import pytest
from openpyxl import Workbook

from core.spreadsheets import MAX_COLUMNS, SpreadsheetError, read_xlsx_bytes


def _book(build):
    workbook = Workbook()
    build(workbook.active)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_merged_cells_are_filled_and_reported():
    def build(ws):
        ws["A1"], ws["A3"] = "Program", "Lain"
        ws.merge_cells("A1:B2")

    [sheet] = read_xlsx_bytes(_book(build))
    assert sheet.merged == [(0, 0, 1, 1)]
    assert sheet.rows[:2] == [["Program", "Program"], ["Program", "Program"]]
    assert read_xlsx_bytes(_book(build), fill_merged=False)[0].rows[1] in ([], [None, None])


def test_wrong_stored_dimension_does_not_hide_cells():
    import zipfile

    data = _book(lambda ws: ws.append(["a", "b", "c"]))
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b'<dimension ref="A1:C1"', b'<dimension ref="A1"')
            archive.writestr(item, content)
    assert read_xlsx_bytes(out.getvalue())[0].rows == [["a", "b", "c"]]


def test_far_columns_are_ignored():
    def build(ws):
        ws["A1"] = "x"
        ws.cell(1, MAX_COLUMNS + 50, "jauh")

    assert read_xlsx_bytes(_book(build))[0].rows == [["x"]]


def test_too_many_merged_cells(monkeypatch):
    import core.spreadsheets as spreadsheets

    monkeypatch.setattr(spreadsheets, "MAX_MERGED_CELLS", 10)

    def build(ws):
        ws["A1"] = "x"
        ws["A20"] = "y"
        ws.merge_cells("A1:B19")

    with pytest.raises(SpreadsheetError, match="sel gabungan"):
        read_xlsx_bytes(_book(build))
