"""Demo content of the Rencana tab for Kabupaten Penajam Paser Utara; idempotent (each part is written once)."""

import datetime

from masterplan.models import Dimension, Element
from rpjmd.models import RPJMD

from . import demo_analysis_data as analysis_data
from . import demo_plan_data as plan_data
from .models import (
    Application,
    BudgetLine,
    CouncilMember,
    DimensionStrategy,
    Gap,
    Goal,
    KeyFigure,
    LegalDocument,
    Mission,
    PlanSettings,
    Programme,
    ProgrammeIndicator,
    ProgrammeTarget,
    ReadinessItem,
    RegionProfile,
    SwotEntry,
    SwotStrategy,
    Vision,
)


def populate(demo):
    mp = demo.masterplan
    dims = {d.key: d for d in Dimension.objects.all()}
    elements = {e.key: e for e in Element.objects.all()}
    PlanSettings.objects.get_or_create(masterplan=mp, defaults={"short_end_year": 2024, "medium_end_year": 2027})
    RegionProfile.objects.get_or_create(masterplan=mp, defaults=analysis_data.PROFILE)
    _analysis(mp, dims, elements, demo.opds)
    _direction(mp, dims, elements)
    created = _programmes(mp, dims, elements, demo.opds)
    demo.say(f"Rencana: {Programme.objects.filter(masterplan=mp).count()} program ({created} baru).")


def _once(model, mp, rows):
    """Create the rows only when the masterplan has none of this model yet (keeps the demo idempotent)."""
    if model.objects.filter(masterplan=mp).exists():
        return False
    for order, fields in enumerate(rows, start=1):
        model.objects.create(masterplan=mp, order=order, **fields)
    return True


def _analysis(mp, dims, elements, opds):
    _once(
        KeyFigure, mp, [dict(label=a, value=b, unit=c, source=d, year=e) for a, b, c, d, e in analysis_data.KEY_FIGURES]
    )
    _once(
        ReadinessItem,
        mp,
        [
            dict(component=c, dimension=dims[d], name=n, rating=r, evidence=e, notes=x)
            for c, d, n, r, e, x in analysis_data.READINESS
        ],
    )
    if not SwotEntry.objects.filter(masterplan=mp).exists():
        for key, quadrants in analysis_data.SWOT.items():
            entries = {}
            for kind, texts in quadrants.items():
                for order, text in enumerate(texts, start=1):
                    entries.setdefault(kind, []).append(
                        SwotEntry.objects.create(masterplan=mp, dimension=dims[key], kind=kind, text=text, order=order)
                    )
            for order, (kind, text) in enumerate(analysis_data.SWOT_STRATEGIES[key], start=1):
                strategy = SwotStrategy.objects.create(
                    masterplan=mp, dimension=dims[key], kind=kind, text=text, order=order
                )
                strategy.entries.set(entries[kind[0]][:1] + entries[kind[1]][:1])
    _once(
        Gap,
        mp,
        [dict(dimension=dims[k], current=c, expected=e) for k, rows in analysis_data.GAPS.items() for c, e in rows],
    )
    _once(
        Application,
        mp,
        [
            dict(name=n, opd=opds[o], dimension=dims[d], element=elements[e], purpose=p, users=u, status=s, url=url)
            for n, o, d, e, p, u, s, url in analysis_data.APPLICATIONS
        ],
    )
    _once(CouncilMember, mp, [dict(body=b, name=n, position=p, role=r) for b, n, p, r in analysis_data.MEMBERS])
    _once(
        LegalDocument,
        mp,
        [
            dict(kind=k, number=n, date=datetime.date(*d) if d else None, year=y, title=t)
            for k, n, d, y, t in analysis_data.DOCUMENTS
        ],
    )


