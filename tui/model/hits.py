"""Where the user is in a search: the results and the current one, across documents."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.model.results import ResultItem


@dataclass(slots=True)
class HitCursor:
    """The results of the last query and which one `n`/`N` reached; the "3/17" counter."""

    query: str = ""
    items: list[ResultItem] = field(default_factory=list)
    total: int = 0
    index: int = -1

    def step(self, delta: int) -> ResultItem | None:
        if not self.items:
            return None
        self.index = (
            (self.index + delta) % len(self.items)
            if self.index >= 0
            else (0 if delta > 0 else len(self.items) - 1)
        )
        return self.items[self.index]

    def go(self, index: int) -> ResultItem:
        self.index = index
        return self.items[index]

    @property
    def current(self) -> ResultItem | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    @property
    def counter(self) -> str:
        if not self.items:
            return ""
        shown = f"{self.index + 1 if self.index >= 0 else '–'}/{len(self.items)}"
        return shown if self.total <= len(self.items) else f"{shown} (of {self.total})"

    def ranges_in(self, file: str) -> list[tuple[int, int]]:
        """Every matched range of every result in `file`."""
        return [r for item in self.items if item.hit.file == file for r in item.hit.highlights]
