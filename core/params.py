"""Numbers read from a query string or a form post: page numbers and ids.

Python's int() takes "99999999999999999999", "-5", " 7 " and "٣" (an Arabic-Indic three); a database
integer does not go past 2**63-1, and an OFFSET of a huge page overflows. These helpers accept only
plain ASCII digits within range, so a hostile number is a default page or a refused id, never a 500.
"""

import re

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

MAX_ID = 2**63 - 1  # a bigint primary key
MAX_PAGE = 1_000_000  # far beyond any list here; keeps OFFSET (page * size) well inside a bigint
_DIGITS = re.compile(r"[0-9]{1,19}", re.ASCII)


def parse_id(value):
    """The positive id written in `value` (a str or an int), or None when it is not one."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        return None
    return number if 1 <= number <= MAX_ID else None


def page_number(request, *, name="page", default=1):
    """The page asked for in request.GET: an int in 1..MAX_PAGE. Missing, negative or non-numeric
    values give `default`; a huge one gives MAX_PAGE (a Paginator's get_page then shows the last page)."""
    raw = request.GET.get(name, "").strip()
    if not re.fullmatch(r"[0-9]+", raw, re.ASCII):
        return default
    digits = raw.lstrip("0")
    if not digits:
        return default
    return MAX_PAGE if len(digits) > 7 else min(int(digits), MAX_PAGE)


class InvalidIds(ValueError, BadRequest):
    """Raised by int_ids. A ValueError (callers that answer 404 for an unknown id keep doing so) and a
    BadRequest (a caller that does not catch it answers 400)."""


def int_ids(values, *, field):
    """The sorted, distinct ids in `values` (e.g. request.POST.getlist("programs")).

    Every value must be a plain number in 1..2**63-1; otherwise InvalidIds says which field."""
    ids = set()
    for value in values:
        number = parse_id(value)
        if number is None:
            raise InvalidIds(
                _("%(field)s: %(value)s bukan nomor yang valid.") % {"field": field, "value": str(value)[:40]}
            )
        ids.add(number)
    return sorted(ids)


def optional_id(value):
    """A filter's id from the query string (`?opd=12`): the id, or None for anything else (ignored)."""
    return parse_id(value)
