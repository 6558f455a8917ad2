"""A small hand-made store for the app's tests: two articles, entities, a cross-source event.

Offsets are found with `str.index` on hand-chosen words, so each test can say exactly which
range must be highlighted. Passages are split on blank lines with hand-set kinds.
"""

from __future__ import annotations

from pathlib import Path

from store.models import Entity, Event, Mention, Passage, Sentence, Source
from store.storage.layout import write_store

DOC_A = """Kazakhstan Bans Islamic State

Kazakhstan has designated the Islamic State as a terrorist organization. The court in Astana ruled on October 15, 2015.

President Nursultan Nazarbayev welcomed the ruling in November 2015.

[1] See the court register of Astana.

Subscribe to our newsletter for more news."""

DOC_B = """Court Rulings in Central Asia

An Astana court ruled in October 2015 that the Islamic State is a terrorist group.

Attacks in Aktobe and Almaty took place in 2011 and 2012, according to Nazarbayev.
"""

KINDS_A = ["heading", "body", "body", "footnote", "boilerplate"]
KINDS_B = ["heading", "body", "body"]


def _passages(file: str, text: str, kinds: list[str]) -> list[Passage]:
    out, pos = [], 0
    for index, block in enumerate(text.split("\n\n")):
        start = text.index(block, pos)
        out.append(Passage(file, index, start, start + len(block.rstrip("\n")), kinds[index]))
        pos = start + len(block)
    return out


def _sentences(file: str, text: str, passages: list[Passage]) -> list[Sentence]:
    out: list[Sentence] = []
    for p in passages:
        chunk = text[p.start : p.end]
        pos = 0
        for part in chunk.replace(". ", ".\0").split("\0"):
            s = p.start + chunk.index(part, pos)
            out.append(Sentence(file, p.index, len(out), s, s + len(part)))
            pos = s - p.start + len(part)
    return out


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the `nth` occurrence of `words` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


ENTITIES = [
    Entity("kazakhstan", "Kazakhstan", "place", ("Kazakhstan", "Republic of Kazakhstan")),
    Entity("astana", "Astana", "place", ("Astana", "Nur-Sultan"), "Capital of Kazakhstan."),
    Entity(
        "isil", "Islamic State", "organisation", ("Islamic State", "IS", "ISIL"), "Jihadist group."
    ),
    Entity(
        "nazarbayev",
        "Nursultan Nazarbayev",
        "person",
        ("Nursultan Nazarbayev", "Nazarbayev"),
        "President of Kazakhstan.",
    ),
    Entity("aktobe", "Aktobe", "place", ("Aktobe",)),
]


def _mentions(file: str, text: str, sentences: list[Sentence]) -> list[Mention]:
    out = []
    for entity in ENTITIES:
        for alias in sorted(set(entity.aliases), key=len, reverse=True):
            pos = 0
            while (i := text.find(alias, pos)) != -1:
                pos = i + len(alias)
                if any(m.start <= i < m.end for m in out) or (
                    alias == "IS" and text[i + 2 : i + 3].isalpha()
                ):
                    continue
                sent = (
                    next(s for s in sentences if s.start <= i < s.end)
                    if any(s.start <= i < s.end for s in sentences)
                    else None
                )
                out.append(
                    Mention(
                        entity.id,
                        file,
                        i,
                        i + len(alias),
                        alias,
                        sent.start if sent else i,
                        sent.end if sent else i + len(alias),
                    )
                )
    return sorted(out, key=lambda m: m.start)


def _event(
    eid: str,
    file: str,
    text: str,
    sentence: str,
    anchor: str,
    date: str,
    precision: str,
    begin: str,
    end: str,
    entities: tuple[str, ...],
    cluster: str,
    summary: str,
) -> Event:
    s, e = span(text, sentence)
    a, b = span(text, anchor)
    return Event(
        eid,
        file,
        date,
        precision,
        begin,
        end,
        None,
        anchor,
        a,
        b,
        s,
        e,
        sentence,
        summary,
        entities,
        cluster,
    )


