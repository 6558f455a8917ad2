"""Anchors found again after the document changes: each case of the issue, on real prose."""

from __future__ import annotations

import dataclasses

import pytest

from store.userdata.anchor import (
    ANCHORED,
    FUZZY,
    MOVED,
    ORPHANED,
    EntityRef,
    EventRef,
    make_anchor,
    text_hash,
)
from store.userdata.locate import fuzzy_threshold, locate, reanchor
from store.userdata.reattach import Corpus, reattach
from tests.paths import REPO

DOC = (REPO / "seeds" / "002_e3382299f196536e.txt").read_text(encoding="utf-8")


def _passages(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for block in text.split("\n\n"):
        spans.append((at, at + len(block)))
        at += len(block) + 2
    return [s for s in spans if s[1] - s[0] > 80]


def _anchor_on(text: str, n: int):  # type: ignore[no-untyped-def]
    start, end = _passages(text)[n]
    return make_anchor("passage", "a.txt", text, start, end)


def test_an_anchor_records_both_selectors_and_the_hash() -> None:
    anchor = _anchor_on(DOC, 2)
    assert DOC[anchor.start : anchor.end] == anchor.exact
    assert DOC[anchor.start - len(anchor.prefix) : anchor.start] == anchor.prefix
    assert len(anchor.prefix) == 32 and len(anchor.suffix) == 32
    assert anchor.hash == text_hash(DOC)
    kinds = [s["type"] for s in anchor.selectors()]
    assert kinds == ["TextPositionSelector", "TextQuoteSelector"]


def test_unchanged_text_keeps_the_offsets() -> None:
    anchor = _anchor_on(DOC, 3)
    found = locate(anchor, DOC)
    assert (found.start, found.end, found.status) == (anchor.start, anchor.end, ANCHORED)
    assert reanchor(anchor, DOC) is anchor


def test_an_edit_elsewhere_after_it_keeps_the_offsets_as_anchored() -> None:
    anchor = _anchor_on(DOC, 1)
    edited = DOC + "\n\nA paragraph added at the end of the document."
    found = locate(anchor, edited)
    assert (found.start, found.status) == (anchor.start, ANCHORED)


def test_a_paragraph_inserted_before_moves_the_anchor_to_its_quote() -> None:
    anchor = _anchor_on(DOC, 3)
    inserted = "An editor's note was added here, above everything else.\n\n"
    edited = DOC[: anchor.start] + inserted + DOC[anchor.start :]
    moved = reanchor(anchor, edited)
    assert moved.status == MOVED
    assert moved.start == anchor.start + len(inserted)
    assert edited[moved.start : moved.end] == anchor.exact
    assert moved.original == anchor.exact


def test_a_word_changed_inside_the_quote_is_a_fuzzy_move_onto_the_new_words() -> None:
    anchor = _anchor_on(DOC, 2)
    words = anchor.exact.split(" ")
    middle = len(words) // 2
    words[middle] = "CHANGED"
    new_quote = " ".join(words)
    edited = DOC[: anchor.start] + new_quote + DOC[anchor.end :]
    moved = reanchor(anchor, edited)
    assert moved.status == FUZZY
    assert moved.score is not None and moved.score >= fuzzy_threshold(len(anchor.exact))
    assert edited[moved.start : moved.end] == new_quote
    assert moved.exact == new_quote and moved.original == anchor.exact


def test_a_repeated_quote_goes_to_the_copy_whose_context_matches() -> None:
    sentence = "The government declined to comment."
    first = f"Officials in Astana met on Monday. {sentence} Talks resumed later."
    second = f"Protesters gathered outside the court. {sentence} Police watched."
    text = f"{first}\n\n{second}"
    at = text.index(sentence, len(first))
    anchor = make_anchor("selection", "a.txt", text, at, at + len(sentence))
    # Insert a paragraph at the top: both copies shift; the context picks the second one.
    edited = "Update: an introduction.\n\n" + text
    found = locate(anchor, edited)
    assert found.status == MOVED
    assert edited[: found.start].endswith("outside the court. ")
    assert edited[found.start : found.end] == sentence


def test_without_context_the_copy_nearest_the_old_place_wins() -> None:
    sentence = "No comment. "
    text = sentence * 3
    anchor = dataclasses.replace(
        make_anchor("selection", "a.txt", text, 12, 24), prefix="", suffix=""
    )
    assert locate(anchor, "x" + text).start == 13


def test_a_deleted_passage_is_orphaned_with_its_old_quote() -> None:
    anchor = _anchor_on(DOC, 2)
    edited = DOC[: anchor.start] + DOC[anchor.end :]
    orphan = reanchor(anchor, edited)
    assert orphan.status == ORPHANED
    assert orphan.exact == anchor.exact  # the old quote is kept to show
    # Orphaned is not forever: putting the text back finds it again.
    assert reanchor(orphan, DOC).status == ANCHORED


@pytest.mark.parametrize("quote", ["Kazakhstan", "the attack on"])
def test_short_quotes_never_match_fuzzily(quote: str) -> None:
    text = f"Before {quote} after."
    at = text.index(quote)
    anchor = make_anchor("selection", "a.txt", text, at, at + len(quote))
    assert locate(anchor, "Nothing like it here at all, nor the attack.").status == ORPHANED


def _corpus(texts: dict[str, str], events=(), entities=()):  # type: ignore[no-untyped-def]
    return Corpus(texts.get, list(texts), lambda: list(events), lambda: list(entities))


def test_an_event_note_reattaches_by_quote_and_date_when_its_id_changes() -> None:
    from store.models import Event

    text = "Intro.\n\nOn 5 June 2016 gunmen attacked Aktobe. More."
    start = text.index("On 5")
    end = text.index(" More")

    def event(eid: str, body: str, s: int, e: int, date: str = "2016-06-05") -> Event:
        return Event(
            eid,
            "a.txt",
            date,
            "day",
            date,
            date,
            None,
            "5 June 2016",
            s,
            s + 3,
            s,
            e,
            body[s:e],
            body[s:e],
        )

    old = event("a.txt#e1", text, start, end)
    anchor = make_anchor(
        "event", "a.txt", text, start, end, event=EventRef(old.id, old.date, old.quote)
    )
    edited = "A new first line.\n\n" + text
    s2 = edited.index("On 5")
    new = event("a.txt#e7", edited, s2, s2 + (end - start))
    moved = reattach(anchor, _corpus({"a.txt": edited}, [new]))
    assert moved.event is not None and moved.event.id == "a.txt#e7"
    assert (moved.start, moved.status) == (s2, MOVED)
    gone = reattach(anchor, _corpus({"a.txt": "Nothing dated."}, []))
    assert gone.status == ORPHANED and gone.exact == anchor.exact


def test_an_entity_note_reattaches_by_name_or_alias() -> None:
    from store.models import Entity
    from store.userdata.anchor import entity_anchor

    anchor = entity_anchor(EntityRef("org-isis", "Islamic State", ("ISIS", "Daesh")))
    same = Entity("org-isis", "Islamic State", "organisation", ("ISIS", "Daesh"))
    assert reattach(anchor, _corpus({}, [], [same])) is anchor
    renamed = Entity("org-daesh", "Daesh", "organisation", ("ISIL",))
    moved = reattach(anchor, _corpus({}, [], [renamed]))
    assert moved.entity is not None and moved.entity.id == "org-daesh"
    assert moved.status == MOVED
    assert reattach(anchor, _corpus({}, [], [])).status == ORPHANED
