"""Discovery: names the catalogue lacks, found from how English text names things.

A capitalised span becomes an entity only with evidence of what it is: a title before it
("Interior Minister Kalmukhanbet Kassymov", "NSC chairman Nurtay Abykayev"), a speech verb or
a byline (a person), an organisation cue word (Committee, Ministry, Court...), a place cue
("city of X", "X Province", "X-based", "in X" followed by a function word), an acronym
definition ("National Security Committee (NSC)"), or an apposition ("X, leader of Y", which
also gives the description). Sentence openers, months, labels ("BACKGROUND:") and adjective
phrases ("Central Asian states") are dropped. Single words with no cue are left pending: the
corpus-level step links them to a person's surname or a defined acronym, or drops them.
"""

from __future__ import annotations

import re

from store.entities_cues import (
    ADJECTIVE_ENDINGS,
    COMMON_ACRONYMS,
    DEMONYM_PLURALS,
    GENERIC_WORDS,
    ORG_CUES,
    OTHER_CUES,
    PARTICLES,
    PLACE_CUES,
    PLACE_NOUNS_AFTER,
    STOPWORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from store.entities_discover_rules import SentenceRules, _calendar
from store.entities_match import is_acronym
from store.entities_tokens import DocFindings, Found, Tok, lower_vocabulary, tokenize
from store.models import Document, Sentence

__all__ = ["DocFindings", "Found", "Tok", "discover", "lower_vocabulary", "tokenize"]

_BASED = re.compile(r"^(.+?)-based$")
_QUOTED = re.compile(r"([“‘\"])\*{0,2}([^“”‘’\"*]{2,160}?)\*{0,2}(?:[”’\"])(?!\w)")
_CONNECTORS = frozenset({"of", "for", "on", "and", "the", "&"})
_SPACES = re.compile(r"[ ]+")
_SPACES_OR_HYPHEN = re.compile(r"[ ]+|-")
_LONG_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_ACRONYM_DEFINED = re.compile(r" \((?:[^()]{0,60}?, )?([A-Z][A-Za-z&\-]{1,9})\)")
_WORD_BREAKS = re.compile(r"[\s\-]+")


def discover(
    document: Document,
    sentences: list[Sentence],
    covered: list[tuple[int, int, str]],
    lower_vocab: set[str],
) -> DocFindings:
    """Candidate names in a document's body sentences outside the catalogue's matches."""
    text = document.text
    findings = DocFindings()
    cover_iter = sorted(covered)
    ci = 0
    for sentence in sentences:
        tokens = tokenize(text, sentence.start, sentence.end)
        while ci < len(cover_iter) and cover_iter[ci][1] <= sentence.start:
            ci += 1
        j = ci
        for tok in tokens:
            while j < len(cover_iter) and cover_iter[j][1] <= tok.start:
                j += 1
            if j < len(cover_iter) and cover_iter[j][0] < tok.end:
                tok.covered = cover_iter[j][2]
        _Sentence(text, sentence, tokens, lower_vocab, findings).run()
    return findings


class _Sentence(SentenceRules):
    """The rules applied to one sentence's tokens."""

    def __init__(
        self, text: str, sentence: Sentence, tokens: list[Tok], vocab: set[str], out: DocFindings
    ) -> None:
        self.text, self.sentence, self.tokens, self.vocab, self.out = text, sentence, tokens, vocab, out

    def gap(self, i: int) -> str:
        """The characters between token i and token i+1."""
        return self.text[self.tokens[i].end:self.tokens[i + 1].start]

    def run(self) -> None:
        self.quoted_titles()
        for tok in self.tokens:
            based = _BASED.match(tok.text)
            if based and based.group(1)[:1].isupper() and tok.covered is None and \
                    not based.group(1).lower().endswith(ADJECTIVE_ENDINGS):
                self.emit(tok.start, tok.start + len(based.group(1)), "place", "")
        for first, last in self.spans():
            self.span(first, last)

    def quoted_titles(self) -> None:
        """'“Combat Brotherhood”', '‘On Amendments to ...’': a quoted title is one named thing."""
        body = self.text[self.sentence.start:self.sentence.end]
        for m in _QUOTED.finditer(body):
            inner = m.group(2)
            words = _LONG_WORD.findall(inner)
            if not 1 <= len(words) <= 25 or not inner[:1].isupper():
                continue
            long_words = [w for w in words if len(w) >= 4]
            capitalised = sum(1 for w in long_words if w[:1].isupper())
            if not (inner.startswith("On ") and len(words) >= 4) and \
                    capitalised < max(1, 0.6 * len(long_words)):
                continue
            if len(words) == 1 and not inner.startswith("On "):
                continue
            start = self.sentence.start + m.start(2)
            end = start + len(inner)
            inside = [t for t in self.tokens if t.start >= start and t.end <= end]
            if not inside or any(t.covered for t in inside):
                continue
            for t in inside:
                t.take()
            self.emit(start, end, "other", "")

    def spans(self) -> list[tuple[int, int]]:
        """Maximal runs of capitalised tokens, joined by particles and guarded connectors."""
        toks, spans, i = self.tokens, [], 0
        while i < len(toks):
            if not toks[i].capitalised:
                i += 1
                continue
            first, j = i, i
            while j + 1 < len(toks) and not toks[j].possessive:
                if not _SPACES_OR_HYPHEN.fullmatch(self.gap(j)):
                    break
                nxt = toks[j + 1]
                if nxt.capitalised:
                    j += 1
                    continue
                k = self.connector_end(first, j)
                if k is None:
                    break
                j = k
            spans.append((first, j))
            i = j + 1
        return spans

    def connector_end(self, first: int, j: int) -> int | None:
        """Index of the capitalised token a connector run after token j leads to, if allowed."""
        toks = self.tokens
        k = j + 1
        words = []
        while k < len(toks) and not toks[k].capitalised and k - j <= 2:
            words.append(toks[k].lower)
            if not _SPACES.fullmatch(self.gap(k - 1)):
                return None
            k += 1
        if k >= len(toks) or not words or not toks[k].capitalised:
            return None
        if not _SPACES.fullmatch(self.gap(k - 1)):
            return None
        if all(w in PARTICLES for w in words):
            return k
        so_far = [t.lower for t in toks[first:j + 1]]
        cued = any(w in ORG_CUES or w in PLACE_CUES or w in OTHER_CUES or w in TITLE_HEADS
                   for w in so_far)
        if words in (["of"], ["for"], ["on"], ["of", "the"], ["for", "the"], ["on", "the"]):
            return k if cued else None
        if words in (["and"], ["&"]):
            has_of = any(t.lower in ("of", "for") for t in toks[first:j + 1])
            return k if cued and has_of else None
        return None

    # -- one span ------------------------------------------------------------------------
    def span(self, first: int, last: int) -> None:
        toks = self.tokens
        # A label in capitals ("BACKGROUND: ...") is furniture.
        if toks[first].text.isupper() and self.text[toks[first].end:toks[first].end + 1] == ":":
            first += 1
        while first <= last and self.opener(first):
            first += 1
        while first <= last and (toks[first].lower in _CONNECTORS or toks[first].lower in PARTICLES):
            first += 1
        while last >= first and toks[last].lower in _CONNECTORS | PARTICLES:
            last -= 1
        if first > last:
            return
        # Months and weekdays split a span and never belong to a name.
        pieces, start = [], first
        for i in range(first, last + 1):
            if _calendar(toks[i].lower):
                if i > start:
                    pieces.append((start, i - 1))
                start = i + 1
        if start <= last:
            pieces.append((start, last))
        for a, b in pieces:
            self.piece(a, b)

    def opener(self, i: int) -> bool:
        """A capitalised word that is capitalised only because a sentence or quote starts."""
        tok = self.tokens[i]
        if tok.lower in STOPWORDS:
            return True
        if i != 0:
            return False
        return tok.lower in self.vocab or tok.lower.endswith(("ly", "ed", "ing"))

    def piece(self, a: int, b: int) -> None:
        toks = self.tokens
        cues = [t.lower for t in toks[a:b + 1]]
        strong = any(c in ORG_CUES or c in PLACE_CUES for c in cues)
        covered = [t.covered for t in toks[a:b + 1]]
        if all(covered):
            self.acronym_definition(a, b, target=covered[-1])
            return
        if strong and any(covered) and covered[-1] is None:
            self.segment(a, b, a, fragment=False)  # a longer cued name wins over the place in it
            return
        i = a
        while i <= b:
            if toks[i].covered:
                j = i
                while j + 1 <= b and toks[j + 1].covered == toks[i].covered:
                    j += 1
                i = j + 1
                continue
            j = i
            while j + 1 <= b and not toks[j + 1].covered:
                j += 1
            self.segment(i, j, a, fragment=any(covered))
            i = j + 1

    def segment(self, a: int, b: int, span_first: int, fragment: bool) -> None:
        """Type an uncovered run of capitalised tokens, or leave it pending.

        A fragment (the rest of a span whose other words a catalogue name took) needs strong
        evidence: a title, a cue word; "Northern" of "Northern Afghanistan" is not a place.
        """
        toks, text = self.tokens, self.text
        while b >= a and (toks[b].lower in _CONNECTORS or toks[b].lower in PARTICLES):
            b -= 1
        while a <= b and (toks[a].lower in _CONNECTORS or toks[a].lower in PARTICLES):
            a += 1
        if a > b:
            return
        while a < b and toks[a].text.upper() in COMMON_ACRONYMS:
            a += 1  # "NGO Infocentre Panorama"
        words = [t.lower for t in toks[a:b + 1]]
        if all(_title_word(w) or w in _CONNECTORS for w in words):
            return  # a bare title ("Deputy Prosecutor General")
        if words[-1].endswith(DEMONYM_PLURALS):
            return
        # "Taraz-based": the place is the part before the suffix.
        based = _BASED.match(toks[b].text)
        if based:
            end = toks[b].start + len(based.group(1))
            if not based.group(1).lower().endswith(ADJECTIVE_ENDINGS):
                self.emit(toks[a].start, end, "place", "")
            return
        person = self.title_split(a, b, span_first)
        if person is not None:
            return
        k = a
        while k < b and _title_word(words[k - a]):
            k += 1
        if k > a and words[k - a] == "of":
            return  # "President of Kazakhstan", "Deputy Chairman of the NSC": a title phrase
        name_start, name_end = toks[a].start, toks[b].end
        name = text[name_start:name_end]
        after = toks[b + 1] if b + 1 < len(toks) else None
        before = toks[a - 1] if a > 0 else None
        follow = text[name_end:name_end + 3]
        description = self.apposition(b)
        adjective = words[-1].endswith(ADJECTIVE_ENDINGS) and after is not None and \
            after.text[:1].islower() and follow.startswith(" ")
        if adjective:
            return  # "Central Asian states", "Chinese province"
        if a == b and (words[0] in ORG_CUES or words[0] in PLACE_CUES):
            return  # "The Committee has opened": a reference back, not a name
        head = words[:next((i for i, w in enumerate(words) if w in ("of", "for", "on")), len(words))]
        if len(head) < len(words) and any(w in OTHER_CUES for w in head):
            self.emit(name_start, name_end, "other", description, last=b)
            return  # "Criminal Code of the Republic": the head word decides
        if any(w in ORG_CUES for w in words):
            generic = all(w in GENERIC_WORDS for w in words)
            self.emit(name_start, name_end, "organisation", description, generic=generic, last=b)
            return
        if any(w in PLACE_CUES for w in words):
            self.emit(name_start, name_end, "place", description, last=b)
            return
        if len(words) > 1 and any(w in OTHER_CUES for w in words):
            self.emit(name_start, name_end, "other", description, last=b)
            return
        if after is not None and after.lower in PLACE_NOUNS_AFTER and follow.startswith(" "):
            self.emit(name_start, name_end, "place", description or after.lower, last=b)
            return
        if before is not None and before.lower in ("city", "town", "village", "capital") and \
                text[before.end:name_start].strip() in ("of", ",", ""):
            self.emit(name_start, name_end, "place", description, last=b)
            return
        if before is not None and toks[a - 1].lower == "of" and a > 1 and \
                toks[a - 2].lower in ("city", "town", "village"):
            self.emit(name_start, name_end, "place", description, last=b)
            return
        if fragment:
            return
        titled = self.title_before_comma(a, b)
        if titled:
            self.emit(name_start, name_end, "person", titled, last=b)
            return
        if a == b and self.speaker(a, b):
            self.out.pending.append(Found(name_start, name_end, name, "person", description,
                                          self.sentence))
            return
        if self.speaker(a, b) or (description and self.personal(description)):
            self.emit(name_start, name_end, "person", description, last=b)
            return
        if self.place_after_preposition(a, b):
            self.emit(name_start, name_end, "place", description, last=b)
            return
        if a == b:
            kind = "organisation" if is_acronym(toks[a].text) and toks[a].text.upper() not in \
                COMMON_ACRONYMS else None
            if is_acronym(toks[a].text) and toks[a].text.upper() in COMMON_ACRONYMS:
                return
            found = Found(name_start, name_end, name, kind, description, self.sentence)
            if self.acronym_definition(a, b, found=found):
                self.out.found.append(found)
            else:
                self.out.pending.append(found)
            return
        if all(t.text.isupper() for t in toks[a:b + 1]):
            return  # a line in capitals, not a name
        self.emit(name_start, name_end, None, description, last=b)

    def emit(self, start: int, end: int, kind: str | None, description: str,
             generic: bool = False, last: int | None = None) -> Found:
        found = Found(start, end, self.text[start:end], kind, description, self.sentence, generic)
        self.out.found.append(found)
        if last is not None:
            self.acronym_definition(last, last, found=found)
        return found

    def acronym_definition(self, a: int, b: int, target: str | None = None,
                           found: Found | None = None) -> bool:
        """'Long Name (ACR)' or 'Long Name (Other name, ACR)': ACR names the same entity."""
        tok = self.tokens[b]
        m = _ACRONYM_DEFINED.match(self.text[tok.end:tok.end + 80])
        if not m or sum(c.isupper() for c in m.group(1)) < 2:
            return False
        acronym = m.group(1)
        long_form = self.text[self.tokens[a].start:tok.end] if found is None else found.name
        if target is None and not _initials_fit(long_form, acronym):
            return False
        if found is None:
            found = Found(self.tokens[a].start, tok.end, self.text[self.tokens[a].start:tok.end],
                          None, "", self.sentence, target=target)
        self.out.acronyms.setdefault(acronym, found)
        return True


def _title_word(word: str) -> bool:
    return word in TITLE_HEADS or word in TITLE_MODIFIERS or word.rstrip("s") in TITLE_HEADS


def _initials_fit(long_form: str, acronym: str) -> bool:
    """'Islamic State of Iraq and Syria (ISIS)' fits; 'Syria (ISIS)' does not. Names with an
    organisation word may use another language's initials ('Interior Ministry (MVD)')."""
    words = _WORD_BREAKS.split(long_form)
    if any(w.lower() in ORG_CUES for w in words):
        return True
    return bool(words) and words[0][:1].upper() == acronym[:1].upper()
