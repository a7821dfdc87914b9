import datetime

import factory

from monev.models import ReportingYear


class ReportingYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingYear
        django_get_or_create = ("masterplan", "year")  # a URL crawl asks for the same year many times

    year = 2024
    deadline = datetime.date(2025, 1, 31)
