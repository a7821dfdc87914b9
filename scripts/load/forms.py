"""Read an HTML form the way a browser submits it: every named input, select and textarea with its current
value, so the load test posts exactly what a user who changes one field would post."""

import re
from html.parser import HTMLParser


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []  # (action, {name: [values]})
        self._form = None
        self._select = None  # (name, multiple, chosen values, first value)
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = (a.get("action") or "", {})
            if (a.get("method") or "get").lower() == "post":
                self.forms.append(self._form)
        elif self._form is None or "name" not in a and tag != "option":
            return
        elif tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._form[1].setdefault(a["name"], []).append(a.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select":
            self._select = [a["name"], "multiple" in a, [], None]
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select[3] is None:
                self._select[3] = value
            if "selected" in a:
                self._select[2].append(value)
        elif tag == "textarea":
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            name, multiple, chosen, first = self._select
            values = chosen if chosen or multiple else [first or ""]
            if self._form is not None:
                self._form[1].setdefault(name, []).extend(values)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            if self._form is not None:
                self._form[1].setdefault(self._textarea[0], []).append(self._textarea[1].lstrip("\n"))
            self._textarea = None


def find_form(html, action):
    """The fields of the first POST form whose action matches the regular expression `action` ("^$": a form
    that posts to its own page), or None."""
    parser = _Forms()
    parser.feed(html)
    for form_action, fields in parser.forms:
        if re.search(action, form_action):
            return {name: values if len(values) != 1 else values[0] for name, values in fields.items()}
    return None
