from django.apps import AppConfig


class BimtekConfig(AppConfig):
    name = "bimtek"
    verbose_name = "Bimtek"
