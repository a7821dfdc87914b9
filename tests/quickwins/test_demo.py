from masterplan import demo as foundation
from quickwins import demo
from quickwins.models import Photo, ProgressUpdate, QuickWin


def test_demo_has_the_six_ppu_quick_wins_and_is_idempotent(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    result = foundation.populate()
    demo.populate(result)
    chosen = QuickWin.objects.filter(masterplan=result.masterplan, chosen=True)
    assert sorted(chosen.values_list("short_name", flat=True)) == [
        "Call Center 112",
        "Go PPU",
        "Internet Taman Rozeline",
        "Puspita",
        "SIHARPA",
        "Serbu Gass",
    ]
    assert {q.dimension.key for q in chosen} == {
        "governance",
        "branding",
        "economy",
        "living",
        "society",
        "environment",
    }
    assert QuickWin.objects.filter(chosen=False).count() >= 2
    assert all(q.progress is not None and q.budgets.exists() and q.indicators.exists() for q in chosen)
    call_center = chosen.get(short_name="Call Center 112")
    assert [o.opd.acronym for o in call_center.owners.order_by("year")] == ["Diskominfo", "BPBD"]
    counts = (QuickWin.objects.count(), ProgressUpdate.objects.count(), Photo.objects.count())
    demo.populate(foundation.populate())
    assert (QuickWin.objects.count(), ProgressUpdate.objects.count(), Photo.objects.count()) == counts
