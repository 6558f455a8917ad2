"""A list of ready-made prompts (they may wrap): the lists of the entity and event views."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from tui.widgets.keyed_list import KeyedList


class PlainList(KeyedList):
    @dataclass
    class Chosen(Message):
        """Enter or a click on the item `key` of `plain_list` (a view has several lists)."""

        plain_list: PlainList
        key: str

        @property
        def control(self) -> PlainList:
            return self.plain_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[tuple[str, Content]] = []
        self.empty = "none"

    def choice_message(self, key: str) -> Message:
        return self.Chosen(self, key)

    def show(self, items: list[tuple[str, Content]], empty: str = "none") -> None:
        self.items, self.empty = items, empty
        self.redraw()

    def rows(self, width: int) -> list[Option]:
        if not self.items:
            return [Option(Content.styled(self.empty, "italic $text-muted"), disabled=True)]
        return [Option(prompt, id=key) for key, prompt in self.items]

    def on_resize(self) -> None:
        """Prompts wrap by themselves; nothing to lay out again."""
