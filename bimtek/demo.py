"""PPU's four bimtek stages of 2022 on their real dates (13 June, July, 22-23 August, 21 September),
with sessions, attendance, minutes, decisions, follow-ups, small generated attachments, a snapshot per
closed stage and the signed Komitmen Bersama. The July date is assumed (the sources give only the month)."""

import io
from datetime import date, datetime, time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from . import services
from .models import Attendee, Decision, FollowUp, Session, Signatory

EXPERTS = ["Dr. Budi Santoso (Tenaga Ahli Kominfo / UGM)", "Ir. Ratna Wulandari, M.T. (Tim Ahli Kominfo)"]
VENUE = "Ruang Rapat Lantai 2 Kantor Bupati Penajam Paser Utara"

# stage, title, day, start, end, agenda, attending OPDs, minutes, decisions, follow-ups (OPD, text, due)
SESSIONS = [
    (
        1,
        "Bimtek I: analisis kesiapan daerah",
        date(2022, 6, 13),
        time(8, 30),
        time(16, 0),
        [
            "Pembukaan oleh Sekretaris Daerah",
            "Paparan konsep Gerakan Menuju 100 Smart City",
            "Analisis kesiapan daerah",
        ],
        ["Diskominfo", "Bappelitbang", "DLH", "Dispar", "Disperindag", "BPBD"],
        "<h3>Ringkasan</h3><p>Tim ahli memaparkan enam dimensi smart city dan kerangka analisis kesiapan "
        "<strong>Struktur, Infrastruktur dan Suprastruktur</strong>.</p><ul><li>Setiap OPD mengisi kertas kerja "
        "kesiapan.</li><li>Ide quick win pertama dikumpulkan per dimensi.</li></ul>",
        [
            "Diskominfo menjadi sekretariat Tim Pelaksana Smart City.",
            "Kertas kerja kesiapan diisi paling lambat 24 Juni 2022.",
        ],
        [
            ("DLH", "Mengisi kertas kerja kesiapan dimensi Smart Environment", date(2022, 6, 24)),
            ("Dispar", "Mengusulkan ide quick win branding pariwisata", date(2022, 6, 24)),
        ],
    ),
    (
        2,
        "Bimtek II: pemetaan program RPJMD",
        date(2022, 7, 20),
        time(8, 30),
        time(16, 0),
        ["Pemetaan program RPJMD dan Renstra ke dimensi", "Analisis kesenjangan dan SWOT", "Pendalaman quick win"],
        ["Diskominfo", "Bappelitbang", "DLH", "Dispar", "Disperindag", "Dinkes", "Dishub"],
        "<h3>Ringkasan</h3><p>Pokja OPD memetakan program RPJMD 2021-2026 ke enam dimensi.</p><ol><li>Daftar "
        "program 1 tahun, 5 tahun dan jangka panjang disusun.</li><li>Quick win Serbu Gass dan Puspita "
        "diperdalam.</li></ol>",
        ["Program unggulan tiap dimensi ditetapkan pada Bimtek III."],
        [
            ("DLH", "Melengkapi data bank sampah unit untuk Serbu Gass", date(2022, 8, 15)),
            ("Dispar", "Menyiapkan profil Puspita (Pusat Promosi dan Informasi Pariwisata)", date(2022, 8, 15)),
            ("Bappelitbang", "Memvalidasi pemetaan program RPJMD", date(2022, 8, 10)),
        ],
    ),
    (
        3,
        "Bimtek III hari 1: inovasi program",
        date(2022, 8, 22),
        time(8, 30),
        time(16, 0),
        ["Inovasi untuk program yang dipetakan", "Penyusunan draf buku masterplan"],
        ["Diskominfo", "Bappelitbang", "DLH", "Dispar", "Disperindag", "BPBD", "Dinkes"],
        "<h3>Ringkasan</h3><p>Inovasi kebijakan dan teknologi dibahas per dimensi; draf buku masterplan mulai disusun.</p>",
        ["Satu quick win dipilih per dimensi."],
        [("Disperindag", "Menyiapkan data harga pasar untuk SIHARPA", date(2022, 9, 15))],
    ),
    (
        3,
        "Bimtek III hari 2: quick win terpilih",
        date(2022, 8, 23),
        time(8, 30),
        time(15, 0),
        ["Penajaman quick win terpilih untuk 5-10 tahun", "Persentase capaian quick win"],
        ["Diskominfo", "Bappelitbang", "DLH", "Dispar", "Disperindag", "BPBD"],
        "<p>Quick win terpilih: Puspita, Serbu Gass, Go PPU, SIHARPA, Internet Taman Rozeline, Call Center 112.</p>",
        ["Quick win terpilih dilaporkan kemajuannya setiap bulan."],
        [("BPBD", "Menyusun SOP Call Center 112", date(2022, 9, 30))],
    ),
    (
        4,
        "Bimtek IV: rencana tahun 1-2 dan penutupan",
        date(2022, 9, 21),
        time(8, 30),
        time(14, 0),
        ["Rencana aksi tahun 1-2", "Penandatanganan Komitmen Bersama", "Penutupan"],
        ["Diskominfo", "Bappelitbang", "DLH", "Dispar", "Disperindag", "BPBD", "Dinkes", "Dishub"],
        "<p>Rencana tahun 1-2 disepakati; Plt. Bupati dan pimpinan OPD menandatangani Komitmen Bersama.</p>",
        ["Masterplan diserahkan ke Kominfo setelah review tim ahli."],
        [
            ("Diskominfo", "Mengirim buku masterplan final ke Kominfo", date(2022, 10, 31)),
            ("DLH", "Melaporkan kemajuan Serbu Gass setiap bulan kepada Diskominfo", date(2022, 12, 31)),
        ],
    ),
]

