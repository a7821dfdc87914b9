"""Freezing the masterplan's content and comparing two frozen (or live) versions, section by section."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core import registry


def freeze(masterplan):
    """({section key: label}, {section key: records}) for every registered section, JSON values only."""
    labels, data = {}, {}
    for section in registry.sections():
        labels[section.key] = str(section.label)
        data[section.key] = section.serialize(masterplan)
    return labels, data


@dataclass
class FieldChange:
    name: str
    old: object
    new: object


@dataclass
class RecordChange:
    key: str
    label: str
    fields: list  # [FieldChange]


@dataclass
class SectionDiff:
    key: str
    label: str
    added: list = field(default_factory=list)  # records
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)  # [RecordChange]
    only_in: str = ""  # "old" or "new" when the section exists on one side only

    @property
    def has_changes(self):
        return bool(self.added or self.removed or self.changed)


def _index(records):
    return {str(r.get("key")): r for r in records or []}


def diff_section(key, label, old_records, new_records):
    result = SectionDiff(key=key, label=label)
    old, new = _index(old_records), _index(new_records)
    for record_key, record in new.items():
        if record_key not in old:
            result.added.append(record)
    for record_key, record in old.items():
        if record_key not in new:
            result.removed.append(record)
    for record_key, record in new.items():
        before = old.get(record_key)
        if before is None:
            continue
        old_fields, new_fields = before.get("fields") or {}, record.get("fields") or {}
        changes = [
            FieldChange(name, old_fields.get(name), new_fields.get(name))
            for name in [*old_fields, *(n for n in new_fields if n not in old_fields)]
            if old_fields.get(name) != new_fields.get(name)
        ]
        if before.get("label") != record.get("label"):
            changes.insert(0, FieldChange(_("label"), before.get("label"), record.get("label")))
        if changes:
            result.changed.append(RecordChange(record_key, record.get("label") or record_key, changes))
    return result


def diff(old_labels, old_data, new_labels, new_data):
    """[SectionDiff] in the order of the registry, then sections no longer registered."""
    order = [s.key for s in registry.sections()]
    keys = [k for k in order if k in old_data or k in new_data]
    keys += sorted(k for k in {*old_data, *new_data} if k not in order)
    result = []
    for key in keys:
        label = new_labels.get(key) or old_labels.get(key) or key
        section = diff_section(key, label, old_data.get(key), new_data.get(key))
        if key not in old_data:
            section.only_in = "new"
        elif key not in new_data:
            section.only_in = "old"
        result.append(section)
    return result
