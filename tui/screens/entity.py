"""The entity view: who or what it is, where it is mentioned, what it is related to."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Static
from textual.worker import Worker, get_current_worker

from store.storage.db import Store
from tui.model.catalog import Catalog, date_label
from tui.model.controls import visible
from tui.model.entity_view import EntityView, MentionInContext, load_entity_view
from tui.screens.curation import CurationFlow
from tui.screens.detail import DetailScreen
from tui.widgets.entity_list import curation_bindings
from tui.widgets.plain_list import PlainList
from tui.worker_errors import notify_failure


class EntityScreen(DetailScreen):
    """Enter on a mention opens the reader there; on a related entity, that entity's view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="dossier.entity.back"),
        Binding(
            "y",
            "copy",
            "Copy quote",
            tooltip="Copy the highlighted mention's sentence",
            id="dossier.entity.copy",
        ),
        Binding(
            "Y", "copy_citation", "Copy citation", show=False, id="dossier.entity.copy_citation"
        ),
        *curation_bindings("dossier.entity"),
    ]

    class Ready(Message):
        def __init__(self, view: EntityView) -> None:
            super().__init__()
            self.view = view

    def __init__(self, store: Store, catalog: Catalog, entity_id: str) -> None:
        super().__init__(store, catalog)
        self.entity_id = entity_id
        self.view: EntityView | None = None

    def action_curate(self, verb: str) -> None:
        """The entity list's curation keys, on this entity; the main screen rebuilds after."""
        from tui.screens.main import MainScreen

        main = self.app.screen_stack[0]
        if not isinstance(main, MainScreen) or main.model.catalog is None:
            return
        entity = self.catalog.by_entity.get(self.entity_id)

        def done(what: str) -> None:
            self.dismiss(None)  # the view of an entity that may be gone
            main.curated(what)

        CurationFlow(
            self, main.corpus_dir, self.store.path, main.model.catalog.entities, done
        ).start(verb, entity)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="entity-box"):
            yield Static("", id="entity-head")
            yield Static("", id="entity-description")
            yield Static("", id="entity-counts")
            yield Static(Content.styled("Mentions", "bold $accent"), classes="section")
            yield PlainList(id="entity-mentions")
            yield Static(Content.styled("Related", "bold $accent"), classes="section")
            yield PlainList(id="entity-related")
            yield Static(Content.styled("Events", "bold $accent"), classes="section")
            yield PlainList(id="entity-events")
        yield Footer()

    def on_mount(self) -> None:
        entity = self.catalog.by_entity.get(self.entity_id)
        box = self.query_one("#entity-box")
        box.border_title = Content(visible(entity.name) if entity else self.entity_id)
        box.border_subtitle = "Loading…"
        self.load_view()

    @work(
        thread=True,
        exclusive=True,
        group="entity-details",
        exit_on_error=False,
        description="read the entity",
    )
    def load_view(self) -> None:
        view = load_entity_view(self.store, self.catalog, self.entity_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Ready(view))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        notify_failure(self, event.worker)

    def on_entity_screen_ready(self, message: Ready) -> None:
        view = self.view = message.view
        entity = view.entity
        aliases = [a for a in entity.aliases if a != entity.name]
        self.query_one("#entity-head", Static).update(
            Content.assemble(
                (visible(entity.name), "bold"),
                "  ",
                (entity.type, "$text-muted"),
                ("  (discovered in the text)" if entity.discovered else "", "$text-muted"),
                "\n",
                (
                    "also: " + ", ".join(visible(a) for a in aliases)
                    if aliases
                    else "no other names",
                    "italic",
                ),
            )
        )
        self.query_one("#entity-description", Static).update(
            Content(visible(entity.description) or "No description.")
        )
        self.query_one("#entity-counts", Static).update(
            Content(
                "\n".join(
                    f"{count:>4}  {visible(self.catalog.source_title(file))}"
                    for file, count in view.per_source
                )
                or "Not mentioned in any source."
            )
        )
        self.query_one("#entity-mentions", PlainList).show(
            [
                (str(i), _context(m.before, m.surface, m.after, self.catalog.source_title(m.file)))
                for i, m in enumerate(view.mentions)
            ],
            empty="no mentions",
        )
        self.query_one("#entity-related", PlainList).show(
            [
                (
                    other.id,
                    Content.assemble(
                        visible(other.name),
                        (f"  {other.type} · {shared} shared sentences", "$text-muted"),
                    ),
                )
                for other, shared in view.related
            ],
            empty="nothing else is mentioned with it",
        )
        self.query_one("#entity-events", PlainList).show(
            [
                (
                    e.id,
                    Content.assemble((date_label(e), "bold"), "  ", visible(e.summary or e.quote)),
                )
                for e in view.events
            ],
            empty="no dated events",
        )
        self.query_one("#entity-box").border_subtitle = f"{len(view.mentions)} mentions"
        self.query_one("#entity-mentions", PlainList).focus()

    @on(PlainList.Chosen, "#entity-mentions")
    def read_mention(self, message: PlainList.Chosen) -> None:
        if self.view is not None:
            m = self.view.mentions[int(message.key)]
            self.dismiss((m.file, m.start, m.end))

    @on(PlainList.Chosen, "#entity-related")
    def open_related(self, message: PlainList.Chosen) -> None:
        if message.key in self.catalog.by_entity:
            self.app.push_screen(
                EntityScreen(self.store, self.catalog, message.key), callback=self.pass_jump_on
            )

    @on(PlainList.Chosen, "#entity-events")
    def open_event(self, message: PlainList.Chosen) -> None:
        from tui.screens.event import EventScreen

        event = self.catalog.by_event.get(message.key)
        if event is not None:
            self.app.push_screen(
                EventScreen(self.store, self.catalog, event), callback=self.pass_jump_on
            )

    def _highlighted_mention(self) -> MentionInContext | None:
        mentions = self.query_one("#entity-mentions", PlainList)
        if self.view is None or mentions.highlighted_id is None:
            return None
        return self.view.mentions[int(mentions.highlighted_id)]

    def action_copy(self) -> None:
        m = self._highlighted_mention()
        if m is None or not self.copy_quote(m.sentence, m.file, m.start):
            self.notify("Highlight a mention to quote it.", severity="warning", markup=False)

    def action_copy_citation(self) -> None:
        m = self._highlighted_mention()
        if m is not None:
            self.copy_citation(m.file, m.start)


def _context(before: str, surface: str, after: str, title: str) -> Content:
    return Content.assemble(
        (visible(title), "$text-muted"),
        "\n",
        "…" + visible(before),
        (visible(surface), "bold reverse"),
        visible(after) + "…",
    )
