from django.core.management.base import BaseCommand, CommandError

from backups.manifest import BackupError
from backups.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Pulihkan cadangan dari `manage.py backup` ke basis data KOSONG: migrate, loaddata, buka berkas media, "
        "lalu periksa jumlah baris per model dan checksum setiap berkas terhadap manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Folder cadangan (berisi manifest.json)")
        parser.add_argument("--database", default="default", help="Alias basis data (bawaan: default)")
        parser.add_argument(
            "--force", action="store_true", help="Hapus isi basis data dan timpa berkas media yang sudah ada"
        )

    def handle(self, *args, **options):
        try:
            report = restore_backup(source=options["source"], using=options["database"], force=options["force"])
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write("Model                                       cadangan  dipulihkan")
        for label, (expected, found) in report.models.items():
            if expected or found:
                mark = "" if expected == found else "  <-- BEDA"
                self.stdout.write(f"{label:<44}{expected:>8}  {found:>10}{mark}")
        self.stdout.write(f"Berkas media: {report.files} ({report.bytes / 2**20:.1f} MB), checksum diperiksa.")
        for warning in report.warnings:
            self.stdout.write(f"Peringatan: {warning}")
        if not report.ok:
            for error in report.errors:
                self.stderr.write(f"Galat: {error}")
            raise CommandError(f"Pemulihan selesai dengan {len(report.errors)} galat: lihat di atas.")
        self.stdout.write(self.style.SUCCESS("Pemulihan selesai: semua jumlah baris dan checksum cocok."))
