"""Rewrite the measured part of a document between two markers, leaving the prose around it."""

from __future__ import annotations

from pathlib import Path


def replace_section(doc: Path, begin: str, end: str, section: str) -> None:
    """Put `section` (which starts with `begin` and ends with `end`) in place of the text
    between the markers; append the markers first when the document has none."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else f"{begin}\n{end}\n"
    if begin not in text:
        text += f"\n{begin}\n{end}\n"
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1] if end in rest else ""
    doc.write_text(head + section + tail, encoding="utf-8")
