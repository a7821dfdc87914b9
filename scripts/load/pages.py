"""The pages the load test visits, by persona. Feature apps add theirs here (path with {mp} for the
masterplan's id, a weight: how often a persona of those roles opens it compared with the others)."""

from dataclasses import dataclass

ALL = frozenset({"coordinator", "opd_member", "expert", "reader"})
COORDINATOR = frozenset({"coordinator"})


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    weight: int = 1
    roles: frozenset = ALL
    expect: int = 200


PAGES = [
    Page("home", "/", 2),
    Page("dashboard", "/m/{mp}/", 5),
    Page("members", "/m/{mp}/anggota/", 2),
    Page("opds", "/m/{mp}/opd/", 2),
    Page("profile", "/akun/profil/", 1),
    Page("notifications", "/pemberitahuan/", 1),
    Page("rpjmd", "/m/{mp}/rpjmd/", 2),
    Page("rpjmd visi misi", "/m/{mp}/rpjmd/visi-misi/", 1, COORDINATOR),
    Page("rpjmd mapping", "/m/{mp}/rpjmd/pemetaan/", 3),
    Page("rpjmd coverage", "/m/{mp}/rpjmd/cakupan/", 1),
    Page("plan overview", "/m/{mp}/rencana/", 2),
    Page("plan programmes", "/m/{mp}/rencana/program/", 3),
    Page("plan swot", "/m/{mp}/rencana/swot/", 1),
    Page("plan strategies", "/m/{mp}/rencana/strategi/", 1),
    Page("plan roadmap", "/m/{mp}/rencana/peta-jalan/", 1),
    Page("plan financing", "/m/{mp}/rencana/pembiayaan/", 1),
    Page("plan consistency", "/m/{mp}/rencana/konsistensi/", 1),
    Page("quick wins", "/m/{mp}/quick-win/", 2),
    Page("quick win selection", "/m/{mp}/quick-win/seleksi/", 1),
    Page("bimtek stages", "/m/{mp}/bimtek/", 2),
    Page("bimtek follow-ups", "/m/{mp}/bimtek/tindak-lanjut/", 2),
    Page("bimtek commitment", "/m/{mp}/bimtek/komitmen/", 1),
    Page("review", "/m/{mp}/review/", 2),
    Page("activity", "/m/{mp}/aktivitas/", 1),
    Page("books", "/m/{mp}/buku/", 2),
]
