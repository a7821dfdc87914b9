"""The programme dashboard: every masterplan of a cohort at a glance, with a constant number of queries.

Other apps add columns with `registry.register_cohort_column(CohortColumn(key, label, values, order))`;
`values(masterplans)` receives the whole (filtered) queryset and returns {masterplan id: value}."""

from django import forms
from django.db.models import Count, IntegerField, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core import registry
from masterplan.models import Cohort, Masterplan, Region

from .models import Comment, SectionReview, State
from .sections import section_keys

SORTS = {
    "region": _("Daerah"),
    "province": _("Provinsi"),
    "status": _("Status"),
    "stage": _("Tahap"),
    "members": _("Anggota"),
    "open_comments": _("Komentar terbuka"),
    "approved": _("Bagian disetujui"),
    "last_activity": _("Aktivitas terakhir"),
}


class ProgrammeFilterForm(forms.Form):
    cohort = forms.ModelChoiceField(
        label=_("Angkatan"), queryset=Cohort.objects.all(), required=False, empty_label=None
    )
    province = forms.ModelChoiceField(
        label=_("Provinsi"),
        queryset=Region.objects.filter(kind=Region.Kind.PROVINSI),
        required=False,
        empty_label=_("Semua provinsi"),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Semua status")), *Masterplan.Status.choices], required=False
    )
    sort = forms.ChoiceField(label=_("Urutkan menurut"), choices=list(SORTS.items()), required=False)
    desc = forms.BooleanField(label=_("Menurun"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-check-input" if name == "desc" else "form-select form-select-sm"
        # the registered columns sort too (by their key)
        self.fields["sort"].choices = [*SORTS.items(), *((c.key, c.label) for c in registry.cohort_columns())]
        self.fields["province"].queryset = Region.objects.filter(
            kind=Region.Kind.PROVINSI, pk__in=Region.objects.filter(masterplans__isnull=False).values("province")
        )


def _count(queryset):
    return Coalesce(
        Subquery(queryset.order_by().values("masterplan").annotate(n=Count("pk")).values("n")[:1]),
        Value(0),
        output_field=IntegerField(),
    )


def programme_queryset(cohort, *, province=None, status=""):
    queryset = Masterplan.objects.filter(cohort=cohort).for_cards()
    if province is not None:
        queryset = queryset.filter(region__province=province)
    if status:
        queryset = queryset.filter(status=status)
    comments = Comment.objects.filter(masterplan=OuterRef("pk"))
    reviews = SectionReview.objects.filter(masterplan=OuterRef("pk"))
    return queryset.annotate(
        open_comments=_count(comments.filter(resolved_at__isnull=True)),
        approved_sections=_count(reviews.filter(state=State.APPROVED, section_key__in=section_keys())),
        submitted_sections=_count(reviews.filter(state=State.SUBMITTED, section_key__in=section_keys())),
        last_comment=Subquery(comments.order_by().values("masterplan").annotate(m=Max("created_at")).values("m")[:1]),
        last_review=Subquery(reviews.order_by().values("masterplan").annotate(m=Max("changed_at")).values("m")[:1]),
    )


def programme_rows(queryset, *, sort="region", desc=False):
    """(columns, rows): the extra registered columns and one dict per masterplan."""
    columns = registry.cohort_columns()
    extra = {column.key: column.values(queryset) for column in columns}
    total = len(section_keys())
    rows = []
    for mp in queryset:
        stage = getattr(mp, "stage_reached", None)
        rows.append(
            {
                "masterplan": mp,
                "region": mp.region.name,
                "province": mp.region.province.name if mp.region.province else "",
                "status": mp.get_status_display(),
                "status_key": mp.status,
                "stage": stage if stage else "–",
                "members": mp.member_count,
                "open_comments": mp.open_comments,
                "approved": mp.approved_sections,
                "submitted": mp.submitted_sections,
                "sections_total": total,
                "last_activity": max(d for d in (mp.updated_at, mp.last_comment, mp.last_review) if d is not None),
                "extra": [extra[c.key].get(mp.pk, "") for c in columns],
            }
        )
    positions = {c.key: index for index, c in enumerate(columns)}
    if sort in positions:
        return columns, _sorted_by_column(rows, positions[sort], desc)
    key = sort if sort in SORTS else "region"
    text = key in ("region", "province", "status", "stage")
    rows.sort(key=lambda r: str(r[key]).lower() if text else r[key], reverse=desc)
    return columns, rows


def _sorted_by_column(rows, index, desc):
    """Rows by a registered column's value: its `sort` (a number) when it has one, else the value itself (text
    case-insensitively); empty cells last either way, then by region."""

    def value(row):
        cell = row["extra"][index]
        cell = getattr(cell, "sort", cell)
        return cell.lower() if isinstance(cell, str) else cell

    filled = [r for r in rows if r["extra"][index] not in ("", None)]
    empty = [r for r in rows if r["extra"][index] in ("", None)]
    filled.sort(key=lambda r: r["region"].lower())
    kinds = {type(value(r)) for r in filled}
    key = value if len(kinds) <= 1 or kinds <= {int, float} else (lambda r: str(value(r)))
    filled.sort(key=key, reverse=desc)
    return filled + sorted(empty, key=lambda r: r["region"].lower())


def export_sheets(columns, rows, cohort):
    header = [
        str(_("Daerah")),
        str(_("Provinsi")),
        str(_("Status")),
        str(_("Tahap")),
        str(_("Anggota")),
        str(_("Komentar terbuka")),
        str(_("Bagian disetujui")),
        str(_("Jumlah bagian")),
        str(_("Aktivitas terakhir")),
        *[str(c.label) for c in columns],
    ]
    data = [
        [
            r["region"],
            r["province"],
            r["status"],
            str(r["stage"]),
            r["members"],
            r["open_comments"],
            r["approved"],
            r["sections_total"],
            r["last_activity"].strftime("%Y-%m-%d %H:%M"),
            *[v if isinstance(v, int | float) else str(v) for v in r["extra"]],
        ]
        for r in rows
    ]
    widths = [34, 24, 14, 10, 10, 12, 12, 12, 18] + [16] * len(columns)
    return [(f"Angkatan {cohort.year}", header, data, widths)]
