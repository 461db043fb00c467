"""Who the text is talking about: sentence subjects, speech subjects, pronouns and descriptions.

Read in order, a news story keeps a current subject: the person a sentence
opens with ("Lady Crane said…", "President X thanked…"), or the subject of a
speech verb ("X, the spokesman, said…"), or whoever "she" already referred
to. A pronoun goes to the latest such subject whose gender fits (from the
first-name lexicon), never to a name merely mentioned in passing ("… said the
minister, John Reed, had been told"), nor to a name inside a quotation.
Descriptions ("the Ukrainian president") go to the person whose stated role
matches.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.model.entities import Entity, Mention
from tui.model.extract.gazetteer import first_names
from tui.model.extract.lexicon import (
    ORG_SPEAKER_NOUNS,
    ORG_WORDS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    SPEECH_VERBS,
)
from tui.model.extract.names import ascii_fold
from tui.model.extract.quotes import sentence_start
from tui.model.extract.roles import description_matches, role_signature

VERB = r"(?:" + "|".join(sorted(SPEECH_VERBS | {"adding", "according"}, key=len, reverse=True)) + r")"
VERB_RE = re.compile(rf"\b{VERB}\b")
ADVERBIAL = (
    r"(?:\s*(?:,\s*)?(?:on|last|this|late|early|in\s+a|in\s+an|at\s+a|during\s+a)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?"
    r"|\s+(?:also|later|then|previously|once|again|further|simply|separately|earlier|recently|has|had|"
    r"would|will|could|quickly))*"
)
CLAUSE_TAIL_NP = re.compile(
    r"(?:^|[,;:—]\s*|\b(?:and|but|while|as)\s+)"
    rf"(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[\w]+[’']s)(?:\s+[\w’'-]+){{0,5}}?\s+(?!(?:and|or|that|who)\b)[\w’'-]+)"
    rf"{ADVERBIAL}\s*$"
)
PRONOUN_TAIL = re.compile(rf"\b(?P<p>he|she|He|She){ADVERBIAL}\s*$")
_GAP_OK = re.compile(rf"^(?:[’']s?)?(?:,[^“”\"]{{1,120}}?,|,)?{ADVERBIAL}\s*$")
_PASSIVE = re.compile(r"\b(?:been|being|was|were|is|are|be)\s+$")
_HEAD_PART = re.compile(r"\s+(?:at|of|in|from|for|with|on|who|which|that)\s+")
_FRONTED = re.compile(r"^[’']?s?\s*,\s*(?:he|she|they|it|the|a|an|his|her|its)\b", re.IGNORECASE)
_LEAD_PREPOSITIONS = frozenset(("like", "unlike", "with", "against", "for", "to", "by", "from", "of", "as"))
_SENTENCE_PRONOUN = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”’\"]\s))(?P<p>He|She)\s")


@dataclass(slots=True)
class Attribution:
    """A speaker found for some text: person id (or None for organisations and anonymous sources)."""

    speaker: str | None
    found: bool  # whether any attribution pattern matched at all


class Discourse:
    """People mentions by block (quotations masked) and the running list of subjects."""

    def __init__(
        self,
        texts: Sequence[str],
        mentions: Sequence[Mention],
        people: dict[str, Entity],
        flat_of: dict[tuple[int, int], int],
        quoted: dict[int, list[tuple[int, int]]],
    ) -> None:
        self.texts = texts
        self.people = people
        self.by_block: dict[int, list[Mention]] = {}
        for mention in mentions:
            if mention.entity_id not in people:
                continue
            flat = flat_of[(mention.location.section, mention.location.block)]
            start = mention.location.start
            if not any(a <= start < b for a, b in quoted.get(flat, ())):
                self.by_block.setdefault(flat, []).append(mention)
        self.starts = {b: [m.location.start for m in ms] for b, ms in self.by_block.items()}
        self.quoted = quoted
        self.subjects: list[tuple[int, int, str]] = []  # (block, position, person id), in reading order
        for block, text in enumerate(texts):
            self._read(block, text)

    def _read(self, block: int, text: str) -> None:
        """Collect this block's subjects in order: openers, speech subjects, resolved pronouns."""
        events: list[tuple[int, int, str]] = []  # (position, kind, detail)
        for mention in self.by_block.get(block, []):
            if self._opens_sentence(block, mention):
                events.append((mention.location.start, 0, mention.entity_id))
        for verb in VERB_RE.finditer(text):
            if not _PASSIVE.search(text, max(0, verb.start() - 12), verb.start()):
                events.append((verb.start(), 1, ""))
        for pronoun in _SENTENCE_PRONOUN.finditer(text):
            events.append((pronoun.start("p"), 2, pronoun.group("p")))
        ranges = self.quoted.get(block, ())
        for pos, kind, detail in sorted(events):
            if any(a <= pos < b for a, b in ranges):
                continue  # words inside a quotation are not the story's subjects
            person: str | None = detail if kind == 0 else None
            if kind == 1:
                person = self.person_before(block, pos)
                if person is None:
                    tail = CLAUSE_TAIL_NP.search(text, sentence_start(text, pos), pos)
                    if tail is not None and tail.end() == pos:
                        person = self.describe(tail.group("np"), block, pos, guess=False).speaker
            elif kind == 2:
                person = self.pronoun(detail, block, pos)
            if person is not None:
                self.subjects.append((block, pos, person))

    def remember(self, person: str, block: int, pos: int) -> None:
        """A quote's speaker becomes the current subject at its position."""
        bisect.insort(self.subjects, (block, pos, person))

    def gender(self, person: str) -> str:
        """``m``, ``f`` or ``b`` (unknown or both), from the person's first name."""
        entity = self.people.get(person)
        if entity is None or len(entity.name.split()) < 2:
            return "b"
        first = entity.name.split()[0]
        found = first_names().get(first) or first_names().get(ascii_fold(first).title())
        return found.gender if found is not None else "b"

    def mention_after(self, block: int, pos: int) -> int:
        """Index of the first masked-in person mention at or after ``pos`` in ``block``."""
        return bisect.bisect_left(self.starts.get(block, []), pos)

    def person_before(self, block: int, verb: int) -> str | None:
        """The person named as the subject right before a speech verb, if the gap allows it."""
        text = self.texts[block]
        start = sentence_start(text, verb)
        mentions = self.by_block.get(block, [])
        before = [m for m in mentions if start <= m.location.start and m.location.end <= verb]
        if before and _GAP_OK.match(text[before[-1].location.end : verb]):
            return before[-1].entity_id
        return None

    def pronoun(self, pronoun: str, block: int, pos: int) -> str | None:
        """The latest subject before ``pos`` whose gender fits, else the last person named."""
        wanted = "f" if pronoun in PRONOUNS_FEMALE else "m"
        gendered = pronoun in PRONOUNS_MALE | PRONOUNS_FEMALE

        def fits(person: str) -> bool:
            return not gendered or self.gender(person) in (wanted, "b")

        index = bisect.bisect_left(self.subjects, (block, pos, ""))
        for h_block, _, person in reversed(self.subjects[:index]):
            if block - h_block > 3:
                break
            if fits(person):
                return person
        for b in range(block, max(-1, block - 3), -1):
            for mention in reversed(self.by_block.get(b, [])):
                if (b < block or mention.location.start < pos) and fits(mention.entity_id):
                    return mention.entity_id
        return None

    def _opens_sentence(self, block: int, mention: Mention) -> bool:
        """Whether a mention is its sentence's subject: first person, short lead, not a fronted phrase."""
        text = self.texts[block]
        start = sentence_start(text, mention.location.start)
        lead = text[start : mention.location.start].split()
        if len(lead) > 8 or VERB_RE.search(" ".join(lead)):
            return False
        if lead and lead[0].lower() in _LEAD_PREPOSITIONS and "," not in " ".join(lead):
            return False  # "Like Quayle, she said …"
        if _FRONTED.match(text, mention.location.end):
            return False
        starts = self.starts.get(block, [])
        index = bisect.bisect_left(starts, start)
        return index < len(starts) and starts[index] == mention.location.start

    def sentence_subject(self, block: int, pos: int) -> str | None:
        """The subject of the sentence containing ``pos``, if it opens with a person."""
        start = sentence_start(self.texts[block], pos)
        index = bisect.bisect_left(self.subjects, (block, start, ""))
        if index < len(self.subjects):
            s_block, s_pos, person = self.subjects[index]
            if s_block == block and s_pos < pos:
                return person
        return None

    def describe(self, phrase: str, block: int, pos: int, *, guess: bool = True) -> Attribution:
        """A description as speaker: a matching role gives the person; organisations and others give None.

        With ``guess``, a description that names a country ("the Ukrainian president") and matches no
        stated role goes to the last person named whose role does not contradict it.
        """
        words = _HEAD_PART.split(phrase, maxsplit=1)[0].split()
        if not words or any(w.strip("’'s") in ORG_WORDS for w in words if w[:1].isupper()):
            return Attribution(None, True)
        if words[-1].lower() in ORG_SPEAKER_NOUNS:
            return Attribution(None, True)
        best: tuple[int, str] | None = None
        for person, entity in self.people.items():
            score = description_matches(phrase, entity.role) if entity.role else 0
            if score and (best is None or score > best[0]):
                best = (score, person)
        if best is not None:
            return Attribution(best[1], True)
        if (
            not guess
            or role_signature(phrase)[0] is None
            or not description_matches(phrase, phrase)
            or words[0].lower() in {"a", "an", "one", "another"}
        ):
            return Attribution(None, True)  # "the airline", "one drone operator", "the diplomat": no person
        for b in range(block, max(-1, block - 2), -1):
            for mention in reversed(self.by_block.get(b, [])):
                role = self.people[mention.entity_id].role
                if (b < block or mention.location.start < pos) and (
                    role is None or description_matches(phrase, role)
                ):
                    return Attribution(mention.entity_id, True)
        return Attribution(None, True)
