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


def empty_sections(masterplan, versions=None) -> set[str]:
    """Keys of the registered sections with nothing in them yet (their serialize() gives no records), so the
    expert sees that a submitted section is empty. Counted per section and cached under the version of its
    review row (`versions`: {key: version}, read when not given), which every reported change of the section
    bumps: an edit recounts only its own section (counting all 18 again took 40 queries after every edit).
    A section without a row has never been reported changed since the masterplan was created."""
    from django.core.cache import cache

    if versions is None:
        from .models import SectionReview

        versions = dict(SectionReview.objects.filter(masterplan=masterplan).values_list("section_key", "version"))
    created = f"{masterplan.created_at:%s%f}" if masterplan.created_at else ""
    keys = {
        section.key: f"review-empty:{masterplan.pk}:{created}:{section.key}:{versions.get(section.key, 0)}"
        for section in registry.sections()
    }
    try:
        found = cache.get_many(list(keys.values()))
    except Exception:  # a cache that is down means counting, never a failed page
        found = {}
    empty, missing = set(), {}
    for section in registry.sections():
        cached = found.get(keys[section.key])
        if cached is None:
            cached = not _has_content(section.serialize(masterplan))
            missing[keys[section.key]] = cached
        if cached:
            empty.add(section.key)
    if missing:
        try:
            cache.set_many(missing, 24 * 3600)
        except Exception:
            pass
    return empty


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
