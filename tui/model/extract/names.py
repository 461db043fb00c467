"""Name normalisation: the keys that fold spelling variants of one person or place together.

(First version; the extraction work refines the folding rules.)
"""

from __future__ import annotations

import re
import unicodedata

from tui.model.entities import EntityKind

_NON_WORD = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """Lower-case ASCII form of a name, accents removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fold_key(name: str) -> str:
    """A key equal for spelling variants of the same name."""
    return _NON_WORD.sub("-", ascii_fold(name)).strip("-")


def entity_id(kind: EntityKind, name: str) -> str:
    """The library-wide id of a person or place with this canonical name."""
    return f"{kind.value}:{fold_key(name)}"
