"""``python -m tui`` does what the ``briefing`` command does."""

from tui.cli import main

raise SystemExit(main())
