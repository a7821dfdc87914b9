from django.apps import AppConfig


class RpjmdConfig(AppConfig):
    name = "rpjmd"
    verbose_name = "RPJMD"

    def ready(self):
        from . import contributions

        contributions.register()
