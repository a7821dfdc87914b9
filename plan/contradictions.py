"""Contradictions across the books: a fact printed twice with two values (an owner, an element, a budget, a
target), an RPJMD code the masterplan cites that the RPJMD mapping does not hold, a year outside the plan period,
dates out of order. Each is a `consistency.Finding` with the page that fixes it; a final export is refused while
any is open (`books.services.request_export`).

`find(masterplan)` runs a constant number of queries whatever the size of the plan."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Application, LegalDocument, Programme, ProgrammeTarget

RULES = {
    "owner_differs": gettext_lazy("OPD pemilik berbeda antarbuku"),
    "element_differs": gettext_lazy("Elemen berbeda antarbuku"),
    "budget_differs": gettext_lazy("Anggaran berbeda antarbuku"),
    "target_differs": gettext_lazy("Target berbeda antarbuku"),
    "rpjmd_code_unknown": gettext_lazy("Kode RPJMD yang tidak ada dalam pemetaan RPJMD"),
    "years_outside_plan": gettext_lazy("Tahun di luar periode masterplan"),
    "dates_out_of_order": gettext_lazy("Tanggal tidak berurutan"),
}


def _finding(*args):
    from .consistency import Finding

    return Finding(*args)


def _date(value):
    return formats.date_format(value, "j F Y")


def _names_it(programme, quickwin):
    """A programme named after the quick win ("Go PPU: aplikasi super layanan publik" for "Go PPU")."""
    return programme.name.casefold().startswith(quickwin.short_name.casefold())


def _final_target(indicator):
    targets = sorted(indicator.targets.all(), key=lambda t: t.year)
    return targets[-1].value if targets else ""


def _quickwins(masterplan):
    from quickwins.models import QuickWin, QuickWinOwner

    return list(
        QuickWin.objects.for_masterplan(masterplan)
        .select_related("element", "programme")
        .prefetch_related(
            Prefetch("owners", queryset=QuickWinOwner.objects.select_related("opd").order_by("year")),
            "budgets",
            "indicators",
            Prefetch(
                "plan_programmes",
                queryset=Programme.objects.select_related("element", "lead_opd").prefetch_related(
                    "budget_lines", "indicators__targets"
                ),
            ),
            "rpjmd_programs",
        )
    )  # 9 queries: quick wins, owners, budgets, indicators, programmes, their budgets, indicators, targets, RPJMD


def _quickwin_findings(masterplan, quickwins, applications):
    """A quick win that is not tied to the programme named after it, yet prints other values than it; and an
    application of the inventory named like a quick win with another OPD."""
    findings = []
    mp = masterplan.pk
    for quickwin in quickwins:
        edit = reverse("quickwins:edit", args=[mp, quickwin.pk])
        details = reverse("quickwins:details", args=[mp, quickwin.pk])
        owner = quickwin.owner() if not quickwin.programme_id else None
        for programme in quickwin.plan_programmes.all():
            if quickwin.programme_id or not _names_it(programme, quickwin):
                continue
            names = {"q": quickwin.short_name, "p": programme.name}
            if owner and programme.lead_opd_id and owner.pk != programme.lead_opd_id:
                findings.append(
                    _finding(
                        "owner_differs",
                        _("%(q)s: pemiliknya %(a)s di buku quick win, tetapi program %(p)s diampu %(b)s.")
                        % {**names, "a": owner.acronym, "b": programme.lead_opd.acronym},
                        edit,
                        _("Jadikan satu dengan programnya"),
                    )
                )
            if quickwin.element_id != programme.element_id or quickwin.dimension_id != programme.dimension_id:
                findings.append(
                    _finding(
                        "element_differs",
                        _("%(q)s berada di elemen %(a)s, program %(p)s di elemen %(b)s.")
                        % {
                            **names,
                            "a": quickwin.element.name if quickwin.element_id else "–",
                            "b": programme.element.name if programme.element_id else "–",
                        },
                        edit,
                        _("Jadikan satu dengan programnya"),
                    )
                )
            own = sum((b.amount for b in quickwin.budgets.all()), 0)
            theirs = sum((b.amount for b in programme.budget_lines.all()), 0)
            if own and theirs and own != theirs:
                findings.append(
                    _finding(
                        "budget_differs",
                        _("%(q)s beranggaran Rp%(a)s, program %(p)s Rp%(b)s.")
                        % {
                            **names,
                            "a": formats.number_format(own, 0, force_grouping=True),
                            "b": formats.number_format(theirs, 0, force_grouping=True),
                        },
                        details,
                        _("Jadikan satu dengan programnya"),
                    )
                )
            by_unit = {i.unit.casefold(): i for i in programme.indicators.all() if i.unit}
            for indicator in quickwin.indicators.all():
                other = by_unit.get(indicator.unit.casefold()) if indicator.unit else None
                if other is None:
                    continue
                final = _final_target(other)
                if final and indicator.target.strip() != final.strip():
                    findings.append(
                        _finding(
                            "target_differs",
                            _("%(q)s menargetkan %(a)s %(u)s, program %(p)s %(b)s %(u)s.")
                            % {**names, "a": indicator.target, "b": final, "u": indicator.unit},
                            details,
                            _("Jadikan satu dengan programnya"),
                        )
                    )
        short = quickwin.short_name.casefold()
        the_owner = quickwin.owner()
        for application in applications:
            if application.name.casefold() != short or the_owner is None or application.opd_id == the_owner.pk:
                continue
            findings.append(
                _finding(
                    "owner_differs",
                    _("%(q)s: dikelola %(a)s di daftar aplikasi, tetapi pemilik quick win-nya %(b)s.")
                    % {"q": quickwin.short_name, "a": application.opd.acronym, "b": the_owner.acronym},
                    reverse("plan:item_edit", args=[mp, "aplikasi", application.pk]),
                    _("Perbaiki OPD pengelola"),
                )
            )
    return findings


def _rpjmd_findings(masterplan, programmes, quickwins, rpjmd):
    """RPJMD programmes the masterplan cites (programmes, quick wins) that the RPJMD mapping does not hold:
    of another RPJMD than the masterplan's, or not mapped to a dimension."""
    findings = []
    mp = masterplan.pk
    cited = [(p.name, reverse("plan:programme_edit", args=[mp, p.pk]), p.rpjmd_programs.all()) for p in programmes]
    cited += [(q.short_name, reverse("quickwins:edit", args=[mp, q.pk]), q.rpjmd_programs.all()) for q in quickwins]
    for name, url, programs in cited:
        for program in programs:
            if rpjmd is None or program.rpjmd_id != rpjmd.pk:
                findings.append(
                    _finding(
                        "rpjmd_code_unknown",
                        _("%(n)s mengutip kode RPJMD %(c)s yang tidak ada dalam RPJMD masterplan ini.")
                        % {"n": name, "c": program.code},
                        url,
                        _("Pilih program RPJMD yang benar"),
                    )
                )
            elif program.primary_dimension_id is None:
                findings.append(
                    _finding(
                        "rpjmd_code_unknown",
                        _("%(n)s mengutip kode RPJMD %(c)s yang belum dipetakan ke dimensi mana pun.")
                        % {"n": name, "c": program.code},
                        reverse("rpjmd:map_program", args=[mp, program.pk]),
                        _("Petakan program RPJMD"),
                    )
                )
    return findings


