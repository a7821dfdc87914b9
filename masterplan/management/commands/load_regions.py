from django.core.management.base import BaseCommand, CommandError

from masterplan.regions import DEFAULT_CSV, RegionFileError, load_regions


class Command(BaseCommand):
    help = "Muat 38 provinsi dan 514 kabupaten/kota (kode Kemendagri) dari CSV. Aman dijalankan berulang."

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            default=str(DEFAULT_CSV),
            help="CSV dengan kolom code, province_code, kind, name, population, area_km2",
        )

    def handle(self, *args, **options):
        try:
            report = load_regions(options["file"])
        except (RegionFileError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Wilayah: {report}.")
