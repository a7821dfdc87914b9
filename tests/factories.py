import factory
from django.contrib.auth import get_user_model

from masterplan.models import OPD, Cohort, Masterplan, Membership, Region, Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("rahasia-uji-123")


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{90 + n % 9}")
    kind = Region.Kind.PROVINSI
    name = factory.LazyAttribute(lambda o: f"Provinsi {o.code}")
    population = 1_000_000
    area_km2 = 10_000


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    province = factory.SubFactory(ProvinceFactory, code="64", name="Kalimantan Timur")
    code = factory.Sequence(lambda n: f"64.{n + 10:02d}")
    kind = Region.Kind.KABUPATEN
    name = factory.LazyAttribute(lambda o: f"Kabupaten Uji {o.code}")
    population = 200_000
    area_km2 = 3000


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort
        django_get_or_create = ["year"]

    year = 2022


class MasterplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Masterplan

    region = factory.SubFactory(RegionFactory)
    cohort = factory.SubFactory(CohortFactory)
    title = factory.LazyAttribute(lambda o: f"Masterplan Smart City {o.region.name}")
    start_year = 2023
    end_year = 2032


class OPDFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OPD

    region = factory.SubFactory(RegionFactory)
    acronym = factory.Sequence(lambda n: f"OPD{n}")
    name = factory.LazyAttribute(lambda o: f"Dinas {o.acronym}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    masterplan = factory.SubFactory(MasterplanFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.READER
