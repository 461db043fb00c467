"""Scoring predicted people, places and quotes against gold annotations.

The rules are those of the extraction-quality issue, spelt out here because
every figure in the README depends on them:

* **Entities** are scored at entity level, micro-averaged over texts. A gold
  entity is *found* when any predicted name or alias of the same kind has the
  same :func:`name_key` as any of its names. A predicted entity is *correct*
  when it matches some gold entity; one that matches nothing is a false
  positive, unless it matches the gold file's ``ignore`` list (facilities,
  names inside other names), in which case it counts neither way. Two
  predicted entities that match the same gold entity are both correct (the
  split is reported as a duplicate, not a false positive).
* **Names** compare with case, accents, dots, possessives, a leading "the",
  leading honorifics or titles (Mr, Sir, Lord, Gov., Dr, President...) and
  trailing post-nominals (KC, MP, Jr...) ignored.
* **Quotes** compare by words (:func:`quote_tokens`): a gold quote is found by
  a predicted quote when their multiset word overlap, divided by the longer of
  the two, is at least :data:`QUOTE_MATCH` (0.6), or when the gold words
  appear contiguously inside a predicted quote at most twice as long (a quote
  that swallowed "he said" still counts; a whole paragraph does not).
  Recall is gold quotes found; precision is predicted quotes that find a gold
  quote (``ignore_quotes`` count neither way).
* **Speakers** are checked on the quotes found, against the best-matching
  predicted quote: right when the predicted speaker (or any alias of the
  predicted person of that name) matches any name of the gold speaker; a
  ``null`` gold speaker (anonymous, an organisation) is right only when the
  prediction is ``null`` too.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

from tui.eval.gold import Annotation, NamedEntity, QuoteRecord

QUOTE_MATCH = 0.6
"""Least word overlap (over the longer text) for a predicted quote to find a gold one."""

HONORIFICS = frozenset(
    """
    mr mrs ms miss mx dr sir dame lord lady baron baroness prof professor gov governor sen senator rep
    representative gen general col colonel maj major capt captain lt lieutenant sgt sergeant cpl
    corporal adm admiral rev reverend fr father pres president chancellor judge justice hon honourable
    honorable
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
"""Leading words dropped from a name before comparing ("Sir Keir Starmer" = "Keir Starmer")."""