def events() -> list[Event]:
    return [
        _event(
            "a1",
            "a.txt",
            DOC_A,
            "The court in Astana ruled on October 15, 2015.",
            "October 15, 2015",
            "2015-10-15",
            "day",
            "2015-10-15",
            "2015-10-15",
            ("astana",),
            "c-ruling",
            "Astana court rules IS a terrorist organization",
        ),
        _event(
            "b1",
            "b.txt",
            DOC_B,
            "An Astana court ruled in October 2015 that the Islamic State is a terrorist group.",
            "October 2015",
            "2015-10",
            "month",
            "2015-10-01",
            "2015-10-31",
            ("astana", "isil"),
            "c-ruling",
            "Astana court rules on Islamic State",
        ),
        _event(
            "a2",
            "a.txt",
            DOC_A,
            "President Nursultan Nazarbayev welcomed the ruling in November 2015.",
            "November 2015",
            "2015-11",
            "month",
            "2015-11-01",
            "2015-11-30",
            ("nazarbayev",),
            "c-welcome",
            "Nazarbayev welcomes the ruling",
        ),
        _event(
            "b2",
            "b.txt",
            DOC_B,
            "Attacks in Aktobe and Almaty took place in 2011 and 2012, according to Nazarbayev.",
            "2011 and 2012",
            "2011/2012",
            "year",
            "2011-01-01",
            "2012-12-31",
            ("aktobe", "nazarbayev"),
            "c-attacks",
            "Attacks in Aktobe and Almaty",
        ),
    ]


def write_small_store(path: Path, extra: dict[str, str] | None = None) -> Path:
    """Write the two-article store (plus `extra` {file: text} as one-passage-per-block docs)."""
    docs = [("a.txt", DOC_A, KINDS_A), ("b.txt", DOC_B, KINDS_B)]
    for file, text in (extra or {}).items():
        docs.append((file, text, ["body"] * len(text.split("\n\n"))))
    sources = [
        Source(
            "a",
            "a.txt",
            "Kazakhstan Bans Islamic State",
            "Joanna Lillis",
            "Eurasianet",
            "news",
            "2015-11-03",
            "day",
            "manifest",
        ),
        Source(
            "b",
            "b.txt",
            "Court Rulings in Central Asia",
            "unknown",
            "RFE/RL",
            "analysis",
            "2016-01",
            "month",
            "manifest",
        ),
    ]
    tables: dict[str, list[dict]] = {
        k: [] for k in ("sources", "texts", "passages", "sentences", "mentions")
    }
    for file, text, kinds in docs:
        passages = _passages(file, text, kinds)
        sentences = _sentences(file, text, passages)
        if file not in ("a.txt", "b.txt"):
            title = text.split("\n", 1)[0][:120]  # hostile titles too: they must show literally
            sources.append(Source(file.split(".")[0], file, title, chars=len(text)))
        tables["texts"].append({"file": file, "text": text})
        tables["passages"] += [p.to_row() for p in passages]
        tables["sentences"] += [s.to_row() for s in sentences]
        if file in ("a.txt", "b.txt"):
            tables["mentions"] += [m.to_row() for m in _mentions(file, text, sentences)]
    tables["sources"] = [s.to_row() for s in sources]
    tables["entities"] = [e.to_row() for e in ENTITIES]
    tables["events"] = [e.to_row() for e in events()]
    write_store(path, tables, {"fingerprint": "test-small"})
    return path


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let workers finish and the messages they post land (twice: a handler may start more).

    The corpus watcher runs as long as the app does, so it is not waited for."""
    for _ in range(2):
        running = [w for w in pilot.app.workers if w.group != "watch"]
        if running:  # an empty list would mean every worker, the watcher too
            await pilot.app.workers.wait_for_complete(running)
        await pilot.pause()
