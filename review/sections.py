"""The sections a masterplan is reviewed by: every registered section, then the four books."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from core import registry

GROUP_LABELS = {
    "analysis": _("Analisis strategis"),
    "masterplan": _("Masterplan"),
    "quickwins": _("Quick win"),
    "books": _("Buku"),
}


@dataclass(frozen=True)
class ReviewSection:
    key: str
    label: str
    group: str
    url_name: str = ""

    @property
    def group_label(self):
        return GROUP_LABELS.get(self.group, self.group)

    def url(self, masterplan):
        if not self.url_name:
            return ""
        try:
            return reverse(self.url_name, args=[masterplan.pk])
        except NoReverseMatch:
            return ""


def review_sections():
    result = [ReviewSection(s.key, str(s.label), s.group, s.url_name) for s in registry.sections()]
    result += [ReviewSection(key, str(label), "books", "") for key, label in registry.BOOK_SECTIONS]
    return result


def section_keys():
    return {s.key for s in review_sections()}


def section_label(key):
    for section in review_sections():
        if section.key == key:
            return section.label
    return key
