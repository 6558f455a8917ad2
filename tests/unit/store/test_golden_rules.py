"""pySBD's 48 English Golden Rules for sentence boundaries (origin: tests/data/golden_rules_en.py).

The issue asks for at least 45; the one left failing is the rule pySBD itself marks xfail
("the most difficult sentence to crack": "6 P.M. Mr. Smith" ends a sentence where "5 a.m. Mr.
Smith" does not, a difference no surface cue shows).
"""

from __future__ import annotations

import pytest

from store.text.sentences import split_sentences
from tests.data.golden_rules_en import GOLDEN_RULES

KNOWN_MISSES = {17}


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(*case, id=str(i), marks=pytest.mark.xfail(strict=True))
        if i in KNOWN_MISSES
        else pytest.param(*case, id=str(i))
        for i, case in enumerate(GOLDEN_RULES)
    ],
)
def test_golden_rule(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_at_least_45_of_48_pass() -> None:
    passed = sum(sentences(text) == expected for text, expected in GOLDEN_RULES)
    assert len(GOLDEN_RULES) == 48
    assert passed >= 45


def test_numbers_in_prose_are_not_a_list() -> None:
    assert sentences("Item 1. The first. Then 2. The second.") == [
        "Item 1.",
        "The first.",
        "Then 2.",
        "The second.",
    ]


def test_a_listed_passage_and_spaced_ellipses() -> None:
    assert sentences("a) Raise the funds b) Hire the staff c) Open the office") == [
        "a) Raise the funds",
        "b) Hire the staff",
        "c) Open the office",
    ]
    assert sentences("He paused . . . and went on. Then he left.") == [
        "He paused . . . and went on.",
        "Then he left.",
    ]
