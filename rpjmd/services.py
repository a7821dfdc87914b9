"""Every write of the RPJMD app: visi and misi, mapping programmes to the smart dimensions (one, or many at
once), applying an import. Views, the import pages and `manage.py import_rpjmd` call only these.

Each service writes inside one transaction and reports the change once (one report per workflow, not per row)
through `review.changes.report_region_change`: the RPJMD belongs to the REGION and is shared by every
masterplan whose RPJMD it is (`RPJMD.masterplans()`, e.g. a later cohort's masterplan of the same kabupaten),
so each of them is told and its approved section goes back to draft. Sections: the visi and the misi are
`rpjmd.misi`; the programmes and their mapping are `rpjmd.programs`; an import touches both.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from core.concurrency import bump_version, save_versioned
from masterplan.models import Element
from review.changes import report_region_change

from . import rpjmd_import
from .models import RPJMD, Program

PROGRAMS = "rpjmd.programs"
MISI = "rpjmd.misi"


class StaleVersion(Exception):
    """The programme was changed by somebody else since the form was opened."""


def report_rpjmd_change(*, rpjmd: RPJMD, section_key: str, user, reason: str) -> None:
    """Report a change of `rpjmd` to every masterplan that builds on it."""
    report_region_change(
        region_id=rpjmd.region_id, section_key=section_key, user=user, reason=reason, masterplans=rpjmd.masterplans()
    )


@transaction.atomic
def save_visi(*, form, user) -> RPJMD:
    """Save the RPJMD's visi (a bound, valid VisiForm). Raises EditConflict on a concurrent change."""
    rpjmd = save_versioned(form)
    report_rpjmd_change(rpjmd=rpjmd, section_key=MISI, user=user, reason=_("Visi RPJMD diubah."))
    return rpjmd


@transaction.atomic
def save_misi(*, form, user):
    """Add or change a misi (a bound, valid MisiForm). Raises EditConflict on a concurrent change."""
    misi = save_versioned(form)
    report_rpjmd_change(
        rpjmd=form.rpjmd, section_key=MISI, user=user, reason=_("Misi %(n)s RPJMD diubah.") % {"n": misi.number}
    )
    return misi


def program_reason(program=None, *, count=None) -> str:
    if count is not None:
        return _("Pemetaan %(n)s program RPJMD diubah sekaligus.") % {"n": count}
    return _("Pemetaan program %(program)s diubah.") % {"program": f"{program.code} {program.name}"[:150]}


@transaction.atomic
def map_program(
    *,
    program: Program,
    element: Element | None,
    secondary=(),
    justification: str = "",
    expected_version: int,
    user,
) -> Program:
    """Set one programme's mapping (the dimension follows the element). Raises StaleVersion when
    `expected_version` (the version the form was opened at; required) is no longer current."""
    if not bump_version(program, expected_version):
        raise StaleVersion
    program.primary_dimension = element.dimension if element else None
    program.primary_element = element
    program.justification = justification
    program._history_user = user
    program.save(update_fields=["primary_dimension", "primary_element", "justification"])
    program.secondary_elements.set([e for e in secondary if e != element])
    report_rpjmd_change(rpjmd=program.rpjmd, section_key=PROGRAMS, user=user, reason=program_reason(program))
    return program


class BulkStale(Exception):
    """Rows of a bulk mapping changed by somebody else since the page was opened: nothing was saved.
    `rows` are the programmes as saved now (with who changed them last, `changed_by`)."""

    def __init__(self, rows):
        self.rows = rows
        super().__init__(", ".join(p.code for p in rows))


class BulkNeedsConfirmation(Exception):
    """The bulk mapping would replace the mapping of already mapped programmes (`rows`, as saved now) and the
    user has not confirmed it yet: nothing was saved."""

    def __init__(self, rows):
        self.rows = rows
        super().__init__(", ".join(p.code for p in rows))


def bulk_replacements(programs, element: Element) -> list[Program]:
    """The programmes among `programs` that are mapped already, to another element: a bulk mapping replaces them."""
    return [p for p in programs if p.primary_element_id and p.primary_element_id != element.pk]


@transaction.atomic
def bulk_map(
    *,
    programs: list[Program],
    element: Element,
    expected_versions: dict[int, int],
    confirm_replace: bool = False,
    user,
) -> int:
    """Map many programmes of one RPJMD to the same element at once (bulk queries, history kept, one report).

    `expected_versions` is {programme id: version the page showed}; every programme must be in it. The rows are
    locked and compared first: if any changed since (or has no version), BulkStale lists them and nothing is
    written. Programmes already mapped to another element are replaced only with `confirm_replace`; otherwise
    BulkNeedsConfirmation lists them (the page asks) and nothing is written."""
    if not programs:
        return 0
    current = {
        p.pk: p
        for p in Program.objects.select_for_update(of=("self",))
        .select_related("primary_element__dimension", "rpjmd")
        .filter(pk__in=[p.pk for p in programs])
    }
    rows = [current[p.pk] for p in programs if p.pk in current]
    stale = [p for p in rows if expected_versions.get(p.pk) != p.version]
    if stale:
        raise BulkStale(_with_last_editor(stale))
    replaced = bulk_replacements(rows, element)
    if replaced and not confirm_replace:
        raise BulkNeedsConfirmation(replaced)
    for program in rows:
        program.primary_dimension = element.dimension
        program.primary_element = element
        program.version += 1
    bulk_update_with_history(
        rows, Program, ["primary_dimension", "primary_element", "version"], default_user=user, batch_size=500
    )
    reason = program_reason(count=len(rows))
    if replaced:
        reason = _("%(reason)s %(n)s pemetaan lama diganti.") % {"reason": reason, "n": len(replaced)}
    report_rpjmd_change(rpjmd=rows[0].rpjmd, section_key=PROGRAMS, user=user, reason=reason)
    return len(rows)


def _with_last_editor(programs):
    """Set `changed_by` (the user of the newest history row, or None) on each programme: one query."""
    latest = {}
    history = Program.history.filter(id__in=[p.pk for p in programs]).select_related("history_user")
    for row in history.order_by("history_date"):
        latest[row.id] = row.history_user
    for program in programs:
        program.changed_by = latest.get(program.pk)
    return programs


@transaction.atomic
def apply_import(*, plan, user) -> RPJMD:
    """Apply a checked import plan (all or nothing; raises rpjmd_import.PlanHasErrors) and report it once per
    section (misi and programmes) to every masterplan that builds on the RPJMD, whatever the file's size. OPDs
    the import creates are reported to every masterplan of the region (masterplan.services.report_region_books).
    A plan without changes writes and reports nothing."""
    if not plan.has_changes:
        return plan.rpjmd
    new_opds = bool(plan.new_opds)
    rpjmd = rpjmd_import.apply_plan(plan, user=user)
    reason = _("RPJMD diimpor ulang.")
    for key in (MISI, PROGRAMS):
        report_rpjmd_change(rpjmd=rpjmd, section_key=key, user=user, reason=reason)
    if new_opds:
        from masterplan.services import report_region_books

        report_region_books(region_id=rpjmd.region_id, user=user, reason=_("OPD baru dari impor RPJMD."))
    return rpjmd
