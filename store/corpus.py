"""Find and read the documents of a corpus directory, and its `sources.yaml` manifest.

Offsets everywhere in Dossier point into the text this module returns: the file decoded as
UTF-8 (invalid bytes replaced, with a warning naming the byte offset), or, for HTML, the text
the standard-library parser reduces it to. A file the manifest does not list still works.
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from store.errors import CorpusError, ManifestError

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MANIFEST_NAME = "sources.yaml"
CATALOGUE_NAME = "entities.yaml"
SOURCE_KINDS = ("news", "analysis", "report", "blog", "unknown")
MANIFEST_FIELDS = ("title", "author", "publisher", "kind", "published", "published_basis")
_BINARY_SNIFF = 8192


@dataclass(slots=True)
class RawDocument:
    """A decoded document before segmentation."""

    file: str  # path relative to the corpus directory, with forward slashes
    path: Path
    text: str
    data: bytes  # the bytes read, for the fingerprint
    html_title: str | None = None


@dataclass(slots=True)
class CorpusRead:
    """What reading a corpus produced: the documents, the manifest, and warnings to show."""

    documents: list[RawDocument]
    manifest: dict[str, dict[str, Any]]
    warnings: list[str] = field(default_factory=list)


def find_documents(corpus_dir: Path) -> list[Path]:
    """Every document file under `corpus_dir`, sorted, skipping hidden entries."""
    if not corpus_dir.exists():
        raise CorpusError(f"{corpus_dir}: corpus directory does not exist")
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: not a directory")
    found: list[Path] = []
    for root, dirs, files in os.walk(corpus_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(DOCUMENT_SUFFIXES):
                continue
            found.append(Path(root) / name)
    return found


def read_corpus(corpus_dir: Path) -> CorpusRead:
    """Read every document and the manifest; unusable files become warnings, not failures."""
    corpus_dir = Path(corpus_dir)
    paths = find_documents(corpus_dir)
    warnings: list[str] = []
    documents: list[RawDocument] = []
    for path in paths:
        document = read_document(corpus_dir, path, warnings)
        if document is not None:
            documents.append(document)
    if not documents:
        raise CorpusError(
            f"{corpus_dir}: no readable documents (.txt, .md, .html) in the corpus directory"
        )
    manifest = load_manifest(corpus_dir / MANIFEST_NAME)
    known = {d.file for d in documents}
    for name in manifest:
        if name not in known:
            warnings.append(f"{corpus_dir / MANIFEST_NAME}: lists {name!r}, which is not in the corpus")
    return CorpusRead(documents, manifest, warnings)


def read_document(corpus_dir: Path, path: Path, warnings: list[str]) -> RawDocument | None:
    """Decode one file; None (with a warning) when it cannot be used."""
    rel = path.relative_to(corpus_dir).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        warnings.append(f"{path}: cannot read ({exc.strerror}); skipped")
        return None
    if _looks_binary(data):
        warnings.append(f"{path}: looks like a binary file, not text; skipped")
        return None
    text = decode(data, path, warnings)
    if path.suffix.lower() in (".html", ".htm"):
        text, title = html_to_text(text)
        return RawDocument(rel, path, text, data, title)
    return RawDocument(rel, path, text, data)


def _looks_binary(data: bytes) -> bool:
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.10


def decode(data: bytes, path: Path, warnings: list[str]) -> str:
    """UTF-8 (a BOM is dropped); invalid bytes are replaced and the first one is reported."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        warnings.append(
            f"{path}: not valid UTF-8 at byte {exc.start} (0x{data[exc.start]:02x}); "
            "decoded with replacement characters"
        )
        return data.decode("utf-8", errors="replace")


# -- HTML ------------------------------------------------------------------------------------
_BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "li", "ul",
    "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure",
    "figcaption", "dl", "dt", "dd", "hr", "form", "address",
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


# -- manifest --------------------------------------------------------------------------------
def load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """Parse `sources.yaml`: a mapping of file name to metadata, validated with line numbers."""
    if not path.exists():
        return {}
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(str(path), None, None, f"cannot read the manifest: {exc}") from exc
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark:
            problem += f" ({context} started at line {context_mark.line + 1}, column {context_mark.column + 1})"
        raise ManifestError(
            str(path),
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
            f"malformed YAML: {problem}",
        ) from exc
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise _node_error(path, root, "expected a mapping of file name to its metadata")
    manifest: dict[str, dict[str, Any]] = {}
    for key_node, value_node in root.value:
        name = key_node.value
        if not isinstance(key_node, yaml.ScalarNode) or not name:
            raise _node_error(path, key_node, "a file name must be a plain string")
        if name in manifest:
            raise _node_error(path, key_node, f"{name!r} is listed twice")
        if not isinstance(value_node, yaml.MappingNode):
            raise _node_error(path, value_node, f"the entry for {name!r} must be a mapping")
        entry: dict[str, Any] = {}
        for field_node, field_value in value_node.value:
            key = field_node.value
            if key not in MANIFEST_FIELDS:
                raise _node_error(
                    path, field_node, f"unknown field {key!r} (known: {', '.join(MANIFEST_FIELDS)})"
                )
            if not isinstance(field_value, yaml.ScalarNode):
                raise _node_error(path, field_value, f"{key!r} must be a single value")
            value = str(field_value.value).strip()
            if key == "kind" and value not in SOURCE_KINDS:
                raise _node_error(
                    path, field_value, f"kind {value!r} is not one of {', '.join(SOURCE_KINDS)}"
                )
            if key == "published" and not _valid_date(value):
                raise _node_error(
                    path, field_value, f"published {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or unknown"
                )
            entry[key] = value
        manifest[name] = entry
    return manifest


def _valid_date(value: str) -> bool:
    if value == "unknown":
        return True
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return False
    month, day = match.group(2), match.group(3)
    if month and not 1 <= int(month) <= 12:
        return False
    if day:
        try:
            datetime.date(int(match.group(1)), int(month), int(day))
        except ValueError:
            return False
    return True


def precision_of(value: str) -> str:
    """day, month, year or unknown, from the shape of a date string."""
    if value == "unknown" or not value:
        return "unknown"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


def _node_error(path: Path, node: yaml.Node, problem: str) -> ManifestError:
    mark = node.start_mark
    return ManifestError(str(path), mark.line + 1, mark.column + 1, problem)


def guess_title(document: RawDocument) -> str:
    """A title for a file the manifest does not list: HTML title, first heading, or first line."""
    if document.html_title:
        return document.html_title
    lines = [line.strip() for line in document.text.splitlines() if line.strip()]
    for line in lines[:40]:
        if line.startswith("#"):
            title = line.lstrip("#").strip().strip("*_ ").strip()
            if title:
                return title[:200]
    if lines:
        return lines[0].strip("*_# ")[:200] or Path(document.file).stem
    return Path(document.file).stem
