"""The event view: the date and how precise it is, the sentence, its cluster, its entities."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from store.models import Event
from store.storage.db import Store
from tui.model.catalog import Catalog, date_label
from tui.model.citation import citation
from tui.model.controls import visible
from tui.screens.detail import DetailScreen
from tui.widgets.plain_list import PlainList


def precision_words(event: Event) -> str:
    span = (
        "" if event.date_begin == event.date_end else f" ({event.date_begin} to {event.date_end})"
    )
    return f"{event.precision} precision{span}"


class EventScreen(DetailScreen):
    """Esc goes back; `r` or Enter on a cluster member opens the reader at that sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="dossier.event.back"),
        Binding(
            "r",
            "read",
            "Read in context",
            tooltip="Open the reader at this sentence",
            id="dossier.event.read",
        ),
        Binding("y", "copy", "Copy quote", id="dossier.event.copy"),
        Binding(
            "Y", "copy_citation", "Copy citation", show=False, id="dossier.event.copy_citation"
        ),
    ]

    def __init__(self, store: Store, catalog: Catalog, event: Event) -> None:
        super().__init__(store, catalog)
        self.event = event

    def compose(self) -> ComposeResult:
        event = self.event
        source = self.catalog.by_file.get(event.file)
        sentence = Content(visible(event.quote))
        rel_a, rel_b = event.anchor_start - event.start, event.anchor_end - event.start
        if 0 <= rel_a < rel_b <= len(event.quote):
            sentence = sentence.stylize("bold underline", rel_a, rel_b)
        header = Content.assemble(
            (date_label(event), "bold"),
            "  ",
            (precision_words(event), "$text-muted"),
            "\n",
            ("dated by ", "$text-muted"),
            (visible(event.anchor_text), "italic"),
        )
        with VerticalScroll(id="event-box"):
            yield Static(header, id="event-date")
            yield Static(sentence, id="event-sentence")
            yield Static(
                Content(citation(source)) if source else Content(event.file), id="event-source"
            )
            yield Static(
                Content.styled("Same event in other sources", "bold $accent"), classes="section"
            )
            yield PlainList(id="event-cluster")
            yield Static(Content.styled("Entities", "bold $accent"), classes="section")
            yield PlainList(id="event-entities")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#event-box").border_title = "Event"
        others = [e for e in self.catalog.cluster_of(self.event) if e.id != self.event.id]
        self.query_one("#event-cluster", PlainList).show(
            [
                (
                    e.id,
                    Content.assemble(
                        (visible(self.catalog.source_title(e.file)), "bold"),
                        f" · {date_label(e)}\n",
                        visible(e.quote),
                    ),
                )
                for e in others
            ],
            empty="only this source reports it",
        )
        entities = [
            self.catalog.by_entity[i] for i in self.event.entities if i in self.catalog.by_entity
        ]
        self.query_one("#event-entities", PlainList).show(
            [
                (e.id, Content.assemble(visible(e.name), (f"  {e.type}", "$text-muted")))
                for e in entities
            ],
            empty="no named entity in this sentence",
        )
        self.query_one("#event-cluster", PlainList).focus()

    @on(PlainList.Chosen, "#event-cluster")
    def read_cluster_member(self, message: PlainList.Chosen) -> None:
        other = self.catalog.by_event.get(message.key)
        if other is not None:
            self.dismiss((other.file, other.start, other.end))

    @on(PlainList.Chosen, "#event-entities")
    def open_entity(self, message: PlainList.Chosen) -> None:
        from tui.screens.entity import EntityScreen

        if message.key in self.catalog.by_entity:
            self.app.push_screen(
                EntityScreen(self.store, self.catalog, message.key), callback=self.pass_jump_on
            )

    def action_read(self) -> None:
        self.dismiss((self.event.file, self.event.start, self.event.end))

    def action_copy(self) -> None:
        self.copy_quote(self.event.quote, self.event.file, self.event.start)

    def action_copy_citation(self) -> None:
        self.copy_citation(self.event.file, self.event.start)
