"""Plain UI state and decisions: what the screens know and choose, apart from drawing it.

Nothing here imports textual, `tui.widgets` or `tui.screens` (an import-linter contract and
tests/unit/test_layering.py check it; rich, for cell widths, is allowed), so every module is
unit-tested without Pilot.
"""
