from django.apps import AppConfig


class QuickwinsConfig(AppConfig):
    name = "quickwins"
    verbose_name = "Quick Win"

    def ready(self):
        from . import contributions

        contributions.register()
