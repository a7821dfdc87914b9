"""The number in a target or baseline written the Indonesian way, when there is one.

Targets and baselines are stored as written ("WTP", "A", "BB", "N/A", "Tidak Ada Data", "-", "85,5", "1.250");
`indicator_number` gives the number beside the text (charts and sums use it, books print the text):
"85,5" -> 85.5, "1.250" -> 1250, "1.250,75" -> 1250.75, "85%" -> 85, "WTP" -> None, "-" -> None.
A single dot followed by exactly three digits is a thousands separator (Indonesian "1.250"); otherwise a dot is
a decimal point (a number typed by a spreadsheet in English: "2.5").
"""

import re
from decimal import Decimal, InvalidOperation

THOUSANDS_RE = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")  # 1.250 · 1.250.000 · 1.250,5
COMMA_DECIMAL_RE = re.compile(r"^-?\d+(?:,\d+)?$")  # 85 · 85,5
DOT_DECIMAL_RE = re.compile(r"^-?\d+\.\d+$")  # 2.5 (not three digits after the dot: see above)
LIMIT = Decimal("1e19")  # what the number columns hold (24 digits, 4 decimals)


def indicator_number(value) -> Decimal | None:
    """The number a target or baseline text holds, or None when it holds none (text targets)."""
    if value is None:
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        result = Decimal(str(value))
    else:
        raw = re.sub(r"\s+", "", str(value)).rstrip("%")
        if not raw:
            return None
        if THOUSANDS_RE.match(raw):
            raw = raw.replace(".", "").replace(",", ".")
        elif COMMA_DECIMAL_RE.match(raw):
            raw = raw.replace(",", ".")
        elif not DOT_DECIMAL_RE.match(raw):
            return None
        try:
            result = Decimal(raw)
        except InvalidOperation:
            return None
    if not result.is_finite() or abs(result) >= LIMIT:
        return None
    return result.quantize(Decimal("0.0001"))
