"""The year of a yearly book's export, and the fifth default book: the yearly monitoring report (monev)."""

from django.db import migrations, models

KEY = "monev"


def create_book(apps, schema_editor):
    Book = apps.get_model("books", "Book")
    Book.objects.get_or_create(
        cohort=None,
        key=KEY,
        defaults={
            "title": "Laporan Monitoring dan Evaluasi",
            "subtitle": "Pelaksanaan program masterplan dan quick win",
            "order": 50,
        },
    )


def remove_book(apps, schema_editor):
    apps.get_model("books", "Book").objects.filter(cohort=None, key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [("books", "0003_exportjob_unfinished_index")]
    operations = [
        migrations.AddField(
            model_name="exportjob",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="Tahun buku tahunan (laporan monev); kosong untuk buku lain.",
                null=True,
                verbose_name="tahun",
            ),
        ),
        migrations.RunPython(create_book, remove_book),
    ]
