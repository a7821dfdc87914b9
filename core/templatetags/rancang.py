from decimal import Decimal, InvalidOperation

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core import registry

register = template.Library()


@register.inclusion_tag("masterplan/partials/tabs.html", takes_context=True)
def masterplan_tabs(context, masterplan, active=""):
    tabs = [{"key": "dashboard", "label": _("Ringkasan"), "url": reverse("masterplan:dashboard", args=[masterplan.pk])}]
    for tab in registry.tabs():
        try:
            url = reverse(tab.url_name, args=[masterplan.pk])
        except NoReverseMatch:
            continue
        tabs.append({"key": tab.key, "label": tab.label, "url": url})
    return {"tabs": tabs, "active": active or context.get("active_tab", "")}


def _group(digits):
    """Digits grouped the way of the active language: '1.250.000' in Indonesian, '1,250,000' in English (the
    books render in Indonesian)."""
    return number_format(digits, force_grouping=True)


@register.filter
def rupiah(value):
    """1250000000 -> 'Rp 1.250.000.000' (English: 'Rp 1,250,000,000')."""
    if value in (None, ""):
        return "–"
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    return f"Rp {_group(int(amount.quantize(Decimal(1))))}"


@register.filter
def ribuan(value):
    """Thousands separated the active language's way: 1250000 -> '1.250.000' (English: '1,250,000')."""
    if value in (None, ""):
        return "–"
    try:
        return _group(int(value))
    except (TypeError, ValueError):
        return value


@register.filter
def percent(value, places=1):
    """The house rule (core.charts.percent): "26%", "82,5%", "4,2%": half-up, decimal comma, no space."""
    from core.charts import percent as fmt

    try:
        return fmt(value, int(places))
    except (TypeError, ValueError):
        return value


@register.filter
def decimal(value, places=1):
    """Indonesian decimals, half-up (core.charts.decimal): 2.25 -> "2,3", 1250.5 -> "1.250,5", None -> "–"."""
    from core.charts import decimal as fmt

    try:
        return fmt(value, int(places))
    except (TypeError, ValueError):
        return value


@register.simple_tag
def dimension_patterns(dimensions, *prefix):
    """The dimensions' hatch patterns (core.charts), ids prefix + key: `{% dimension_patterns dims pid "dim-" %}`
    (the prefix's parts are joined; an empty or missing part adds nothing)."""
    from core.charts import dimension_patterns as patterns

    return patterns(dimensions, "".join(str(part) for part in prefix if part))


@register.simple_tag
def chart_pattern(pattern, color, *pid):
    """One hatch pattern of core.charts for a chart's own fill: `{% chart_pattern "dots" "#c62828" pid "rating-kurang" %}`."""
    from core.charts import pattern_def

    return pattern_def("".join(str(part) for part in pid if part), pattern, color)


@register.simple_tag
def pdf_static(path):
    """A static file as a file:// URI, for HTML that WeasyPrint renders (see core/pdf.py)."""
    from core.pdf import static_uri

    return static_uri(path)


@register.simple_tag
def years(start, end=None):
    """{% years p.start_year p.end_year %}: "2023–2025", one year once ("2023", never "2023–2023"), "" unknown."""
    if not start:
        return ""
    if not end or end == start:
        return str(start)
    return f"{start}–{end}"


@register.inclusion_tag("core/partials/checkbox_groups.html")
def checkbox_groups(field, columns="col-sm-6 col-lg-4"):
    """A multiple choice as checkboxes grouped like its choices' optgroups (elements by dimension): one
    fieldset with the field's label as legend, a sub-group per dimension. No Ctrl-click, works without JS.
    `field` is a bound field whose choices are [(group, [(value, label), ...]), ...] (ungrouped also works)."""
    value = field.value() or []
    chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
    groups = []
    index = 0
    for group, options in field.field.choices:
        if not isinstance(options, list | tuple):
            options, group = [(group, options)], ""
        items = []
        for option_value, label in options:
            if option_value in ("", None):
                continue
            items.append(
                {
                    "id": f"{field.auto_id}_{index}",
                    "value": option_value,
                    "label": label,
                    "checked": str(option_value) in chosen,
                }
            )
            index += 1
        if items:
            groups.append({"name": group, "items": items})
    return {"field": field, "groups": groups, "columns": columns}


@register.filter
def with_unit(value, unit):
    """A value and its unit the house way: "4,21%" (a percent sign sticks to the number), "1.250 km²" otherwise."""
    value, unit = str(value if value is not None else "").strip(), str(unit or "").strip()
    if not unit:
        return value
    return f"{value}{unit}" if unit == "%" else f"{value}\u00a0{unit}"
