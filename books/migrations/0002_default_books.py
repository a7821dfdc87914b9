from django.db import migrations

DEFAULT_BOOKS = [
    ("analisis", "Buku Analisis Strategis", "Kesiapan daerah dan analisis strategis", 10),
    ("masterplan", "Buku Masterplan Smart City", "Visi, strategi, program dan peta jalan", 20),
    ("ringkasan", "Buku Ringkasan Eksekutif", "Ringkasan masterplan untuk setiap perangkat daerah", 30),
    ("quickwin", "Buku Quick Win", "Profil program quick win", 40),
]


def create_books(apps, schema_editor):
    Book = apps.get_model("books", "Book")
    for key, title, subtitle, order in DEFAULT_BOOKS:
        Book.objects.get_or_create(cohort=None, key=key, defaults={"title": title, "subtitle": subtitle, "order": order})


def remove_books(apps, schema_editor):
    apps.get_model("books", "Book").objects.filter(cohort=None, key__in=[b[0] for b in DEFAULT_BOOKS]).delete()


class Migration(migrations.Migration):
    dependencies = [("books", "0001_initial")]
    operations = [migrations.RunPython(create_books, remove_books)]
