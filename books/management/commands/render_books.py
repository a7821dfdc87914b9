import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from books.docx import html_to_docx
from books.rendering import RenderError, book_html, book_year, opd_extract_html, render_book
from books.services import books_for
from core import registry
from masterplan.models import OPD, Masterplan


class Command(BaseCommand):
    help = "Buat PDF buku masterplan satu daerah secara langsung (tanpa Celery) dan cetak halaman dan waktunya."

    def add_arguments(self, parser):
        parser.add_argument("region_code", help="Kode wilayah Kemendagri, mis. 64.09")
        parser.add_argument("--cohort", type=int, help="Tahun angkatan (bawaan: yang terbaru)")
        parser.add_argument("--book", help="Kunci buku (analisis, masterplan, ringkasan, quickwin, monev)")
        parser.add_argument(
            "--year", type=int, help="Tahun buku tahunan (laporan monev, --book monev); bawaan: tahun terbaru"
        )
        parser.add_argument("--out", default=".", help="Folder tujuan (bawaan: folder ini)")
        parser.add_argument("--final", action="store_true", help="Versi final (hanya jika masterplan disetujui)")
        parser.add_argument("--docx", action="store_true", help="Tulis juga berkas Word (.docx) di samping setiap PDF")
        parser.add_argument(
            "--opd", help="Singkatan OPD: hanya ringkasan eksekutif untuk OPD itu (bersama --book ringkasan)"
        )

    def handle(
        self, region_code, cohort=None, book=None, out=".", final=False, docx=False, opd=None, year=None, **options
    ):
        masterplans = Masterplan.objects.select_related("region__province", "cohort").filter(region__code=region_code)
        if cohort:
            masterplans = masterplans.filter(cohort__year=cohort)
        masterplan = masterplans.order_by("-cohort__year").first()
        if masterplan is None:
            raise CommandError(
                f"Tidak ada masterplan untuk wilayah {region_code}" + (f" angkatan {cohort}" if cohort else "") + "."
            )
        books = books_for(masterplan)
        if book:
            books = [b for b in books if b.key == book]
            if not books:
                raise CommandError(
                    f"Buku {book!r} tidak dikenal; pilihan: {', '.join(b.key for b in books_for(masterplan))}."
                )
        extract_opd = None
        if opd:
            if book != "ringkasan":
                raise CommandError("--opd hanya untuk --book ringkasan (ringkasan eksekutif satu OPD).")
            extract_opd = OPD.objects.for_masterplan(masterplan).filter(acronym__iexact=opd).first()
            if extract_opd is None:
                known = ", ".join(
                    OPD.objects.for_masterplan(masterplan).order_by("acronym").values_list("acronym", flat=True)
                )
                raise CommandError(f"OPD {opd!r} tidak dikenal di {masterplan.region.name}; pilihan: {known}.")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        total = time.perf_counter()
        for item in books:
            began = time.perf_counter()
            yearly = registry.yearly_book(item.key) is not None
            if yearly and not book and not list(registry.yearly_book(item.key).years(masterplan)):
                self.stdout.write(f"{item.title:<32} dilewati: belum ada tahunnya")
                continue
            try:
                item_year = book_year(masterplan, item.key, year if yearly else None)
                if extract_opd is not None:
                    html = opd_extract_html(masterplan, item, extract_opd, draft=not final)
                else:
                    html = book_html(masterplan, item, draft=not final, year=item_year)
                pdf, pages = render_book(masterplan, html)
            except RenderError as error:
                raise CommandError(str(error)) from error
            seconds = time.perf_counter() - began
            key = f"{item.key}-{item_year}" if item_year else item.key
            name = key + (f"-{extract_opd.acronym.replace(' ', '-')}" if extract_opd else "")
            path = folder / f"{name}-{masterplan.region.code}-{masterplan.cohort.year}{'' if final else '-draf'}.pdf"
            path.write_bytes(pdf)
            self.stdout.write(
                f"{item.title:<32} {pages:>4} halaman  {seconds:6.2f} s  {pages / seconds:5.1f} hlm/s  {path}"
            )
            if docx:
                began = time.perf_counter()
                word = path.with_suffix(".docx")
                title = f"{item.title} untuk {extract_opd.name}" if extract_opd else item.title
                word.write_bytes(html_to_docx(html, title=f"{title} · {masterplan.region.name}", draft=not final))
                self.stdout.write(f"{'':<32} Word {time.perf_counter() - began:6.2f} s  {word}")
        self.stdout.write(f"Total {time.perf_counter() - total:.2f} s")
