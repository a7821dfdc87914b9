import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from masterplan import demo

# Each app's demo.populate(demo) adds its content to the demo region; order matters.
CONTENT_APPS = ["rpjmd", "plan", "quickwins", "bimtek", "review", "books", "monev"]


class Command(BaseCommand):
    help = "Isi portal dengan data demo Kabupaten Penajam Paser Utara (angkatan 2022). Aman dijalankan berulang."

    def handle(self, *args, **options):
        with transaction.atomic():
            result = demo.populate()
            for app in CONTENT_APPS:
                try:
                    module = importlib.import_module(f"{app}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app}.demo":
                        raise
                    continue
                module.populate(result)
        mp = result.masterplan
        self.stdout.write(self.style.SUCCESS(f"Demo siap: {mp} (id {mp.pk})."))
        for line in result.log:
            self.stdout.write(f"  {line}")
        self.stdout.write(f"Akun demo (kata sandi semuanya: {demo.PASSWORD}):")
        self.stdout.write(f"  {'admin program':<22} {demo.ADMIN[0]}")
        for email, *_rest, role, opd in demo.PEOPLE:
            label = {
                "coordinator": "koordinator",
                "opd_member": f"anggota OPD {opd}",
                "expert": "tenaga ahli",
                "reader": "pembaca",
            }[role]
            self.stdout.write(f"  {label:<22} {email}")
