"""Plain UI state and decisions: what the screens know and choose, apart from drawing it.

Nothing here imports textual, `tui.widgets` or `tui.screens` (tests/test_layering.py checks
it), so every module is unit-tested without Pilot.
"""
