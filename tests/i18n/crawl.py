"""A crawl of the portal in English: every page reachable by links from the home page, as one person, and the
Indonesian interface strings (msgids of locale/en's catalogue) found in what the page shows."""

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import polib
from django.conf import settings

SKIP_PATHS = ("/akun/keluar", "/static/", "/media/", "/admin/", "/i18n/")
SKIP_PARTS = ("/pratinjau/",)  # a book's preview is the document, Indonesian in either interface language
MAX_VARIANTS = 2  # the same path with other query strings (filters, pages): a few are enough


class _Page(HTMLParser):
    """The text a person sees (and hears: aria-label, title, placeholder, alt) and the links of a page."""

    SEEN_ATTRS = ("aria-label", "title", "placeholder", "alt")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.links, self._hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "template"):
            self._hidden += 1
        if tag == "a" and attrs.get("href") and "download" not in attrs:
            self.links.append(attrs["href"])
        self.parts += [attrs[a] for a in self.SEEN_ATTRS if attrs.get(a)]
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)

    @property
    def text(self):
        return re.sub(r"\s+", " ", " ".join(self.parts))


def indonesian_phrases(min_words=3):
    """Fragments of the catalogue's msgids that are clearly Indonesian interface text: at least `min_words` words
    between placeholders, and translated to something else."""
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES/django.po"))
    phrases = set()
    for entry in catalogue:
        if entry.obsolete or not entry.msgstr or entry.msgstr == entry.msgid:
            continue
        for piece in re.split(r"%\(\w+\)[sdf]|%[sd]|\{[^}]*\}|[\n:;()\"“”]", entry.msgid):
            piece = re.sub(r"\s+", " ", piece).strip(" .,?!–-·→")
            if len(piece.split()) >= min_words and piece not in entry.msgstr:
                phrases.add(piece)
    return phrases


def crawl(client, start="/", limit=600):
    """{url: visible text} of every HTML page reachable from `start` by links (GET only, same site)."""
    seen_paths, pages = {}, {}
    queue = deque([start])
    while queue and len(pages) < limit:
        url = queue.popleft()
        if url in pages:
            continue
        path = urlsplit(url).path
        if any(path.startswith(p) for p in SKIP_PATHS) or any(p in path for p in SKIP_PARTS):
            continue
        if url != path:
            if seen_paths.get(path, 0) >= MAX_VARIANTS:
                continue
            seen_paths[path] = seen_paths.get(path, 0) + 1
        response = client.get(url)
        if response.status_code in (301, 302) and response["Location"].startswith("/"):
            queue.append(response["Location"])  # the home page takes a person with one masterplan straight to it
            pages[url] = None
            continue
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            pages[url] = None
            continue
        parser = _Page()
        parser.feed(response.content.decode())
        pages[url] = parser.text
        for href in parser.links:
            target = urldefrag(urljoin(url, href)).url
            split = urlsplit(target)
            if split.scheme in ("", "http") and split.netloc in ("", "testserver") and target not in pages:
                queue.append(split.path + (f"?{split.query}" if split.query else ""))
    return {url: text for url, text in pages.items() if text is not None}


def leaks(pages, phrases, allowed=()):
    """{phrase: [urls]} of the Indonesian phrases found in the pages' text as whole words ("SWOT per dimensi" is
    not found in "SWOT per dimension"), except where an allowed text (a name, data typed in Indonesian) holds it."""
    found = {}
    patterns = {phrase: re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)") for phrase in phrases}
    for url, text in pages.items():
        for name in allowed:
            text = text.replace(name, " ")
        for phrase, pattern in patterns.items():
            if phrase in text and pattern.search(text):
                found.setdefault(phrase, []).append(url)
    return found


# Rows whose texts the portal writes itself (labels it stores in one language): their texts are not "what the region
# typed", so a leak in them is found.
GENERATED = {
    "accounts.user_groups",
    "bimtek.checklistitem",
    "bimtek.snapshot",
    "books.book",
    "books.exportjob",
    "review.notification",
}
TYPED_APPS = ("accounts", "masterplan", "rpjmd", "bimtek", "plan", "quickwins", "monev", "review")


def data_texts():
    """The texts people typed (in Indonesian whatever the interface language): every text field of every row of
    the portal's content (minutes, names, descriptions, notes), except the rows the portal labels itself. Longest
    first, so a longer text is taken out of a page before a text it holds."""
    from django.apps import apps
    from django.db import models

    found = set()
    for model in apps.get_models():
        label = model._meta.label_lower
        if (
            model._meta.app_label not in TYPED_APPS
            or label in GENERATED
            or label.split(".")[1].startswith("historical")
        ):
            continue
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)]
        for row in model._default_manager.values_list(*fields) if fields else ():
            for value in row:
                if value:
                    text = re.sub(r"<[^>]+>", "\n", value)
                    found.update(re.sub(r"\s+", " ", line).strip() for line in text.splitlines())
    # A snapshot's records are the content as it was frozen (in the language of that day): data too; its own
    # label and section names are the portal's and are shown in the reader's language.
    from bimtek.models import Snapshot

    def walk(value):
        if isinstance(value, str):
            found.update(re.sub(r"\s+", " ", line).strip() for line in value.splitlines())
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for data in Snapshot.objects.values_list("data", flat=True):
        walk(data)
    found |= {t[:n] for t in list(found) for n in (60, 80, 120) if len(t) > n}  # as the activity stream cuts them
    return sorted((t for t in found if len(t) >= 12), key=len, reverse=True)
