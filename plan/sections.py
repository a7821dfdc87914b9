"""What the plan contributes to snapshots and reviews: JSON records per section (core.registry.Section)."""

from masterplan.models import Dimension

from .models import (
    Application,
    CouncilMember,
    DimensionStrategy,
    Goal,
    LegalDocument,
    Mission,
    Programme,
    ReadinessItem,
    SwotEntry,
    SwotStrategy,
    Vision,
)


def readiness(masterplan):
    return [
        {
            "key": f"readiness-{i.pk}",
            "label": i.name,
            "fields": {
                "komponen": i.component,
                "dimensi": i.dimension.key,
                "penilaian": i.rating,
                "bukti": i.evidence,
                "catatan": i.notes,
            },
        }
        for i in ReadinessItem.objects.for_masterplan(masterplan)
        .select_related("dimension")
        .order_by("component", "order", "pk")
    ]


def swot(masterplan):
    records = [
        {
            "key": f"swot-{e.pk}",
            "label": f"{e.dimension.name_id} {e.kind}",
            "fields": {"dimensi": e.dimension.key, "jenis": e.kind, "komponen": e.component, "uraian": e.text},
        }
        for e in SwotEntry.objects.for_masterplan(masterplan)
        .select_related("dimension")
        .order_by("dimension__order", "kind", "order")
    ]
    records += [
        {
            "key": f"swot-strategy-{s.pk}",
            "label": f"{s.dimension.name_id} {s.kind}",
            "fields": {
                "dimensi": s.dimension.key,
                "jenis": s.kind,
                "strategi": s.text,
                "dari": sorted(e.pk for e in s.entries.all()),
            },
        }
        for s in SwotStrategy.objects.for_masterplan(masterplan).select_related("dimension").prefetch_related("entries")
    ]
    return records


def applications(masterplan):
    return [
        {
            "key": f"application-{a.pk}",
            "label": a.name,
            "fields": {
                "opd": a.opd.acronym,
                "dimensi": a.dimension.key,
                "elemen": a.element.key if a.element else "",
                "fungsi": a.purpose,
                "pengguna": a.users,
                "status": a.status,
                "tautan": a.url,
            },
        }
        for a in Application.objects.for_masterplan(masterplan).select_related("opd", "dimension", "element")
    ]


def institutions(masterplan):
    records = [
        {
            "key": f"member-{m.pk}",
            "label": m.name,
            "fields": {"lembaga": m.body, "jabatan": m.position, "peran": m.role},
        }
        for m in CouncilMember.objects.for_masterplan(masterplan)
    ]
    records += [
        {
            "key": f"document-{d.pk}",
            "label": str(d),
            "fields": {
                "jenis": d.kind,
                "nomor": d.number,
                "tanggal": d.date.isoformat() if d.date else "",
                "tahun": d.year,
                "judul": d.title,
            },
        }
        for d in LegalDocument.objects.for_masterplan(masterplan)
    ]
    return records


def vision(masterplan):
    row = Vision.objects.filter(masterplan=masterplan).first()
    records = [
        {
            "key": "vision",
            "label": "Visi",
            "fields": {"visi": row.vision if row else "", "arah": row.direction if row else ""},
        }
    ]
    records += [
        {"key": f"mission-{m.pk}", "label": f"Misi {i}", "fields": {"misi": m.text}}
        for i, m in enumerate(Mission.objects.for_masterplan(masterplan), start=1)
    ]
    return records


def strategies(masterplan):
    goals = {}
    for goal in Goal.objects.filter(masterplan=masterplan).order_by("order", "pk"):
        goals.setdefault(goal.strategy_id, []).append(
            {"sasaran": goal.text, "indikator": goal.indicator, "target": goal.target}
        )
    return [
        {
            "key": f"strategy-{s.pk}",
            "label": f"{s.dimension.name_id}{' / ' + s.element.name_id if s.element else ''}",
            "fields": {
                "dimensi": s.dimension.key,
                "elemen": s.element.key if s.element else "",
                "strategi": s.text,
                "sasaran": goals.get(s.pk, []),
            },
        }
        for s in DimensionStrategy.objects.for_masterplan(masterplan).select_related("dimension", "element")
    ]


def programmes(masterplan):
    queryset = (
        Programme.objects.for_masterplan(masterplan)
        .select_related("dimension", "element", "lead_opd")
        .prefetch_related("partner_opds", "rpjmd_programs", "budget_lines")
    )
    return [
        {
            "key": f"programme-{p.pk}",
            "label": p.name,
            "fields": {
                "dimensi": p.dimension.key,
                "elemen": p.element.key if p.element else "",
                "jenis": p.kind,
                "uraian": p.description,
                "opd": p.lead_opd.acronym if p.lead_opd else "",
                "mitra": sorted(o.acronym for o in p.partner_opds.all()),
                "mitra_lain": p.partners,
                "rpjmd": sorted(r.code for r in p.rpjmd_programs.all()),
                "horizon": p.horizon,
                "tahun_mulai": p.start_year,
                "tahun_selesai": p.end_year,
                "prioritas": p.priority,
                "anggaran": {f"{b.year}-{b.source}": int(b.amount) for b in p.budget_lines.all()},
            },
        }
        for p in queryset
    ]


def roadmap(masterplan):
    dimensions = {d.pk: d.key for d in Dimension.objects.all()}
    return [
        {
            "key": f"roadmap-{p.pk}",
            "label": p.name,
            "fields": {"dimensi": dimensions[p.dimension_id], "tahun": p.years, "horizon": p.horizon},
        }
        for p in Programme.objects.for_masterplan(masterplan)
    ]
