"""The chronology's timeline strip as plain state: buckets of events per decade, year or month,
a cursor on one bucket, and the three text lines the strip draws (no Textual here).

The strip spans the corpus's dated events from the first to the last bucket, empty buckets
included, so gaps show as gaps. Each bucket is drawn as a block character whose height says
how many events it holds; a bucket holding a cluster (an event reported by several sources)
is marked under it. The cursor moves between buckets that hold events (an empty bucket has
nothing to show in the list) and names the first event of its bucket, which the list then
highlights; when the list moves, `follow` puts the cursor on that event's bucket. Zooming
keeps the cursor on the bucket of the same event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ZOOMS = ("decade", "year", "month")
BLOCKS = "▁▂▃▄▅▆▇█"
EMPTY = "·"
CURSOR = "▲"
CLUSTER = "◆"
_MONTHS = "JFMAMJJASOND"


@dataclass(frozen=True, slots=True)
class Dated:
    """One chronology row as the strip sees it: its event id, first day, and whether it is a
    cluster of reports from several sources."""

    event_id: str
    day: str  # YYYY-MM-DD
    cluster: bool = False


@dataclass(slots=True)
class Bucket:
    """One cell of the strip: a decade, year or month, the events in it, in list order."""

    key: int  # decade number (199), year (1994) or month index (year * 12 + month - 1)
    events: list[str] = field(default_factory=list)
    clusters: int = 0


@dataclass(frozen=True, slots=True)
class StripLines:
    """What the strip draws, each line exactly `width` cells, and where the cursor sits."""

    bars: str
    marks: str
    labels: str
    cursor_at: int | None  # cell of the cursor in the lines, None when nothing is dated
    cell: int  # cells per bucket


def _key(day: str, zoom: str) -> int:
    y, m = int(day[:4]), int(day[5:7])
    if zoom == "decade":
        return y // 10
    if zoom == "year":
        return y
    return y * 12 + m - 1


def bucket_label(key: int, zoom: str) -> str:
    """ "1990s", "1994", "1994-06": what a bucket is called in the caption."""
    if zoom == "decade":
        return f"{key * 10}s"
    if zoom == "year":
        return str(key)
    return f"{key // 12}-{key % 12 + 1:02d}"


class Timeline:
    """Buckets, cursor and zoom of the strip over the rows the chronology shows."""

    def __init__(self, rows: list[Dated] | None = None, zoom: str = "year") -> None:
        if zoom not in ZOOMS:
            raise ValueError(f"zoom {zoom!r} is not one of {ZOOMS}")
        self.zoom = zoom
        self.rows: list[Dated] = []
        self.buckets: list[Bucket] = []
        self.cursor: int | None = None
        self.set_rows(rows or [])

    # -- state ------------------------------------------------------------------------------
    def set_rows(self, rows: list[Dated]) -> None:
        """New rows (a rebuild or a filter): the cursor stays on its event when it is kept."""
        current = self.current_event()
        self.rows = [r for r in rows if _valid(r.day)]
        self._rebucket()
        if current is None or not self.follow(current):
            self.cursor = self._first_filled()

    def _rebucket(self) -> None:
        if not self.rows:
            self.buckets = []
            return
        keys = [_key(r.day, self.zoom) for r in self.rows]
        lo, hi = min(keys), max(keys)
        self.buckets = [Bucket(k) for k in range(lo, hi + 1)]
        for row, k in zip(self.rows, keys, strict=True):
            bucket = self.buckets[k - lo]
            bucket.events.append(row.event_id)
            bucket.clusters += row.cluster

    def _first_filled(self) -> int | None:
        return next((i for i, b in enumerate(self.buckets) if b.events), None)

    def current_event(self) -> str | None:
        """The first event of the cursor's bucket: the one the list should highlight."""
        if self.cursor is None or not self.buckets:
            return None
        events = self.buckets[self.cursor].events
        return events[0] if events else None

    def current(self) -> Bucket | None:
        return None if self.cursor is None else self.buckets[self.cursor]

    # -- moves ------------------------------------------------------------------------------
    def step(self, n: int) -> str | None:
        """Move the cursor `n` filled buckets right (left when negative); stops at the ends.
        Returns the event the list should move to, None when the cursor did not move."""
        if self.cursor is None:
            return None
        i, moved = self.cursor, False
        direction = 1 if n > 0 else -1
        for _ in range(abs(n)):
            j = i + direction
            while 0 <= j < len(self.buckets) and not self.buckets[j].events:
                j += direction
            if not 0 <= j < len(self.buckets):
                break
            i, moved = j, True
        self.cursor = i
        return self.current_event() if moved else None

    def follow(self, event_id: str) -> bool:
        """Put the cursor on the bucket holding `event_id` (the list moved); False if absent."""
        for i, bucket in enumerate(self.buckets):
            if event_id in bucket.events:
                self.cursor = i
                return True
        return False

    def set_zoom(self, zoom: str) -> None:
        """Change the bucket size; the cursor stays with the event it was on."""
        if zoom not in ZOOMS:
            raise ValueError(f"zoom {zoom!r} is not one of {ZOOMS}")
        current = self.current_event()
        self.zoom = zoom
        self._rebucket()
        if current is None or not self.follow(current):
            self.cursor = self._first_filled()

    def zoom_in(self) -> bool:
        """decade -> year -> month; False at month already."""
        i = ZOOMS.index(self.zoom)
        if i == len(ZOOMS) - 1:
            return False
        self.set_zoom(ZOOMS[i + 1])
        return True

    def zoom_out(self) -> bool:
        """month -> year -> decade; False at decade already."""
        i = ZOOMS.index(self.zoom)
        if i == 0:
            return False
        self.set_zoom(ZOOMS[i - 1])
        return True

    # -- drawing ----------------------------------------------------------------------------
    def caption(self) -> str:
        """ "1994 · 12 events · 2 clusters · zoom year", or why there is nothing to draw."""
        bucket = self.current()
        if bucket is None:
            return "no dated events"
        n = len(bucket.events)
        parts = [bucket_label(bucket.key, self.zoom), f"{n} event{'s' if n != 1 else ''}"]
        if bucket.clusters:
            parts.append(f"{bucket.clusters} cluster{'s' if bucket.clusters != 1 else ''}")
        parts.append(f"zoom {self.zoom}")
        return " · ".join(parts)

    def lines(self, width: int) -> StripLines:
        """The bars, cluster/cursor marks and axis labels at `width` cells. When the buckets do
        not fit, the strip shows the window of them around the cursor."""
        width = max(1, width)
        if not self.buckets:
            blank = " " * width
            return StripLines(blank, blank, blank, None, 1)
        n = len(self.buckets)
        cell = max(1, min(6, width // n))
        visible = max(1, width // cell)
        first = 0
        if n > visible and self.cursor is not None:
            first = min(max(0, self.cursor - visible // 2), n - visible)
        shown = self.buckets[first : first + visible]
        most = max(len(b.events) for b in self.buckets)
        bars, marks = [], []
        for i, bucket in enumerate(shown, start=first):
            count = len(bucket.events)
            if count:
                level = max(1, round(len(BLOCKS) * count / most))
                bars.append(BLOCKS[level - 1] * cell)
            else:
                bars.append(EMPTY.ljust(cell))
            mark = CURSOR if i == self.cursor else CLUSTER if bucket.clusters else " "
            marks.append(mark.ljust(cell))
        labels = self._labels(shown, cell)
        cursor_at = None if self.cursor is None else (self.cursor - first) * cell
        if cursor_at is not None and not 0 <= cursor_at < visible * cell:
            cursor_at = None
        return StripLines(
            "".join(bars).ljust(width)[:width],
            "".join(marks).ljust(width)[:width],
            labels.ljust(width)[:width],
            cursor_at,
            cell,
        )

    def _labels(self, shown: list[Bucket], cell: int) -> str:
        """Axis labels where they fit: each decade or year (every few when crowded), the year
        at each January in month zoom and month initials when there is room."""
        out = [" "] * (len(shown) * cell)
        free = 0  # first cell a new label may use
        for i, bucket in enumerate(shown):
            at = i * cell
            if at < free:
                continue
            if self.zoom == "month":
                month = bucket.key % 12
                text = str(bucket.key // 12) if month == 0 or i == 0 else ""
                if not text and cell >= 2:
                    text = _MONTHS[month]
            else:
                text = bucket_label(bucket.key, self.zoom)
            if not text or at + len(text) > len(out):
                continue
            out[at : at + len(text)] = text
            free = at + len(text) + 1
        return "".join(out)


def _valid(day: str) -> bool:
    return len(day) >= 7 and day[:4].isdigit() and day[5:7].isdigit()
