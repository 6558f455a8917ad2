"""Real texts typeset as PDF and DOCX by LibreOffice, with their ground truth.

No public PDF with ground-truth text is reachable from this machine, so the PDF benchmark makes
its own from real public texts whose wording is known exactly: the GNU GPL version 3 and the
CC0 1.0 legal code (both may be copied verbatim; benchmarks/data/pdf/) and the longest
documents of the bundled corpus (seeds/). Each text becomes a LibreOffice document (flat ODF
XML written here) typeset the way reports are: a running header with the title, a "Page N of
M" footer, justified hyphenated paragraphs (hyphen-en-us), headings in larger bold type,
footnotes in small type at the foot of the page (each pointing to a later paragraph by its
opening words), and two layouts in two columns. LibreOffice
(`soffice --headless --convert-to pdf` / `docx`) makes the files; the ground truth is the
text's headings and body paragraphs (never the header, the footer or the notes).

Needs `soffice` (Debian: libreoffice-writer-nogui, hyphen-en-us).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "pdf"

_SUP = re.compile(r"<sup>.*?</sup>")
_MARKUP = re.compile(r"\*\*|\*|__|(?<!\w)_|_(?!\w)|\\")
_HEADING = re.compile(
    r"^(?:#{1,6}\s+.*|\d{1,2}\.\s+[A-Z][\w ,'-]{2,60}\.|[A-Z][A-Za-z ,'-]{2,50})$"
)


@dataclass
class Block:
    text: str
    heading: bool
    note: str | None = None


@dataclass
class Case:
    name: str
    title: str
    blocks: list[Block]
    columns: int = 1

    @property
    def source_text(self) -> str:
        """The document as text: its headings and paragraphs, in order."""
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def truth(self) -> str:
        """The ground truth: what Dossier reads as body or heading in the text itself (for
        the licences all of it; for the bundled documents their reference lists and sidebars
        are footnotes and furniture there too), so the score is of the PDF path alone."""
        from store.models import BODY, HEADING
        from store.text.segment import segment

        text = self.source_text
        passages, _ = segment(self.name, text)
        return "\n\n".join(text[p.start : p.end] for p in passages if p.kind in (BODY, HEADING))


def _blocks(text: str, notes_every: int) -> list[Block]:
    blocks: list[Block] = []
    body_count = 0
    raws = re.split(r"\n[ \t]*\n", text)
    for index, raw in enumerate(raws):
        lines = [ln.strip() for ln in raw.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        joined = " ".join(lines)
        joined = _SUP.sub("", joined)
        joined = _MARKUP.sub("", joined).strip()
        heading = len(lines) == 1 and _HEADING.match(lines[0].strip("*_ ")) is not None
        joined = joined.lstrip("#").strip()
        if not joined:
            continue
        block = Block(joined, heading)
        if not heading:
            body_count += 1
            if notes_every and body_count % notes_every == 0:
                later = " ".join(" ".join(raws[(index + 7) % len(raws)].split()).split()[:8])
                block.note = (
                    f"See also paragraph {index + 7} below, which opens: {_MARKUP.sub('', later)}"
                )
        blocks.append(block)
    return blocks


def cases() -> list[Case]:
    out = []
    for name, path, title, columns in (
        ("gpl3", DATA / "GPL-3.txt", "GNU General Public License, version 3", 1),
        ("cc0", DATA / "CC0-1.0.txt", "Creative Commons CC0 1.0 Universal", 1),
        ("seed003", ROOT / "seeds" / "003_290b001818848b61.txt", "Central Asia's Growing Role in the War on Terror", 1),
        ("seed001-2col", ROOT / "seeds" / "001_c13928596fe0fd3f.txt", "How Real is the Jihadi Threat to Kazakhstan?", 2),
        ("gpl3-2col", DATA / "GPL-3.txt", "GNU General Public License, version 3", 2),
    ):  # fmt: skip
        blocks = _blocks(path.read_text(encoding="utf-8"), notes_every=5)
        out.append(Case(name, title, blocks, columns))
    return out


def fodt(case: Case) -> str:
    """The case as a flat ODF text document."""
    body = []
    note_id = 0
    for block in case.blocks:
        if block.heading:
            body.append(
                f'<text:h text:style-name="Heading_20_1" text:outline-level="1">'
                f"{escape(block.text)}</text:h>"
            )
            continue
        note = ""
        if block.note:
            note_id += 1
            note = (
                f'<text:note text:id="ftn{note_id}" text:note-class="footnote">'
                f"<text:note-citation>{note_id}</text:note-citation><text:note-body>"
                f'<text:p text:style-name="Footnote">{escape(block.note)}</text:p>'
                "</text:note-body></text:note>"
            )
        body.append(f'<text:p text:style-name="Text">{escape(block.text)}{note}</text:p>')
    content = "".join(body)
    if case.columns > 1:
        content = (
            f'<text:section text:style-name="Cols" text:name="Columns">{content}</text:section>'
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{escape(case.title)}</dc:title></office:meta>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="DejaVu Serif" fo:font-family="'DejaVu Serif'" fo:font-size="10.5pt" fo:language="en" fo:country="US"/>
 </style:default-style>
 <style:style style:name="Text" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.18cm" fo:line-height="115%"/>
  <style:text-properties fo:font-size="10.5pt" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8.5pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8.5pt"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Cols" style:family="section">
  <style:section-properties><style:columns fo:column-count="{case.columns}" fo:column-gap="0.8cm"/></style:section-properties>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{escape(case.title)}</text:p></style:header>
  <style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>{content}</office:text></office:body>
</office:document>
"""


def make(
    out: Path, formats: tuple[str, ...] = ("pdf", "docx")
) -> list[tuple[Case, dict[str, Path]]]:
    """Write every case as FODT, convert with LibreOffice; (case, {format: path}) pairs."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(
            "bench: soffice not found (apt-get install libreoffice-writer-nogui hyphen-en-us)"
        )
    out.mkdir(parents=True, exist_ok=True)
    made = []
    sources = []
    for case in cases():
        path = out / f"{case.name}.fodt"
        path.write_text(fodt(case), encoding="utf-8")
        sources.append(path)
        made.append((case, {fmt: out / f"{case.name}.{fmt}" for fmt in formats}))
    profile = out / "lo-profile"
    for fmt in formats:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
             fmt, "--outdir", str(out), *map(str, sources)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
    return made
