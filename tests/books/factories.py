import factory
from django.core.files.base import ContentFile

from books.models import ExportJob
from tests.factories import MasterplanFactory


class ExportJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExportJob

    masterplan = factory.SubFactory(MasterplanFactory)
    book_key = "analisis"
    book_title = "Buku Analisis Strategis"
    status = ExportJob.Status.DONE
    page_count = 3
    size = 9
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.7\n", name="uji.pdf"))
