"""HTML mail as plain text, with the standard library's parser: tags go, paragraphs stay lines."""

from __future__ import annotations

from html.parser import HTMLParser

_SKIPPED = frozenset({"style", "script", "head", "title"})
_BREAKS = frozenset({"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "blockquote", "table"})


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skip:
            self._skip -= 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of ``html``, one line per block, spaces squeezed, empty lines dropped."""
    if html.rfind("<") > html.rfind(">"):
        html = html[: html.rfind("<")]  # a tag cut off where the partial fetch ended
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    lines = "".join(parser.parts).replace("\xa0", " ").splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())
