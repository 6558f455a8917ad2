"""Bytes to text: byte-order marks, UTF-8 with replacement, and the binary-file test.

Every offset in Dossier points into the text `decode` returns, so it must be deterministic:
the same bytes always give the same text. A byte-order mark decides the encoding (UTF-32 and
UTF-16 in either byte order, UTF-8), as editors and ripgrep do. Without one the bytes are
UTF-8; bytes that are not, and hold no UTF-8 sequence at all, are a single-byte or legacy
encoding (windows-1251, latin-1, Shift JIS...) and go to charset-normalizer, whose answer is
used when it is confident and said in a warning. Otherwise (UTF-8 with a damaged byte) invalid
sequences are replaced (U+FFFD) and the first one reported with its byte offset.
"""

from __future__ import annotations

import codecs
import re

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
# A well-formed UTF-8 sequence of two to four bytes: its presence says the file is UTF-8.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# How much disorder charset-normalizer may find in its best guess before it is not trusted,
# and how many non-ASCII bytes it needs to see first: on a stray accent or two ("Caf\xe9") any
# single-byte code page fits, and a wrong guess is worse than a visible replacement character.
_MAX_CHAOS = 0.1
_MIN_NON_ASCII = 16


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


def decode(data: bytes, where: object, warnings: list[str], *, declared: str | None = None) -> str:
    """The text of `data`; a detected encoding or a replaced invalid sequence adds one warning
    naming `where`. `declared` is what the file says of itself (an HTML `<meta charset>`),
    tried after a byte-order mark and UTF-8."""
    found = bom_encoding(data)
    encoding, skip = found if found is not None else ("utf-8", 0)
    body = data[skip:]
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        if found is None:
            legacy = _legacy(body, declared)
            if legacy is not None:
                name, text, how = legacy
                if how != "declared":
                    warnings.append(
                        f"{where}: not UTF-8; decoded as {name} (detected by charset-normalizer)"
                    )
                return text
        offset = skip + exc.start
        warnings.append(
            f"{where}: not valid {encoding.upper().replace('-LE', '').replace('-BE', '')} at "
            f"byte {offset} (0x{data[offset]:02x}); decoded with replacement characters"
        )
        return body.decode(encoding, errors="replace")


def _legacy(data: bytes, declared: str | None) -> tuple[str, str, str] | None:
    """(encoding, text, how) for bytes in a legacy encoding, or None when they look like UTF-8
    with damage or no encoding fits with confidence."""
    if declared:
        try:
            codec = codecs.lookup(declared).name
            if codec not in ("utf-8", "utf-16", "utf-32"):
                return codec, data.decode(codec), "declared"
        except (LookupError, UnicodeDecodeError):
            pass
    if _UTF8_SEQUENCE.search(data) or len(data.translate(None, bytes(range(128)))) < _MIN_NON_ASCII:
        return None  # UTF-8 with a bad byte, or too little to tell: replacement, and a warning
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS or best.encoding in ("utf_8", "ascii"):
        return None
    try:
        return best.encoding.replace("_", "-"), data.decode(best.encoding), "detected"
    except (LookupError, UnicodeDecodeError):
        return None
