"""`?`: every key of every screen, read from the bindings themselves so it cannot drift."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.keys import key_to_character
from textual.screen import ModalScreen
from textual.widgets import Static

# Keys the bindings cannot describe: what Textual and the lists provide themselves.
EXTRA: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "Everywhere",
        "",
        [
            ("ctrl+p", "Palette: open: <title>, entity: <alias>, date: <year>, themes"),
            ("ctrl+p", "Palette: search: <saved>, recent: <query>, citation: <style>, notes"),
            ("tab / shift+tab", "Next / previous pane (tabs on a narrow terminal)"),
            ("↑ ↓ j k", "Move in a list, scroll the reader"),
            ("g / G", "First / last item; top / bottom of the document"),
            ("enter", "Open: the reader at a hit, the entity or event view"),
            ("esc", "Back: close the query line, the view, the filter"),
        ],
    ),
    (
        "Search line",
        "",
        [
            ("enter", "Run the query (the language of `dossier search`)"),
            ("↑ ↓", "Walk the history of queries (app and command line), newest first"),
            ("esc", "Close it"),
        ],
    ),
    (
        "Entity filter",
        "",
        [
            ("type", "Keep entities whose name or alias contains the text"),
            ("↓ ↑", "Move in the list below"),
        ],
    ),
    (
        "Timeline strip (above the chronology; a click focuses it)",
        "",
        [
            ("← → h l", "Previous / next decade, year or month with events; the list follows"),
            ("+ / -", "Zoom in / out: decade, year, month"),
        ],
    ),
    (
        "Notes pane",
        "",
        [
            ("type", "Keep notes whose quote, text, tags or source contain the words"),
            ("enter", "Open the reader at the note's passage, highlighted"),
            ("f (chronology)", "Only starred events; the palette filters by a tag"),
        ],
    ),
]


_NAMED = {"space": "space", "escape": "esc", "tab": "tab", "enter": "enter", "slash": "/"}


def key_name(key: str) -> str:
    """A binding's keys as typed: `right_square_bracket` -> `]`, `slash` -> `/`, `escape` ->
    `esc`; keys with modifiers (`ctrl+p`, `shift+tab`) keep their names."""
    names = []
    for k in (part.strip() for part in key.split(",")):
        char = None if k in _NAMED else key_to_character(k)
        names.append(_NAMED.get(k) or (char if char and char.isprintable() else k))
    return ", ".join(names)


def binding_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(key, what it does)]) for every Dossier binding."""
    from tui.app import DossierApp
    from tui.screens.entity import EntityScreen
    from tui.screens.event import EventScreen
    from tui.screens.main import MainScreen
    from tui.screens.note_editor import NoteEditor
    from tui.screens.writing import WritingScreen
    from tui.widgets.entity_list import EntityList
    from tui.widgets.reader import Reader

    sections: list[tuple[str, list[BindingType]]] = [
        ("Main screen", MainScreen.BINDINGS),
        ("Writing: stars, notes, tags, exports", WritingScreen.BINDINGS),
        ("Note editor", NoteEditor.BINDINGS),
        ("Reader", Reader.BINDINGS),
        ("Entity list (also in the entity view)", EntityList.BINDINGS),
        ("Entity view", EntityScreen.BINDINGS),
        ("Event view", EventScreen.BINDINGS),
        ("App", DossierApp.BINDINGS),
    ]
    out = []
    for title, bindings in sections:
        rows = []
        for b in bindings:
            if isinstance(b, Binding):
                what = b.tooltip or b.description
                rows.append((key_name(b.key), what))
        out.append((title, rows))
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="dossier.help.close"),
    ]

    def compose(self) -> ComposeResult:
        parts: list[Content] = [Content.styled("Dossier keys", "bold"), Content("")]
        sections = [(t, rows) for t, rows in binding_rows()]
        sections += [(t, rows) for t, _, rows in EXTRA]
        for title, rows in sections:
            parts.append(Content.styled(title, "bold $accent"))
            for key, what in rows:
                parts.append(Content.assemble((f"  {key:<17} ", "bold"), what))
            parts.append(Content(""))
        parts.append(Content("Mouse works too. Esc or ? closes this screen.").stylize("dim"))
        with VerticalScroll(id="help-box"):
            yield Static(Content("\n").join(parts), id="help-text")
