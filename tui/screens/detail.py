"""What the entity and event views share: going back, passing a jump down, copying."""

from __future__ import annotations

from textual.screen import Screen

from store.storage.db import Store
from tui.model.catalog import Catalog
from tui.model.citation import citation, quote

Target = tuple[str, int, int]
"""(file, start, end): where the reader should open when a view is dismissed with it."""


class DetailScreen(Screen[Target | None]):
    """A view pushed over the main screen; views pushed from it hand their jumps down."""

    def __init__(self, store: Store, catalog: Catalog) -> None:
        super().__init__()
        self.store, self.catalog = store, catalog

    def pass_jump_on(self, target: Target | None) -> None:
        """A view opened from this one chose a place to read: close this one too, with it."""
        if target is not None:
            self.dismiss(target)

    def action_back(self) -> None:
        self.dismiss(None)

    def copy_quote(self, text: str, file: str, offset: int | None = None) -> bool:
        """Copy `text` (starting at `offset`) as a Markdown quote citing `file`'s source and
        page; False when it has none."""
        source = self.catalog.by_file.get(file)
        if source is None:
            return False
        copied = quote(text, source, offset)
        self.app.copy_to_clipboard(copied)
        self.notify(copied[:160], title="Copied quote", markup=False)
        return True

    def copy_citation(self, file: str, offset: int | None = None) -> None:
        source = self.catalog.by_file.get(file)
        if source is not None:
            copied = citation(source, offset)
            self.app.copy_to_clipboard(copied)
            self.notify(copied, title="Copied citation", markup=False)
