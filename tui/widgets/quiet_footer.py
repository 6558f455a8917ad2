"""The footer, recomposed only when the keys it shows change.

Textual's Footer rebuilds all its keys (mounting a widget per key) whenever the screen's
bindings are updated, which is every focus change: moving between panes paid for a new footer
that looked exactly like the old one. This one compares what it would show first.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, str], ...]


class QuietFooter(Footer):
    _shown: Shown | None = None

    def shown(self, screen: Screen[object]) -> Shown:
        """(key, action, description, enabled, tooltip) of every key the footer would show."""
        return tuple(
            (b.key, b.action, b.description, enabled, tooltip or "")
            for key, (_node, b, enabled, tooltip) in screen.active_bindings.items()
            if b.show or key == self.app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            super().bindings_changed(screen)
            return
        shown = self.shown(screen)
        if shown == self._shown:
            return  # the same keys: nothing to rebuild
        self._shown = shown
        super().bindings_changed(screen)