def _year_findings(masterplan, quickwins):
    """Targets and quick-win budgets dated outside the masterplan's period."""
    first, last = masterplan.start_year, masterplan.end_year
    mp = masterplan.pk
    findings = []
    targets = (
        ProgrammeTarget.objects.filter(indicator__programme__masterplan=masterplan)
        .exclude(year__range=(first, last))
        .select_related("indicator__programme")
    )  # 1 query
    for target in targets:
        programme = target.indicator.programme
        findings.append(
            _finding(
                "years_outside_plan",
                _("%(p)s: target %(i)s tahun %(y)s di luar periode masterplan %(a)s–%(b)s.")
                % {"p": programme.name, "i": target.indicator.name, "y": target.year, "a": first, "b": last},
                reverse("plan:indicator_edit", args=[mp, programme.pk, target.indicator_id]),
                _("Perbaiki tahun target"),
            )
        )
    for quickwin in quickwins:
        if quickwin.programme_id:
            continue  # its budget is the programme's, checked there
        stray = sorted({b.year for b in quickwin.budgets.all() if not first <= b.year <= last})
        if stray:
            findings.append(
                _finding(
                    "years_outside_plan",
                    _("%(q)s: anggaran tahun %(y)s di luar periode masterplan %(a)s–%(b)s.")
                    % {"q": quickwin.short_name, "y": ", ".join(map(str, stray)), "a": first, "b": last},
                    reverse("quickwins:details", args=[masterplan.pk, quickwin.pk]),
                    _("Perbaiki anggaran"),
                )
            )
    return findings


