"""Citation keys: one stable, readable key per source (`daly2014real`), as Better BibTeX makes.

The key is the author's family name (else the publisher's first word, else "anon"), the year
of publication ("nd" when undated) and the first significant word of the title, folded to
ASCII letters and digits. Sources that would share a key get `a`, `b`, ... in the order of
their file names, so a key changes only when a source's own metadata (or a namesake) does.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from store.models import Source

_UNKNOWN = {"", "unknown"}
_WORD = re.compile(r"[A-Za-z0-9]+")
# Title words a key skips: articles, short function words and question openers.
_SKIP = frozenset(
    "a an the of on in at to for and or but with from by as is are was were how what why who "
    "when where which does do did can will".split()
)


def ascii_words(text: str) -> list[str]:
    """Words of `text` with accents removed, for keys and file names."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(folded)


def family_name(author: str) -> str:
    """The family name of the first author: "John C.K. Daly" -> "Daly"; "Daly, John" -> "Daly"."""
    first = re.split(r"\s+(?:and|&)\s+|;", author.strip())[0]
    if "," in first:
        return first.split(",")[0].strip()
    parts = first.split()
    return parts[-1] if parts else ""


def base_key(source: Source) -> str:
    if source.author not in _UNKNOWN:
        who = ascii_words(family_name(source.author))
    elif source.publisher not in _UNKNOWN:
        who = ascii_words(source.publisher)[:1]
    else:
        who = []
    name = (who[-1] if who else "anon").lower()
    year = source.published[:4] if source.published[:4].isdigit() else "nd"
    words = [w.lower() for w in ascii_words(source.title)]
    word = next((w for w in words if w not in _SKIP and not w.isdigit()), words[0] if words else "")
    return f"{name}{year}{word}"


def citation_keys(sources: Iterable[Source]) -> dict[str, str]:
    """File -> citation key, unique across `sources`."""
    groups: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        groups[base_key(source)].append(source)
    keys: dict[str, str] = {}
    for key, members in groups.items():
        if len(members) == 1:
            keys[members[0].file] = key
            continue
        for i, source in enumerate(sorted(members, key=lambda s: s.file)):
            keys[source.file] = key + _suffix(i)
    return keys


def _suffix(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
