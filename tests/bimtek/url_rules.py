from tests.url_sweep import Rule


def _mp(p):
    return {"mp": p.masterplan.pk}


def _stage(p):
    return {"mp": p.masterplan.pk, "number": 1}


def _session(p):
    from .factories import SessionFactory, StageFactory

    return {"mp": p.masterplan.pk, "pk": SessionFactory(stage=StageFactory(masterplan=p.masterplan)).pk}


def _row(factory_name):
    def kwargs(p):
        from . import factories

        session = factories.SessionFactory(stage=factories.StageFactory(masterplan=p.masterplan))
        factory = getattr(factories, factory_name)
        extra = {"opd": p.opd} if factory_name == "FollowUpFactory" else {}
        return {"mp": p.masterplan.pk, "pk": factory(session=session, **extra).pk}

    return kwargs


def _signatory(p):
    from .factories import CommitmentFactory, SignatoryFactory

    return {"mp": p.masterplan.pk, "pk": SignatoryFactory(commitment=CommitmentFactory(masterplan=p.masterplan)).pk}


def _snapshot(p):
    from .factories import SnapshotFactory

    return {"mp": p.masterplan.pk, "pk": SnapshotFactory(masterplan=p.masterplan).pk}


RULES = {
    "bimtek:stages": Rule(_mp),
    "bimtek:stage_start": Rule(_stage),
    "bimtek:stage_close": Rule(_stage),
    "bimtek:session_add": Rule(_stage),
    "bimtek:session": Rule(_session),
    "bimtek:session_edit": Rule(_session),
    "bimtek:session_delete": Rule(_session),
    "bimtek:attendee_add": Rule(_session),
    "bimtek:attendee_delete": Rule(_row("AttendeeFactory")),
    "bimtek:attendance_preview": Rule(_session),
    "bimtek:attendance_confirm": Rule(_session),
    "bimtek:attendance_pdf": Rule(_session),
    "bimtek:decision_add": Rule(_session),
    "bimtek:decision_delete": Rule(_row("DecisionFactory")),
    "bimtek:followup_add": Rule(_session),
    "bimtek:followup_edit": Rule(_row("FollowUpFactory")),
    "bimtek:followup_toggle": Rule(_row("FollowUpFactory")),
    "bimtek:followup_delete": Rule(_row("FollowUpFactory")),
    "bimtek:followups": Rule(_mp),
    "bimtek:attachment_add": Rule(_session),
    "bimtek:attachment_download": Rule(_row("AttachmentFactory")),
    "bimtek:attachment_thumbnail": Rule(_row("AttachmentFactory")),
    "bimtek:attachment_delete": Rule(_row("AttachmentFactory")),
    "bimtek:snapshots": Rule(_mp),
    "bimtek:snapshot": Rule(_snapshot),
    "bimtek:snapshot_compare": Rule(_mp),
    "bimtek:commitment": Rule(_mp),
    "bimtek:commitment_pdf": Rule(_mp),
    "bimtek:signatory_add": Rule(_mp),
    "bimtek:signatory_delete": Rule(_signatory),
    "bimtek:commitment_scan": Rule(_mp),
    "bimtek:commitment_scan_upload": Rule(_mp),
}
