"""Segmentation: exact offsets on real and hostile text, hard sentence ends, passage kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.models import BODY, BOILERPLATE, FOOTNOTE, HEADING, PASSAGE_KINDS, Passage, Sentence
from store.text.segment import segment
from tests.paths import DATA

SEED_NAMES = [
    "000_57b7575e539b8255.txt",
    "001_c13928596fe0fd3f.txt",
    "002_e3382299f196536e.txt",
    "003_290b001818848b61.txt",
    "004_349fe4209c07a8ff.txt",
]


def _read(path: Path) -> str:
    # newline="" keeps "\r\n" as it is on disk: offsets must hold for the exact bytes.
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _check_offsets(text: str, passages: list[Passage], sentences: list[Sentence]) -> None:
    """Every span slices back to stripped, non-empty text; spans are ordered and complete."""
    assert [p.index for p in passages] == list(range(len(passages)))
    assert [s.index for s in sentences] == list(range(len(sentences)))
    covered = [False] * len(text)
    previous_end = 0
    for p in passages:
        piece = text[p.start : p.end]
        assert piece and piece == piece.strip(), (p, piece)
        assert p.start >= previous_end
        assert p.kind in PASSAGE_KINDS
        previous_end = p.end
        covered[p.start : p.end] = [True] * (p.end - p.start)
    outside = "".join(ch for ch, inside in zip(text, covered, strict=True) if not inside)
    assert outside.strip() == "", "text outside every passage must be whitespace"
    by_passage: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_passage.setdefault(s.passage, []).append(s)
    assert sorted(by_passage) == [p.index for p in passages], "every passage has sentences"
    for p in passages:
        own = by_passage[p.index]
        cursor = p.start
        for s in own:
            piece = text[s.start : s.end]
            assert piece and piece == piece.strip(), (s, piece)
            assert p.start <= s.start and s.end <= p.end and s.start >= cursor
            assert text[cursor : s.start].strip() == "", "sentences leave no text out"
            cursor = s.end
        assert text[cursor : p.end].strip() == ""
        if p.kind == HEADING:
            assert len(own) == 1 and (own[0].start, own[0].end) == (p.start, p.end)


def _texts(text: str, items: list[Passage] | list[Sentence]) -> list[str]:
    return [text[x.start : x.end] for x in items]


def _sentences(text: str) -> list[str]:
    return _texts(text, segment("t.txt", text)[1])


def _kind_of(text: str, passages: list[Passage], prefix: str) -> str:
    found = [p for p in passages if text[p.start : p.end].startswith(prefix)]
    assert found, f"no passage starts with {prefix!r}"
    return found[0].kind


# --- offsets --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_passages_and_sentences_slice_back(seeds_dir: Path, name: str) -> None:
    text = _read(seeds_dir / name)
    passages, sentences = segment(name, text)
    assert len(passages) > 5
    assert all(p.file == name for p in passages) and all(s.file == name for s in sentences)
    _check_offsets(text, passages, sentences)


def test_invented_document_slices_back() -> None:
    text = _read(DATA / "segment_furniture.txt")
    _check_offsets(text, *segment("segment_furniture.txt", text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t\n  \r\n ",
        "\u00a0\n\u00a0",
        "One line, no newline at all",
        "\r\n\r\nFirst para. Second sentence.\r\nStill first.\r\n \t \r\nSecond para\r\n",
        "\n\n\n\tIndented by a tab. After it.\n\n\n",
        "Old Mac line ends.\rSame block.\r\rNew block.",
        "Text\n\u00a0\u00a0\nafter a line of non-breaking spaces.",
        "# Heading\nBody right under it. Two.\n- item one\n- item two",
    ],
)
def test_hostile_text_slices_back(text: str) -> None:
    _check_offsets(text, *segment("h.txt", text))


def test_empty_and_blank_text_give_nothing() -> None:
    assert segment("e.txt", "") == ([], [])
    assert segment("e.txt", " \r\n\t\r\n\u00a0 ") == ([], [])


def test_crlf_blocks_and_missing_final_newline() -> None:
    text = "\r\n\r\nFirst para. Second sentence.\r\nStill first.\r\n \t \r\nSecond para ends here."
    passages, sentences = segment("c.txt", text)
    assert _texts(text, passages) == [
        "First para. Second sentence.\r\nStill first.",
        "Second para ends here.",
    ]
    assert _texts(text, sentences) == [
        "First para.",
        "Second sentence.",
        "Still first.",
        "Second para ends here.",
    ]
    assert [s.passage for s in sentences] == [0, 0, 0, 1]


def test_whitespace_only_line_separates_and_tabs_are_trimmed() -> None:
    text = "\n\n\tAlpha one. Alpha two.\t\n \u00a0\t\nBeta."
    passages, _ = segment("w.txt", text)
    assert _texts(text, passages) == ["Alpha one. Alpha two.", "Beta."]
    assert passages[0].start == 3


def test_markdown_heading_and_list_blocks() -> None:
    text = "## Findings\nThe court ruled twice.\n\n- First the ban was upheld.\n- Then it widened"
    passages, sentences = segment("m.md", text)
    assert _texts(text, passages) == [
        "## Findings",
        "The court ruled twice.",
        "- First the ban was upheld.\n- Then it widened",
    ]
    assert passages[0].kind == HEADING
    assert _texts(text, sentences)[2:] == ["- First the ban was upheld.", "- Then it widened"]


# --- hard sentence ends ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Secretary of State arrived on Monday. He met Dr. Smith and Mr. Jones.",
            ["The U.S. Secretary of State arrived on Monday.", "He met Dr. Smith and Mr. Jones."],
        ),
        (
            "Talks with the U.S. ended in May. The ban followed.",
            ["Talks with the U.S. ended in May.", "The ban followed."],
        ),
        (
            "In Oct. 2006 the office released a list. It named 12 organizations.",
            ["In Oct. 2006 the office released a list.", "It named 12 organizations."],
        ),
        (
            "The president of the council is H.E. Erlan Idrissov. He is the Foreign Minister.",
            [
                "The president of the council is H.E. Erlan Idrissov.",
                "He is the Foreign Minister.",
            ],
        ),
        (
            "The piece by John C.K. Daly appeared in 2014. It was read widely.",
            ["The piece by John C.K. Daly appeared in 2014.", "It was read widely."],
        ),
        (
            "Police detained “R. N.” and “S. M.” near the border. Both were charged.",
            ["Police detained “R. N.” and “S. M.” near the border.", "Both were charged."],
        ),
        (
            "Some groups, e.g. the IMU, and cells, i.e. Kazakh ones, were named. Officials agreed.",
            [
                "Some groups, e.g. the IMU, and cells, i.e. Kazakh ones, were named.",
                "Officials agreed.",
            ],
        ),
        (
            "The suspects lived at No. 5 Abai Street. Police searched it.",
            ["The suspects lived at No. 5 Abai Street.", "Police searched it."],
        ),
        (
            "Almaty has 1.7 million people. Russia pledged €1.14bn in aid. Tajikistan accepted.",
            [
                "Almaty has 1.7 million people.",
                "Russia pledged €1.14bn in aid.",
                "Tajikistan accepted.",
            ],
        ),
        (
            "Before they committed their ... attacks they recorded a statement. Police found it.",
            [
                "Before they committed their ... attacks they recorded a statement.",
                "Police found it.",
            ],
        ),
        (
            "He waited for news... Then the call came.",
            ["He waited for news...", "Then the call came."],
        ),
        (
            'He said, "We will rebuild." Then he left.',
            ['He said, "We will rebuild."', "Then he left."],
        ),
        (
            "She wrote “It is over.” Nobody answered.",
            ["She wrote “It is over.”", "Nobody answered."],
        ),
        (
            "The headline read ‘Terror or crime?’ The question remains open.",
            ["The headline read ‘Terror or crime?’", "The question remains open."],
        ),
        (
            "‘Was it terror or crime?’ he asked. Nobody knew.",
            ["‘Was it terror or crime?’ he asked.", "Nobody knew."],
        ),
        (
            "(The court ruled in May.) The ban followed in June.",
            ["(The court ruled in May.)", "The ban followed in June."],
        ),
        (
            "The group is banned in the region.<sup>12</sup> It denies any link.",
            ["The group is banned in the region.<sup>12</sup>", "It denies any link."],
        ),
        (
            "Terrorism is the plague of the century.[3] Experts agree.",
            ["Terrorism is the plague of the century.[3]", "Experts agree."],
        ),
        (
            "The threat is immediate”.<sup>6</sup> Due to proximity, it spreads.",
            ["The threat is immediate”.<sup>6</sup>", "Due to proximity, it spreads."],
        ),
        (
            "Abu Aisha, who lives in Mosul. has also published photographs. Kerry visited.",
            [
                "Abu Aisha, who lives in Mosul. has also published photographs.",
                "Kerry visited.",
            ],
        ),
        (
            "Arrests were reported in August (Anon. 2016a; Anon. 2016d). More followed.",
            ["Arrests were reported in August (Anon. 2016a; Anon. 2016d).", "More followed."],
        ),
        (
            "Why now? Nobody knows! The court was silent.",
            ["Why now?", "Nobody knows!", "The court was silent."],
        ),
        (
            "The attack killed 7 people in 2016. 18 attackers died.",
            ["The attack killed 7 people in 2016.", "18 attackers died."],
        ),
    ],
)
def test_hard_sentence_ends(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_sentence_indexes_count_across_passages() -> None:
    text = "One. Two.\n\nThree. Four.\n\nFive."
    sentences = segment("n.txt", text)[1]
    assert [(s.passage, s.index) for s in sentences] == [(0, 0), (0, 1), (1, 2), (1, 3), (2, 4)]


def test_heading_passage_is_one_sentence() -> None:
    text = "# Dr. Who? A. Study. Of Names\n\nBody text here. More."
    passages, sentences = segment("h.md", text)
    assert passages[0].kind == HEADING
    assert _texts(text, sentences) == ["# Dr. Who? A. Study. Of Names", "Body text here.", "More."]


# --- passage kinds in the seeds -------------------------------------------------------------

SEED_KINDS = [
    ("000_57b7575e539b8255.txt", "Accessibility links", BOILERPLATE),
    ("000_57b7575e539b8255.txt", "Breaking News", BOILERPLATE),
    ("000_57b7575e539b8255.txt", "Kazakhstan (Finally) Designates", HEADING),
    ("000_57b7575e539b8255.txt", "An Islamic State video titled", BOILERPLATE),
    ("000_57b7575e539b8255.txt", "Kazakhstan has formally designated", BODY),
    ("000_57b7575e539b8255.txt", "Why The Delay?", HEADING),
    ("000_57b7575e539b8255.txt", "So why has Kazakhstan only now", BODY),
    ("000_57b7575e539b8255.txt", "Abu Aisha, who lives in Mosul", BODY),
    ("000_57b7575e539b8255.txt", "About This Blog", BOILERPLATE),
    ("000_57b7575e539b8255.txt", '"Under The Black Flag" provides', BOILERPLATE),
    ("000_57b7575e539b8255.txt", "Latest Posts", BOILERPLATE),
    ("001_c13928596fe0fd3f.txt", "Wednesday, 17 September 2014", HEADING),
    ("001_c13928596fe0fd3f.txt", "How Real is the Jihadi Threat", HEADING),
    ("001_c13928596fe0fd3f.txt", "By John C.K. Daly", HEADING),
    ("001_c13928596fe0fd3f.txt", "BACKGROUND:", BODY),
    ("001_c13928596fe0fd3f.txt", "In Oct. 2006", BODY),
    ("001_c13928596fe0fd3f.txt", "CONCLUSIONS:", BODY),
    ("001_c13928596fe0fd3f.txt", "AUTHOR’S BIO", BOILERPLATE),
    ("001_c13928596fe0fd3f.txt", "(Image Attribution", BOILERPLATE),
    ("001_c13928596fe0fd3f.txt", "Read 27554 times", BOILERPLATE),
    ("001_c13928596fe0fd3f.txt", "Visit also", BOILERPLATE),
    ("001_c13928596fe0fd3f.txt", "Staff Publications", BOILERPLATE),
    ("001_c13928596fe0fd3f.txt", "Analysis Svante E. Cornell", BOILERPLATE),
    ("001_c13928596fe0fd3f.txt", "Silk Road Paper Johan Engvall", BOILERPLATE),
    ("001_c13928596fe0fd3f.txt", "The Central Asia-Caucasus Analyst is", BOILERPLATE),
    ("001_c13928596fe0fd3f.txt", "Sign up for", BOILERPLATE),
    ("002_e3382299f196536e.txt", "Arrests of radicals in Kazakhstan", HEADING),
    ("002_e3382299f196536e.txt", "On June 5, 2016, several suspected Salafi", BODY),
    ("002_e3382299f196536e.txt", "On August 31, the National Security", BODY),
    ("002_e3382299f196536e.txt", "Anonymous (2016a)", FOOTNOTE),
    ("003_290b001818848b61.txt", "## **Table of Contents:**", HEADING),
    ("003_290b001818848b61.txt", "Introduction .....", HEADING),
    ("003_290b001818848b61.txt", "## **Introduction**", HEADING),
    ("003_290b001818848b61.txt", "Terrorism is said to be", BODY),
    ("003_290b001818848b61.txt", "---", FOOTNOTE),
    ("003_290b001818848b61.txt", "<sup>1</sup> Orazgaliyeva", FOOTNOTE),
    ("003_290b001818848b61.txt", "<sup>36</sup> *Ibid.*", FOOTNOTE),
    ("003_290b001818848b61.txt", "<http://www.counter-terror.kz/>", FOOTNOTE),
    ("003_290b001818848b61.txt", "[http://liportal.giz.de", FOOTNOTE),
    ("003_290b001818848b61.txt", "latimes.com. 2015 [cited", FOOTNOTE),
    ("003_290b001818848b61.txt", "internally with the threat of terrorism", BODY),
    ("003_290b001818848b61.txt", "Kazakhstan is currently bidding", BODY),
    ("003_290b001818848b61.txt", "## ABOUT THE ECFA", BOILERPLATE),
    ("003_290b001818848b61.txt", "The first Honorary President", BOILERPLATE),
    ("003_290b001818848b61.txt", "*Important Disclaimer", BOILERPLATE),
    ("004_349fe4209c07a8ff.txt", "By Alexander Bogatik", HEADING),
    ("004_349fe4209c07a8ff.txt", "Extremists somewhere in Syria", BOILERPLATE),
    ("004_349fe4209c07a8ff.txt", "Consensus among authorities", HEADING),
    ("004_349fe4209c07a8ff.txt", "On that day, gunmen attacked", BODY),
    ("004_349fe4209c07a8ff.txt", "Results came soon in Karaganda Province.", BODY),
    ("004_349fe4209c07a8ff.txt", "Do you like this article?", BOILERPLATE),
    ("004_349fe4209c07a8ff.txt", "0 Comment(s)", BOILERPLATE),
    ("004_349fe4209c07a8ff.txt", "Comment Policy", BOILERPLATE),
]


@pytest.mark.parametrize(("name", "prefix", "kind"), SEED_KINDS)
def test_seed_passage_kinds(seeds_dir: Path, name: str, prefix: str, kind: str) -> None:
    text = _read(seeds_dir / name)
    assert _kind_of(text, segment(name, text)[0], prefix) == kind


def test_repeated_caption_is_boilerplate_both_times(seeds_dir: Path) -> None:
    name = "004_349fe4209c07a8ff.txt"
    text = _read(seeds_dir / name)
    captions = [
        p
        for p in segment(name, text)[0]
        if text[p.start : p.end].startswith("Extremists somewhere")
    ]
    assert [p.kind for p in captions] == [BOILERPLATE, BOILERPLATE]


def test_every_staff_publication_entry_is_boilerplate(seeds_dir: Path) -> None:
    name = "001_c13928596fe0fd3f.txt"
    text = _read(seeds_dir / name)
    passages = segment(name, text)[0]
    header = next(p for p in passages if text[p.start : p.end] == "Staff Publications")
    assert {p.kind for p in passages[header.index :]} == {BOILERPLATE}


def test_seed_bodies_keep_the_article(seeds_dir: Path) -> None:
    """The Aktobe attack paragraph of 002 is body, with its sentences intact."""
    name = "002_e3382299f196536e.txt"
    text = _read(seeds_dir / name)
    passages, sentences = segment(name, text)
    aktobe = next(p for p in passages if text[p.start : p.end].startswith("On June 5, 2016"))
    assert aktobe.kind == BODY
    own = _texts(text, [s for s in sentences if s.passage == aktobe.index])
    assert (
        own[1]
        == "Shootouts continued over subsequent days as police killed 18 and arrested nine of the attackers."
    )
    assert len(own) == 4


# --- passage kinds in a document written for the test ---------------------------------------

INVENTED_KINDS = [
    ("Skip to main content", BOILERPLATE),
    ("Menu", BOILERPLATE),
    ("Floods force thousands from homes", HEADING),
    ("Posted 3 hours ago", BOILERPLATE),
    ("By Maria Keller, Staff Reporter", HEADING),
    ("We use cookies", BOILERPLATE),
    ("Share this story", BOILERPLATE),
    ("Residents wade through", BOILERPLATE),
    ("Heavy rain over the weekend", BODY),
    ("Emergency crews evacuated", BODY),
    ("Related articles", BOILERPLATE),
    ("Drought warnings issued", BOILERPLATE),
    ("The regional governor, Ms. Ilse Brandt", BODY),
    ("What Happens Next", HEADING),
    ("Engineers will inspect the No. 4 dam", BODY),
    ("Newsletter", BOILERPLATE),
    ("Get the morning briefing", BOILERPLATE),
    ("Tags: floods", BOILERPLATE),
    ("Facebook Twitter Email", BOILERPLATE),
    ("12 comments", BOILERPLATE),
    ("Leave a reply", BOILERPLATE),
]


@pytest.mark.parametrize(("prefix", "kind"), INVENTED_KINDS)
def test_invented_document_kinds(prefix: str, kind: str) -> None:
    text = _read(DATA / "segment_furniture.txt")
    assert _kind_of(text, segment("segment_furniture.txt", text)[0], prefix) == kind


def test_general_cues_on_small_document() -> None:
    text = (
        "RECOMMENDATIONS:\n\n"
        "The ministry should publish the list. It has not done so.\n\n"
        "Ibid.\n\n"
        "https://example.org/report.pdf\n\n"
        "Smith, J. (2019) “Borders and bans”, Steppe Review, 4 March.\n"
        "Lee, K. (2020a) “Courts in transition”, Steppe Review, 9 May.\n\n"
        "You may also like\n\n"
        "Ten years of border talks\n\n"
        "Copyright © 2021 Steppe Review. All rights reserved."
    )
    kinds = [p.kind for p in segment("g.txt", text)[0]]
    assert kinds == [
        HEADING,
        BODY,
        FOOTNOTE,
        FOOTNOTE,
        FOOTNOTE,
        BOILERPLATE,
        BOILERPLATE,
        BOILERPLATE,
    ]


def test_sidebar_ends_when_the_article_resumes() -> None:
    text = (
        "Officials met in the capital on Monday to discuss the border closure.\n\n"
        "Related stories\n\n"
        "Border talks stall again\n\n"
        "The talks will resume next week, when both delegations return with new proposals "
        "from their governments. Observers expect little progress before the election.\n\n"
        "Another paragraph of the article follows here. It is body text."
    )
    kinds = [p.kind for p in segment("s.txt", text)[0]]
    assert kinds == [BODY, BOILERPLATE, BOILERPLATE, BODY, BODY]
