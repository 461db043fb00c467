"""Name normalisation: the keys that fold spelling variants of one person or place together.

News spells the same person or place several ways: Zelensky / Zelenskyy /
Zelenskiy, Kiev / Kyiv, Kharkov / Kharkiv, Izyum / Izium, Odessa / Odesa. The
variants come from a handful of general transliteration habits, so the fold
key applies those habits instead of listing words:

* accents and apostrophes go (``Kup'yans'k`` -> ``kupyansk``), case folds;
* ``kh`` -> ``h`` (Ukrainian/Russian х), ``x`` -> ``ks``, a ``j`` after a
  consonant -> ``y`` (German/Polish transliteration: Izjum);
* a word-initial ``ye`` -> ``e`` (Yevgeny / Evgeny);
* ``y`` -> ``i`` (Kyiv, Izyum, -sky / -skyy / -skiy);
* a word ending ``-ov`` / ``-ev`` / ``-iev`` after a consonant -> ``-iv``
  (Kharkov / Kharkiv, Kiev / Kyiv, Lvov / Lviv);
* doubled letters collapse (Odessa, Donbass, Zelenskyy);
* a leading ``St`` is ``Saint`` (St Ives / Saint Ives).

Vowels are otherwise kept, so Maria / Mario, Paris / Peru and Jordan / Jordana
stay apart. Places additionally fold through the gazetteer's alternate names
(Lugansk -> Luhansk) in :func:`entity_id`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tui.model.entities import EntityKind

_NON_WORD = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`](?=\w)")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
    }
)
_CONSONANT_J = re.compile(r"(?<=[bcdfghklmnpqrstvwz])j")
_ENDING_V = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])i?[eo]v$")
_DOUBLE = re.compile(r"([a-z])\1+")


def ascii_fold(text: str) -> str:
    """Lower-case ASCII form of a name, accents removed."""
    if text.isascii():  # nothing to translate, decompose or strip: most names, at a fifth of the cost
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def strip_possessive(text: str) -> str:
    """``Zelensky’s`` -> ``Zelensky``; ``Davies’`` -> ``Davies``."""
    return _POSSESSIVE.sub("", text)


def _fold_word(word: str) -> str:
    word = word.replace("kh", "h").replace("x", "ks")
    word = _CONSONANT_J.sub("y", word)
    if word.startswith("ye") and len(word) > 3:
        word = word[1:]
    word = word.replace("y", "i")
    word = _ENDING_V.sub("iv", word)
    return _DOUBLE.sub(r"\1", word)


@lru_cache(maxsize=65536)  # names repeat: every run and alias is folded, often many times
def fold_key(name: str) -> str:
    """A key equal for spelling variants and transliterations of the same name."""
    text = _APOSTROPHES.sub("", ascii_fold(strip_possessive(name.strip())))
    words = [w for w in _NON_WORD.split(text) if w] if text.isascii() else _script_words(text)
    if len(words) > 1 and words[0] == "st":
        words[0] = "saint"  # "St Ives", "St. Ives" and "Saint Ives" are one name
    return "-".join(_fold_word(w) for w in words)


def _script_words(text: str) -> list[str]:
    """Words of letters, digits and their marks in any script (Иван, 習近平, मोदी); the rest separates.

    The ASCII split alone dropped every non-Latin letter, so all Cyrillic, Greek,
    Arabic or Chinese names got the same empty key and merged into one entity.
    """
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if char.isalnum() or unicodedata.category(char).startswith("M"):
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def entity_id(kind: EntityKind, name: str) -> str:
    """The library-wide id of a person or place with this canonical name.

    A place known to the gazetteer under an alternate name (Lugansk) gets the
    id of its main name (Luhansk), so every spelling shares one id.
    """
    key = fold_key(name)
    if kind is EntityKind.PLACE:
        from tui.model.extract.gazetteer import gazetteer  # late: the gazetteer itself uses fold_key

        place = gazetteer().get(key)
        if place is not None:
            key = place.key
    return f"{kind.value}:{key}"
