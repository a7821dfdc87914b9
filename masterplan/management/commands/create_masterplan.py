from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from masterplan.models import Region
from masterplan.services import masterplan_create


class Command(BaseCommand):
    help = "Daftarkan satu kabupaten/kota ke angkatan (membuat masterplan-nya). Aman dijalankan berulang."

    def add_arguments(self, parser):
        parser.add_argument("region_code", help="kode Kemendagri, misalnya 64.09")
        parser.add_argument("--cohort", type=int, required=True, help="tahun angkatan, misalnya 2022")
        parser.add_argument("--start-year", type=int, help="tahun awal masterplan (bawaan: tahun angkatan + 1)")
        parser.add_argument("--end-year", type=int, help="tahun akhir (bawaan: awal + 9)")
        parser.add_argument("--coordinator", default="", help="email koordinator Diskominfo yang diundang")

    def handle(self, *args, **options):
        region = Region.objects.filter(code=options["region_code"]).first()
        if region is None:
            raise CommandError(
                f"Kode wilayah {options['region_code']} tidak dikenal. Jalankan load_regions lebih dulu?"
            )
        if region.kind == Region.Kind.PROVINSI:
            raise CommandError(f"{region.name} adalah provinsi; masterplan disusun oleh kabupaten/kota.")
        try:
            masterplan, created = masterplan_create(
                region=region,
                cohort_year=options["cohort"],
                start_year=options["start_year"],
                end_year=options["end_year"],
                coordinator_email=options["coordinator"],
                site_url=settings.SITE_URL,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        verb = "dibuat" if created else "sudah ada"
        self.stdout.write(f"{masterplan} (angkatan {masterplan.cohort.year}, id {masterplan.pk}) {verb}.")
