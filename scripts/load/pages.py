"""The pages the load test visits, by persona. Feature apps add theirs here (path with {mp} for the
masterplan's id, a weight: how often a persona of those roles opens it compared with the others)."""

from dataclasses import dataclass

ALL = frozenset({"coordinator", "opd_member", "expert", "reader"})


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
]
