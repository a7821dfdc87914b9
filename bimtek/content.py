"""What bimtek contributes to the registry: its sections (frozen in snapshots, read by the books)
and its metrics (checklist facts). Every function runs a constant number of queries."""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from core.memo import memoised

from .models import ROMAN, STAGE_NUMBERS, Commitment, FollowUp, Session, Stage


def _local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%d %H:%M") if dt else ""


def serialize_sessions(masterplan):
    sessions = (
        Session.objects.filter(masterplan=masterplan)
        .select_related("stage")
        .prefetch_related("attendees__opd", "decisions", "invited_opds")
        .order_by("starts_at", "pk")
    )
    records = []
    for s in sessions:
        records.append(
            {
                "key": f"session-{s.pk}",
                "label": s.title,
                "fields": {
                    "tahap": s.stage.roman,
                    "mulai": _local(s.starts_at),
                    "tempat": s.venue,
                    "tenaga_ahli": ", ".join(s.expert_list()),
                    "agenda": s.agenda_list(),
                    "opd_diundang": sorted(o.acronym for o in s.invited_opds.all()),
                    "jumlah_peserta": len(s.attendees.all()),
                    "keputusan": [d.text for d in s.decisions.all()],
                },
            }
        )
    return records


def serialize_followups(masterplan):
    followups = FollowUp.objects.filter(masterplan=masterplan).select_related("opd", "session__stage").order_by("pk")
    return [
        {
            "key": f"followup-{f.pk}",
            "label": f"{f.opd.acronym}: {f.text[:80]}",
            "fields": {
                "tindak_lanjut": f.text,
                "opd": f.opd.acronym,
                "tahap": f.session.stage.roman,
                "tenggat": f.due_date.isoformat() if f.due_date else "",
                "status": _("selesai") if f.is_done else _("terbuka"),
            },
        }
        for f in followups
    ]


def serialize_commitment(masterplan):
    commitment = Commitment.objects.filter(masterplan=masterplan).first()
    if commitment is None:
        return []
    records = [
        {
            "key": "naskah",
            "label": commitment.title,
            "fields": {
                "naskah": commitment.text,
                "tempat": commitment.place,
                "tanggal": commitment.signed_on.isoformat() if commitment.signed_on else "",
                "pindaian": bool(commitment.scan),
            },
        }
    ]
    for s in commitment.signatories.select_related("opd"):
        records.append(
            {
                "key": f"signatory-{s.pk}",
                "label": s.name,
                "fields": {"nama": s.name, "jabatan": s.position, "opd": s.opd.acronym if s.opd else ""},
            }
        )
    return records


def track_sessions(masterplan):
    """The masterplan's sessions for_track(); one query, shared inside core.memo.shared_lookups(masterplan)."""
    return memoised(
        masterplan, "bimtek.sessions", lambda: list(Session.objects.filter(masterplan=masterplan).for_track())
    )


def _recorded_counts(sessions):
    """(sessions with attendance and minutes, all sessions)."""
    return sum(1 for s in sessions if s.has_attendees and s.minutes != ""), len(sessions)


def measure_sessions_recorded(masterplan):
    done, total = _recorded_counts(track_sessions(masterplan))
    if not total:
        return 0, 0, _("Belum ada sesi bimtek yang dicatat.")
    return done, total, _("%(d)s dari %(t)s sesi punya daftar hadir dan notulen.") % {"d": done, "t": total}


def measure_stage_recorded(number):
    def measure(masterplan):
        done, total = _recorded_counts([s for s in track_sessions(masterplan) if s.stage.number == number])
        if not total:
            return 0, 1, _("Belum ada sesi tahap %(s)s.") % {"s": ROMAN[number]}
        return done, total, _("%(d)s dari %(t)s sesi punya daftar hadir dan notulen.") % {"d": done, "t": total}

    return measure


def measure_commitment_signed(masterplan):
    commitment = Commitment.objects.filter(masterplan=masterplan).annotate(n=Count("signatories")).first()
    if commitment is None:
        return 0, 3, _("Naskah Komitmen Bersama belum disiapkan.")
    parts = [
        (bool(commitment.place and commitment.signed_on), _("tempat dan tanggal")),
        (commitment.n > 0, _("penanda tangan")),
        (bool(commitment.scan), _("pindaian naskah bertanda tangan")),
    ]
    missing = [label for ok, label in parts if not ok]
    done = sum(1 for ok, _label in parts if ok)
    if not missing:
        return done, 3, _("Ditandatangani %(n)s orang.") % {"n": commitment.n}
    return done, 3, _("Belum ada: %(m)s.") % {"m": ", ".join(str(m) for m in missing)}


def measure_stages_closed(masterplan):
    closed = Stage.objects.filter(masterplan=masterplan, status="closed").count()
    return closed, len(STAGE_NUMBERS), _("%(n)s dari 4 tahap ditutup.") % {"n": closed}
