"""Typing a run of capitalised words: the evidence that makes it a person, an organisation, a
place or another named thing, or leaves it pending for the corpus-level step."""

from __future__ import annotations

import re

from store.entities.discovery.acronyms import AcronymRules
from store.entities.discovery.rules import SentenceRules
from store.entities.discovery.tokens import Found
from store.entities.match import is_acronym
from store.entities.world import demonyms
from store.lang.en import (
    ADJECTIVE_ENDINGS,
    COMMON_ACRONYMS,
    COMPASS,
    DEMONYM_PLURALS,
    GENERIC_WORDS,
    ORG_CUES,
    OTHER_CUES,
    PARTICLES,
    PEOPLES,
    PLACE_CUES,
    PLACE_NOUNS_AFTER,
    TITLE_MODIFIERS,
    title_head,
)
from store.lang.en.lexicon import COMMON_WORDS

# "the city of X", "the villages of X and Y": a settlement noun before "of" (or a comma)
_SETTLEMENTS = frozenset(
    "city town village port capital cities towns villages ports settlement settlements "
    "district districts province provinces region regions".split()
)
BASED_SUFFIX = re.compile(r"^(.+?)-based$")  # "Taraz-based": the place is before the suffix
CONNECTORS = frozenset({"of", "for", "on", "and", "the", "&"})
CONNECTORS_OR_PARTICLES = CONNECTORS | PARTICLES
OF_FOR_ON = frozenset({"of", "for", "on"})
ANY_CUE = ORG_CUES | PLACE_CUES | OTHER_CUES


