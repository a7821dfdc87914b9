from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def plain_value(value):
    """A frozen JSON value as plain text (auto-escaped by the template)."""
    if value is None or value == "" or value == []:
        return "–"
    if value is True:
        return _("ya")
    if value is False:
        return _("tidak")
    if isinstance(value, list):
        return "; ".join(plain_value(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain_value(v)}" for k, v in value.items())
    if isinstance(value, str):
        return _(value) if value.strip() else value  # a choice's label frozen in Indonesian is shown translated
    return str(value)


@register.filter
def stored_text(value):
    """A text frozen in Indonesian (a record's label such as a choice's name) in the reader's language when it
    is one of the interface's texts; anything typed by a person is shown as typed."""
    if isinstance(value, str) and value.strip():
        return _(value)
    return value


@register.filter
def field_name(name):
    """A frozen record's field name (a stable JSON key) as the reader's language says it."""
    from bimtek.snapshots import field_label

    return field_label(str(name))
