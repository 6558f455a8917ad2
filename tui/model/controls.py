"""Text from a file made safe for a terminal: the one function every print and label uses.

Control characters, bidirectional controls and zero-width characters become visible symbols,
one character for one, so offsets into the text stay exact. Standard library only: print mode
imports this before anything else, and it must not pull in rich or textual.
"""

from __future__ import annotations

import re

# C0 controls (but TAB and LF) -> U+2400 block, DEL -> U+2421, C1 controls -> U+FFFD,
# line/paragraph separators -> U+2424 so the terminal never breaks a row on its own.
_PICTURES: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if c not in (9, 10)}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_PICTURES[0x2028] = "\u2424"
_PICTURES[0x2029] = "\u2424"
# Bidirectional controls reorder what the terminal shows ("Trojan Source"): each becomes U+21C4
# (⇄). Zero-width characters hide text or join it invisibly: each becomes U+2038 (‸).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_PICTURES.update({ord(c): "\u21c4" for c in BIDI_CONTROLS})
_PICTURES.update({ord(c): "\u2038" for c in ZERO_WIDTH})
_CONTROL_RE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}{ZERO_WIDTH}]")


def show_controls(text: str) -> str:
    """`text` with each control character as one visible picture (ESC -> U+241B), newlines and
    tabs kept: one character for one, so offsets stay exact. Safe to print to a terminal: this
    is the one function every CLI print and every app label of file-derived text goes through
    (bidi overrides and zero-width characters included, shown as ⇄ and ‸)."""
    return _CONTROL_RE.sub(_picture, text) if _CONTROL_RE.search(text) else text


def visible(text: str) -> str:
    """One-line, control-free form of `text` for labels, snippets and list items."""
    return show_controls(text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def control_offsets(text: str) -> list[int]:
    """Offsets of characters shown as control pictures (a CR ending a line is not one)."""
    out = []
    for match in _CONTROL_RE.finditer(text):
        i = match.start()
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            continue
        out.append(i)
    return out


def _picture(match: re.Match[str]) -> str:
    return _PICTURES[ord(match.group())]
