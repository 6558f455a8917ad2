"""Curation in the app: the choose / ask / confirm dialogs and the flow that runs an edit.

One key in the entity list or the entity view starts a `CurationFlow`: a choice where the edit
needs one (`ChooseScreen`: the entity to merge with, the alias to split off, the type;
`AskScreen`: the new name), then `ConfirmScreen` (y / Enter to go ahead, n / Esc to leave
it). The edit runs in a thread worker (store/entities/curate.py writes entities.yaml with its
comments kept); then the host rebuilds and reloads, and the counts change on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.corpus import CATALOGUE_NAME
from store.entities.curate import Curator
from store.models import Entity
from tui.model.controls import visible
from tui.model.curation import Request, apply, choices, confirm_text, prompt


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "yes", "Yes", tooltip="Make the edit", id="dossier.confirm.yes"),
        Binding("n,escape", "no", "No", tooltip="Leave it as it is", id="dossier.confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(Content(visible(self.question)), id="confirm-question")
            yield Static(Content.styled("y / Enter: yes    n / Esc: no", "dim"))

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)


class ChooseScreen(ModalScreen[str | None]):
    """Pick one of `options` ((value, label)); typing filters them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dossier.choose.cancel"),
    ]

    def __init__(self, title: str, options: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.options = title, options

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-box", classes="dialog"):
            yield Static(Content(visible(self.title_text)))
            yield Input(placeholder="filter…", id="choose-filter")
            yield OptionList(id="choose-list")

    def on_mount(self) -> None:
        self.fill("")

    def fill(self, needle: str) -> None:
        listing = self.query_one(OptionList)
        listing.clear_options()
        needle = needle.casefold()
        listing.add_options(
            [
                Option(Content(visible(label)), id=value)
                for value, label in self.options
                if needle in label.casefold()
            ]
        )
        if listing.option_count:
            listing.highlighted = 0

    @on(Input.Changed, "#choose-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.fill(event.value)

    @on(Input.Submitted, "#choose-filter")
    def _take_highlighted(self, event: Input.Submitted) -> None:
        listing = self.query_one(OptionList)
        if listing.highlighted is not None:
            self.dismiss(listing.get_option_at_index(listing.highlighted).id)

    @on(OptionList.OptionSelected, "#choose-list")
    def _take(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if key in ("down", "up") and self.query_one(Input).has_focus:
            listing = self.query_one(OptionList)
            listing.action_cursor_down() if key == "down" else listing.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


class AskScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dossier.ask.cancel"),
    ]

    def __init__(self, question: str, value: str) -> None:
        super().__init__()
        self.question, self.value = question, value

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-box", classes="dialog"):
            yield Static(Content(visible(self.question)))
            yield Input(value=self.value, id="ask-input")

    @on(Input.Submitted, "#ask-input")
    def _answer(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CurationFlow:
    """One edit from key to reload, for the screen that `host`s it.

    `entities` are the store's entities (for the merge choice), `done(what)` runs on the UI
    thread after the edit was written (the host rebuilds and reloads there)."""

    def __init__(
        self,
        host: Screen[Any],
        corpus_dir: Path | None,
        store_path: Path,
        entities: list[Entity],
        done: Callable[[str], None],
    ) -> None:
        self.host, self.entities, self.done = host, entities, done
        self.curator = (
            Curator(Path(corpus_dir) / CATALOGUE_NAME, store_path) if corpus_dir else None
        )

    def start(self, verb: str, entity: Entity | None) -> None:
        if self.curator is None:
            self.host.notify(
                "Open Dossier on a corpus folder (--corpus) to correct its entities.",
                severity="warning",
                markup=False,
            )
            return
        if verb == "undo":
            history = self.curator.history()
            if not history:
                self.host.notify("Nothing to undo.", markup=False)
                return
            self.confirm(Request("undo", None), history[-1])
            return
        if entity is None:
            return
        options = choices(verb, entity, self.entities)
        if verb in ("merge", "split", "type"):
            if not options:
                self.host.notify(f"{entity.name} has nothing to {verb}.", markup=False)
                return
            self.host.app.push_screen(
                ChooseScreen(prompt(verb, entity), options),
                callback=lambda value: self.chosen(verb, entity, value),
            )
        elif verb == "rename":
            self.host.app.push_screen(
                AskScreen(prompt(verb, entity), entity.name),
                callback=lambda value: self.chosen(verb, entity, value),
            )
        else:
            self.confirm(Request(verb, entity))

    def chosen(self, verb: str, entity: Entity, value: str | None) -> None:
        if value is None:
            return
        other = next((e for e in self.entities if e.id == value), None) if verb == "merge" else None
        self.confirm(Request(verb, entity, value, other))

    def confirm(self, request: Request, undo_what: str = "") -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.host.run_worker(
                    lambda: self.run(request),
                    thread=True,
                    exclusive=True,
                    group="curate",
                    exit_on_error=False,
                    description="correct the entities",
                )

        self.host.app.push_screen(ConfirmScreen(confirm_text(request, undo_what)), answered)

    def run(self, request: Request) -> None:
        """In the worker thread: write entities.yaml, then hand back to the UI thread."""
        assert self.curator is not None
        what = apply(self.curator, request)
        self.host.app.call_from_thread(self.done, what)
