"""A masterplan's activity stream, read from django-simple-history through registry.history_sources().

One page costs 1 query for the union of every source's history (ids and dates only, limited), then one
query per source that has rows on the page (its rows and the previous records of its updates), and one per
many-to-many field a source's history tracks when the page holds updates of it: constant in the number of rows."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import IntegerField, OuterRef, Q, Subquery, Value
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from core import registry

from .sections import section_label

PAGE_SIZE = 50
ACTIONS = {"+": _("membuat"), "~": _("mengubah"), "-": _("menghapus")}


@dataclass
class Entry:
    date: datetime
    user: object
    action: str
    model_label: str
    text: str
    section: str
    url: str
    changed: list  # labels of the fields an update changed


def _lookup(path):
    return path if path in ("id", "pk") else f"{path}_id"


def _source_queryset(source, index, masterplan, *, user_id=None, opd_id=None, section_key=""):
    scope = masterplan.region_id if source.by_region else masterplan.pk
    queryset = source.model.history.filter(**{_lookup(source.masterplan_path): scope})
    if section_key and source.section_field:
        queryset = queryset.filter(**{source.section_field: section_key})
    if user_id:
        queryset = queryset.filter(history_user_id=user_id)
    if opd_id:
        queryset = queryset.filter(**{_lookup(source.opd_path): opd_id})
    return (
        queryset.order_by()
        .annotate(src=Value(index, output_field=IntegerField()))
        .values_list("history_id", "history_date", "src")
    )


def sources_for(*, section_key="", opd_id=None):
    result = []
    for index, source in enumerate(registry.history_sources()):
        if section_key and not source.section_field and source.section_key != section_key:
            continue
        if opd_id and not source.opd_path:
            continue
        result.append((index, source))
    return result


def activity_page(masterplan, *, user_id=None, opd_id=None, section_key="", page=1, page_size=PAGE_SIZE):
    """(entries, has_next) for one page of the stream, newest first."""
    chosen = sources_for(section_key=section_key, opd_id=opd_id)
    if not chosen:
        return [], False
    querysets = [
        _source_queryset(source, index, masterplan, user_id=user_id, opd_id=opd_id, section_key=section_key)
        for index, source in chosen
    ]
    union = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
    start = (max(page, 1) - 1) * page_size
    keys = list(union.order_by("-history_date", "-history_id")[start : start + page_size + 1])
    has_next = len(keys) > page_size
    keys = keys[:page_size]
    by_source = {}
    for history_id, _date, src in keys:
        by_source.setdefault(src, []).append(history_id)
    sources = dict(chosen)
    rows, changes = {}, {}
    for src, ids in by_source.items():
        for row, changed in _rows_with_previous(sources[src], ids):
            rows[(src, row.history_id)] = row
            changes[(src, row.history_id)] = changed
    entries = []
    for history_id, date, src in keys:
        row, source = rows.get((src, history_id)), sources[src]
        if row is None:
            continue
        entries.append(
            Entry(
                date=date,
                user=row.history_user,
                action=ACTIONS.get(row.history_type, row.history_type),
                model_label=source.model._meta.verbose_name,
                text=source.describe(row) if source.describe else str(row.instance),
                changed=changes[(src, history_id)],
                section=_section(source, row),
                url=_url(source, masterplan),
            )
        )
    return entries, has_next


def _rows_with_previous(source, ids):
    """The historical rows with the previous records of their updates (one query) and, for updates, the labels
    of the fields they changed (many-to-many fields the history tracks: one more query each)."""
    history = source.model.history
    previous = history.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date")).order_by("-history_date")
    with_previous = history.annotate(previous_id=Subquery(previous.values("history_id")[:1]))
    updates = with_previous.filter(history_id__in=ids, history_type="~").values("previous_id")
    fetched = {
        row.history_id: row
        for row in with_previous.filter(Q(history_id__in=ids) | Q(history_id__in=updates)).select_related(
            "history_user", *source.select_related
        )
    }
    rows = [fetched[history_id] for history_id in ids if history_id in fetched]
    pairs = {
        row.history_id: fetched[row.previous_id]
        for row in rows
        if row.history_type == "~" and row.previous_id in fetched
    }
    m2m_names = [field.name for field in history.model._history_m2m_fields]
    m2m_changed = _m2m_changes(source, history.model, m2m_names, pairs) if pairs and m2m_names else {}
    result = []
    for row in rows:
        old = pairs.get(row.history_id)
        changed = []
        if old is not None:
            names = [change.field for change in row.diff_against(old, excluded_fields=m2m_names).changes]
            names = sorted(names + m2m_changed.get(row.history_id, []))
            changed = [str(source.model._meta.get_field(name).verbose_name) for name in names]
        result.append((row, changed))
    return result


def _m2m_changes(source, history_model, names, pairs):
    """{history id: [many-to-many fields whose rows differ from the previous record's]}, as diff_against() tells
    them, with one query per field for every update of the page."""
    history_ids = set(pairs) | {old.history_id for old in pairs.values()}
    changed = {}
    for name in names:
        m2m_model = getattr(history_model, name).model  # the field's historical through rows
        ordering = source.model._meta.get_field(name).m2m_reverse_field_name()
        compared = [
            f.name for f in m2m_model._meta.fields if f.editable and f.name not in ("id", "m2m_history_id", "history")
        ]
        rows = {}
        for values in (
            m2m_model.objects.filter(history_id__in=history_ids)
            .order_by("history_id", ordering)
            .values("history_id", *compared)
        ):
            rows.setdefault(values.pop("history_id"), []).append(values)
        for history_id, old in pairs.items():
            if rows.get(history_id, []) != rows.get(old.history_id, []):
                changed.setdefault(history_id, []).append(name)
    return changed


def _section(source, row):
    key = getattr(row, source.section_field, "") if source.section_field else source.section_key
    return section_label(key) if key else ""


def _url(source, masterplan):
    if not source.url_name:
        return ""
    try:
        return reverse(source.url_name, args=[masterplan.pk])
    except NoReverseMatch:
        return ""
