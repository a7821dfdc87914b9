from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """Backup and restore of the database and the media files (`manage.py backup`, `manage.py restore`)."""

    name = "backups"
    verbose_name = _("Cadangan")
