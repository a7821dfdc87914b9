from django.apps import AppConfig


class QuickwinsConfig(AppConfig):
    name = "quickwins"
    verbose_name = "Quick Win"
