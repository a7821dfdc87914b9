"""The yearly evaluation (self-assessment, the ministry's result, follow-ups). For other apps:

from monev.evaluation import book_context, latest_index
"""


def book_context(masterplan, year):
    from .book import book_context as build

    return build(masterplan, year)


def latest_index(masterplans):
    from .book import latest_index as build

    return build(masterplans)