def _direction(mp, dims, elements):
    Vision.objects.get_or_create(
        masterplan=mp, defaults={"vision": plan_data.VISION[0], "direction": plan_data.VISION[1]}
    )
    _once(Mission, mp, [{"text": text} for text in plan_data.MISSIONS])
    if DimensionStrategy.objects.filter(masterplan=mp).exists():
        return
    order = 0
    for key, strategies in plan_data.STRATEGIES.items():
        for element, text, goals in strategies:
            order += 1
            strategy = DimensionStrategy.objects.create(
                masterplan=mp, dimension=dims[key], element=elements.get(element), text=text, order=order
            )
            for goal_order, (goal, indicator, target) in enumerate(goals, start=1):
                Goal.objects.create(
                    masterplan=mp, strategy=strategy, text=goal, indicator=indicator, target=target, order=goal_order
                )


def _programmes(mp, dims, elements, opds):
    if Programme.objects.filter(masterplan=mp).exists():
        return 0
    rpjmd = RPJMD.objects.for_masterplan(mp)
    rpjmd_programs = list(rpjmd.programs.all()) if rpjmd else []
    for order, row in enumerate(plan_data.PROGRAMMES, start=1):
        (dim, element, name, kind, lead, partners, horizon, start, end, priority, description, budget, indicator) = row
        programme = Programme.objects.create(
            masterplan=mp,
            order=order,
            name=name,
            dimension=dims[dim],
            element=elements[element],
            kind=kind,
            lead_opd=opds[lead],
            horizon=horizon,
            start_year=start,
            end_year=end,
            priority=priority,
            description=description,
        )
        programme.partner_opds.set([opds[p] for p in partners])
        related = [
            p for p in rpjmd_programs if p.opd_id == opds[lead].pk and p.primary_dimension_id in (None, dims[dim].pk)
        ]
        # Only programmes of the RPJMD mapping (mapped to this dimension): a code the mapping does not hold would be
        # a contradiction of the consistency report.
        related = [p for p in related if p.primary_dimension_id == dims[dim].pk][:2]
        programme.rpjmd_programs.set(related)
        years = list(range(start, end + 1))
        BudgetLine.objects.bulk_create(
            BudgetLine(programme=programme, year=year, source=source, amount=amount)
            for year in years
            for source, amount in budget.items()
        )
        ind_name, unit, baseline, final = indicator
        ind = ProgrammeIndicator.objects.create(
            programme=programme, name=ind_name, unit=unit, baseline=baseline, order=1
        )
        ProgrammeTarget.objects.create(indicator=ind, year=end, value=final)
        if len(years) > 2:
            ProgrammeTarget.objects.create(indicator=ind, year=years[len(years) // 2], value=_halfway(baseline, final))
    _cover_mapped_rpjmd_programs(mp, rpjmd_programs)
    return len(plan_data.PROGRAMMES)


def _cover_mapped_rpjmd_programs(mp, rpjmd_programs):
    """Every RPJMD programme mapped to a dimension becomes the base of a masterplan programme of that dimension
    (same lead OPD if there is one), so the demo's consistency report stays clean."""
    programmes = list(Programme.objects.filter(masterplan=mp).prefetch_related("rpjmd_programs"))
    used = {r.pk for p in programmes for r in p.rpjmd_programs.all()}
    for program in rpjmd_programs:
        if program.primary_dimension_id is None or program.pk in used:
            continue
        same_dimension = [p for p in programmes if p.dimension_id == program.primary_dimension_id]
        target = next((p for p in same_dimension if p.lead_opd_id == program.opd_id), None) or (
            same_dimension[0] if same_dimension else None
        )
        if target is not None:
            target.rpjmd_programs.add(program)


def _halfway(baseline, final):
    def number(text):
        try:
            return float(text.replace(".", "").replace(",", "."))
        except ValueError:
            return None

    a, b = number(baseline), number(final)
    if a is None or b is None:
        return final
    value = a + (b - a) / 2
    return f"{value:,.0f}".replace(",", ".")
