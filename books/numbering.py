"""A chapter's tables, figures and sections numbered with an HTML parser (the standard library's), not with
patterns over HTML.

The chapter's HTML is read once; the parser notes where each part lies and the few changes are spliced into the
original text, so everything else stays exactly as the template wrote it:

- `<table class="book-table">` directly followed by its `<caption>`: an id `<prefix>-t<n>`;
- `<figure class="book-figure">` with its `<figcaption>`: an id `<prefix>-g<n>`;
  both captions lose their "Tabel:"/"Gambar:" prefix, which the print CSS replaces with a numbered label, and are
  listed (`Caption`) for the lists of tables and figures;
- `<h2>`: an id `<prefix>-s<n>` unless it has one, listed as a section of the contents;
- `<img data-book-media="name">`: the upload inlined, `media(name)` giving its data: URL ("" leaves the image out).

Counters of tables and figures run on over the whole book (the lists passed in), those of sections per chapter.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

# The label a template writes at the start of a caption's text (a pattern over text, not over HTML).
_PREFIX = re.compile(r"^\s*(Tabel|Gambar|Table|Figure)\s*:\s*", re.I)


@dataclass
class Caption:
    id: str
    text: str
    appendix: bool = False


def number_parts(html, prefix, tables, figures, appendix=False, media=None):
    """(html, sections): the chapter's HTML with ids and inlined images, and its sections [(id, text)].
    Appends a Caption per numbered table and figure to `tables` and `figures`."""
    scanner = _Scanner(html, prefix, tables, figures, appendix, media)
    scanner.feed(html)
    scanner.close()
    out, last = [], 0
    for start, end, text in sorted(scanner.edits):
        out += [html[last:start], text]
        last = end
    out.append(html[last:])
    return "".join(out), scanner.sections


def _classes(attrs):
    return (dict(attrs).get("class") or "").split()


class _Scanner(HTMLParser):
    def __init__(self, html, prefix, tables, figures, appendix, media):
        super().__init__(convert_charrefs=False)  # entities stay as written: captions are listed as HTML
        self.html, self.prefix, self.appendix, self.media = html, prefix, appendix, media
        self.tables, self.figures, self.sections = tables, figures, []
        self.edits = []  # (start, end, replacement) in the original text
        self.lines = [0]  # offset of each line's start, for getpos()
        newline = html.find("\n")
        while newline != -1:
            self.lines.append(newline + 1)
            newline = html.find("\n", newline + 1)
        self.table = None  # offset of a book-table's start tag, until its caption (or anything else) follows
        self.figures_open = []  # per open <figure>: offset of its start tag if a book-figure still uncaptioned
        self.caption = None  # the caption being read: {"end": tag name, "inner": offset, "kind", "id", "first"}
        self.heading = None  # the <h2> being read: (inner offset, id)

    def _at(self):
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def _insert_id(self, tag_start, tag, ident):
        at = tag_start + 1 + len(tag)  # just after "<table", as the id was always written
        self.edits.append((at, at, f' id="{ident}"'))

    # Tokens ------------------------------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        start = self._at()
        raw = self.get_starttag_text()
        self._token()
        if tag == "caption" and self.table is not None:
            ident = f"{self.prefix}-t{len(self.tables) + 1}"
            self._insert_id(self.table, "table", ident)
            self._open_caption("caption", start + len(raw), self.tables, ident)
        self.table = start if tag == "table" and "book-table" in _classes(attrs) else None
        if tag == "figure":
            self.figures_open.append(start if "book-figure" in _classes(attrs) else None)
        elif tag == "figcaption" and self.figures_open and self.figures_open[-1] is not None:
            ident = f"{self.prefix}-g{len(self.figures) + 1}"
            self._insert_id(self.figures_open[-1], "figure", ident)
            self.figures_open[-1] = None
            self._open_caption("figcaption", start + len(raw), self.figures, ident)
        elif tag == "h2" and self.heading is None:
            ident = dict(attrs).get("id")
            if ident is None:
                ident = f"{self.prefix}-s{len(self.sections) + 1}"
                self._insert_id(start, "h2", ident)
            self.heading = (start + len(raw), ident)
        elif tag == "img":
            self._media_image(start, raw, attrs)

    def handle_startendtag(self, tag, attrs):
        start, raw = self._at(), self.get_starttag_text()
        self._token()
        self.table = None
        if tag == "img":
            self._media_image(start, raw, attrs)

    def handle_endtag(self, tag):
        start = self._at()
        self._token()
        self.table = None
        if self.caption and tag == self.caption["end"]:
            self._close_caption(start)
        elif tag == "figure" and self.figures_open:
            self.figures_open.pop()
        elif tag == "h2" and self.heading is not None:
            inner, ident = self.heading
            self.sections.append((ident, mark_safe(strip_tags(self.html[inner:start]))))
            self.heading = None

    def handle_data(self, data):
        start = self._at()
        if self.caption and self.caption["first"]:
            self.caption["first"] = False
            stripped = _PREFIX.sub("", data, count=1)
            if stripped != data:
                self.edits.append((start, start + len(data), stripped))
                self.caption["strip"] = (start, start + len(data), stripped)
        if data.strip():
            self.table = None

    def handle_entityref(self, name):
        self._other()

    def handle_charref(self, name):
        self._other()

    def handle_comment(self, data):
        self._other()

    def handle_decl(self, decl):
        self._other()

    def handle_pi(self, data):
        self._other()

    def unknown_decl(self, data):
        self._other()

    def _other(self):
        self._token()
        self.table = None

    def _token(self):
        if self.caption:
            self.caption["first"] = False

    # Parts -------------------------------------------------------------------------------------------------

    def _open_caption(self, end_tag, inner, captions, ident):
        self.caption = {"end": end_tag, "inner": inner, "captions": captions, "id": ident, "first": True}

    def _close_caption(self, end):
        caption, self.caption = self.caption, None
        inner = self.html[caption["inner"] : end]
        if "strip" in caption:
            start, stop, text = caption["strip"]
            inner = self.html[caption["inner"] : start] + text + self.html[stop:end]
        caption["captions"].append(Caption(caption["id"], mark_safe(strip_tags(inner)), self.appendix))

    def _media_image(self, start, raw, attrs):
        names = [name for name, _value in attrs]
        if "data-book-media" not in names or self.media is None:
            return
        uri = self.media(dict(attrs)["data-book-media"] or "")
        if not uri:
            self.edits.append((start, start + len(raw), ""))
            return
        parts = [
            f' src="{uri}"'
            if name == "data-book-media"
            else f" {name}"
            if value is None
            else f' {name}="{escape(value)}"'
            for name, value in attrs
        ]
        self.edits.append((start, start + len(raw), "<img" + "".join(parts) + ">"))
