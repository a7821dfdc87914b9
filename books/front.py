"""What the books open and close with, and what the region signs: defaults a coordinator edits in the portal.

- `FrontMatter` (one per masterplan): the regional head (name, title, NIP), the place of signing, the national
  legal basis (None: `DEFAULT_LAWS`) and the methodology's opening text;
- `Edition` (one per masterplan and book): the edition date and the book's own texts (foreword, latar belakang,
  maksud dan tujuan, ruang lingkup, penutup). A blank text prints the book's default from `DEFAULT_TEXTS`.

Defaults are templates with {region}, {years}, {cohort} and {book}; the region's own legal documents come from
the plan's Kelembagaan list (plan.LegalDocument), printed here and no longer in the institutions chapter.
"""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import registry
from core.memo import memoised


def roman(number):
    """1 -> 'I', 12 -> 'XII' (chapters and book numbers)."""
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, number = divmod(number, value)
        out += letters * count
    return out


# Books with a Lembar Pengesahan (the approval page the regional head signs).
APPROVAL_BOOKS = {"masterplan"}

# The national legal basis: (jenis, nomor, tahun, tentang), laws first, then regulations by rank.
DEFAULT_LAWS = [
    ("Undang-Undang", "25", 2004, "Sistem Perencanaan Pembangunan Nasional"),
    ("Undang-Undang", "11", 2008, "Informasi dan Transaksi Elektronik"),
    ("Undang-Undang", "14", 2008, "Keterbukaan Informasi Publik"),
    ("Undang-Undang", "25", 2009, "Pelayanan Publik"),
    ("Undang-Undang", "23", 2014, "Pemerintahan Daerah, sebagaimana telah beberapa kali diubah"),
    ("Peraturan Pemerintah", "17", 2017, "Sinkronisasi Proses Perencanaan dan Penganggaran Pembangunan Nasional"),
    ("Peraturan Presiden", "95", 2018, "Sistem Pemerintahan Berbasis Elektronik"),
    ("Peraturan Presiden", "39", 2019, "Satu Data Indonesia"),
    (
        "Peraturan Menteri Dalam Negeri",
        "86",
        2017,
        "Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan "
        "Peraturan Daerah tentang Rencana Pembangunan Jangka Panjang Daerah dan Rencana Pembangunan Jangka "
        "Menengah Daerah, serta Tata Cara Perubahan Rencana Pembangunan Jangka Panjang Daerah, Rencana "
        "Pembangunan Jangka Menengah Daerah, dan Rencana Kerja Pemerintah Daerah",
    ),
]

DEFAULT_METHODOLOGY = gettext_lazy(
    "Masterplan Smart City {region} disusun secara partisipatif melalui empat tahap bimbingan teknis (bimtek) "
    "Gerakan Menuju 100 Smart City {cohort} yang dipandu tenaga ahli. Setiap tahap menghasilkan bahan yang "
    "diolah perangkat daerah menjadi isi buku: analisis kesiapan daerah, pemetaan program RPJMD dan Renstra ke "
    "dimensi smart city, perumusan program dan quick win, serta rencana aksi dan Komitmen Bersama."
)

# What each bimtek stage produces (DOMAIN: the four stages), printed beside the sessions' own record.
STAGE_OUTPUTS = {
    1: gettext_lazy("Analisis kesiapan daerah (struktur, infrastruktur, suprastruktur), SWOT, gagasan quick win"),
    2: gettext_lazy("Pemetaan program RPJMD dan Renstra ke dimensi, analisis kesenjangan, daftar program awal"),
    3: gettext_lazy("Inovasi program, rancangan buku masterplan, satu quick win terpilih per dimensi"),
    4: gettext_lazy("Rencana aksi tahun pertama dan kedua, penutupan, penandatanganan Komitmen Bersama"),
}

_COMMON_FOREWORD = gettext_lazy(
    "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya {book} {region} ini.\n\n"
    "{purpose_sentence}\n\n"
    "Kami menyampaikan terima kasih kepada Kementerian Komunikasi dan Informatika, para tenaga ahli, serta "
    "seluruh perangkat daerah yang telah bekerja bersama selama bimbingan teknis Gerakan Menuju 100 Smart City "
    "{cohort}. Semoga buku ini menjadi pedoman bersama dalam mewujudkan {region} yang cerdas dan sejahtera."
)

