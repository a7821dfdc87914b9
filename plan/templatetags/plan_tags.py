from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def juta(value):
    """Rupiah in millions, the Indonesian way: 1250000000 -> '1.250', 1500000 -> '1,5'."""
    if value in (None, ""):
        return "–"
    try:
        millions = Decimal(value) / Decimal(1_000_000)
    except (InvalidOperation, TypeError, ValueError):
        return value
    if millions == millions.to_integral_value():
        return f"{int(millions):,}".replace(",", ".")
    return f"{millions:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
