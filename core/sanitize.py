"""Rich text (minutes, forewords) is sanitised with nh3 on the way in and marked safe on the way out."""

import re
from html import escape

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}


def clean_html(value):
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_EMPTY_BLOCK = re.compile(r"<(p|h[234])>(?:\s|&nbsp;|<br>)*</\1>")  # the empty lines an editor leaves


def has_tags(value):
    """Whether a text holds any HTML tag (else it is plain text, as typed in a textarea)."""
    return bool(_TAG.search(value or ""))


def text_to_html(value):
    """Plain text as HTML paragraphs: a blank line starts a new paragraph, a single line break is kept as <br>.
    (A textarea without the editor, or a paste from a chat, sends plain text.)"""
    paragraphs = re.split(r"\n[ \t]*\n+", value.replace("\r\n", "\n").replace("\r", "\n").strip())
    return "".join(
        "<p>" + "<br>".join(escape(line.strip()) for line in p.strip().split("\n")) + "</p>"
        for p in paragraphs
        if p.strip()
    )


def clean_rich_text(value):
    """What a rich-text field stores: HTML from the editor, sanitised; plain text (no tags at all) made into
    paragraphs first."""
    if not value or not value.strip():
        return ""
    if not has_tags(value):
        value = text_to_html(value)
    return _EMPTY_BLOCK.sub("", clean_html(value)).strip()