def _date_findings(masterplan):
    """The MoU after the first Bimtek I session; the Komitmen Bersama signed before a session of stages I-III."""
    from bimtek.models import Commitment, Session

    mp = masterplan.pk
    findings = []
    sessions = list(Session.objects.filter(masterplan=masterplan).select_related("stage").order_by("starts_at"))
    first_stage_one = next((s for s in sessions if s.stage.number == 1), None)
    for mou in LegalDocument.objects.for_masterplan(masterplan).filter(
        kind=LegalDocument.Kind.MOU, date__isnull=False
    ):  # 1 query
        if first_stage_one and mou.date > first_stage_one.starts_at.date():
            findings.append(
                _finding(
                    "dates_out_of_order",
                    _("MoU %(n)s bertanggal %(a)s, sesudah Bimtek I (%(s)s, %(b)s).")
                    % {
                        "n": mou.number,
                        "a": _date(mou.date),
                        "s": first_stage_one.title,
                        "b": _date(first_stage_one.starts_at.date()),
                    },
                    reverse("plan:item_edit", args=[mp, "dokumen", mou.pk]),
                    _("Perbaiki tanggal MoU"),
                )
            )
    commitment = Commitment.objects.filter(masterplan=masterplan, signed_on__isnull=False).first()  # 1 query
    earlier = [s for s in sessions if s.stage.number < 4]
    if commitment and earlier and commitment.signed_on < earlier[-1].starts_at.date():
        last = earlier[-1]
        findings.append(
            _finding(
                "dates_out_of_order",
                _("Komitmen Bersama ditandatangani %(a)s, sebelum sesi %(s)s (Bimtek %(n)s, %(b)s).")
                % {
                    "a": _date(commitment.signed_on),
                    "s": last.title,
                    "n": last.stage.number,
                    "b": _date(last.starts_at.date()),
                },
                reverse("bimtek:commitment", args=[mp]),
                _("Perbaiki tanggal penandatanganan"),
            )
        )
    findings += _edition_findings(masterplan, sessions)
    return findings


def _edition_findings(masterplan, sessions):
    """A book's edition dated before the bimtek session it reports on (the last session of the four stages)."""
    from books.models import Edition

    if not sessions:
        return []
    last = sessions[-1]
    findings = []
    for edition in Edition.objects.filter(masterplan=masterplan, date__isnull=False).order_by("book_key"):  # 1 query
        if edition.date < last.starts_at.date():
            findings.append(
                _finding(
                    "dates_out_of_order",
                    _("Tanggal edisi buku “%(book)s” %(a)s, sebelum sesi %(s)s (Bimtek %(n)s, %(b)s).")
                    % {
                        "book": edition.book_key,
                        "a": _date(edition.date),
                        "s": last.title,
                        "n": last.stage.number,
                        "b": _date(last.starts_at.date()),
                    },
                    reverse("books:edition", args=[masterplan.pk, edition.book_key]),
                    _("Perbaiki tanggal edisi"),
                )
            )
    return findings


def find(masterplan, programmes, rpjmd):
    """Every contradiction across the books; `programmes` are the masterplan's, with `rpjmd_programs` prefetched;
    `rpjmd` the masterplan's RPJMD (or None)."""
    quickwins = _quickwins(masterplan)
    applications = list(Application.objects.for_masterplan(masterplan).select_related("opd"))  # 1 query
    return (
        _quickwin_findings(masterplan, quickwins, applications)
        + _rpjmd_findings(masterplan, programmes, quickwins, rpjmd)
        + _year_findings(masterplan, quickwins)
        + _date_findings(masterplan)
    )
