"""Case, diacritic and apostrophe folding that never moves an offset.

Search compares folded words, but every highlight must point into the original text. The fold is
therefore done in two steps:

* `fold_text` maps each character to exactly one character (lower case, accents stripped,
  "Ə" -> "a", every apostrophe look-alike -> "'"). The result has the same length as the input,
  so an offset into the folded text *is* the offset into the original: the offset map is the
  identity, and tokens found in the folded text slice the original with the same `start:end`.
* `fold_term` finishes one token: characters that fold to several letters ("ß" -> "ss",
  "æ" -> "ae", ligatures) are expanded there, where no offset depends on them any more, and a
  Cyrillic word is transliterated to Latin there ("Тоқаев" -> "toqaev", through anyascii), so
  a Latin query finds a Cyrillic spelling and the reverse; `script_forms` adds the second
  spelling English-language writing uses for Kazakh and similar letters ("tokaev").

`fold(s)` is both steps on a whole string, for comparing short values (titles, aliases, kinds).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Characters that people type for an apostrophe; all become "'".
APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\uff07"

# Letters that Unicode does not decompose to an ASCII base but readers treat as one.
_SINGLE = {
    "\u0259": "a",  # ə schwa (Azerbaijani, Kazakh romanisations)
    "\u018f": "a",  # Ə
    "\u0131": "i",  # dotless i
    "\u0142": "l",  # ł
    "\u0141": "l",
    "\u00f8": "o",  # ø
    "\u00d8": "o",
    "\u0111": "d",  # đ
    "\u0110": "d",
    "\u0127": "h",  # ħ
    "\u0126": "h",
    "\u00f0": "d",  # ð
    "\u00d0": "d",
}  # fmt: skip

# Letters that fold to more than one letter; applied per token by `fold_term`.
_EXPAND = {
    "\u00df": "ss",
    "\u1e9e": "ss",
    "\u00e6": "ae",
    "\u00c6": "ae",
    "\u0153": "oe",
    "\u0152": "oe",
    "\u00fe": "th",
    "\u00de": "th",
}  # fmt: skip

# Cyrillic, its supplement and extensions: letters transliterated to Latin per token.
CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")

# anyascii follows the scholarly spellings of Kazakh, Tatar, Bashkir and Tajik letters ("Тоқаев"
# -> "toqaev", "Жаңаөзен" -> "zhangaozen") and gives "y" for "й"; English-language writing mostly
# uses these instead ("Tokaev", "Zhanaozen", "Kairat"). Each Cyrillic word is indexed both ways.
_COMMON_LATIN = {
    "\u049b": "k",  # қ
    "\u04a1": "k",  # ҡ
    "\u0493": "g",  # ғ
    "\u04a3": "n",  # ң
    "\u04c8": "n",  # ӈ
    "\u0439": "i",  # й
}  # fmt: skip
_COMMON_TABLE = str.maketrans(_COMMON_LATIN)
_NOT_WORD = re.compile(r"[^\w]+")

# A word: letters/digits, possibly joined by apostrophes (already folded to "'").
TOKEN = re.compile(r"\w+(?:'\w+)*")

_table: dict[int, str] = {}


def _fold_char(ch: str) -> str:
    """One character in, one character out."""
    if ch in APOSTROPHES:
        return "'"
    if ch in _SINGLE:
        return _SINGLE[ch]
    if ch in _EXPAND:
        return ch.lower() if len(ch.lower()) == 1 else ch
    if CYRILLIC.match(ch):
        # Kept whole ("й" is not "и" + breve to a reader): `fold_term` transliterates the word.
        lowered = ch.lower()
        return lowered if len(lowered) == 1 else ch
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if len(base) == 1:
        lowered = base.lower()
        return lowered if len(lowered) == 1 else base
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else ch


def fold_text(text: str) -> str:
    """Fold `text` character by character; the result has exactly the same length."""
    if text.isascii():
        return text.lower().replace("`", "'")
    missing = {ord(c) for c in set(text)} - _table.keys()
    for code in missing:
        _table[code] = _fold_char(chr(code))
    return text.translate(_table)


def _latin(token: str) -> str:
    """A Cyrillic word in Latin letters: lower case, without the apostrophes anyascii gives for
    the hard and soft signs (writers drop them: "Ilich", "Podezd")."""
    return _NOT_WORD.sub("", anyascii(token).lower())


@lru_cache(maxsize=65536)
def _expand(token: str) -> str:
    out = "".join(_EXPAND.get(c, c) for c in token)
    if CYRILLIC.search(out):
        return _latin(out)
    return unicodedata.normalize("NFKC", out) if not out.isascii() else out


def fold_term(token: str) -> str:
    """Finish a token taken from `fold_text` output: expand multi-letter folds and ligatures,
    transliterate Cyrillic."""
    return token if token.isascii() else _expand(token)


@lru_cache(maxsize=65536)
def _script_forms(token: str) -> tuple[str, ...]:
    first = _expand(token)
    if not CYRILLIC.search(token):
        return (first,)
    common = _latin("".join(_EXPAND.get(c, c) for c in token).translate(_COMMON_TABLE))
    return (first,) if common == first or not common else (first, common)


def script_forms(token: str) -> tuple[str, ...]:
    """Every spelling one token of `fold_text` output is indexed and searched under: itself
    (`fold_term`), and for a Cyrillic word the common English transliteration when it differs
    ("тоқаев" -> ("toqaev", "tokaev"))."""
    return (token,) if token.isascii() else _script_forms(token)


def fold(text: str) -> str:
    """Fold a whole short string for comparison (titles, kinds, aliases); offsets not kept."""
    return fold_term(fold_text(text))


def variants(raw: str, start: int = 0) -> list[tuple[str, int, int]]:
    """Index forms of one token of `fold_text` output, each with its span in the original.

    Most tokens give themselves; a Cyrillic word gives its Latin spellings (`script_forms`),
    all with the word's span. A token with apostrophes also gives the form without them
    ("o'brien" -> "obrien") and each part of two letters or more with the part's own span, so
    "Kazakhstan’s" is found by `kazakhstan` (highlighting "Kazakhstan") and by `kazakhstan's`.
    """
    end = start + len(raw)
    forms = script_forms(raw)
    out = [(form, start, end) for form in forms]
    if "'" not in raw:
        return out
    seen = set(forms)
    joined = fold_term(raw.replace("'", ""))
    if joined not in seen:
        out.append((joined, start, end))
        seen.add(joined)
    offset = 0
    for part in raw.split("'"):
        term = fold_term(part)
        if len(part) >= 2 and term not in seen:
            out.append((term, start + offset, start + offset + len(part)))
            seen.add(term)
        offset += len(part) + 1
    return out


@lru_cache(maxsize=65536)
def index_forms(raw: str) -> tuple[str, ...]:
    """The forms `variants` gives, without spans: what the index stores for one token (the
    first is the token's own place in the stream, the others are extra postings beside it)."""
    return tuple(form for form, _, _ in variants(raw))
