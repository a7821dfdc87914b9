"""Length limits on the text fields of every form (issue 18: 2 MB in a quick win's "problem" made a
475-page book).

`TextLimitsMixin` (a base of `core.concurrency.VersionedFormMixin`, so every editing form has it) gives each
text field without a limit of its own one that fits its content: a single line `SHORT`, a text area `LONG`,
the long narratives of LONG_NARRATIVES `NARRATIVE`. The limit is said in the form (the widget's maxlength,
and "maks. N karakter" under a text area) and checked on the server with a message naming the field.
A form may set `text_limits = {"field": N}`. Forms only: no model changes, no migrations.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

SHORT = 1_000
LONG = 10_000
NARRATIVE = 20_000
# Narratives that run to pages ("app_label.model.field" of a ModelForm, or a plain form's field name).
LONG_NARRATIVES = {
    "plan.regionprofile.geography",
    "plan.regionprofile.economy",
    "plan.regionprofile.society",
    "bimtek.session.minutes",
    "bimtek.commitment.text",
    "masterplan.masterplan.foreword",
    "books.edition.foreword",
    "books.edition.background",
    "foreword",
}


@deconstructible
class MaxTextLength:
    """At most `limit` characters, a line break counted once (as the browser's maxlength counts it)."""

    def __init__(self, limit, label):
        self.limit = limit
        self.label = label

    def __call__(self, value):
        length = len(str(value).replace("\r\n", "\n"))
        if length > self.limit:
            raise ValidationError(
                _("%(field)s terlalu panjang: paling banyak %(max)s karakter (sekarang %(n)s).")
                % {"field": self.label, "max": self.limit, "n": length},
                code="max_length",
            )

    def __eq__(self, other):
        return isinstance(other, MaxTextLength) and (other.limit, other.label) == (self.limit, self.label)


def _key(form, name):
    meta = getattr(form, "_meta", None)
    model = getattr(meta, "model", None)
    return f"{model._meta.label_lower}.{name}" if model is not None else name


def limit_text_fields(form, overrides=None):
    """Give every unlimited text field of `form` its limit (see the module's docstring)."""
    overrides = overrides or {}
    for name, field in form.fields.items():
        if type(field) is not forms.CharField or isinstance(field.widget, (forms.HiddenInput, forms.PasswordInput)):
            continue  # email, URL, slug and choice fields check their own format; hidden fields are ours
        if name in overrides:
            limit = overrides[name]
        elif field.max_length is not None:
            continue  # a CharField of the model: its max_length is checked already
        elif isinstance(field.widget, forms.Textarea):
            limit = NARRATIVE if _key(form, name) in LONG_NARRATIVES else LONG
        else:
            limit = SHORT
        field.max_length = limit
        field.validators.append(MaxTextLength(limit, field.label or name))
        field.widget.attrs["maxlength"] = str(limit)
        if isinstance(field.widget, forms.Textarea):
            note = _("Maks. %(n)s karakter.") % {"n": limit}
            field.help_text = f"{field.help_text} {note}" if field.help_text else note


class TextLimitsMixin:
    text_limits = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_fields(self, self.text_limits)
