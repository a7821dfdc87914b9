"""Review demo: the expert has a submitted section to review and open comments; more regions of cohort 2022
at different states populate the programme dashboard. Idempotent."""

from django.utils import timezone

from masterplan.access import ADMIN, Access
from masterplan.models import Membership, Region, Role
from masterplan.services import masterplan_create

from . import services
from .comments import comment_add
from .models import Comment, Notification, SectionReview
from .sections import review_sections

# code, how far its review went: number of sections approved, submitted (the rest stay draft)
OTHER_REGIONS = [
    ("64.71", "all", 0),
    ("64.72", 2, 1),
    ("64.74", 0, 2),
    ("63.71", 1, 0),
    ("73.71", 0, 0),
    ("35.78", "all", 0),
    ("32.73", 0, 1),
    ("51.71", 0, 0),
]


KEEP_UNREAD = 5  # per demo person: the newest, so the bell shows something to open without a wall of old ones


def populate(demo):
    _home_region(demo)
    _other_regions(demo)
    _mark_old_read(demo)


def _mark_old_read(demo):
    """The demo's history (every region's submissions and decisions) notified its people long ago: only the
    newest few stay unread."""
    now = timezone.now()
    for user in demo.users.values():
        newest = list(
            Notification.objects.filter(recipient=user)
            .order_by("-created_at", "-pk")
            .values_list("pk", flat=True)[:KEEP_UNREAD]
        )
        Notification.objects.filter(recipient=user, read_at__isnull=True).exclude(pk__in=newest).update(read_at=now)


def _home_region(demo):
    masterplan = demo.masterplan
    if SectionReview.objects.filter(masterplan=masterplan).exists():
        return
    users = demo.users
    coordinator = Access(masterplan, users["coordinator"], Role.COORDINATOR)
    expert = Access(masterplan, users["expert"], Role.EXPERT)
    opd_member = Access(masterplan, users["opd_member"], Role.OPD_MEMBER, demo.opds["DLH"].pk)
    keys = [s.key for s in review_sections()]
    first, second = keys[0], keys[1]
    # The first section: submitted, sent back with changes, submitted again -> waits for the expert.
    services.transition(access=coordinator, section_key=first, action="submit")
    services.transition(
        access=expert,
        section_key=first,
        action="request_changes",
        note="Lengkapi data pendukung dan sumbernya sebelum diajukan lagi.",
    )
    services.transition(access=coordinator, section_key=first, action="submit")
    services.transition(access=coordinator, section_key=second, action="submit")
    expert_email, coordinator_email = users["expert"].email, users["coordinator"].email
    note = comment_add(
        access=expert,
        section_key=first,
        body=f"Sumber data belum disebutkan untuk beberapa angka. @{coordinator_email} mohon dilengkapi.",
        mentioned={users["coordinator"]},
    )
    comment_add(access=coordinator, parent=note, body="Baik, sumber data akan kami lengkapi minggu ini.")
    comment_add(
        access=coordinator,
        section_key=second,
        body=f"@{expert_email} bagian ini sudah kami perbaiki sesuai masukan bimtek tahap II; mohon direview.",
        mentioned={users["expert"]},
    )
    comment_add(
        access=opd_member,
        section_key=second,
        body=f"Data bank sampah DLH sudah dimutakhirkan. @{expert_email} mohon dicek.",
        mentioned={users["expert"]},
    )
    done = comment_add(access=expert, section_key=keys[-1], body="Format tabel sudah sesuai pedoman.")
    services_resolve(expert, done)
    demo.say(
        f"Review: bagian '{first}' dan '{second}' diajukan ke {expert_email}; "
        f"{Comment.objects.filter(masterplan=masterplan).open().count()} komentar terbuka."
    )


def services_resolve(access, comment):
    from .comments import comment_set_resolved

    comment_set_resolved(access=access, comment=comment, resolved=True)


def _other_regions(demo):
    admin = demo.users["admin"]
    keys = [s.key for s in review_sections()]
    made = 0
    for code, approved, submitted in OTHER_REGIONS:
        region = Region.objects.filter(code=code).first()
        if region is None:
            continue
        masterplan, created = masterplan_create(region=region, cohort_year=2022, start_year=2023, end_year=2032)
        if not created:
            continue
        made += 1
        Membership.objects.get_or_create(
            masterplan=masterplan, user=demo.users["expert"], defaults={"role": Role.EXPERT}
        )
        access = Access(masterplan, admin, ADMIN)
        approve = keys if approved == "all" else keys[:approved]
        for key in approve:
            services.transition(access=access, section_key=key, action="submit")
            services.transition(access=access, section_key=key, action="approve")
        for key in keys[len(approve) : len(approve) + submitted]:
            services.transition(access=access, section_key=key, action="submit")
    if made:
        demo.say(f"Review: {made} daerah lain angkatan 2022 untuk dasbor program.")
