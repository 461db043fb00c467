"""The Textual reader: renders the model and turns keys into model operations."""
