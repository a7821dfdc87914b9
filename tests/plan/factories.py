import factory

from masterplan.models import Dimension
from plan.models import (
    Application,
    BudgetLine,
    DimensionStrategy,
    Goal,
    Programme,
    ProgrammeIndicator,
    ReadinessItem,
    SwotEntry,
)


def dimension(key="governance"):
    return Dimension.objects.get(key=key)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Program uji {n}")
    dimension = factory.LazyFunction(dimension)
    horizon = "medium"
    start_year = 2023
    end_year = 2027
    order = factory.Sequence(lambda n: n)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    year = 2023
    source = "apbd"
    amount = 1_000_000


class ReadinessItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReadinessItem

    component = "struktur"
    dimension = factory.LazyFunction(dimension)
    name = factory.Sequence(lambda n: f"Butir {n}")
    rating = "sedang"
    order = factory.Sequence(lambda n: n)


class SwotEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwotEntry

    dimension = factory.LazyFunction(dimension)
    kind = "S"
    text = factory.Sequence(lambda n: f"Kekuatan {n}")
    order = factory.Sequence(lambda n: n)


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DimensionStrategy

    dimension = factory.LazyFunction(dimension)
    text = "Strategi uji"


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    text = "Sasaran uji"
    indicator = "Indikator"
    target = "100%"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    name = "E-Sakip"
    dimension = factory.LazyFunction(dimension)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeIndicator

    name = "Layanan daring"
