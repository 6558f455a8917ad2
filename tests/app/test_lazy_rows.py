"""Long lists come in pages: only the rows laid out are built, and every row stays reachable."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App, ComposeResult
from textual.widgets.option_list import Option

from tui.widgets.keyed_list import KeyedList, LazyRows

COUNT = 2000


class LongList(KeyedList):
    def __init__(self) -> None:
        super().__init__(id="long")
        self.built: list[int] = []

    def rows(self, width: int) -> Sequence[Option]:
        def build(i: int) -> Option:
            self.built.append(i)
            return Option(f"row {i}", id=f"row-{i}")

        return LazyRows([f"row-{i}" for i in range(COUNT)], build)


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield LongList()

    def on_mount(self) -> None:
        self.query_one(LongList).redraw()


def test_lazy_rows_build_on_demand_and_find_ids_without_building() -> None:
    built: list[int] = []
    rows = LazyRows(["a", "b", "c"], lambda i: (built.append(i), Option(str(i), id="abc"[i]))[1])
    assert len(rows) == 3 and rows.index_of("c") == 2 and rows.index_of("z") is None
    assert built == []
    assert rows[-1].id == "c" and [o.id for o in rows[0:2]] == ["a", "b"]
    assert rows[2] is rows[2] and sorted(set(built)) == [0, 1, 2]  # each built once


async def test_a_long_list_lays_out_a_page_and_the_rest_on_the_way() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        listing = app.query_one(LongList)
        assert listing.option_count == KeyedList.PAGE
        assert len(set(listing.built)) <= KeyedList.PAGE + 1  # the others never built
        await pilot.press("G")  # the last row: laid out on the way
        await pilot.pause()
        assert listing.option_count == COUNT and listing.highlighted_id == f"row-{COUNT - 1}"
        listing.redraw(keep="row-1200")  # a redraw keeps a row far down highlighted
        await pilot.pause()
        assert listing.highlighted_id == "row-1200"
        assert listing.option_count < COUNT
        assert listing.reveal("row-1999") == 1999 and listing.option_count == COUNT
