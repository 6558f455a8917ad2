"""EPUB: the book's XHTML documents in spine order, each through the HTML reduction.

The archive's `META-INF/container.xml` names the package document (OPF); its spine gives the
reading order and its Dublin Core metadata the title, creator, publisher and date. Only the
standard library's zip and a safe XML parser are needed; chapters follow each other in the
text as blank-line separated blocks, so a chapter's headings stay headings.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from store.corpus.decode import decode
from store.corpus.formats.base import FormatError, Metadata, Reading
from store.corpus.formats.zipped import local, member, names, open_zip, parse_xml
from store.corpus.html import html_to_text

NAME = "epub"
SUFFIXES = (".epub",)

_DATE = re.compile(r"((?:1[5-9]|20)\d\d)(?:-([01]\d)(?:-([0-3]\d))?)?")
_DOCUMENT_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")


def sniff(data: bytes) -> bool:
    if data[30:58] == b"mimetypeapplication/epub+zip":
        return True
    found = names(data)
    return "META-INF/container.xml" in found and "word/document.xml" not in found


def read(data: bytes, where: str, warnings: list[str]) -> Reading:
    archive = open_zip(data)
    container = member(archive, "META-INF/container.xml")
    if container is None:
        raise FormatError("not an EPUB (no META-INF/container.xml)")
    root = parse_xml(container, "META-INF/container.xml")
    package = next((e.get("full-path") for e in root.iter() if local(e.tag) == "rootfile"), None)
    opf_bytes = member(archive, package) if package else None
    if not package or opf_bytes is None:
        raise FormatError("the EPUB names no package document")
    opf = parse_xml(opf_bytes, package)
    base = posixpath.dirname(package)
    chapters: list[str] = []
    for href in _spine(opf):
        path = posixpath.normpath(posixpath.join(base, href.split("#", 1)[0]))
        raw = member(archive, path)
        if raw is None:
            warnings.append(f"{where}: the spine names {path}, which the book does not hold")
            continue
        text, _ = html_to_text(decode(raw, f"{where}:{path}", warnings))
        if text.strip():
            chapters.append(text.strip())
    text = "\n\n".join(chapters) + ("\n" if chapters else "")
    return Reading(text, NAME, meta=_metadata(opf))


def _spine(opf: Any) -> list[str]:
    """The hrefs of the spine's documents, in reading order (non-linear items left out)."""
    manifest: dict[str, str] = {}
    for item in opf.iter():
        if local(item.tag) == "item" and item.get("media-type") in _DOCUMENT_TYPES:
            manifest[item.get("id") or ""] = item.get("href") or ""
    hrefs = []
    for ref in opf.iter():
        if local(ref.tag) == "itemref" and ref.get("linear", "yes") != "no":
            href = manifest.get(ref.get("idref") or "")
            if href:
                hrefs.append(href)
    return hrefs


def _metadata(opf: Any) -> Metadata:
    meta = Metadata()
    found: dict[str, list[str]] = {}
    for element in opf.iter():
        name = local(element.tag)
        if name in ("title", "creator", "publisher", "date", "identifier", "source"):
            text = " ".join("".join(element.itertext()).split())
            if text:
                found.setdefault(name, []).append(text)
    first = {k: v[0] for k, v in found.items()}
    meta.set("title", first.get("title"), "EPUB package (dc:title)")
    if "creator" in found:
        meta.set("author", ", ".join(found["creator"]), "EPUB package (dc:creator)")
    meta.set("publisher", first.get("publisher"), "EPUB package (dc:publisher)")
    m = _DATE.match(first.get("date", ""))
    if m:
        value = "-".join(g for g in m.groups() if g)
        meta.set("published", value, f"EPUB package (dc:date {first['date']!r})")
    for key in ("source", "identifier"):
        for value in found.get(key, []):
            if value.startswith(("http://", "https://")):
                meta.set("url", value, f"EPUB package (dc:{key})")
    return meta
