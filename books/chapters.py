"""The books app's own chapters: the region's profile and the team, so no book is empty on its own.

Content apps register theirs the same way (see docs/CONVENTIONS.md, "Book chapter templates").
"""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.charts import Bar, hbar_chart
from core.registry import Chapter, register_chapter
from masterplan.models import OPD, Membership, Role

KIND_PATTERNS = {
    "dinas": "diagonal",
    "badan": "dots",
    "bagian": "cross",
    "kecamatan": "horizontal",
    "lainnya": "vertical",
}


def profile_context(masterplan):
    """Region facts and OPDs per kind (1 query: the OPD counts)."""
    region = masterplan.region
    counts = dict(
        OPD.objects.for_masterplan(masterplan).values("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    bars = [
        Bar(str(label), counts.get(kind, 0), pattern=KIND_PATTERNS.get(kind, "solid"))
        for kind, label in OPD.Kind.choices
    ]
    chart = hbar_chart(bars, title=_("Jumlah perangkat daerah per jenis"), unit="OPD") if counts else ""
    return {"region": region, "opd_total": sum(counts.values()), "opd_chart": chart}


def team_context(masterplan):
    """Members by role and the region's OPDs with their member counts (2 queries)."""
    members = list(
        Membership.objects.filter(masterplan=masterplan)
        .select_related("user", "opd")
        .order_by("role", "opd__acronym", "user__first_name", "user__email")
    )
    opds = list(OPD.objects.for_masterplan(masterplan).annotate(member_count=Count("members")).order_by("acronym"))
    order = [Role.COORDINATOR, Role.EXPERT, Role.OPD_MEMBER, Role.READER]
    members.sort(key=lambda m: order.index(m.role) if m.role in order else 9)
    return {"members": members, "opds": opds}


def register():
    profile = gettext_lazy("Gambaran Umum Daerah")
    team = gettext_lazy("Tim Penyusun dan Perangkat Daerah")
    # The strategic analysis opens with how the plan was made (bimtek, order 10), then who made it; the region's
    # profile there is the plan app's (order 20). The masterplan closes with the Komitmen Bersama (bimtek, 90).
    register_chapter(Chapter("analisis", "books-tim", team, "books/books/team.html", team_context, 12))
    register_chapter(Chapter("ringkasan", "books-profil", profile, "books/books/profile.html", profile_context, 5))
    register_chapter(Chapter("masterplan", "books-tim", team, "books/books/team.html", team_context, 85, appendix=True))
