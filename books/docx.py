"""Every book as a Word document, built from the same HTML as its PDF (books.rendering.book_html), so the two
never say different things. Headings keep Word's heading styles (Word's own table of contents works: one is
inserted as a field that Word fills when the document is opened), tables keep their header rows repeated on
every page, charts (inline SVG) and photos (data: URLs) become pictures, captions keep Word's Caption style.

    book_docx(masterplan, book, draft=True) -> bytes
"""

import base64
import io
import re

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import html as lxml_html

from .rendering import book_html, book_year, titled_for_year

SKIP_CLASSES = {"preview-bar", "watermark", "toc", "list-of-figures", "list-of-tables"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
BLOCKS = {"p", "div", "section", "main", "article", "header", "footer", "nav", "aside", "body"}
PICTURE_WIDTH = Cm(15)
MAX_SVG_PIXELS = 4000  # a chart wider than this is drawn at this width
# The HTML parser lower-cases names; SVG's camel-cased ones are given back before the chart is drawn
SVG_NAMES = [
    "viewBox", "preserveAspectRatio", "patternUnits", "patternContentUnits", "patternTransform", "gradientUnits",
    "gradientTransform", "linearGradient", "radialGradient", "clipPath", "clipPathUnits", "textPath", "textLength",
    "lengthAdjust", "startOffset", "spreadMethod", "stdDeviation", "markerWidth", "markerHeight", "markerUnits",
    "refX", "refY", "maskUnits", "maskContentUnits", "foreignObject", "baseProfile",
]  # fmt: skip
SVG_NAME_RE = re.compile(r"(?<=[<\s/])(" + "|".join(n.lower() for n in SVG_NAMES) + r")(?=[\s=>/])")
SVG_CASE = {n.lower(): n for n in SVG_NAMES}


def book_docx(masterplan, book, *, draft=True, year=None) -> bytes:
    html = book_html(masterplan, book, draft=draft, for_pdf=True, year=year)
    year = book_year(masterplan, book.key, year)
    return html_to_docx(html, title=f"{titled_for_year(book, year).title} · {masterplan.region.name}", draft=draft)


def html_to_docx(html: str, *, title: str = "", draft: bool = False) -> bytes:
    tree = lxml_html.document_fromstring(html)
    document = Document()
    _page_setup(document)
    core = document.core_properties
    core.title, core.author = title[:250], "Rancang"
    if draft:
        core.subject = _("DRAF")
    writer = _Writer(document)
    body = tree.find("body")
    if body is not None:
        writer.blocks(body)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page_setup(document):
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4, as the PDF
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Noto Sans", Pt(10.5)


def _classes(element):
    return set((element.get("class") or "").split())


def _text(element):
    return re.sub(r"\s+", " ", element.text_content() or "").strip()


class _Writer:
    def __init__(self, document):
        self.document = document
        self.toc_done = False

    # Blocks ---------------------------------------------------------------------------------------------

    def blocks(self, parent):
        for child in parent:
            if not isinstance(child.tag, str):
                continue  # comments
            self.block(child)

    def block(self, element):
        tag, classes = element.tag.lower(), _classes(element)
        if classes & SKIP_CLASSES:
            if "toc" in classes and not self.toc_done:
                self.table_of_contents(element)
            return
        if tag in ("script", "style", "template", "head"):
            return
        if "cover" in classes:
            self.cover(element)
        elif tag in HEADINGS:
            if HEADINGS[tag] == 1 and len(self.document.paragraphs) > 1:
                self.page_break()
            self.document.add_heading(_text(element), level=HEADINGS[tag])
        elif tag in ("ul", "ol"):
            self.list(element, numbered=tag == "ol", level=1)
        elif tag == "table":
            self.table(element)
        elif tag == "figure":
            self.figure(element)
        elif tag == "svg":
            self.picture(element)
        elif tag == "img":
            self.image(element)
        elif tag == "blockquote":
            self.paragraph(element, style="Quote")
        elif tag == "dl":
            self.definitions(element)
        elif tag in BLOCKS:
            if _has_block_children(element):
                if (element.text or "").strip():
                    self.document.add_paragraph(element.text.strip())
                self.blocks(element)
            elif _text(element) or element.find(".//img") is not None:
                self.paragraph(element)
        elif _text(element):
            self.paragraph(element)

    def cover(self, element):
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if child.find(".//img") is not None:
                self.image(child.find(".//img"), width=Cm(4))
                continue
            text = _text(child)
            if not text:
                continue
            style = "Title" if "cover-title" in _classes(child) else "Subtitle"
            self.document.add_paragraph(text, style=style)

    def table_of_contents(self, element):
        """Word fills a TOC field from the headings when the document is opened (or on F9)."""
        self.toc_done = True
        heading = element.find(".//h1")
        self.page_break()
        self.document.add_heading(_text(heading) if heading is not None else _("Daftar Isi"), level=1)
        paragraph = self.document.add_paragraph()
        run = paragraph.add_run()
        begin, instruction = OxmlElement("w:fldChar"), OxmlElement("w:instrText")
        begin.set(qn("w:fldCharType"), "begin")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = 'TOC \\o "1-3" \\h \\z \\u'
        separate = OxmlElement("w:fldChar")
        separate.set(qn("w:fldCharType"), "separate")
        placeholder = OxmlElement("w:t")
        placeholder.text = _("Daftar isi diperbarui oleh Word saat dokumen dibuka (atau tekan F9).")
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        for node in (begin, instruction, separate, placeholder, end):
            run._r.append(node)
        settings = self.document.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)

    def page_break(self):
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Inline text ----------------------------------------------------------------------------------------

    def paragraph(self, element, style=None):
        paragraph = self.document.add_paragraph(style=style)
        if "empty" in _classes(element):
            paragraph.add_run(_text(element)).italic = True
            return paragraph
        self.inline(paragraph, element, bold=False, italic=False)
        return paragraph

    def inline(self, paragraph, element, *, bold, italic):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        bold = bold or tag in ("strong", "b", "th")
        italic = italic or tag in ("em", "i")
        if element.text:
            self.run(paragraph, element.text, bold, italic)
        for child in element:
            if not isinstance(child.tag, str):
                if child.tail:
                    self.run(paragraph, child.tail, bold, italic)
                continue
            if child.tag.lower() == "br":
                paragraph.add_run().add_break()
            elif child.tag.lower() == "img":
                self.image(child, paragraph=paragraph)
            elif child.tag.lower() == "svg":
                continue
            else:
                self.inline(paragraph, child, bold=bold, italic=italic)
            if child.tail:
                self.run(paragraph, child.tail, bold, italic)

    @staticmethod
    def run(paragraph, text, bold, italic):
        text = re.sub(r"\s+", " ", text)
        if not text.strip() and not paragraph.runs:
            return
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None

    def list(self, element, *, numbered, level):
        style = ("List Number" if numbered else "List Bullet") + (f" {level}" if level > 1 else "")
        for item in element.findall("li"):
            paragraph = self.document.add_paragraph(style=style)
            nested = [c for c in item if isinstance(c.tag, str) and c.tag.lower() in ("ul", "ol")]
            for child in nested:
                item.remove(child)
            self.inline(paragraph, item, bold=False, italic=False)
            for child in nested:
                self.list(child, numbered=child.tag.lower() == "ol", level=min(level + 1, 3))

    def definitions(self, element):
        term = None
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if child.tag.lower() == "dt":
                term = _text(child)
            elif child.tag.lower() == "dd":
                paragraph = self.document.add_paragraph()
                if term:
                    paragraph.add_run(f"{term}: ").bold = True
                self.inline(paragraph, child, bold=False, italic=False)

    # Tables and figures -----------------------------------------------------------------------------------

    def table(self, element):
        caption = element.find("caption")
        if caption is not None and _text(caption):
            self.document.add_paragraph(_text(caption), style="Caption")
        rows = []  # (is_header, [cells])
        for section in element:
            if not isinstance(section.tag, str):
                continue
            tag = section.tag.lower()
            if tag == "tr":
                rows.append((False, section))
            elif tag in ("thead", "tbody", "tfoot"):
                rows += [(tag == "thead", tr) for tr in section.findall("tr")]
        if not rows:
            return
        width = max(sum(int(c.get("colspan") or 1) for c in tr if _is_cell(c)) for _h, tr in rows)
        if width == 0:
            return
        table = self.document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for is_header, tr in rows:
            cells = table.add_row().cells
            if is_header:
                _repeat_header(table.rows[-1])
            col = 0
            for cell in tr:
                if not _is_cell(cell) or col >= width:
                    continue
                span = min(int(cell.get("colspan") or 1), width - col)
                target = cells[col]
                if span > 1:
                    target = target.merge(cells[col + span - 1])
                paragraph = target.paragraphs[0]
                self.inline(paragraph, cell, bold=is_header or cell.tag.lower() == "th", italic=False)
                col += span
        self.document.add_paragraph()

    def figure(self, element):
        for child in element.iter():
            if not isinstance(child.tag, str):
                continue
            tag = child.tag.lower()
            if tag == "svg" or tag.endswith("}svg"):
                self.picture(child)
                break
            if tag == "img":
                self.image(child)
                break
        caption = element.find("figcaption")
        if caption is not None and _text(caption):
            self.document.add_paragraph(_text(caption), style="Caption")

    def picture(self, svg):
        png = svg_to_png(svg)
        if png is None:
            title = svg.find("title")
            self.document.add_paragraph(_text(title) if title is not None else _("Gambar"), style="Caption")
            return
        self.document.add_picture(io.BytesIO(png), width=PICTURE_WIDTH)

    def image(self, img, *, width=PICTURE_WIDTH, paragraph=None):
        data = data_uri_bytes(img.get("src") or "")
        if data is None:
            return
        try:
            if paragraph is not None:
                paragraph.add_run().add_picture(io.BytesIO(data), width=Cm(4))
            else:
                self.document.add_picture(io.BytesIO(data), width=width)
        except Exception:  # noqa: BLE001 - an image Word cannot take is left out, the text stays
            alt = img.get("alt") or _("Gambar")
            self.document.add_paragraph(alt, style="Caption")


