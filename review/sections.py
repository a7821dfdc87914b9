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


def empty_sections(masterplan) -> set[str]:
    """Keys of the registered sections with nothing in them yet (their serialize() gives no records), so the
    expert sees that a submitted section is empty. Cached per content version: any reported change recounts."""
    from django.core.cache import cache

    key = f"review-empty:{masterplan.pk}:{masterplan.created_at:%s%f}:{masterplan.content_version}"
    found = cache.get(key)
    if found is None:
        found = [s.key for s in registry.sections() if not _has_content(s.serialize(masterplan))]
        cache.set(key, found, 24 * 3600)
    return set(found)


def _has_content(records) -> bool:
    """Whether any record has a field with something in it (a section's rows may exist with every field blank)."""

    def filled(value):
        if isinstance(value, dict):
            return any(filled(v) for v in value.values())
        if isinstance(value, list | tuple):
            return any(filled(v) for v in value)
        if isinstance(value, str):
            return bool(value.strip())
        return value not in (None, False)

    return any(filled(record.get("fields", {})) for record in records)
