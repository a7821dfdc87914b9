import csv
import io

from core.spreadsheets import FORMULA_PREFIXES, write_csv


def test_write_csv_no_formula_cell_with_either_separator():
    rows = [["a,=1+1", "b;+2", "=3", "x,\t-4", 5, None, "aman"]]
    text = write_csv(["Nama", "=H"], rows).decode("utf-8").lstrip("\ufeff")
    for delimiter in (",", ";"):
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            for cell in row:
                assert not cell.startswith(FORMULA_PREFIXES), (delimiter, cell)
    assert '"aman"' in text
