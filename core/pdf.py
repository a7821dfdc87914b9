"""HTML to PDF with WeasyPrint, fetching nothing from the network.

The fetcher serves only files below allowed folders (the project's static files, plus folders the
caller names, e.g. one masterplan's uploads) and `data:` URLs; anything else (http, https, other
file:// paths) is refused. Templates point at static files with `{% pdf_static "fonts/x.ttf" %}`.
"""

import gc
import io
import mimetypes
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


class BlockedURL(ValueError):
    pass


def static_dirs():
    dirs = [Path(d) for d in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        dirs.append(Path(settings.STATIC_ROOT))
    return dirs


def static_uri(path):
    """file:// URI of a static file, for templates rendered to PDF."""
    found = finders.find(path)
    if not found:
        raise BlockedURL(f"no static file {path}")
    return Path(found).resolve().as_uri()


class SafeFetcher(URLFetcher):
    def __init__(self, extra_dirs=()):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, timeout=2)
        self.allowed = [d.resolve() for d in [*static_dirs(), *map(Path, extra_dirs)] if d]

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise BlockedURL(f"refused (not a local file): {url[:200]}")
        path = Path(url2pathname(urlparse(url).path)).resolve()
        if not any(path.is_relative_to(folder) for folder in self.allowed) or not path.is_file():
            raise BlockedURL(f"refused (outside the allowed folders): {url[:200]}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off while WeasyPrint lays out and paints a document.

    A render makes millions of small objects that live until the document is written and are then freed by
    reference counting; the collector's repeated passes over them found nothing and cost 15-25 % of the
    render time (scripts/bench_books.py). Whatever cycles the render leaves are collected once at the end.
    The switch is process-wide: with renders in several threads (runserver), the collector is back on once
    the first of them ends, which costs only speed."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()


def render_document(html, *, extra_dirs=(), body_anchor="", **options):
    """(PDF bytes, page count) of an HTML string. `options` go to WeasyPrint's render and write_pdf
    (e.g. pdf_variant="pdf/a-3b", pdf_tags=True, metadata options).

    With `body_anchor` (the id of the element the body starts with), the PDF's page labels follow the printed
    numbers: roman (i, ii, ...) from the first page, arabic from 1 on the page that element starts on. WeasyPrint
    70 writes no page labels, so they are added afterwards (`set_page_labels`)."""
    base = (Path(settings.BASE_DIR) / "static").resolve().as_uri() + "/"
    with collector_paused():
        document = HTML(string=html, base_url=base, url_fetcher=SafeFetcher(extra_dirs)).render(**options)
        pdf = document.write_pdf(**options)
        pages = len(document.pages)
        body = next((i for i, page in enumerate(document.pages) if body_anchor in page.anchors), None)
        del document
    if body_anchor and body is not None:
        pdf = set_page_labels(pdf, [(0, "r", 1)] + ([(body, "D", 1)] if body else []))
    return pdf, pages


def set_page_labels(pdf, ranges):
    """The PDF with a /PageLabels number tree: ranges [(first page index, style, first number)], style "r"
    (lower roman), "R", "D" (arabic), "a" or "A". Everything else of the file is kept (pikepdf/qpdf)."""
    import pikepdf

    nums = pikepdf.Array()
    for index, style, start in ranges:
        nums.append(index)
        nums.append(pikepdf.Dictionary(S=pikepdf.Name("/" + style), St=start))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        document.Root.PageLabels = pikepdf.Dictionary(Nums=nums)
        out = io.BytesIO()
        document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return out.getvalue()


def render_pdf(html, *, extra_dirs=(), **options):
    """PDF bytes of an HTML string (see render_document)."""
    return render_document(html, extra_dirs=extra_dirs, **options)[0]
