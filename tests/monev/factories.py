import datetime

import factory

from monev.models import ReportingYear


class ReportingYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingYear

    year = 2024
    deadline = datetime.date(2025, 1, 31)
