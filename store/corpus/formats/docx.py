"""Word documents (DOCX) through python-docx: paragraphs, headings, tables, notes, properties.

Each paragraph of the body becomes a passage; a paragraph styled Title, Subtitle or Heading N
(or given an outline level) a heading; a table one passage, a row a line written as Markdown
writes one ("| cell | cell |"), so the stages that know Markdown tables know it.
A footnote or endnote reference shows in the text as "[1]" ("[i]" for endnotes, Word's own
numbering), and the notes follow the body, each a footnote passage opening with its mark.
Title, author and date come from the document's core properties when they are set.
"""

from __future__ import annotations

import io
import re
from typing import Any

from store.corpus.formats.base import FormatError, Metadata, Reading, Region
from store.corpus.formats.zipped import local, member, names, open_zip, parse_xml
from store.models import FOOTNOTE, HEADING

NAME = "docx"
SUFFIXES = (".docx",)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLES = ("heading", "title", "subtitle")
_CREATED = re.compile(r"\s*((?:1[89]|20)\d\d-[01]\d-[0-3]\d)")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def sniff(data: bytes) -> bool:
    return "word/document.xml" in names(data)


def read(data: bytes, where: str, warnings: list[str]) -> Reading:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    archive = open_zip(data)  # refuses a zip bomb before python-docx inflates anything
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise FormatError(f"cannot read the Word document ({exc})") from None
    marks = _NoteMarks()
    blocks: list[tuple[str, str | None]] = []
    for block in document.iter_inner_content():
        element = block._element
        if local(element.tag) == "tbl":
            blocks.append((_table_text(element, marks), None))
        else:
            heading = _is_heading(block)
            blocks.append((_paragraph_text(element, marks), HEADING if heading else None))
    for part, mark in (
        ("word/footnotes.xml", marks.footnotes),
        ("word/endnotes.xml", marks.endnotes),
    ):
        raw = member(archive, part)
        if raw and mark:
            blocks.extend((text, FOOTNOTE) for text in _notes(raw, part, mark))
    text, regions = _assemble(blocks)
    return Reading(text, NAME, regions=regions, meta=_metadata(archive))


def _assemble(blocks: list[tuple[str, str | None]]) -> tuple[str, tuple[Region, ...]]:
    parts: list[str] = []
    regions: list[Region] = []
    pos = 0
    for block, kind in blocks:
        block = block.strip()
        if not block:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(block)
        if kind is not None:
            regions.append(Region(pos, pos + len(block), kind))
        pos += len(block)
    return "".join(parts) + ("\n" if parts else ""), tuple(regions)


def _is_heading(paragraph: Any) -> bool:
    style = paragraph.style
    name = (style.name or "").lower() if style is not None else ""
    if name.startswith(_HEADING_STYLES):
        return True
    ppr = paragraph._element.pPr
    return ppr is not None and ppr.find(f"{_W}outlineLvl") is not None


class _NoteMarks:
    """Footnotes numbered 1, 2, 3 and endnotes i, ii, iii in the order they are cited."""

    def __init__(self) -> None:
        self.footnotes: dict[str, str] = {}
        self.endnotes: dict[str, str] = {}

    def mark(self, kind: str, note_id: str) -> str:
        table = self.footnotes if kind == "footnote" else self.endnotes
        if note_id not in table:
            n = len(table) + 1
            table[note_id] = str(n) if kind == "footnote" else _roman(n)
        return f"[{table[note_id]}]"


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _paragraph_text(
    element: Any, marks: _NoteMarks, note_marks: dict[str, str] | None = None
) -> str:
    """The visible text of a `w:p`: runs, tabs, breaks, note references; no deleted text."""
    out: list[str] = []
    for node in element.iter():
        tag = local(node.tag)
        if tag == "t":
            out.append(node.text or "")
        elif tag == "tab":
            out.append("\t")
        elif tag in ("br", "cr"):
            out.append("\n")
        elif tag in ("footnoteReference", "endnoteReference"):
            note_id = node.get(f"{_W}id") or ""
            out.append(marks.mark("footnote" if tag.startswith("foot") else "endnote", note_id))
        elif tag in ("footnoteRef", "endnoteRef") and note_marks is not None:
            out.append(note_marks.get("", "") + " ")
    return "".join(out)


def _table_text(element: Any, marks: _NoteMarks) -> str:
    rows = []
    for row in element.iter(f"{_W}tr"):
        cells = [
            " ".join(_paragraph_text(p, marks) for p in cell.iter(f"{_W}p")).strip()
            for cell in row.iter(f"{_W}tc")
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _notes(data: bytes, part: str, numbered: dict[str, str]) -> list[str]:
    """The notes of a footnotes or endnotes part that the body cites, in citation order."""
    root = parse_xml(data, part)
    found: dict[str, str] = {}
    for note in root:
        note_id = note.get(f"{_W}id") or ""
        if note_id not in numbered or note.get(f"{_W}type") in (
            "separator",
            "continuationSeparator",
        ):
            continue
        mark = {"": f"[{numbered[note_id]}]"}
        text = " ".join(
            _paragraph_text(p, _NoteMarks(), mark).strip() for p in note.iter(f"{_W}p")
        ).strip()
        if not text.startswith("["):
            text = f"{mark['']} {text}"
        found[note_id] = " ".join(text.split())
    return [found[i] for i in numbered if i in found]


def _metadata(archive: Any) -> Metadata:
    """Title, author and creation date from the package's core properties part.

    Read from the part itself (found through the package relationships), not python-docx's
    `core_properties`, which makes up a default ("Word Document") when it finds none.
    """
    meta = Metadata()
    part = "docProps/core.xml"
    rels = member(archive, "_rels/.rels")
    if rels:
        for rel in parse_xml(rels, "_rels/.rels"):
            if (rel.get("Type") or "").endswith("/core-properties") and rel.get("Target"):
                part = rel.get("Target").lstrip("/")
    data = member(archive, part)
    if not data:
        return meta
    found = {local(e.tag): " ".join("".join(e.itertext()).split()) for e in parse_xml(data, part)}
    meta.set("title", found.get("title"), "DOCX core properties (title)")
    meta.set("author", found.get("creator"), "DOCX core properties (creator)")
    created = _CREATED.match(found.get("created", ""))
    if created:
        meta.set(
            "published", created.group(1), f"DOCX core properties (created {found['created']})"
        )
    return meta