DEFAULT_TEXTS = {
    "analisis": {
        "purpose_sentence": gettext_lazy(
            "Buku ini memotret kesiapan daerah, visi dan misi RPJMD, analisis SWOT per dimensi, serta aplikasi "
            "dan kelembagaan yang sudah ada, sebagai dasar perumusan masterplan."
        ),
        "purpose": gettext_lazy(
            "Maksud penyusunan buku ini adalah memetakan kondisi dan kesiapan {region} dalam menerapkan smart city. "
            "Tujuannya adalah menyediakan dasar analisis yang terukur bagi perumusan program Masterplan Smart City "
            "{years}."
        ),
        "scope": gettext_lazy(
            "Ruang lingkup buku ini meliputi profil daerah, visi dan misi RPJMD, analisis kesiapan struktur, "
            "infrastruktur dan suprastruktur, analisis SWOT per dimensi, pemetaan program RPJMD ke dimensi smart "
            "city, inventaris aplikasi, dan kelembagaan smart city."
        ),
    },
    "masterplan": {
        "purpose_sentence": gettext_lazy(
            "Masterplan ini memuat visi, arah pembangunan, strategi, program, peta jalan, pembiayaan, dan "
            "pemantauan smart city untuk {years}, yang menjadi acuan perangkat daerah dalam menyusun rencananya."
        ),
        "purpose": gettext_lazy(
            "Maksud penyusunan masterplan ini adalah menyediakan rencana induk pembangunan smart city {region} "
            "untuk {years}. Tujuannya adalah menyelaraskan program perangkat daerah dengan enam dimensi smart city, "
            "menetapkan prioritas dan tahapan pelaksanaan, serta menjadi dasar penganggaran dan evaluasi."
        ),
        "scope": gettext_lazy(
            "Ruang lingkup masterplan ini meliputi enam dimensi smart city (tata kelola, branding, ekonomi, "
            "kehidupan, masyarakat, dan lingkungan) di seluruh wilayah {region}, dengan horizon perencanaan {years}."
        ),
    },
    "ringkasan": {
        "purpose_sentence": gettext_lazy(
            "Ringkasan eksekutif ini menyajikan pokok-pokok masterplan secara singkat dan menjadi pegangan setiap "
            "perangkat daerah dalam menyusun rencana kerjanya terkait smart city."
        ),
        "purpose": gettext_lazy(
            "Maksud ringkasan eksekutif ini adalah menyajikan pokok-pokok Masterplan Smart City {region} secara "
            "ringkas. Tujuannya adalah memudahkan pimpinan dan setiap perangkat daerah menemukan program, target, "
            "dan tanggung jawabnya."
        ),
        "scope": gettext_lazy(
            "Ruang lingkup ringkasan ini meliputi visi, strategi, program utama, quick win, kelembagaan, dan "
            "pembiayaan smart city {years}."
        ),
    },
    "quickwin": {
        "purpose_sentence": gettext_lazy(
            "Buku ini memuat profil setiap quick win: program jangka pendek yang hasilnya segera dirasakan "
            "masyarakat dan menjadi bukti awal pelaksanaan masterplan."
        ),
        "purpose": gettext_lazy(
            "Maksud buku ini adalah menguraikan quick win {region} secara rinci. Tujuannya adalah memastikan setiap "
            "quick win memiliki pemilik, tahapan, sumber daya, dan ukuran keberhasilan yang jelas."
        ),
        "scope": gettext_lazy(
            "Ruang lingkup buku ini meliputi quick win terpilih pada setiap dimensi smart city beserta kemajuan, "
            "mitra, risiko, dan keberlanjutannya."
        ),
    },
}

DEFAULT_BACKGROUND = gettext_lazy(
    "Perkembangan teknologi informasi dan komunikasi mengubah cara pemerintah daerah melayani warganya. Konsep "
    "smart city menempatkan teknologi sebagai alat untuk meningkatkan kualitas pelayanan publik, efisiensi tata "
    "kelola, daya saing ekonomi, dan kualitas hidup masyarakat secara berkelanjutan.\n\n"
    "Melalui Gerakan Menuju 100 Smart City {cohort} yang diprakarsai Kementerian Komunikasi dan Informatika, "
    "{region} menyusun Masterplan Smart City sebagai rencana induk yang selaras dengan RPJMD dan Renstra "
    "perangkat daerah, sehingga inovasi yang dibangun terarah, terukur, dan saling mendukung."
)

