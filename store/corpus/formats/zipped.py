"""What the zip-based formats (DOCX, EPUB) share: opening the archive safely, parsing XML."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from store.corpus.formats.base import FormatError

# A member larger than this, or an archive that would inflate past it, is refused: a zip bomb
# must not take the build down.
MAX_INFLATED = 512 << 20


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise FormatError(f"not a readable zip archive ({exc})") from None
    if sum(info.file_size for info in archive.infolist()) > MAX_INFLATED:
        raise FormatError("the archive inflates to more than 512 MB; refused")
    return archive


def names(data: bytes) -> set[str]:
    """The member names of a zip archive, or nothing when `data` is not one."""
    if not data.startswith(b"PK\x03\x04"):
        return set()
    try:
        return set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError):
        return set()


def member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        return archive.read(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise FormatError(f"{name} in the archive is damaged ({exc})") from None


def parse_xml(data: bytes, what: str) -> Any:
    """An XML tree parsed without entities, DTDs or network access."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"{what} is not readable XML ({exc})") from None
    if root is None:
        raise FormatError(f"{what} is empty")
    return root


def local(tag: object) -> str:
    """An element's tag without its namespace ("{...}p" -> "p")."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
