from django.apps import AppConfig


class BimtekConfig(AppConfig):
    name = "bimtek"
    verbose_name = "Bimtek"

    def ready(self):
        from . import contributions

        contributions.register()
