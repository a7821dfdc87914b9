from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BooksConfig(AppConfig):
    name = "books"
    verbose_name = _("Buku")

    def ready(self):
        from . import contributions

        contributions.register()
        from . import tasks  # noqa: F401 - connects the tasks to books.queue, through which the services queue
