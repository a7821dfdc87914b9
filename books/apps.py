from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BooksConfig(AppConfig):
    name = "books"
    verbose_name = _("Buku")

    def ready(self):
        from core.registry import Panel, Tab, register_change_listener, register_panel, register_tab

        from . import chapters, panels, reviewing, services

        register_tab(Tab("books", _("Buku"), "books:index", 60))
        register_panel(Panel("books", "books/partials/panel.html", panels.dashboard_panel, 60))
        chapters.register()
        register_change_listener("books", services.note_change)  # draft books go stale after a reported change
        reviewing.register()
        from . import tasks  # noqa: F401 - connects the tasks to books.queue, through which the services queue
