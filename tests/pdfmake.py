"""A minimal PDF writer for tests: pages of positioned text in the standard fonts, page labels.

Tests need PDFs with a known layout (a running header, a "Page N" footer, a footnote in a
smaller size at the foot of the page, a page with no text at all) and no PDF library to make
them: this writes the PDF syntax directly (ISO 32000-1 §7), uncompressed, with a correct
cross-reference table, so any reader opens it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    """One line of text: its baseline position in points from the bottom left, and its size."""

    x: float
    y: float
    text: str
    size: float = 11
    bold: bool = False


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    width: float = 612
    height: float = 792
    rectangle: bool = False  # draw a filled box (a "scan" with no text layer)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(
    pages: list[Page],
    *,
    labels: list[tuple[int, str, int]] | None = None,
    info: dict[str, str] | None = None,
) -> bytes:
    """The bytes of a PDF with `pages`; `labels` are (first page index, style D/r/R, start)."""
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    catalog = add("")  # filled in below
    pages_id = add("")
    regular = add(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    bold = add(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for page in pages:
        ops = []
        if page.rectangle:
            ops.append("0.5 g 36 36 540 720 re f")
        for line in page.lines:
            font = "F2" if line.bold else "F1"
            ops.append(
                f"BT /{font} {line.size} Tf {line.x} {line.y} Td ({_escape(line.text)}) Tj ET"
            )
        stream = "\n".join(ops).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {page.width} {page.height}] "
                f"/Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R >> >> "
                f"/Contents {content} 0 R >>"
            )
        )
    objects[pages_id - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    extra = ""
    if labels:
        nums = " ".join(f"{first} << /S /{style} /St {start} >>" for first, style, start in labels)
        extra = f" /PageLabels << /Nums [{nums}] >>"
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R{extra} >>".encode()
    info_id = None
    if info:
        fields = " ".join(f"/{k} ({_escape(v)})" for k, v in info.items())
        info_id = add(f"<< {fields} >>")
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = f"<< /Size {len(objects) + 1} /Root {catalog} 0 R"
    if info_id:
        trailer += f" /Info {info_id} 0 R"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
