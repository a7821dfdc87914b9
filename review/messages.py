"""Texts stored as data but read in the reader's language: a notification keeps its message as an Indonesian
source string (marked with gettext_noop so makemessages finds it) and its parameters, and is rendered with
gettext when it is shown. Parameters named "section" hold a section key and show as the section's label."""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext


@dataclass(frozen=True)
class Message:
    msgid: str
    params: dict = field(default_factory=dict)

    def render(self) -> str:
        """The text in the active language (Indonesian when no translation exists)."""
        from .sections import section_label

        values = {name: section_label(value) if name == "section" else value for name, value in self.params.items()}
        return (gettext(self.msgid) % values).strip()

    def render_in(self, language: str) -> str:
        with translation.override(language):
            return self.render()

    def as_json(self) -> dict:
        return {"msgid": self.msgid, "params": self.params}

    @classmethod
    def from_json(cls, data) -> "Message | None":
        if not isinstance(data, dict) or not isinstance(data.get("msgid"), str):
            return None
        return cls(data["msgid"], dict(data.get("params") or {}))
