"""Kinds of unlisted documents from evidence in their text, with the basis recorded."""

from __future__ import annotations

from store.corpus.doctype import infer_kind
from store.text.segment import segment


def kind(text: str) -> tuple[str, str]:
    passages, _ = segment("f", text)
    return infer_kind(text, passages)


def test_a_court_caption_is_legal() -> None:
    text = (
        "IN THE UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF COLUMBIA\n\n"
        "JOHN DOE,\nPlaintiff,\n\nv.\n\nTHE MINISTRY OF DEFENCE,\nDefendant.\n\n"
        "Civil Action No. 19-1234\n\nMEMORANDUM OPINION\n\nThe plaintiff seeks records.\n"
    )
    found, basis = kind(text)
    assert found == "legal"
    assert basis == ("court caption: 'civil action no.', 'defendant', 'memorandum opinion', 'v.'")


def test_an_abstract_and_references_make_an_analysis() -> None:
    text = (
        "Militancy in the Fergana Valley\n\nAbstract\n\nThis paper examines recruitment.\n\n"
        "1. Introduction\n\nRecruitment has changed since 2014.\n\nReferences\n\n"
        "Smith, J. (2015) 'Networks', Journal of Studies, 4(2), pp. 1-20.\n"
    )
    assert kind(text) == ("analysis", "'Abstract' near the top and a 'References' section")


def test_contents_and_numbered_sections_make_a_report() -> None:
    text = (
        "Annual Security Report\n\nContents\n\n1. Summary 3\n2. Findings 5\n3. Outlook 9\n\n"
        "1. Summary\n\nThe year was calm.\n\n2. Findings\n\nTwo attacks were reported.\n\n"
        "3. Outlook\n\nThe risk remains.\n"
    )
    found, basis = kind(text)
    assert found == "report" and basis.startswith("a table of contents and")


def test_a_dateline_makes_news_and_nothing_gives_unknown() -> None:
    news = "Talks resume\n\nASTANA, June 5 (Reuters) -- Officials said talks resumed on Monday.\n"
    found, basis = kind(news)
    assert found == "news" and basis.startswith("dateline 'ASTANA, June 5 (Reuters)")
    assert kind("Some notes\n\nA few thoughts about the trip, written on the train.\n") == (
        "unknown",
        "unknown",
    )
    # A single cue is not a caption: a news story mentioning a defendant stays news-or-unknown.
    assert kind("Trial opens\n\nThe defendant denied the charges on Monday.\n")[0] == "unknown"
