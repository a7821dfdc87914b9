"""The export history (issue 15): the background re-renders (24 after an hour of editing) no longer bury the
manual exports. The newest automatic export of each book is listed; the older ones are folded in <details>."""

from django.urls import reverse

from .factories import ExportJobFactory


def _rows(html, table_id):
    table = html[html.index(f'id="{table_id}"') :]
    return table[: table.index("</table>")]


def test_newest_automatic_per_book_is_listed_the_rest_folded_manual_stay(personas, as_user):
    mp = personas.masterplan
    manual = ExportJobFactory(masterplan=mp, book_key="masterplan", book_title="Buku Masterplan", automatic=False)
    old_auto = [ExportJobFactory(masterplan=mp, book_key="analisis", automatic=True) for _ in range(5)]
    newest_analisis = ExportJobFactory(masterplan=mp, book_key="analisis", automatic=True)
    old_ringkasan = ExportJobFactory(masterplan=mp, book_key="ringkasan", automatic=True)
    newest_ringkasan = ExportJobFactory(masterplan=mp, book_key="ringkasan", automatic=True)
    html = as_user(personas.expert).get(reverse("books:index", args=[mp.pk])).content.decode()

    listed = _rows(html, "export-history")
    for job in (manual, newest_analisis, newest_ringkasan):
        assert f'id="job-{job.pk}"' in listed
    for job in (*old_auto, old_ringkasan):
        assert f'id="job-{job.pk}"' not in listed

    details = html[html.index('<details class="mb-3" id="older-automatic">') :]
    details = details[: details.index("</details>")]
    assert "6 ekspor otomatis lama" in details
    for job in (*old_auto, old_ringkasan):
        assert f'id="job-{job.pk}"' in details
    assert f'id="job-{manual.pk}"' not in details and f'id="job-{newest_analisis.pk}"' not in details


def test_no_fold_without_older_automatic_exports(personas, as_user):
    ExportJobFactory(masterplan=personas.masterplan, automatic=False)
    ExportJobFactory(masterplan=personas.masterplan, automatic=True)
    html = as_user(personas.expert).get(reverse("books:index", args=[personas.masterplan.pk])).content.decode()
    assert "older-automatic" not in html
    assert html.count('id="job-') == 2
