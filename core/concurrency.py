"""Optimistic concurrency: no edit is silently lost.

A model that people edit in forms inherits `Versioned`. Its ModelForm inherits `VersionedFormMixin`
(a hidden `version` field), and the view saves with `save_versioned(form)`. If somebody saved the
same row since the form was opened, `EditConflict` is raised: the view shows both versions
(`templates/core/partials/conflict.html`) and the user decides; nothing is overwritten.
"""

from django import forms
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .textlimits import TextLimitsMixin


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class EditConflict(Exception):
    def __init__(self, current, form):
        self.current = current
        self.form = form
        last = current.history.first() if hasattr(current, "history") else None
        self.changed_by = getattr(last, "history_user", None)
        self.changed_at = getattr(last, "history_date", None)
        super().__init__(self.message)

    @property
    def message(self):
        who = self.changed_by.get_full_name() or self.changed_by.email if self.changed_by else _("orang lain")
        return _(
            "Data ini sudah diubah oleh %(who)s sejak Anda membukanya. Perubahan Anda belum disimpan: "
            "bandingkan kedua versi di bawah, lalu simpan lagi bila versi Anda yang benar."
        ) % {"who": who}

    def rows(self):
        """(label, their value, your value, differs) for every field of the form."""
        result = []
        for name, field in self.form.fields.items():
            if name == "version" or not hasattr(self.current, name):
                continue
            theirs = _display(self.current, name)
            yours = (
                self.form.cleaned_data.get(name, self.form.data.get(name))
                if hasattr(self.form, "cleaned_data")
                else self.form.data.get(name)
            )
            if hasattr(yours, "all"):
                yours = ", ".join(str(v) for v in yours)
            yours = "" if yours is None else str(yours)
            result.append((field.label or name, theirs, yours, theirs != yours))
        return result


def _display(instance, name):
    value = getattr(instance, name)
    getter = getattr(instance, f"get_{name}_display", None)
    if getter:
        value = getter()
    if hasattr(value, "all"):
        value = ", ".join(str(v) for v in value.all())
    return "" if value is None else str(value)


class VersionedFormMixin(TextLimitsMixin, forms.Form):
    """A hidden `version` (see the module's docstring), and the text limits of core.textlimits."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            self.fields["version"].initial = instance.version


def save_versioned(form, commit_m2m=True):
    """Save a bound, valid ModelForm of a Versioned model; raise EditConflict on a concurrent change."""
    instance = form.instance
    with transaction.atomic():
        if instance.pk:
            current = type(instance).objects.select_for_update().get(pk=instance.pk)
            expected = form.cleaned_data.get("version")
            if expected is None or current.version != expected:
                data = form.data.copy()
                data[form.add_prefix("version")] = current.version
                form.data = data
                raise EditConflict(current, form)
            instance.version = current.version + 1
        return form.save()


def bump_version(instance, expected):
    """For small in-place edits (htmx) without a form: True if `instance` was still at `expected`."""
    model = type(instance)
    updated = model.objects.filter(pk=instance.pk, version=expected).update(version=models.F("version") + 1)
    if updated:
        instance.version = expected + 1
    return bool(updated)


CONFLICT_TITLE = gettext_lazy("Perubahan bersamaan")
