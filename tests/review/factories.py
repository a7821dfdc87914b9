import factory

from review.models import Comment


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    section_key = "book:masterplan"
    target_label = "Buku Masterplan"
    body = factory.Sequence(lambda n: f"Komentar {n}")