DEFAULT_CLOSING = gettext_lazy(
    "{book} ini disusun bersama oleh perangkat daerah {region} dengan pendampingan tenaga ahli Gerakan Menuju "
    "100 Smart City. Keberhasilannya bergantung pada komitmen seluruh pemangku kepentingan untuk melaksanakan, "
    "memantau, dan memperbarui rencana ini secara berkala.\n\n"
    "Dengan tersusunnya buku ini, diharapkan setiap perangkat daerah menjadikannya acuan dalam perencanaan dan "
    "penganggaran, sehingga pembangunan smart city {region} {years} berjalan terpadu dan berkelanjutan."
)

TEXT_FIELDS = ("foreword", "background", "purpose", "scope", "closing")


def _fill(text, values):
    try:
        return str(text).format(**values)
    except (KeyError, IndexError, ValueError):  # a stray brace in an edited default: print it as written
        return str(text)


def placeholders(masterplan, book_title):
    return {
        "region": masterplan.region.name,
        "years": f"{masterplan.start_year}–{masterplan.end_year}",
        "cohort": masterplan.cohort.year,
        "book": book_title,
    }


def default_text(masterplan, book_key, field, book_title):
    """The default of one text of a book, filled in for this masterplan."""
    own = DEFAULT_TEXTS.get(book_key, DEFAULT_TEXTS["masterplan"])
    values = placeholders(masterplan, book_title)
    if field == "foreword":
        values["purpose_sentence"] = _fill(own["purpose_sentence"], values)
        return _fill(_COMMON_FOREWORD, values)
    if field == "background":
        return _fill(DEFAULT_BACKGROUND, values)
    if field == "closing":
        return _fill(DEFAULT_CLOSING, values)
    return _fill(own[field], values)


def default_head_title(region):
    return _("Wali Kota") if region.kind == "kota" else _("Bupati")


def region_short_name(region):
    """'Penajam Paser Utara' for 'Kabupaten Penajam Paser Utara' (the head's title names the region so)."""
    for prefix in ("Kabupaten ", "Kota "):
        if region.name.startswith(prefix):
            return region.name[len(prefix) :]
    return region.name


def perkada_label(region):
    """The regional head's regulation as this region calls it: never "Bupati / Wali Kota"."""
    return _("Peraturan Wali Kota") if region.kind == "kota" else _("Peraturan Bupati")


def law_rows(front):
    """The national legal basis as dicts (the stored list, or the defaults while never edited)."""
    stored = front.national_laws if front is not None else None
    if stored is None:
        return [{"kind": k, "number": n, "year": y, "subject": s} for k, n, y, s in DEFAULT_LAWS]
    return list(stored)


def laws_as_text(rows):
    return "\n".join(f"{r['kind']} | {r['number']} | {r['year']} | {r['subject']}" for r in rows)


@dataclass
class Signer:
    """Who signs a book's foreword and approval page, and where and when."""

    name: str
    title: str  # "Plt. Bupati Penajam Paser Utara"
    nip: str
    place: str
    date: object  # a date, or None (printed as a blank to fill in by hand)

    @property
    def date_text(self):
        return formats.date_format(self.date, "j F Y") if self.date else "………………………"


def front_matter(masterplan):
    """The masterplan's FrontMatter or None (one query, shared inside core.memo.shared_lookups)."""
    from .models import FrontMatter

    return memoised(masterplan, "books.front", lambda: FrontMatter.objects.filter(masterplan=masterplan).first())


def editions(masterplan):
    """{book key: Edition} of the masterplan (one query, shared inside core.memo.shared_lookups)."""
    from .models import Edition

    return memoised(
        masterplan, "books.editions", lambda: {e.book_key: e for e in Edition.objects.filter(masterplan=masterplan)}
    )