POST_NOMINALS = frozenset({"kc", "qc", "mp", "mep", "obe", "mbe", "cbe", "jr", "sr", "phd", "md", "esq"})
"""Trailing letters dropped from a name before comparing ("Nadia Fairweather KC" = "Nadia Fairweather")."""

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th"}
)
"""Latin letters that NFKD leaves alone but readers treat as accented forms ("Suwałki" = "Suwalki")."""
_POSSESSIVE = re.compile(r"'s?$|(?<=s)'$")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def fold(text: str) -> str:
    """Lower-case text with accents removed and apostrophes made straight."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return plain.translate(_UNDECOMPOSED)


def name_key(name: str) -> str:
    """The comparison form of a name: "Gov. Ana O'Neil's" and "ana o'neil" give the same key."""
    text = _POSSESSIVE.sub("", fold(name).strip())
    text = text.replace(".", "")
    words = [word for word in re.split(r"[\W_]+", text.replace("'", "")) if word]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in POST_NOMINALS:
        words = words[:-1]
    return " ".join(words)


def entity_keys(entity: NamedEntity) -> set[str]:
    """The name keys of every form of an entity (empty keys dropped)."""
    return {key for key in (name_key(name) for name in entity.names) if key}


def quote_tokens(text: str) -> list[str]:
    """The words of a quote, folded: marks, punctuation and case do not matter."""
    return _WORD.findall(fold(text))


def quote_similarity(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """How well a predicted quote's words cover a gold quote's (0 to 1; see the module rules)."""
    if not gold or not predicted:
        return 0.0
    if len(predicted) <= 2 * len(gold) and _contains(predicted, gold):
        return 1.0
    common = sum((Counter(gold) & Counter(predicted)).values())
    return common / max(len(gold), len(predicted))


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    size = len(shorter)
    return any(list(longer[i : i + size]) == list(shorter) for i in range(len(longer) - size + 1))


def ratio(numerator: int, denominator: int) -> float | None:
    """A share, or None when there is nothing to divide by (shown as a dash)."""
    return numerator / denominator if denominator else None


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean of precision and recall (None when either is undefined)."""
    if precision is None or recall is None:
        return None
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass(slots=True)
class EntityScore:
    """Counts for one kind of entity; add them up across texts for micro-averaged totals.

    ``kind_right``/``kind_checked`` compare the place kind of found places;
    ``role_right``/``role_checked`` whether a found person with a gold role got
    a predicted role sharing a word with it. Both are diagnostics, not targets.
    """

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    ignored: int = 0
    duplicates: int = 0
    kind_checked: int = 0
    kind_right: int = 0
    role_checked: int = 0
    role_right: int = 0
    missed: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        """Predicted entities that match a gold one."""
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float | None:
        """Gold entities that some prediction matched."""
        return ratio(self.found, self.gold)

    @property
    def f1(self) -> float | None:
        """F1 of :attr:`precision` and :attr:`recall`."""
        return f1(self.precision, self.recall)

    @property
    def kind_accuracy(self) -> float | None:
        """Found places whose place kind agrees with gold (a diagnostic)."""
        return ratio(self.kind_right, self.kind_checked)

    @property
    def role_accuracy(self) -> float | None:
        """Found people with a gold role whose predicted role shares a word with it (a diagnostic)."""
        return ratio(self.role_right, self.role_checked)

    def add(self, other: EntityScore) -> None:
        """Accumulate another text's counts (lists are concatenated)."""
        _accumulate(self, other)


def _accumulate(score: EntityScore | QuoteScore, other: EntityScore | QuoteScore) -> None:
    """Add ``other``'s counts to ``score`` and extend its lists: every field is one or the other."""
    for item in fields(score):
        mine = getattr(score, item.name)
        if isinstance(mine, list):
            mine.extend(getattr(other, item.name))
        else:
            setattr(score, item.name, mine + getattr(other, item.name))


@dataclass(slots=True)
class QuoteScore:
    """Counts for quotes and their speakers; add them up across texts for totals."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    ignored: int = 0
    speaker_right: int = 0
    missed: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_speakers: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        """Gold quotes that some predicted quote found."""
        return ratio(self.found, self.gold)

    @property
    def precision(self) -> float | None:
        """Predicted quotes that found a gold quote."""
        return ratio(self.correct, self.predicted)

    @property
    def speaker_accuracy(self) -> float | None:
        """Of the gold quotes found, those whose best match names the right speaker."""
        return ratio(self.speaker_right, self.found)

    def add(self, other: QuoteScore) -> None:
        """Accumulate another text's counts (lists are concatenated)."""
        _accumulate(self, other)


@dataclass(slots=True)
class TextScore:
    """The three scores of one text (or, summed, of a whole run)."""

    people: EntityScore = field(default_factory=EntityScore)
    places: EntityScore = field(default_factory=EntityScore)
    quotes: QuoteScore = field(default_factory=QuoteScore)

    def add(self, other: TextScore) -> None:
        """Accumulate another text's scores."""
        self.people.add(other.people)
        self.places.add(other.places)
        self.quotes.add(other.quotes)


def score_text(predicted: Annotation, gold: Annotation) -> TextScore:
    """Score one text's predictions against its gold annotation."""
    ignore = {key for key in (name_key(name) for name in gold.ignore) if key}
    return TextScore(
        people=score_entities(predicted.people, gold.people, ignore, places=False),
        places=score_entities(predicted.places, gold.places, ignore, places=True),
        quotes=score_quotes(predicted, gold),
    )


