import datetime

from django.core.management.base import BaseCommand, CommandError

from monev.reminders import reminder_days, send_reminders


class Command(BaseCommand):
    help = (
        "Kirim pengingat harian laporan monev: satu email per orang berisi semua laporan OPD-nya yang belum lengkap "
        "menjelang batas waktu. Aman dijalankan berulang: paling banyak satu email per orang per hari."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Tanggal hari ini (YYYY-MM-DD), untuk uji coba")

    def handle(self, date=None, **options):
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError:
                raise CommandError(f"Tanggal {date!r} tidak sah; tulis YYYY-MM-DD.") from None
        counts = send_reminders(today=today)
        self.stdout.write(
            f"Pengingat monev ({reminder_days()} hari sebelum batas waktu): {counts['sent']} dikirim, "
            f"{counts['already']} sudah dikirim hari ini, {counts['no_mail']} tanpa email."
        )