def text(masterplan, book_key, field, book_title, edition=None):
    """A book's text: the edition's own, else the default."""
    if edition is None:
        edition = editions(masterplan).get(book_key)
    own = getattr(edition, field, "") if edition is not None else ""
    return own.strip() or default_text(masterplan, book_key, field, book_title)


def signer(masterplan, book_key, front=None, edition=None):
    front = front_matter(masterplan) if front is None else front
    if edition is None:
        edition = editions(masterplan).get(book_key)
    region = masterplan.region
    title = (front.head_title if front and front.head_title else "") or default_head_title(region)
    return Signer(
        name=front.head_name if front else "",
        title=f"{title} {region_short_name(region)}",
        nip=front.head_nip if front else "",
        place=(front.place if front and front.place else "") or region_short_name(region),
        date=edition.date if edition else None,
    )


def book_number(books, key):
    """'Buku II' for the second book of the masterplan's list, or "" when the book is not in it. The books made
    per year (the monitoring report) are documents of their own, not one of the masterplan's numbered books."""
    from core import registry

    keys = [b.key for b in books if registry.yearly_book(b.key) is None]
    if key not in keys:
        return ""
    index = keys.index(key) + 1
    return _("Buku %(n)s") % {"n": roman(index)}


def book_title_for(masterplan, book_key):
    from .models import Book

    book = Book.objects.for_masterplan(masterplan).filter(key=book_key).first()
    return book.title if book else book_key


# --- chapter contexts -------------------------------------------------------------------------------------------


def _book_title(masterplan, book_key):
    return memoised(masterplan, f"books.title.{book_key}", lambda: book_title_for(masterplan, book_key))


def introduction_context(book_key):
    def context(masterplan):
        title = _book_title(masterplan, book_key)
        edition = editions(masterplan).get(book_key)
        chapters = [c for c in registry.chapters(book_key) if not c.appendix]
        appendices = [c for c in registry.chapters(book_key) if c.appendix]
        return {
            "background": text(masterplan, book_key, "background", title, edition),
            "purpose": text(masterplan, book_key, "purpose", title, edition),
            "scope": text(masterplan, book_key, "scope", title, edition),
            "outline": [(roman(i), c.title) for i, c in enumerate(chapters, start=1)],
            "appendices": [c.title for c in appendices],
            "book_title": title,
        }

    return context


def closing_context(book_key):
    def context(masterplan):
        title = _book_title(masterplan, book_key)
        return {"closing": text(masterplan, book_key, "closing", title), "book_title": title}

    return context


# The region's own documents, by rank: regulations first, then decrees, then agreements.
DOCUMENT_RANK = ["perda", "perkada", "sk_dewan", "sk_tim", "mou", "lainnya"]


def legal_basis_context(masterplan):
    """National laws (editable default list) then the region's own documents from the plan's Kelembagaan."""
    from plan.models import LegalDocument

    region = masterplan.region
    documents = sorted(
        LegalDocument.objects.for_masterplan(masterplan),
        key=lambda d: (DOCUMENT_RANK.index(d.kind) if d.kind in DOCUMENT_RANK else 99, d.year, d.order, d.pk),
    )
    perkada = perkada_label(region)
    for d in documents:
        d.kind_label = perkada if d.kind == "perkada" else d.get_kind_display()
    return {"laws": law_rows(front_matter(masterplan)), "documents": documents, "region": region}


def methodology_context(masterplan):
    """The four bimtek from the bimtek record: dates, experts, participating OPDs and what each produced."""
    from bimtek.models import Decision
    from bimtek.panels import chapter_process

    context = chapter_process(masterplan)
    decisions = {}
    for d in Decision.objects.filter(session__masterplan=masterplan).select_related("session").order_by("pk"):
        decisions.setdefault(d.session.stage_id, []).append(d.text)
    for row in context["rows"]:
        row["output"] = STAGE_OUTPUTS.get(row["stage"].number, "")
        row["decisions"] = decisions.get(row["stage"].pk, [])
    front = front_matter(masterplan)
    intro = (front.methodology.strip() if front else "") or default_methodology(masterplan)
    return {**context, "intro": intro}


def default_methodology(masterplan):
    return _fill(DEFAULT_METHODOLOGY, placeholders(masterplan, ""))
