from django.db import migrations


def lowercase_emails(apps, schema_editor):
    """Store every email stripped and in lower case; stop if two accounts differ only by case."""
    User = apps.get_model("accounts", "User")
    seen = {}
    for pk, email in User.objects.order_by("pk").values_list("pk", "email"):
        normal = email.strip().lower()
        if normal in seen:
            raise RuntimeError(
                f"Akun {seen[normal]} dan {pk} memakai email yang sama ({normal}) dengan huruf besar/kecil berbeda; "
                "gabungkan atau ubah salah satunya sebelum migrasi ini."
            )
        seen[normal] = pk
        if normal != email:
            User.objects.filter(pk=pk).update(email=normal)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(lowercase_emails, migrations.RunPython.noop),
    ]
