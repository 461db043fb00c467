"""Evaluation of the extractor against gold annotations (``briefing eval``)."""
