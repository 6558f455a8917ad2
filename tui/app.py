"""DossierApp: global keys, the palette, the theme, the catalog; the main screen does the rest."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from store.storage.db import Store
from tui.commands import DossierCommands
from tui.model.catalog import Catalog
from tui.screens.main import MainScreen
from tui.widgets.query_box import QueryBox

DEFAULT_THEME = "textual-dark"


class DossierApp(App[None]):
    """A keyboard-driven research browser over one store."""

    CSS_PATH = "app.tcss"
    TITLE = "Dossier"
    COMMANDS = App.COMMANDS | {DossierCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Leave Dossier", id="dossier.quit"),
        Binding(
            "question_mark", "help", "Help", tooltip="Every key, on one screen", id="dossier.help"
        ),
    ]

    def __init__(
        self,
        store_path: Path,
        corpus_dir: Path | None,
        *,
        theme: str | None = None,
        userdata: Path | None = None,
        watch: bool = True,
    ) -> None:
        super().__init__()
        self.store = Store(store_path)
        self.stores: list[Store] = []  # stores the watcher opened since, newest last
        self.corpus_dir = corpus_dir
        self.userdata_path = userdata or default_userdata(store_path, corpus_dir)
        self.watching = watch
        self.catalog: Catalog | None = None  # what the store holds, once the main screen read it
        chosen = theme or os.environ.get("DOSSIER_THEME") or DEFAULT_THEME
        self.theme = chosen if chosen in self.available_themes else DEFAULT_THEME

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.store, self.corpus_dir, self.userdata_path, watch=self.watching)

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    @on(MainScreen.Loaded)
    def keep_catalog(self, message: MainScreen.Loaded) -> None:
        self.catalog = message.catalog

    @on(MainScreen.Rebuilt)
    def keep_rebuilt_store(self, message: MainScreen.Rebuilt) -> None:
        """The watcher rebuilt the store: keep its catalog; the old store closes with the app."""
        self.catalog = message.catalog
        self.stores.append(message.store)

    def back_to_main(self) -> MainScreen:
        """Close every view above the main screen and return it."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        return self.main

    # -- what the palette runs, from any screen -----------------------------------------------
    def action_open_source(self, file: str) -> None:
        self.back_to_main().open_in_reader(file, focus=True)

    def action_open_entity(self, entity_id: str) -> None:
        self.back_to_main().show_entity(entity_id)

    def action_chronology_at(self, year: str) -> None:
        self.back_to_main().show_year(year)

    def action_pane(self, pane: str) -> None:
        self.back_to_main().focus_pane(pane)

    def action_run_query(self, query: str) -> None:
        """Run `query` as if typed on the query line (palette: saved and recent searches)."""
        main = self.back_to_main()
        main.action_search()
        main.query_one("#query", Input).value = query
        main.submit_query(QueryBox.Submitted(query))

    def action_save_search(self) -> None:
        main = self.back_to_main()
        if main.model.search.query:
            main.save_search(main.model.search.query)
        else:
            self.notify("Search first (/), then save the query.", severity="warning", markup=False)

    def action_cite_as(self, style: str) -> None:
        self.back_to_main().use_citation_style(style)

    def action_chronology_only(self, kind: str, key: str) -> None:
        """Palette: the chronology filtered to starred events ("starred") or a tag ("tag")."""
        from tui.model.main import ChronologyFilter

        main = self.back_to_main()
        label = "★ starred" if kind == "starred" else f"#{key}"
        main.model.filter_by = ChronologyFilter(kind, key, label)  # type: ignore[arg-type]
        main.refresh_chronology()
        main.focus_pane("chronology")

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        for store in (self.store, *self.stores):
            store.close()


def default_userdata(store_path: Path, corpus_dir: Path | None) -> Path:
    """The corpus's user-data file; beside the store when the app opens a store alone."""
    from store.storage.locations import default_userdata_path

    if corpus_dir is not None:
        return default_userdata_path(corpus_dir)
    return Path(store_path).with_name(Path(store_path).stem + ".userdata.json")


def make_app(
    store_path: Path,
    corpus_dir: Path | None = None,
    *,
    theme: str | None = None,
    userdata: Path | None = None,
    watch: bool = True,
) -> DossierApp:
    """The app over `store_path`, built from `corpus_dir` first when missing or stale, and
    rebuilt while open when the corpus changes (unless `watch=False`).

    `corpus_dir=None` opens an existing store as it is (tests, read-only copies).
    """
    folder = Path(corpus_dir) if corpus_dir else None
    return DossierApp(Path(store_path), folder, theme=theme, userdata=userdata, watch=watch)