def total(scores: Iterable[TextScore]) -> TextScore:
    """Micro-averaged totals: the sum of every text's counts."""
    result = TextScore()
    for score in scores:
        result.add(score)
    return result


def score_entities(
    predicted: Sequence[NamedEntity], gold: Sequence[NamedEntity], ignore: set[str], *, places: bool
) -> EntityScore:
    """Score one kind of entity (see the module rules)."""
    score = EntityScore(gold=len(gold))
    gold_keys = [entity_keys(entity) for entity in gold]
    matched_by: dict[int, list[NamedEntity]] = {}
    for entity in predicted:
        keys = entity_keys(entity)
        hits = [index for index, known in enumerate(gold_keys) if keys & known]
        if not hits:
            if keys & ignore:
                score.ignored += 1
            else:
                score.predicted += 1
                score.false_positives.append(entity.name)
            continue
        score.predicted += 1
        score.correct += 1
        for index in hits:
            matched_by.setdefault(index, []).append(entity)
    for index, entity in enumerate(gold):
        matches = matched_by.get(index)
        if not matches:
            score.missed.append(entity.name)
            continue
        score.found += 1
        score.duplicates += len(matches) - 1
        if places and entity.kind:
            score.kind_checked += 1
            score.kind_right += any(match.kind == entity.kind for match in matches)
        if not places and entity.role:
            score.role_checked += 1
            score.role_right += any(_roles_agree(entity.role, match.role) for match in matches)
    return score


_ROLE_STOPWORDS = frozenset(
    {"a", "an", "the", "of", "for", "and", "in", "on", "at", "to", "s", "its", "his", "her"}
)


def _roles_agree(gold: str, predicted: str | None) -> bool:
    """A predicted role agrees when it shares a content word with the gold role."""
    if not predicted:
        return False
    return bool((set(quote_tokens(gold)) & set(quote_tokens(predicted))) - _ROLE_STOPWORDS)


def score_quotes(predicted: Annotation, gold: Annotation) -> QuoteScore:
    """Score quotes and the speakers of those found (see the module rules)."""
    score = QuoteScore(gold=len(gold.quotes))
    gold_tokens = [quote_tokens(quote.text) for quote in gold.quotes]
    ignore_tokens = [quote_tokens(text) for text in gold.ignore_quotes]
    best: dict[int, tuple[float, QuoteRecord]] = {}
    for quote in predicted.quotes:
        tokens = quote_tokens(quote.text)
        similarities = [quote_similarity(known, tokens) for known in gold_tokens]
        hits = [index for index, value in enumerate(similarities) if value >= QUOTE_MATCH]
        if not hits:
            if any(quote_similarity(known, tokens) >= QUOTE_MATCH for known in ignore_tokens):
                score.ignored += 1
            else:
                score.predicted += 1
                score.false_positives.append(quote.text)
            continue
        score.predicted += 1
        score.correct += 1
        for index in hits:
            if index not in best or similarities[index] > best[index][0]:
                best[index] = (similarities[index], quote)
    people = {person.name: person for person in gold.people}
    predicted_people = {person.name: person for person in predicted.people}
    for index, quote in enumerate(gold.quotes):
        if index not in best:
            score.missed.append(quote.text)
            continue
        score.found += 1
        match = best[index][1]
        if _speaker_right(quote.speaker, match.speaker, people, predicted_people):
            score.speaker_right += 1
        else:
            score.wrong_speakers.append((quote.text, quote.speaker, match.speaker))
    return score


def _speaker_right(
    expected: str | None,
    got: str | None,
    people: dict[str, NamedEntity],
    predicted_people: dict[str, NamedEntity],
) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    person = people.get(expected, NamedEntity(expected))
    got_keys = {name_key(got)}
    if got in predicted_people:
        got_keys |= entity_keys(predicted_people[got])
    return bool(entity_keys(person) & got_keys)
