import io
import subprocess

from pypdf import PdfReader


def pdf_text(pdf):
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def page_texts(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text() or "" for page in reader.pages]


def outline_titles(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    titles = []

    def walk(items, depth=0):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                titles.append((depth, item.title))

    walk(reader.outline)
    return titles


def metadata(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    return reader.metadata, root.get("/Lang"), len(reader.pages)
