"""Numbers as people write them in Indonesian reports: "1.250.000", "85,5", "Rp 2 juta".

Decided: a dot groups thousands and a comma starts the decimals (the Indonesian way). Amounts may carry "Rp"
and the words ribu, juta (jt), miliar (milyar) or triliun ("Rp 2 juta", "1,5 miliar"). Refused with a message
that says how to write it: English grouping ("1,250,000"), fractions of a rupiah, the ambiguous "M" (miliar
or million?), negative amounts and anything that is not a number.
"""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

MULTIPLIERS = {
    "ribu": 10**3,
    "rb": 10**3,
    "juta": 10**6,
    "jt": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
}
MAX_AMOUNT = Decimal(10) ** 17  # the field holds 18 digits

_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.250.000 or 1.250.000,50
_PLAIN = re.compile(r"^\d+(,\d+)?$")  # 1250000 or 85,5
_DOT_DECIMAL = re.compile(r"^\d+\.(\d{1,2}|\d{4,})$")  # 85.5: not a thousands group
_ENGLISH = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,250,000


def parse_number(value):
    """A Decimal from a cell or a form value, or None when the text is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    negative = text.startswith("-")
    text = text.lstrip("-")
    if _GROUPED.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _PLAIN.match(text):
        text = text.replace(",", ".")
    elif not _DOT_DECIMAL.match(text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return -number if negative else number


def parse_rupiah(value):
    """Whole rupiah as a Decimal (None for an empty value); ValueError with an Indonesian message otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(_("%(v)s bukan jumlah rupiah.") % {"v": value})
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = str(value).strip().lower().replace("\u00a0", " ")
        text = re.sub(r"^rp\.?\s*", "", text)
        text = re.sub(r",-$", "", text).strip()  # "Rp 1.250.000,-"
        multiplier = 1
        match = re.match(r"^(.*?)\s*([a-z]+)\.?$", text)
        if match and match.group(1):
            word = match.group(2)
            if word not in MULTIPLIERS:
                if word == "m":
                    raise ValueError(
                        _("'%(v)s': huruf M bisa berarti miliar atau juta; tulis dengan kata, misalnya 2 miliar.")
                        % {"v": value}
                    )
                raise ValueError(_("'%(v)s' bukan jumlah rupiah; tulis misalnya 1.250.000 atau 2 juta.") % {"v": value})
            multiplier = MULTIPLIERS[word]
            text = match.group(1)
        if _ENGLISH.match(text.replace(" ", "")):
            raise ValueError(
                _("'%(v)s': koma menandai desimal; tulis ribuan dengan titik, misalnya 1.250.000.") % {"v": value}
            )
        number = parse_number(text)
        if number is None:
            raise ValueError(_("'%(v)s' bukan jumlah rupiah; tulis misalnya 1.250.000 atau 2 juta.") % {"v": value})
        number *= multiplier
    if number < 0:
        raise ValueError(_("Jumlah rupiah tidak boleh negatif (%(v)s).") % {"v": value})
    if number != number.to_integral_value():
        raise ValueError(_("'%(v)s': tulis dalam rupiah penuh, tanpa sen.") % {"v": value})
    if number >= MAX_AMOUNT:
        raise ValueError(_("'%(v)s' terlalu besar.") % {"v": value})
    return number.quantize(Decimal(1))


def format_number(number):
    """Indonesian writing of a Decimal: 1250000 -> '1.250.000', 85.5 -> '85,5'."""
    number = number.normalize()
    sign = "-" if number < 0 else ""
    number = abs(number)
    whole, _dot, fraction = f"{number:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + fraction if fraction else "")


def normalise_value(value):
    """An indicator's realisation as stored: numbers the Indonesian way, anything else as written ("WTP")."""
    if value is None:
        return ""
    number = parse_number(value)
    if number is not None:
        return format_number(number)
    return str(value).strip()


def achievement(target, realisation):
    """Realisation against target in percent (one decimal), or None when either is not a number."""
    if not target or not realisation:
        return None
    target_number = parse_number(str(target).strip().rstrip("%").strip())
    real_number = parse_number(str(realisation).strip().rstrip("%").strip())
    if target_number is None or real_number is None or target_number == 0:
        return None
    return round(float(real_number / target_number * 100), 1)
