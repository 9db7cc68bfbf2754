"""The forms of a page as a browser would submit them, read from its HTML.

Each ``<form method="post">`` gives its target (``action``, or the page itself) and its fields
with the values the page filled in; every button with a ``formaction`` submits the same fields
to another target. The fuzz tests then replace some values with hostile ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    target: str
    fields: dict[str, str] = field(default_factory=dict)
    other_targets: list[tuple[str, str, str]] = field(default_factory=list)  # (url, name, value)

    def submissions(self) -> list[tuple[str, dict[str, str]]]:
        """(target, fields) for the form's own submit and for each button with a formaction."""
        found = [(self.target, dict(self.fields))]
        for url, name, value in self.other_targets:
            found.append((url, {**self.fields, **({name: value} if name else {})}))
        return found


class _FormReader(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.forms: list[Form] = []
        self.current: Form | None = None
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "form":
            if found.get("method", "get").lower() == "post":
                self.current = Form(found.get("action") or self.page)
                self.forms.append(self.current)
            return
        form = self.current
        if form is None:
            return
        name = found.get("name", "")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            kind = found.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in found or name not in form.fields:
                    form.fields[name] = found.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                form.fields[name] = found.get("value", "")
        elif tag == "select" and name:
            self.select = name
            form.fields.setdefault(name, "")
        elif tag == "option" and self.select:
            if "selected" in found or not form.fields[self.select]:
                form.fields[self.select] = found.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            form.fields[name] = ""
        elif tag == "button" and "formaction" in found:
            form.other_targets.append((found["formaction"], name, found.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.current is not None and self.textarea:
            self.current.fields[self.textarea] += data


def forms_of(page: str, html: str) -> list[Form]:
    reader = _FormReader(page)
    reader.feed(html)
    return reader.forms
