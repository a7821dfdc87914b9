import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from masterplan.models import Dimension
from quickwins.models import ProgressUpdate, QuickWin, QuickWinOwner


class QuickWinFactory(factory.django.DjangoModelFactory):
    """A quick win; pass owner=<OPD> (and owner_year) to give it an owning OPD."""

    class Meta:
        model = QuickWin
        skip_postgeneration_save = True

    short_name = factory.Sequence(lambda n: f"QW{n}")
    full_name = factory.LazyAttribute(lambda o: f"Quick win {o.short_name}")
    dimension = factory.LazyFunction(lambda: Dimension.objects.get(key="governance"))

    @factory.post_generation
    def owner(self, create, extracted, **kwargs):
        if create and extracted is not None:
            QuickWinOwner.objects.create(quickwin=self, year=kwargs.get("year", 2022), opd=extracted)


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    quickwin = factory.SubFactory(QuickWinFactory)
    date = datetime.date(2023, 1, 31)
    percent = 50
    status = "implementation"


def png(name="foto.png", size=(40, 30)):
    out = io.BytesIO()
    Image.new("RGB", size, "#0072B2").save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")
