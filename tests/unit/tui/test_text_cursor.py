"""The reader's cursor: words, sentences, visual selection, and exact offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.model.text_cursor import SENTENCE_MAX, TextCursor

TEXT = (
    "Kazakhstan has designated the Islamic State. The court in Astana ruled on "
    "October 15, 2015.\n\nPresident Nazarbayev welcomed the U.S. ruling's pro-Russian tone."
)


def sentences_of(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for end in [i + 1 for i, c in enumerate(text) if c == "." and text[i + 1 : i + 2] in " \n"]:
        out.append((start, end))
        start = end + 1 if end < len(text) else end
    if start < len(text):
        out.append((start, len(text)))
    return out


def cursor() -> TextCursor:
    return TextCursor(TEXT, sentences_of(TEXT))


def test_words_move_one_at_a_time_and_stop_at_the_ends() -> None:
    c = cursor()
    assert TEXT[slice(*c.word())] == "Kazakhstan"
    c.move_word(+1)
    assert TEXT[slice(*c.word())] == "has"
    c.move_word(-5)
    assert TEXT[slice(*c.word())] == "Kazakhstan"
    c.move_word(+1000)
    assert TEXT[slice(*c.word())] == "tone"


def test_a_word_keeps_its_apostrophes_hyphens_and_abbreviation_dots() -> None:
    c = cursor()
    words = []
    c.place(TEXT.index("U.S."))
    for _ in range(3):
        words.append(TEXT[slice(*c.word())])
        c.move_word(+1)
    assert words == ["U.S", "ruling's", "pro-Russian"]


def test_y_without_a_selection_takes_the_sentence_under_the_cursor() -> None:
    c = cursor()
    c.place(TEXT.index("Astana"))
    assert TEXT[slice(*c.span())] == "The court in Astana ruled on October 15, 2015."


def test_sentences_move_forward_and_back_to_their_first_word() -> None:
    c = cursor()
    c.move_sentence(+1)
    assert TEXT[c.cursor :].startswith("The court")
    c.move_sentence(+1)
    assert TEXT[c.cursor :].startswith("President")
    c.move_word(+2)
    c.move_sentence(-1)  # back to the start of the sentence it is in
    assert TEXT[c.cursor :].startswith("President")
    c.move_sentence(-1)
    assert TEXT[c.cursor :].startswith("The court")


def test_visual_mode_selects_whole_words_either_way_with_exact_offsets() -> None:
    c = cursor()
    c.place(TEXT.index("Islamic"))
    c.toggle_visual()
    c.move_word(+1)
    start, end = c.span()
    assert TEXT[start:end] == "Islamic State"
    assert (start, end) == (TEXT.index("Islamic"), TEXT.index("Islamic") + len("Islamic State"))
    c.move_word(-3)  # past the anchor: the selection runs backwards from it
    assert TEXT[slice(*c.span())] == "designated the Islamic"
    assert c.cancel() and not c.visual
    assert not c.cancel()  # nothing left to cancel: Esc means "back" again
    assert TEXT[slice(*c.span())] == "Kazakhstan has designated the Islamic State."


def test_an_overlong_sentence_gives_way_to_its_line() -> None:
    refs = "\n".join(
        f"[{i}] Author {i}, Some Title {i}, Publisher, 2015, pp. 1-20" for i in range(40)
    )
    c = TextCursor(refs, [(0, len(refs))])  # the segmenter saw one "sentence"
    assert len(refs) > SENTENCE_MAX
    c.place(refs.index("[7]"))
    assert refs[slice(*c.span())] == "[7] Author 7, Some Title 7, Publisher, 2015, pp. 1-20"


def test_without_sentences_lines_stand_in() -> None:
    text = "first line here\nsecond line there\n"
    c = TextCursor(text, [])
    assert text[slice(*c.span())] == "first line here"
    c.move_sentence(+1)
    assert text[slice(*c.span())] == "second line there"
    c.move_sentence(-1)
    assert text[slice(*c.span())] == "first line here"


def test_an_empty_text_has_an_empty_span() -> None:
    c = TextCursor("", [])
    c.move_word(+1)
    c.move_sentence(-1)
    assert c.span() == (0, 0)


@given(st.text(max_size=200), st.lists(st.integers(-3, 3), max_size=20), st.booleans())
def test_any_moves_keep_the_span_inside_the_text(text: str, moves: list[int], visual: bool) -> None:
    c = TextCursor(text, sentences_of(text))
    if visual:
        c.toggle_visual()
    for m in moves:
        c.move_word(m) if m % 2 else c.move_sentence(m)
        start, end = c.span()
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == text[start:end].strip() or not text[start:end].strip()


def test_a_selection_extended_by_sentences_takes_the_last_one_whole() -> None:
    c = cursor()
    c.toggle_visual()
    c.move_sentence(+1)
    assert TEXT[slice(*c.span())] == (
        "Kazakhstan has designated the Islamic State. The court in Astana ruled on "
        "October 15, 2015."
    )
    c.move_word(+1)  # back to words: the selection ends at the cursor's word
    assert TEXT[slice(*c.span())].endswith("The court")
