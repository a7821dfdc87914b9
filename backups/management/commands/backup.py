from django.core.management.base import BaseCommand, CommandError

from backups.dump import create_backup
from backups.manifest import BackupError


class Command(BaseCommand):
    help = (
        "Cadangkan basis data (semua model, termasuk riwayat) dan semua berkas media ke satu folder: "
        "database.jsonl.gz, media.tar.gz dan manifest.json (jumlah baris per model, checksum berkas)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", required=True, help="Folder baru untuk cadangan, mis. /var/backups/rancang/2026-11-22"
        )
        parser.add_argument("--database", default="default", help="Alias basis data (bawaan: default)")

    def handle(self, *args, **options):
        try:
            manifest = create_backup(out=options["out"], using=options["database"])
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["models"].values())
        size = sum(meta["size"] for meta in manifest["files"].values())
        self.stdout.write(
            f"Cadangan selesai di {options['out']}: {rows} baris dari {len(manifest['models'])} model, "
            f"{len(manifest['files'])} berkas media ({size / 2**20:.1f} MB)."
        )
        for reference in manifest["missing_at_backup"]:
            self.stderr.write(f"Peringatan: berkas yang dirujuk tidak ada di penyimpanan: {reference}")
