from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def juta(value):
    """Rupiah in millions, the active language's way: 1250000000 -> '1.250', 1500000 -> '1,5' (English '1,250',
    '1.5'; the books render in Indonesian)."""
    if value in (None, ""):
        return "–"
    try:
        millions = Decimal(value) / Decimal(1_000_000)
    except (InvalidOperation, TypeError, ValueError):
        return value
    if millions == millions.to_integral_value():
        return number_format(int(millions), force_grouping=True)
    return number_format(millions, 1, force_grouping=True)
