"""A minimal DOCX writer for tests: styled paragraphs, footnote and endnote references, notes,
core properties. python-docx cannot add footnotes, so the package is written directly
(ECMA-376 WordprocessingML): the parts Word itself writes for such a document, no more.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass
class Para:
    """A paragraph: its pieces of text, a style id, and where footnotes are cited.

    `parts` holds strings and ("footnote", text) / ("endnote", text) pairs: a note cited at
    that point of the paragraph, with its text.
    """

    parts: list[str | tuple[str, str]]
    style: str | None = None


@dataclass
class Doc:
    paragraphs: list[Para] = field(default_factory=list)
    table: list[list[str]] | None = None
    title: str | None = None
    author: str | None = None
    created: str | None = None  # W3CDTF, "2023-03-09T10:00:00Z"


def make_docx(doc: Doc) -> bytes:
    notes: dict[str, list[str]] = {"footnote": [], "endnote": []}
    body: list[str] = []
    for para in doc.paragraphs:
        runs = []
        for part in para.parts:
            if isinstance(part, str):
                runs.append(f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
            else:
                kind, text = part
                notes[kind].append(text)
                note_id = len(notes[kind])  # ids 0 and -1 are Word's separators
                runs.append(
                    f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    f'<w:{kind}Reference w:id="{note_id}"/></w:r>'
                )
        style = f'<w:pPr><w:pStyle w:val="{para.style}"/></w:pPr>' if para.style else ""
        body.append(f"<w:p>{style}{''.join(runs)}</w:p>")
    if doc.table:
        rows = "".join(
            "<w:tr>"
            + "".join(f"<w:tc><w:p><w:r><w:t>{escape(c)}</w:t></w:r></w:p></w:tc>" for c in row)
            + "</w:tr>"
            for row in doc.table
        )
        body.append(f"<w:tbl>{rows}</w:tbl>")
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{"".join(body)}</w:body></w:document>'
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_W}>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
        '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style>'
        "</w:styles>"
    )
    files = {
        "word/document.xml": document,
        "word/styles.xml": styles,
        "[Content_Types].xml": _content_types(doc),
        "_rels/.rels": _rels(doc),
        "word/_rels/document.xml.rels": _document_rels(),
        "word/footnotes.xml": _notes("footnote", notes["footnote"]),
        "word/endnotes.xml": _notes("endnote", notes["endnote"]),
    }
    if doc.title or doc.author or doc.created:
        files["docProps/core.xml"] = _core(doc)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


def _notes(kind: str, texts: list[str]) -> str:
    items = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>',
    ]
    for i, text in enumerate(texts, start=1):
        items.append(
            f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:{kind}>'
        )
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{kind}s {_W}>{"".join(items)}</w:{kind}s>'


def _content_types(doc: Doc) -> str:
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    core = (
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        if doc.title or doc.author or doc.created
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/>'
        f'<Override PartName="/word/footnotes.xml" ContentType="{main}.footnotes+xml"/>'
        f'<Override PartName="/word/endnotes.xml" ContentType="{main}.endnotes+xml"/>'
        f"{core}</Types>"
    )


def _rels(doc: Doc) -> str:
    core = (
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        if doc.title or doc.author or doc.created
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="word/document.xml"/>{core}'
        "</Relationships>"
    )


def _document_rels() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_R}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{_R}/footnotes" Target="footnotes.xml"/>'
        f'<Relationship Id="rId3" Type="{_R}/endnotes" Target="endnotes.xml"/>'
        "</Relationships>"
    )


def _core(doc: Doc) -> str:
    fields = []
    if doc.title:
        fields.append(f"<dc:title>{escape(doc.title)}</dc:title>")
    if doc.author:
        fields.append(f"<dc:creator>{escape(doc.author)}</dc:creator>")
    if doc.created:
        fields.append(f'<dcterms:created xsi:type="dcterms:W3CDTF">{doc.created}</dcterms:created>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{''.join(fields)}</cp:coreProperties>"
    )