def _is_cell(element):
    return isinstance(element.tag, str) and element.tag.lower() in ("td", "th")


def _has_block_children(element):
    block_tags = set(HEADINGS) | BLOCKS | {"ul", "ol", "table", "figure", "blockquote", "dl", "svg"}
    return any(isinstance(c.tag, str) and c.tag.lower() in block_tags for c in element)


def _repeat_header(row):
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def data_uri_bytes(src: str) -> bytes | None:
    match = re.match(r"^data:image/(png|jpeg|jpg|gif|bmp);base64,(.*)$", src.strip(), re.DOTALL)
    if not match:
        return None
    try:
        return base64.b64decode(match.group(2), validate=False)
    except ValueError:
        return None


def svg_to_png(svg) -> bytes | None:
    """An inline chart as a PNG (cairosvg), at twice its size for print; None when it cannot be drawn."""
    import cairosvg
    from lxml import etree

    markup = SVG_NAME_RE.sub(lambda m: SVG_CASE[m.group(1)], etree.tostring(svg, encoding="unicode"))
    if "xmlns=" not in markup.split(">", 1)[0]:
        markup = markup.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    if "xlink:" in markup and "xmlns:xlink" not in markup:
        markup = markup.replace("<svg", '<svg xmlns:xlink="http://www.w3.org/1999/xlink"', 1)
    try:
        width = float(re.sub(r"[^\d.]", "", svg.get("width") or "") or 600)
    except ValueError:
        width = 600
    try:
        return cairosvg.svg2png(
            bytestring=markup.encode(), output_width=int(min(width * 2, MAX_SVG_PIXELS)), unsafe=False
        )
    except Exception:  # noqa: BLE001 - a chart cairosvg cannot draw: its title stands in
        return None
