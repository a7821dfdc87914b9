"""core.pdf pauses Python's cyclic collector during a render and gives it back as it was."""

import gc

import pytest

from core.pdf import collector_paused, render_document


def test_collector_off_inside_and_restored_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_restored_after_an_error():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("render failed")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_render_document_counts_the_pages():
    html = "<p>satu</p><p style='break-before: page'>dua</p><p style='break-before: page'>tiga</p>"
    pdf, pages = render_document(html)
    assert pdf.startswith(b"%PDF") and pages == 3
    assert gc.isenabled()
