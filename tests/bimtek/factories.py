import factory
from django.utils import timezone

from bimtek.models import Attachment, Attendee, Commitment, Decision, FollowUp, Session, Signatory, Snapshot, Stage
from tests.factories import MasterplanFactory, OPDFactory


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage
        django_get_or_create = ["masterplan", "number"]

    masterplan = factory.SubFactory(MasterplanFactory)
    number = 1


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    stage = factory.SubFactory(StageFactory)
    masterplan = factory.SelfAttribute("stage.masterplan")
    title = factory.Sequence(lambda n: f"Sesi {n}")
    starts_at = factory.LazyFunction(timezone.now)
    venue = "Aula Kantor Bupati"


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendee

    session = factory.SubFactory(SessionFactory)
    name = factory.Sequence(lambda n: f"Peserta {n}")
    institution = "Kominfo"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    session = factory.SubFactory(SessionFactory)
    text = "Keputusan uji"


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    session = factory.SubFactory(SessionFactory)
    masterplan = factory.SelfAttribute("session.masterplan")
    text = factory.Sequence(lambda n: f"Tindak lanjut {n}")
    opd = factory.SubFactory(OPDFactory, region=factory.SelfAttribute("..masterplan.region"))


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    session = factory.SubFactory(SessionFactory)
    masterplan = factory.SelfAttribute("session.masterplan")
    file = factory.django.FileField(filename="x.pdf", data=b"%PDF-1.4\n%%EOF\n")
    original_name = "kertas kerja.pdf"
    content_kind = "pdf"
    size = 15


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment
        django_get_or_create = ["masterplan"]

    masterplan = factory.SubFactory(MasterplanFactory)
    text = "Kami berkomitmen.\n\nParagraf kedua."


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    commitment = factory.SubFactory(CommitmentFactory)
    name = factory.Sequence(lambda n: f"Penanda tangan {n}")
    position = "Kepala Dinas"


class SnapshotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Snapshot

    masterplan = factory.SubFactory(MasterplanFactory)
    label = factory.Sequence(lambda n: f"Snapshot {n}")
    taken_at = factory.LazyFunction(timezone.now)
    sections = factory.LazyFunction(lambda: {"uji": "Bagian uji"})
    data = factory.LazyFunction(lambda: {"uji": [{"key": "a", "label": "A", "fields": {"x": 1}}]})
