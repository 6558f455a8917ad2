"""Abbreviations and sentence openers: what the sentence splitter must know of English."""

from __future__ import annotations

from store.lang.en.calendar import MONTH_ABBREVIATIONS


def _words(spaced: str) -> frozenset[str]:
    """A word set written as one spaced string, so the lists stay readable."""
    return frozenset(spaced.split())


# Titles and name parts: a capitalised word after them is part of the same name.
NAME_TITLES = _words(
    "mr mrs ms mme mlle messrs dr prof gen col lt sgt capt cpt maj adm cmdr sen rep gov pres "
    "rev hon st mt ft supt insp amb sec-gen"
)
# Abbreviations that come before a number ("No. 5", "Oct. 2006", "pp. 12").
BEFORE_NUMBER = _words(
    "no nos n° nº vol vols art arts fig figs ch chap sec para paras pp p pg ed eds tel ex anon"
) | {abbr.lower() for abbr in MONTH_ABBREVIATIONS}
# Abbreviations that can also end a sentence; they end one only before a typical opening word.
AMBIGUOUS_ENDINGS = _words(
    "etc inc ltd co corp plc llc al vs approx dept est govt univ assn bros jr sr esq cf ibid "
    "op cit viz ed eds trans"
)
NEVER_BREAK_DOTTED = frozenset({"e.g", "i.e", "cf", "viz", "n.b", "h.e"})
# Words that typically open a sentence: after "U.S." or "etc." they signal a real boundary.
SENTENCE_STARTERS = _words(
    "the a an he she it they we i you this that these those there his her its their our my "
    "but and however in on at as if when while after before since during according for so "
    "yet what who why how its meanwhile moreover furthermore also then"
)