# Which follow-ups were done by the close of which stage (so stage II and III snapshots differ).
DONE_BEFORE_STAGE = {2: ["Mengisi kertas kerja kesiapan", "Mengusulkan ide quick win"], 3: ["Melengkapi data bank"]}

HEADS = [
    ("Hamdam", "Plt. Bupati Penajam Paser Utara", None),  # seed 004: he signed on 21 September 2022
    ("Drs. Mulyadi", "Sekretaris Daerah", None),
    ("Kepala Diskominfo", "Kepala Dinas", "Diskominfo"),
    ("Kepala Bappelitbang", "Kepala Badan", "Bappelitbang"),
    ("Kepala DLH", "Kepala Dinas", "DLH"),
    ("Kepala Dinas Pariwisata", "Kepala Dinas", "Dispar"),
]


def tiny_pdf(title):
    """A small valid one-page PDF made by hand (no rendering engine needed)."""
    text = title.replace("(", "").replace(")", "")[:60]
    stream = f"BT /F1 14 Tf 60 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def tiny_png(caption, color):
    image = Image.new("RGB", (320, 200), color)
    draw = ImageDraw.Draw(image)
    draw.rectangle([10, 10, 310, 190], outline="white", width=3)
    draw.text((24, 90), caption[:40], fill="white")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _at(day, clock):
    return timezone.make_aware(datetime.combine(day, clock))


def populate(demo):
    masterplan, opds, users = demo.masterplan, demo.opds, demo.users
    if Session.objects.filter(masterplan=masterplan).exists():
        return  # idempotent: the stages are recorded once
    coordinator, expert = users["coordinator"], users["expert"]
    closed = set()
    for number, title, day, start, end, agenda, present, minutes, decisions, followups in SESSIONS:
        for earlier in sorted(n for n in range(1, number) if n not in closed):
            _close(masterplan, earlier, expert if earlier % 2 else coordinator)
            closed.add(earlier)
        stage = services.start_stage(masterplan=masterplan, number=number)
        session = Session.objects.create(
            masterplan=masterplan,
            stage=stage,
            title=title,
            starts_at=_at(day, start),
            ends_at=_at(day, end),
            venue=VENUE,
            online_link="https://zoom.us/j/2022000" + str(number),
            experts="\n".join(EXPERTS),
            agenda="\n".join(agenda),
            minutes=minutes,
        )
        session.invited_opds.set([opds[a] for a in present])
        Attendee.objects.bulk_create(
            [
                Attendee(session=session, name=f"Perwakilan {a}", position="Anggota Pokja Smart City", opd=opds[a])
                for a in present
            ]
            + [
                Attendee(session=session, name=e.split(" (")[0], position="Tenaga ahli", institution="Kominfo")
                for e in EXPERTS
            ]
        )
        Decision.objects.bulk_create([Decision(session=session, text=t) for t in decisions])
        FollowUp.objects.bulk_create(
            [
                FollowUp(masterplan=masterplan, session=session, text=t, opd=opds[a], due_date=due)
                for a, t, due in followups
            ]
        )
        for done_prefix in DONE_BEFORE_STAGE.get(number, []):
            FollowUp.objects.filter(masterplan=masterplan, text__startswith=done_prefix).update(done_at=_at(day, start))
        _attach(session, coordinator, title, number)
    _commitment(masterplan, opds)
    for number in range(1, 5):
        if number not in closed:
            _close(masterplan, number, expert if number % 2 else coordinator)
    demo.say("Bimtek: 4 tahap 2022, 5 sesi, snapshot tiap tahap, Komitmen Bersama ditandatangani.")


def _close(masterplan, number, user):
    last = Session.objects.filter(masterplan=masterplan, stage__number=number).order_by("-starts_at").first()
    when = last.ends_at if last else timezone.now()
    services.close_stage(masterplan=masterplan, number=number, user=user, when=when)


def _attach(session, user, title, number):
    files = [
        ("worksheet", f"kertas-kerja-bimtek-{number}.pdf", tiny_pdf(f"Kertas kerja {title}")),
        ("photo", f"foto-bimtek-{number}.png", tiny_png(f"Bimtek {number}: foto bersama", "#0b3d6b")),
    ]
    for kind, name, content in files:
        uploaded = SimpleUploadedFile(name, content)
        services.add_attachment(
            masterplan=session.masterplan,
            session=session,
            uploaded=uploaded,
            content_kind="pdf" if name.endswith(".pdf") else "png",
            kind=kind,
            title="",
            user=user,
        )


def _commitment(masterplan, opds):
    commitment = services.ensure_commitment(masterplan=masterplan)
    commitment.place = "Penajam"
    commitment.signed_on = date(2022, 9, 21)
    commitment.save()
    Signatory.objects.bulk_create(
        [
            Signatory(commitment=commitment, order=i, name=name, position=position, opd=opds.get(acronym))
            for i, (name, position, acronym) in enumerate(HEADS, start=1)
        ]
    )
    services.set_commitment_scan(
        masterplan=masterplan,
        user=None,
        uploaded=SimpleUploadedFile("komitmen-bersama-ppu-ditandatangani.pdf", tiny_pdf("Komitmen Bersama PPU")),
    )
