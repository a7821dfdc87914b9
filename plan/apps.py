from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "plan"
    verbose_name = "Rencana"

    def ready(self):
        from . import contributions

        contributions.register()
