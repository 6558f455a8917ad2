"""The reader's cursor over a document: a word, the sentence holding it, and in visual mode
the range from where the selection began. Pure state over the text and its sentence spans, so
every move and every offset is unit-tested without Pilot.

`span()` is what `y` quotes and what a note or bookmark anchors to: in visual mode, from the
first selected word's first character to the last one's last, exactly as in the text (so
`text[start:end]` is the quote); otherwise the sentence under the cursor. A "sentence" longer
than `SENTENCE_MAX` (a reference list, a table the segmenter could not split) gives way to
the line holding the cursor, so a quote is never a whole list.
"""

from __future__ import annotations

import re
from bisect import bisect_right

WORD = re.compile(r"\w+(?:[’'.\-]\w+)*")  # "don't", "U.S", "pro-Russian" are one word each
SENTENCE_MAX = 600
_BACK = 400  # how far back a previous word is looked for (one word is never that long)

Span = tuple[int, int]


class TextCursor:
    """Where the reader's cursor is (`cursor`: a word's start) and, in visual mode, where the
    selection began (`anchor`: the first word's start)."""

    def __init__(self, text: str, sentences: list[Span]) -> None:
        self.text = text
        self.sentences = sorted(sentences)
        self._starts = [s for s, _ in self.sentences]
        self.cursor = 0
        self.anchor: int | None = None
        self.by_sentence = False  # the last move was by sentence: a selection takes it whole
        self.place(0)

    # -- words and sentences ------------------------------------------------------------------
    def word_at(self, offset: int) -> Span:
        """The word holding `offset`, else the next one, else the last one (or an empty span
        at the end of a text without words)."""
        for m in WORD.finditer(self.text, max(0, offset - _BACK)):
            if m.end() > offset:
                return m.span()  # holding `offset`, or the first one after it
        last = self._last_word_before(len(self.text))
        return last if last is not None else (len(self.text), len(self.text))

    def _last_word_before(self, offset: int) -> Span | None:
        found = None
        lo = offset
        while found is None and lo > 0:
            lo = max(0, lo - _BACK)
            for m in WORD.finditer(self.text, lo, offset):
                if m.end() <= offset:
                    found = m.span()
        return found

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence holding `offset` (None between sentences, or without any)."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return None

    def line_at(self, offset: int) -> Span:
        """The text line holding `offset`, without its surrounding spaces."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        end = len(self.text) if end == -1 else end
        return _trimmed(self.text, (start, end))

    # -- moves --------------------------------------------------------------------------------
    def place(self, offset: int) -> None:
        """Put the cursor on the word at `offset` (the reader scrolled, jumped or opened)."""
        self.by_sentence = False
        self.cursor = self.word_at(max(0, min(offset, len(self.text))))[0]

    def move_word(self, step: int) -> None:
        """`step` words on (negative: back); stops at the first and the last word."""
        self.by_sentence = False
        for _ in range(abs(step)):
            if step > 0:
                end = self.word_at(self.cursor)[1]
                m = WORD.search(self.text, end)
                if m is None:
                    return
                self.cursor = m.start()
            else:
                before = self._last_word_before(self.cursor)
                if before is None:
                    return
                self.cursor = before[0]

    def move_sentence(self, step: int) -> None:
        """To the first word of the next (or, backwards, the current then the previous)
        sentence; without sentences, by lines."""
        self.by_sentence = True
        if not self.sentences:
            line = self.line_at(self.cursor)
            target = (
                self.text.find("\n", line[1]) + 1
                if step > 0
                else self.text.rfind("\n", 0, max(0, line[0] - 1)) + 1
            )
            if step > 0 and target == 0:
                return
            self.place(target)
            return
        i = bisect_right(self._starts, self.cursor) - 1
        if step > 0:
            j = i + 1
        else:
            inside = i >= 0 and self.word_at(self.sentences[i][0])[0] < self.cursor
            j = i if inside else i - 1
        if 0 <= j < len(self.sentences):
            self.cursor = self.word_at(self.sentences[j][0])[0]

    # -- visual mode --------------------------------------------------------------------------
    @property
    def visual(self) -> bool:
        return self.anchor is not None

    def toggle_visual(self) -> None:
        """`v`: start a selection at the cursor's word, or end it (nothing selected)."""
        self.anchor = None if self.anchor is not None else self.cursor

    def cancel(self) -> bool:
        """Esc: drop the selection; False when there was none (Esc then means "back")."""
        had = self.anchor is not None
        self.anchor = None
        return had

    def span(self) -> Span:
        """What `y` quotes: the selection, else the sentence under the cursor (else its line)."""
        word = self.word_at(self.cursor)
        if self.anchor is not None:
            first = self.word_at(self.anchor)
            if self.by_sentence and self.cursor >= first[0]:  # `v )`: through its sentence
                word = self._unit_at(self.cursor)
            return min(first[0], word[0]), max(first[1], word[1])
        sentence = self.sentence_at(self.cursor)
        if sentence is not None and sentence[1] - sentence[0] <= SENTENCE_MAX:
            return _trimmed(self.text, sentence)
        line = self.line_at(self.cursor)
        if sentence is not None and line[1] - line[0] >= sentence[1] - sentence[0]:
            return _trimmed(self.text, sentence)
        return line

    def _unit_at(self, offset: int) -> Span:
        sentence = self.sentence_at(offset)
        if sentence is not None and sentence[1] - sentence[0] <= SENTENCE_MAX:
            return _trimmed(self.text, sentence)
        return self.line_at(offset)

    def word(self) -> Span:
        return self.word_at(self.cursor)


def _trimmed(text: str, span: Span) -> Span:
    """`span` without the spaces and line breaks at its ends."""
    start, end = span
    chunk = text[start:end]
    if not chunk.strip():
        return start, start
    return start + (len(chunk) - len(chunk.lstrip())), start + len(chunk.rstrip())
