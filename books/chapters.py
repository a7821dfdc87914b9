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
    opds = list(OPD.objects.for_masterplan(masterplan).order_by("acronym"))
    order = [Role.COORDINATOR, Role.EXPERT, Role.OPD_MEMBER, Role.READER]
    members.sort(key=lambda m: order.index(m.role) if m.role in order else 9)
    return {"members": members, "opds": opds}


# Terms the books use, with their meaning; the region's OPDs are added from its own list.
TERMS = [
    ("APBD", gettext_lazy("Anggaran Pendapatan dan Belanja Daerah")),
    ("APBN", gettext_lazy("Anggaran Pendapatan dan Belanja Negara")),
    ("ASN", gettext_lazy("Aparatur Sipil Negara")),
    ("Bimtek", gettext_lazy("Bimbingan Teknis")),
    ("CSR", gettext_lazy("Corporate Social Responsibility (tanggung jawab sosial perusahaan)")),
    ("Kominfo", gettext_lazy("Kementerian Komunikasi dan Informatika")),
    ("KPBU", gettext_lazy("Kerja Sama Pemerintah dan Badan Usaha")),
    ("MoU", gettext_lazy("Memorandum of Understanding (nota kesepahaman)")),
    ("OPD", gettext_lazy("Organisasi Perangkat Daerah")),
    ("Perbup", gettext_lazy("Peraturan Bupati")),
    ("Perda", gettext_lazy("Peraturan Daerah")),
    ("Perwali", gettext_lazy("Peraturan Wali Kota")),
    ("RPJMD", gettext_lazy("Rencana Pembangunan Jangka Menengah Daerah")),
    ("RPJPD", gettext_lazy("Rencana Pembangunan Jangka Panjang Daerah")),
    ("Renstra", gettext_lazy("Rencana Strategis Perangkat Daerah")),
    ("SDM", gettext_lazy("Sumber Daya Manusia")),
    ("SK", gettext_lazy("Surat Keputusan")),
    ("SKPD", gettext_lazy("Satuan Kerja Perangkat Daerah")),
    ("SPBE", gettext_lazy("Sistem Pemerintahan Berbasis Elektronik")),
    ("SWOT", gettext_lazy("Strengths, Weaknesses, Opportunities, Threats (kekuatan, kelemahan, peluang, ancaman)")),
    ("TIK", gettext_lazy("Teknologi Informasi dan Komunikasi")),
    ("UMKM", gettext_lazy("Usaha Mikro, Kecil, dan Menengah")),
]


def abbreviations_context(masterplan):
    """The region's OPD acronyms and the books' terms, alphabetically, one entry per acronym (1 query)."""
    entries = {acronym.casefold(): (acronym, str(meaning)) for acronym, meaning in TERMS}
    for acronym, name in OPD.objects.for_masterplan(masterplan).values_list("acronym", "name"):
        if acronym and acronym.casefold() != name.casefold():
            entries[acronym.casefold()] = (acronym, name)  # the region's own name wins
    return {"entries": sorted(entries.values(), key=lambda e: e[0].casefold())}


def register():
    profile = gettext_lazy("Gambaran Umum Daerah")
    team = gettext_lazy("Tim Penyusun dan Perangkat Daerah")
    # The strategic analysis opens with how the plan was made (bimtek, order 10), then who made it; the region's
    # profile there is the plan app's (order 20). The masterplan closes with the Komitmen Bersama (bimtek, 90).
    register_chapter(Chapter("analisis", "books-tim", team, "books/books/team.html", team_context, 12))
    register_chapter(Chapter("ringkasan", "books-profil", profile, "books/books/profile.html", profile_context, 5))
    register_chapter(Chapter("masterplan", "books-tim", team, "books/books/team.html", team_context, 85, appendix=True))
    _register_front_chapters()
    abbreviations = gettext_lazy("Daftar Singkatan")
    for book in ("analisis", "masterplan", "ringkasan", "quickwin"):
        register_chapter(
            Chapter(
                book,
                "books-singkatan",
                abbreviations,
                "books/books/abbreviations.html",
                abbreviations_context,
                1,
                appendix=True,
            )
        )


def _register_front_chapters():
    """Pendahuluan and Penutup in every book; Landasan Hukum where the plan is argued (analisis, masterplan);
    Metodologi in the masterplan (the strategic analysis has the bimtek's own "how the plan was made", order 10)."""
    from . import front

    intro = gettext_lazy("Pendahuluan")
    closing = gettext_lazy("Penutup")
    for book in ("analisis", "masterplan", "ringkasan", "quickwin"):
        register_chapter(
            Chapter(
                book, "books-pendahuluan", intro, "books/books/introduction.html", front.introduction_context(book), 1
            )
        )
        register_chapter(
            Chapter(book, "books-penutup", closing, "books/books/closing.html", front.closing_context(book), 99)
        )
    legal = gettext_lazy("Landasan Hukum")
    for book in ("analisis", "masterplan"):
        register_chapter(
            Chapter(book, "books-landasan-hukum", legal, "books/books/legal_basis.html", front.legal_basis_context, 2)
        )
    register_chapter(
        Chapter(
            "masterplan",
            "books-metodologi",
            gettext_lazy("Metodologi"),
            "books/books/methodology.html",
            front.methodology_context,
            3,
        )
    )
