"""`python -m tui`: the same as the `dossier` command."""

from tui.cli import main

raise SystemExit(main())
