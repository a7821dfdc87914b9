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
    return str(value)
