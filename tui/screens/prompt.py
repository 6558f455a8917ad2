"""A one-line prompt (tags, a saved search's name) with completion from known words."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static


class ListSuggester(Suggester):
    """Completes the last comma-separated part of the input from `words` (most used first)."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.words = words

    async def get_suggestion(self, value: str) -> str | None:
        _head, _comma, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        lead = value[: len(value) - len(typed)]
        for word in self.words:
            if word.casefold().startswith(typed.casefold()) and word != typed:
                return lead + word
        return None


class Prompt(ModalScreen[str | None]):
    """Dismisses with what was typed (Enter), or None (Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "Cancel", tooltip="Close without saving", id="dossier.prompt.cancel"
        ),
    ]

    def __init__(self, title: str, placeholder: str, words: list[str], value: str = "") -> None:
        super().__init__()
        self.title_text, self.placeholder, self.words, self.value = title, placeholder, words, value

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(Content(self.title_text).stylize("bold"), id="prompt-title")
            yield Input(
                self.value,
                placeholder=self.placeholder,
                id="prompt-input",
                suggester=ListSuggester(self.words),
            )
            known = ", ".join(self.words[:12])
            hint = f"known: {known}" if known else "Enter saves · Esc cancels"
            yield Static(Content(hint), id="prompt-help")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