class RunRules(AcronymRules, SentenceRules):
    """The decision for one run of capitalised tokens, on top of the acronym and name rules."""

    vocab: set[str]

    def segment(self, a: int, b: int, span_first: int, fragment: bool) -> None:
        """Type an uncovered run of capitalised tokens, or leave it pending.

        A fragment (the rest of a span whose other words a catalogue name took) needs strong
        evidence: a title, a cue word; "Northern" of "Northern Afghanistan" is not a place.
        """
        w, text = self.w, self.text
        lower = w.lower
        while b >= a and lower[b] in CONNECTORS_OR_PARTICLES:
            b -= 1
        while a <= b and lower[a] in CONNECTORS_OR_PARTICLES:
            a += 1
        if a > b:
            return
        while a < b and w.text[a].upper() in COMMON_ACRONYMS:
            a += 1  # "NGO Infocentre Panorama"
        words = lower[a : b + 1]
        if (title_word(words[0]) or words[0] in CONNECTORS) and all(
            title_word(x) or x in CONNECTORS for x in words
        ):
            return  # a bare title ("Deputy Prosecutor General")
        if words[-1].endswith(DEMONYM_PLURALS):
            return
        if (
            len(words) > 1
            and words[-1][-1:] == "s"
            and words[-1][:-1] in ANY_CUE
            and words[0] in self.vocab
        ):
            return  # "the new Criminal Codes", "regional Courts": a plural is a kind, not a name
        if a == b and is_acronym(w.text[a]):
            if w.text[a].upper() not in COMMON_ACRONYMS and not fragment:
                self.lone_acronym(a, self.apposition(b))
            return
        # "Taraz-based": the place is the part before the suffix.
        based = BASED_SUFFIX.match(w.text[b])
        if based:
            end = w.start[b] + len(based.group(1))
            if not based.group(1).lower().endswith(ADJECTIVE_ENDINGS):
                self.emit(w.start[a], end, "place", "")
            return
        person = self.title_split(a, b, span_first)
        if person is not None:
            return
        if self.peoples(words):
            return
        k = a
        while k < b and title_word(words[k - a]):
            k += 1
        if k > a and words[k - a] == "of":
            return  # "President of Kazakhstan", "Deputy Chairman of the NSC": a title phrase
        name_start, name_end = w.start[a], w.end[b]
        name = text[name_start:name_end]
        after = b + 1 if b + 1 < w.n else None
        before = a - 1 if a > 0 else None
        follow = text[name_end : name_end + 3]
        description = self.apposition(b)
        adjective = (
            words[-1].endswith(ADJECTIVE_ENDINGS)
            and after is not None
            and w.text[after][:1].islower()
            and follow.startswith(" ")
        )
        if adjective:
            return  # "Central Asian states", "Chinese province"
        if a == b and (words[0] in ORG_CUES or words[0] in PLACE_CUES):
            return  # "The Committee has opened": a reference back, not a name
        if not OF_FOR_ON.isdisjoint(words):
            head = words[: next(i for i, x in enumerate(words) if x in OF_FOR_ON)]
        else:
            head = words
        if len(head) < len(words) and not OTHER_CUES.isdisjoint(head):
            self.emit(name_start, name_end, "other", description, last=b)
            return  # "Criminal Code of the Republic": the head word decides
        if not ORG_CUES.isdisjoint(words):
            generic = GENERIC_WORDS.issuperset(words)
            self.emit(name_start, name_end, "organisation", description, generic=generic, last=b)
            return
        if not PLACE_CUES.isdisjoint(words):
            self.emit(name_start, name_end, "place", description, last=b)
            return
        if len(words) > 1 and not OTHER_CUES.isdisjoint(words):
            self.emit(name_start, name_end, "other", description, last=b)
            return
        if self.region(words, self.vocab):
            self.emit(name_start, name_end, "place", description, last=b)
            return
        if self.organisation_after(name_end):
            self.emit(name_start, name_end, "organisation", description, last=b)
            return
        if after is not None and lower[after] in PLACE_NOUNS_AFTER and follow.startswith(" "):
            self.emit(name_start, name_end, "place", description or lower[after], last=b)
            return
        if (
            before is not None
            and lower[before] in _SETTLEMENTS
            and text[w.end[before] : name_start].strip() in ("of", ",", "")
        ):
            self.emit(name_start, name_end, "place", description, last=b)
            return
        if before is not None and lower[a - 1] == "of" and a > 1 and lower[a - 2] in _SETTLEMENTS:
            self.emit(name_start, name_end, "place", description, last=b)
            return
        if fragment:
            return
        titled = self.title_before_comma(a, b)
        if titled:
            self.emit(name_start, name_end, "person", titled, last=b)
            return
        kind = self.apposition_kind(a, b)
        if kind == "person" and not self.personal_name(a, b):
            kind = None
        speaker = (
            kind == "person"
            or self.speaker(a, b)
            or (self.who_after(name_end) and self.personal_name(a, b))
        )
        if kind and kind != "person":
            self.emit(name_start, name_end, kind, description, last=b)
            return
        if a == b and speaker:
            # "Officials said", "Nobody told": a first word may be capitalised only because it
            # opens the sentence; it can still join a person's surname, never stand alone.
            kind = None if a == 0 else "person"
            self.out.pending.append(
                Found(name_start, name_end, name, kind, description, self.sentence)
            )
            return
        if speaker or (description and self.personal(description)):
            self.emit(name_start, name_end, "person", description, last=b)
            return
        if self.place_after_preposition(a, b):
            self.emit(name_start, name_end, "place", description, last=b)
            return
        if self.particle_name(words):
            self.emit(name_start, name_end, "person", description, last=b)
            return
        if a == b:
            found = Found(name_start, name_end, name, None, description, self.sentence)
            if self.acronym_definition(a, b, found=found):
                self.out.found.append(found)
            else:
                self.out.pending.append(found)
            return
        if all(x.isupper() for x in w.text[a : b + 1]):
            return  # a line in capitals, not a name
        found = self.emit(name_start, name_end, None, description, last=b)
        if self.name_shaped(a, b):
            # "Jeyhun Bayramov", "Anwar al-Bunni": two to four capitalised words, no cue, the
            # last no English common word ("Economic Freedom" is not a person): a weak guess,
            # outvoted by any mention with evidence.
            found.type, found.weak, found.reason = "person", True, "name shape"

    @staticmethod
    def peoples(words: list[str]) -> bool:
        """'Sri Lankan', 'Lebanese Shiites', 'Sunni Islam', 'Central Asian': demonyms, peoples
        and faiths, alone or leading a span with no cue word, name no entity."""
        known = demonyms()
        lead = 2 if len(words) > 1 and " ".join(words[:2]) in known else 1
        first = " ".join(words[:lead])
        if not (first in known or first in PEOPLES or (first in COMPASS and len(words) == 2)):
            return False
        rest = words[lead:]
        if first in COMPASS:
            return rest[0].endswith(ADJECTIVE_ENDINGS) or rest[0] in known
        # "Lebanese Shiites", "Azerbaijani Chairmanship"; not "Tamil Eelam", "Tamil New Tigers"
        if len(rest) > 1:
            return False
        if first in known:  # a country's adjective and one word with no cue
            return not (set(rest) & (ORG_CUES | PLACE_CUES))  # "British Army" is a name
        return all(x in known or x in PEOPLES or x in COMMON_WORDS for x in rest)

    def name_shaped(self, a: int, b: int) -> bool:
        w = self.w
        if b == a or not self.personal_name(a, b):
            return False
        last = w.lower[b]
        if last in COMMON_WORDS or last.split("-")[-1] in COMMON_WORDS or len(last) < 3:
            return False
        return not any(x in CONNECTORS for x in w.lower[a : b + 1])

    def emit(
        self,
        start: int,
        end: int,
        kind: str | None,
        description: str,
        generic: bool = False,
        last: int | None = None,
    ) -> Found:
        found = Found(start, end, self.text[start:end], kind, description, self.sentence, generic)
        self.out.found.append(found)
        if last is not None:
            self.acronym_definition(last, last, found=found)
        return found


def title_word(word: str) -> bool:
    """A word that belongs to a title ("deputy", "ministers"), not to a name."""
    return word in TITLE_MODIFIERS or title_head(word)
