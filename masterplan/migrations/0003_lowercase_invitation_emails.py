from django.db import migrations
from django.db.models.functions import Lower, Trim


def lowercase_invitations(apps, schema_editor):
    """Invitations store the email as accounts do: stripped, lower case."""
    Invitation = apps.get_model("masterplan", "Invitation")
    Invitation.objects.update(email=Lower(Trim("email")))


class Migration(migrations.Migration):
    dependencies = [
        ("masterplan", "0002_dimensions"),
    ]

    operations = [
        migrations.RunPython(lowercase_invitations, migrations.RunPython.noop),
    ]
