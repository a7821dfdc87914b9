import factory

from rpjmd.models import RPJMD, Indicator, IndicatorTarget, Misi, Program, ProgramBudget
from tests.factories import RegionFactory


class RPJMDFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RPJMD

    region = factory.SubFactory(RegionFactory)
    start_year = 2021
    end_year = 2026
    visi = "Terwujudnya daerah yang maju dan sejahtera"


class MisiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Misi

    rpjmd = factory.SubFactory(RPJMDFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.LazyAttribute(lambda o: f"Misi ke-{o.number}")


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    rpjmd = factory.SubFactory(RPJMDFactory)
    code = factory.Sequence(lambda n: f"2.{11 + n // 90:02d}.{n % 90 + 2:02d}")
    name = factory.Sequence(lambda n: f"Program Uji {n}")
    urusan = "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR"
    bidang = "URUSAN PEMERINTAHAN BIDANG LINGKUNGAN HIDUP"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Indikator {n}")
    unit = "%"
    baseline = "40"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorTarget

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2022
    value = "50"


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramBudget

    program = factory.SubFactory(ProgramFactory)
    year = 2022
    amount = 1_000_000_000
