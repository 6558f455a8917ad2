"""HTML reduced to text with the standard library: paragraphs, headings, the document's title.

Offsets into an HTML document are offsets into the text this module returns.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "hr",
    "form",
    "address",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _TextExtractor(HTMLParser):
    """Reduce HTML to paragraphs of text: blocks become blank-line separated, markup dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self._in_title = False
        self._title_parts: list[str] = []
        self._heading_level = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
            if tag in _HEADING_TAGS:
                self.parts.append("#" * int(tag[1]) + " ")
        elif tag == "td" or tag == "th":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            self.title = " ".join("".join(self._title_parts).split()) or None
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
            return
        if self.skip:
            return
        self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The readable text of an HTML document (paragraphs separated by blank lines) and its title."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.parts)
    lines = [line.strip() for line in raw.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    return text, parser.title
