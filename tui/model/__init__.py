"""The reader's model: everything below the screen, with no Textual imports.

Importing this package (or any module in it) must never import Textual; a test
(`tests/model/test_import_hygiene.py`) runs that check in a fresh interpreter.
"""
