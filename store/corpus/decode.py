"""Bytes to text: byte-order marks, UTF-8 with replacement, and the binary-file test.

Every offset in Dossier points into the text `decode` returns, so it must be deterministic:
the same bytes always give the same text. A byte-order mark decides the encoding (UTF-32 and
UTF-16 in either byte order, UTF-8), as editors and ripgrep do; without one the bytes are
UTF-8, invalid sequences replaced (U+FFFD) and the first one reported with its byte offset.
"""

from __future__ import annotations

import codecs

BINARY_SNIFF = 8192  # bytes looked at to call a file binary
# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes a text file may hold freely: everything from space up, TAB, LF, FF, CR and ESC.
_TEXT_BYTES = bytes(range(0x20, 0x100)) + b"\t\n\x0c\r\x1b"


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark names, and the mark's length; None without one."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 10% control bytes, in the first 8 KB of a file with no BOM."""
    head = data[:BINARY_SNIFF]
    if not head or bom_encoding(head) is not None:
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, delete=_TEXT_BYTES))
    return controls / len(head) > 0.10


def decode(data: bytes, where: object, warnings: list[str]) -> str:
    """The text of `data`; a replaced invalid sequence adds one warning naming `where`."""
    found = bom_encoding(data)
    encoding, skip = found if found is not None else ("utf-8", 0)
    body = data[skip:]
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        warnings.append(
            f"{where}: not valid {encoding.upper().replace('-LE', '').replace('-BE', '')} at "
            f"byte {offset} (0x{data[offset]:02x}); decoded with replacement characters"
        )
        return body.decode(encoding, errors="replace")
