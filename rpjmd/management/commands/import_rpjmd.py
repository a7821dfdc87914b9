from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from masterplan.models import Region
from rpjmd.forms import parse_period
from rpjmd.rpjmd_import import BytesUpload, import_file
from rpjmd.services import apply_import


class Command(BaseCommand):
    help = (
        "Impor tabel program RPJMD (.xlsx/.csv) ke RPJMD masterplan terbaru suatu daerah. "
        "Tidak menulis apa pun bila berkas bermasalah (keluar dengan kode bukan nol)."
    )

    def add_arguments(self, parser):
        parser.add_argument("region", help="Kode daerah Kemendagri, mis. 64.09")
        parser.add_argument("file", help="Berkas .xlsx atau .csv")
        parser.add_argument("--period", help="Periode RPJMD bila belum ada, mis. 2021-2026")
        parser.add_argument("--create-opds", action="store_true", help="Buat OPD yang belum terdaftar")
        parser.add_argument("--dry-run", action="store_true", help="Hanya tampilkan laporan, jangan simpan")

    def handle(self, *args, region, file, period=None, create_opds=False, dry_run=False, **options):
        try:
            region_obj = Region.objects.get(code=region)
        except Region.DoesNotExist:
            raise CommandError(f"Daerah dengan kode {region} tidak ditemukan.") from None
        masterplan = region_obj.masterplans.order_by("-cohort__year").first()
        if period:
            try:
                period = parse_period(period)
            except ValueError:
                raise CommandError("Periode ditulis seperti 2021-2026.") from None
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Berkas {file} tidak dapat dibaca: {error.strerror}.") from None
        plan = import_file(
            BytesUpload(data, path.name),
            region=region_obj,
            masterplan=masterplan,
            period=period,
            create_opds=create_opds,
        )
        for line in plan.report_lines():
            self.stdout.write(line)
        if not plan.ok:
            raise CommandError("Berkas bermasalah; tidak ada yang disimpan.")
        if dry_run:
            self.stdout.write("Uji coba (--dry-run): tidak ada yang disimpan.")
            return
        # Through the service: the change is reported once per section to every masterplan building on this RPJMD
        # (approved sections go back to draft, their experts and coordinators are told), as from the web page.
        rpjmd = apply_import(plan=plan, user=None)
        self.stdout.write(self.style.SUCCESS(f"Tersimpan ke {rpjmd}."))
