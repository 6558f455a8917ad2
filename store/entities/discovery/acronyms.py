"""Acronym rules of discovery: definitions ("Long Name (ACR)"), acronyms spelled out by a
name, and what a lone acronym's context says it is ("US military" -> a country).

A mixin for the per-sentence rule set in store/entities_discover.py, split out to keep each
file readable; it reads `self.w`, `self.text`, `self.sentence` and calls `self.emit`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from store.entities.discovery.tokens import Found
from store.lang.en import COUNTRY_NOUNS_AFTER, COUNTRY_NOUNS_BEFORE, ORG_CUES

if TYPE_CHECKING:
    from store.entities.discovery.tokens import DocFindings, Words
    from store.models import Sentence

_ACRONYM_DEFINED = re.compile(r" \((?:[^()]{0,60}?, )?([A-Z][A-Za-z&\-]{1,9})\)")
_WORD_BREAKS = re.compile(r"[\s\-]+")
_SPELLED_JOINERS = frozenset({"of", "and", "the"})


class AcronymRules:
    """Rules that tie an acronym to the name it abbreviates, or type it from its context."""

    text: str
    sentence: Sentence
    w: Words
    out: DocFindings

    emit: Callable[..., Found]  # provided by the rule set that uses this mixin
    organisation_after: Callable[[int], bool]

    def acronym_definition(
        self,
        a: int,
        b: int,
        target: str | None = None,
        found: Found | None = None,
        end: int | None = None,
    ) -> bool:
        """'Long Name (ACR)' or 'Long Name (Other name, ACR)': ACR names the same entity.
        `end` is where the bracket is looked for when not right after word b (a closing quote)."""
        if end is None:
            end = self.w.end[b]
        if self.text[end : end + 2] != " (":
            return False
        m = _ACRONYM_DEFINED.match(self.text[end : end + 80])
        if not m or sum(c.isupper() for c in m.group(1)) < 2:
            return False
        acronym = m.group(1)
        start = self.w.start[a]
        long_form = self.text[start:end] if found is None else found.name
        if len(acronym) == 2 and (not acronym.isupper() or _initials(long_form) != acronym):
            return False  # "Islamic State (IS)": two letters link only when they spell it
        if target is None and not _initials_fit(long_form, acronym):
            if end == self.w.end[b]:
                self.spelled_out(b, acronym)
            return False
        if found is None:
            found = Found(start, end, self.text[start:end], None, "", self.sentence, target=target)
        if self.out.acronyms.setdefault(acronym, found) is not found:
            self.out.redefined.append((acronym, found))  # a spelling variant, perhaps
        return True

    def spelled_out(self, b: int, acronym: str) -> None:
        """'Islamic State of Iraq and Syria (ISIS)': the capitalised words before the bracket,
        joined by "of", "and", "the", spell the acronym letter by letter, so they are one name
        and the acronym names it, though no cue word joined them into one span."""
        if not (acronym.isalpha() and acronym.isupper()):
            return
        w = self.w
        caps, lower, gaps = w.capitalised, w.lower, w.gap
        letters: list[str] = []
        joined = False
        i = b
        while i >= 0 and len(letters) < len(acronym):
            if caps[i]:
                letters.append(w.text[i][0].upper())
            elif lower[i] in _SPELLED_JOINERS and i != b:
                joined = True
            else:
                return
            if i > 0 and len(letters) < len(acronym) and gaps[i - 1] != " ":
                return
            i -= 1
        if not joined or "".join(reversed(letters)) != acronym:
            return
        found = self.emit(w.start[i + 1], w.end[b], None, "")
        self.out.acronyms.setdefault(acronym, found)

    def lone_acronym(self, i: int, description: str) -> None:
        """A lone acronym: its type from its context, as a vote the corpus step weighs. "US
        military", "the collapse of the USSR" say a country; "the IS group", "CSTO members"
        a body; nothing at all a weak guess of a body (most acronyms in news name one)."""
        w = self.w
        lower, start, end = w.lower, w.start[i], w.end[i]
        kind, weak = "organisation", True
        if self.organisation_after(end):
            weak = False
        elif (i + 1 < w.n and w.gap[i] == " " and lower[i + 1] in COUNTRY_NOUNS_AFTER) or (
            i >= 3
            and lower[i - 1] == "the"
            and lower[i - 2] == "of"
            and lower[i - 3] in COUNTRY_NOUNS_BEFORE
        ):
            kind, weak = "place", False
        found = Found(start, end, w.text[i], kind, description, self.sentence, weak=weak)
        if self.acronym_definition(i, i, found=found):
            self.out.found.append(found)  # "KNB (NSC)": itself the long form of another
        else:
            self.out.pending.append(found)


def _initials(long_form: str) -> str:
    """The initials of a name's capitalised words: 'Islamic State of Iraq' -> 'ISI'."""
    return "".join(w[0] for w in _WORD_BREAKS.split(long_form) if w[:1].isupper())


def _initials_fit(long_form: str, acronym: str) -> bool:
    """'Islamic State of Iraq and Syria (ISIS)' fits; 'Syria (ISIS)' does not. Names with an
    organisation word may use another language's initials ('Interior Ministry (MVD)')."""
    words = _WORD_BREAKS.split(long_form)
    if any(w.lower() in ORG_CUES for w in words):
        return True
    return bool(words) and words[0][:1].upper() == acronym[:1].upper()
