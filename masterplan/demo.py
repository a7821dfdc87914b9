"""The demo's foundation: Kabupaten Penajam Paser Utara (64.09), cohort 2022, its OPDs and one account per role.

Other apps add their content in `<app>/demo.py` with `populate(demo)`; `manage.py demo` calls them in order.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from .models import OPD, Masterplan, Membership, Region, Role
from .regions import load_regions
from .services import masterplan_create

PASSWORD = "rancang-demo-2022"
REGION_CODE = "64.09"

OPDS = [
    ("Dinas Komunikasi, Informatika, Statistik dan Persandian", "Diskominfo", OPD.Kind.DINAS),
    ("Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "Bappelitbang", OPD.Kind.BADAN),
    ("Dinas Lingkungan Hidup", "DLH", OPD.Kind.DINAS),
    ("Dinas Pariwisata", "Dispar", OPD.Kind.DINAS),
    ("Dinas Perindustrian dan Perdagangan", "Disperindag", OPD.Kind.DINAS),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", OPD.Kind.BADAN),
    ("Dinas Kesehatan", "Dinkes", OPD.Kind.DINAS),
    ("Dinas Pendidikan dan Kebudayaan", "Disdikbud", OPD.Kind.DINAS),
    ("Dinas Perhubungan", "Dishub", OPD.Kind.DINAS),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", OPD.Kind.DINAS),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", OPD.Kind.DINAS),
    ("Dinas Koperasi dan UKM", "Diskop UKM", OPD.Kind.DINAS),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", OPD.Kind.DINAS),
    ("Dinas Sosial", "Dinsos", OPD.Kind.DINAS),
    ("Satuan Polisi Pamong Praja", "Satpol PP", OPD.Kind.OTHER),
    ("Badan Keuangan dan Aset Daerah", "BKAD", OPD.Kind.BADAN),
    ("Bagian Organisasi Sekretariat Daerah", "Bag. Organisasi", OPD.Kind.BAGIAN),
    ("Kecamatan Penajam", "Kec. Penajam", OPD.Kind.KECAMATAN),
]

# email, first name, last name, position, institution, role, OPD acronym
PEOPLE = [
    (
        "koordinator@ppu.demo",
        "Rina",
        "Handayani",
        "Kepala Bidang Aplikasi Informatika",
        "Diskominfo PPU",
        Role.COORDINATOR,
        None,
    ),
    ("dlh@ppu.demo", "Agus", "Salim", "Kepala Seksi Pengelolaan Sampah", "DLH PPU", Role.OPD_MEMBER, "DLH"),
    (
        "dispar@ppu.demo",
        "Dewi",
        "Lestari",
        "Analis Promosi Pariwisata",
        "Dinas Pariwisata PPU",
        Role.OPD_MEMBER,
        "Dispar",
    ),
    ("ahli@kominfo.demo", "Budi", "Santoso", "Tenaga Ahli Smart City", "Kominfo / UGM", Role.EXPERT, None),
    ("pembaca@ppu.demo", "Siti", "Aminah", "Sekretaris Dewan Smart City", "Dewan Smart City PPU", Role.READER, None),
]
ADMIN = ("admin@rancang.demo", "Admin", "Program", "Staf Direktorat Aplikasi Informatika", "Kominfo")


@dataclass
class Demo:
    masterplan: Masterplan
    opds: dict
    users: dict  # by role key: coordinator, opd_member, opd_member_2, expert, reader, admin
    log: list = field(default_factory=list)

    def say(self, line):
        self.log.append(line)


def _user(email, first, last, position, institution, **extra):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"first_name": first, "last_name": last, "position": position, "institution": institution, **extra},
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
    return user


def populate():
    if not Region.objects.filter(code=REGION_CODE).exists():
        load_regions()
    region = Region.objects.get(code=REGION_CODE)
    masterplan, _created = masterplan_create(region=region, cohort_year=2022, start_year=2023, end_year=2032)
    if not masterplan.foreword:
        masterplan.foreword = (
            "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa. Masterplan Smart City Kabupaten Penajam "
            "Paser Utara disusun bersama seluruh perangkat daerah melalui empat tahap bimbingan teknis Gerakan "
            "Menuju 100 Smart City tahun 2022, sebagai pedoman pembangunan kota cerdas sepuluh tahun ke depan."
        )
        masterplan.save()
    opds = {}
    for name, acronym, kind in OPDS:
        opds[acronym], _ = OPD.objects.get_or_create(
            region=region, acronym=acronym, defaults={"name": name, "kind": kind}
        )
    users = {"admin": _user(*ADMIN, is_staff=True, is_superuser=True)}
    member_keys = iter(["coordinator", "opd_member", "opd_member_2", "expert", "reader"])
    for email, first, last, position, institution, role, opd_acronym in PEOPLE:
        user = _user(email, first, last, position, institution)
        Membership.objects.get_or_create(
            masterplan=masterplan, user=user, defaults={"role": role, "opd": opds.get(opd_acronym)}
        )
        users[next(member_keys)] = user
    return Demo(masterplan=masterplan, opds=opds, users=users)
