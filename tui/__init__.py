"""Briefing: a terminal reader for news briefings.

The package is split in two, and the split is the architecture:

* :mod:`tui.model` -- documents, entities, extraction, the cross-briefing index,
  navigation history and saved state. Plain Python; never imports Textual.
* :mod:`tui.ui` -- the Textual app that renders the model and turns keys into
  model operations.
"""

__version__ = "0.1.0"
