"""Freezing the masterplan's content and comparing two frozen (or live) versions, section by section."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import registry

# How the frozen records' field names are shown (the names are stable keys of the JSON, some Indonesian, some
# English): in the reader's language. A name missing here is shown with its underscores as spaces.
FIELD_LABELS = {
    "agenda": gettext_lazy("agenda"),
    "anggaran": gettext_lazy("anggaran"),
    "arah": gettext_lazy("arah"),
    "benefits": gettext_lazy("manfaat"),
    "budgets": gettext_lazy("anggaran"),
    "bukti": gettext_lazy("bukti"),
    "catatan": gettext_lazy("catatan"),
    "chosen": gettext_lazy("terpilih"),
    "dari": gettext_lazy("dari"),
    "dimensi": gettext_lazy("dimensi"),
    "dimension": gettext_lazy("dimensi"),
    "dimensions": gettext_lazy("dimensi"),
    "elemen": gettext_lazy("elemen"),
    "element": gettext_lazy("elemen"),
    "end_date": gettext_lazy("tanggal selesai"),
    "full_name": gettext_lazy("nama lengkap"),
    "fungsi": gettext_lazy("fungsi"),
    "horizon": gettext_lazy("horizon"),
    "indicators": gettext_lazy("indikator"),
    "innovation_type": gettext_lazy("jenis inovasi"),
    "jabatan": gettext_lazy("jabatan"),
    "jenis": gettext_lazy("jenis"),
    "judul": gettext_lazy("judul"),
    "jumlah_peserta": gettext_lazy("jumlah peserta"),
    "justification": gettext_lazy("alasan"),
    "keputusan": gettext_lazy("keputusan"),
    "komponen": gettext_lazy("komponen"),
    "lembaga": gettext_lazy("lembaga"),
    "location": gettext_lazy("lokasi"),
    "misi": gettext_lazy("misi"),
    "mitra": gettext_lazy("mitra"),
    "mitra_lain": gettext_lazy("mitra lain"),
    "mulai": gettext_lazy("mulai"),
    "nama": gettext_lazy("nama"),
    "name": gettext_lazy("nama"),
    "naskah": gettext_lazy("naskah"),
    "nomor": gettext_lazy("nomor"),
    "novelty": gettext_lazy("kebaruan"),
    "opd": gettext_lazy("OPD"),
    "opd_diundang": gettext_lazy("OPD diundang"),
    "owners": gettext_lazy("pemilik"),
    "pagu": gettext_lazy("pagu"),
    "partners": gettext_lazy("mitra"),
    "pengguna": gettext_lazy("pengguna"),
    "penilaian": gettext_lazy("penilaian"),
    "peran": gettext_lazy("peran"),
    "pindaian": gettext_lazy("pindaian"),
    "plan_programmes": gettext_lazy("program masterplan"),
    "primary_dimension": gettext_lazy("dimensi utama"),
    "primary_element": gettext_lazy("elemen utama"),
    "prioritas": gettext_lazy("prioritas"),
    "problem": gettext_lazy("masalah"),
    "progress": gettext_lazy("kemajuan"),
    "progress_date": gettext_lazy("tanggal kemajuan"),
    "risks": gettext_lazy("risiko"),
    "rpjmd": gettext_lazy("RPJMD"),
    "rpjmd_programs": gettext_lazy("program RPJMD"),
    "sasaran": gettext_lazy("sasaran"),
    "secondary_elements": gettext_lazy("elemen pendukung"),
    "solution": gettext_lazy("solusi"),
    "start_date": gettext_lazy("tanggal mulai"),
    "status": gettext_lazy("status"),
    "strategi": gettext_lazy("strategi"),
    "tahap": gettext_lazy("tahap"),
    "tahun": gettext_lazy("tahun"),
    "tahun_mulai": gettext_lazy("tahun mulai"),
    "tahun_selesai": gettext_lazy("tahun selesai"),
    "tanggal": gettext_lazy("tanggal"),
    "tautan": gettext_lazy("tautan"),
    "tempat": gettext_lazy("tempat"),
    "tenaga_ahli": gettext_lazy("tenaga ahli"),
    "tenggat": gettext_lazy("tenggat"),
    "text": gettext_lazy("teks"),
    "tindak_lanjut": gettext_lazy("tindak lanjut"),
    "uraian": gettext_lazy("uraian"),
    "visi": gettext_lazy("visi"),
}


def field_label(name):
    return str(FIELD_LABELS.get(name) or name.replace("_", " "))


def freeze(masterplan):
    """({section key: label}, {section key: records}) for every registered section, JSON values only."""
    labels, data = {}, {}
    for section in registry.sections():
        labels[section.key] = str(section.label)
        data[section.key] = section.serialize(masterplan)
    return labels, data


@dataclass
class FieldChange:
    name: str
    old: object
    new: object


@dataclass
class RecordChange:
    key: str
    label: str
    fields: list  # [FieldChange]


@dataclass
class SectionDiff:
    key: str
    label: str
    added: list = field(default_factory=list)  # records
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)  # [RecordChange]
    only_in: str = ""  # "old" or "new" when the section exists on one side only

    @property
    def has_changes(self):
        return bool(self.added or self.removed or self.changed)


def _index(records):
    return {str(r.get("key")): r for r in records or []}


def diff_section(key, label, old_records, new_records):
    result = SectionDiff(key=key, label=label)
    old, new = _index(old_records), _index(new_records)
    for record_key, record in new.items():
        if record_key not in old:
            result.added.append(record)
    for record_key, record in old.items():
        if record_key not in new:
            result.removed.append(record)
    for record_key, record in new.items():
        before = old.get(record_key)
        if before is None:
            continue
        old_fields, new_fields = before.get("fields") or {}, record.get("fields") or {}
        changes = [
            FieldChange(name, old_fields.get(name), new_fields.get(name))
            for name in [*old_fields, *(n for n in new_fields if n not in old_fields)]
            if old_fields.get(name) != new_fields.get(name)
        ]
        if before.get("label") != record.get("label"):
            changes.insert(0, FieldChange(_("label"), before.get("label"), record.get("label")))
        if changes:
            result.changed.append(RecordChange(record_key, record.get("label") or record_key, changes))
    return result


def diff(old_labels, old_data, new_labels, new_data):
    """[SectionDiff] in the order of the registry, then sections no longer registered."""
    current = {s.key: str(s.label) for s in registry.sections()}  # in the reader's language, not the frozen one
    order = list(current)
    keys = [k for k in order if k in old_data or k in new_data]
    keys += sorted(k for k in {*old_data, *new_data} if k not in order)
    result = []
    for key in keys:
        label = current.get(key) or _(new_labels.get(key) or old_labels.get(key) or key)
        section = diff_section(key, label, old_data.get(key), new_data.get(key))
        if key not in old_data:
            section.only_in = "new"
        elif key not in new_data:
            section.only_in = "old"
        result.append(section)
    return result
