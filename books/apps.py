from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BooksConfig(AppConfig):
    name = "books"
    verbose_name = _("Buku")

    def ready(self):
        from simple_history.signals import post_create_historical_record

        from core.registry import Panel, Tab, register_panel, register_tab

        from . import chapters, panels, reviewing, signals

        register_tab(Tab("books", _("Buku"), "books:index", 60))
        register_panel(Panel("books", "books/partials/panel.html", panels.dashboard_panel, 60))
        chapters.register()
        post_create_historical_record.connect(signals.content_changed, dispatch_uid="books.content_changed")
        reviewing.register()
        from . import tasks  # noqa: F401 - connects the tasks to books.queue, through which the services queue
