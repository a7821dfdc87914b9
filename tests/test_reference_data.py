"""Reference data of the data migrations survives a transactional test, whose flush empties every table."""

import pytest

from books.models import Book
from masterplan.models import Dimension, Element


@pytest.mark.parametrize("run", [1, 2])
@pytest.mark.django_db(transaction=True)
def test_the_reference_data_is_there_in_every_transactional_test(run):
    # the second run follows the first one's flush: without the restore it would find empty tables
    assert Dimension.objects.count() == 6
    assert Element.objects.count() == 18
    assert Book.objects.filter(cohort=None).count() == 5  # the four books and the yearly monitoring report
    # with the ids the migrations gave them, so a backup of this database restores into a migrated one
    assert list(Dimension.objects.order_by("pk").values_list("pk", flat=True)) == list(range(1, 7))
