"""Who said it: attribution of quotes to people.

Patterns, in order: right after the closing mark (`”, X said` / `” said X` /
`”, he added` / `”, the Ukrainian president said`), then the speech verb
before the quote in the same sentence (`X said: “…”`, `X said the talks
were “constructive”`), then the news conventions for quotes without their own
attribution (a second quote after `“…,” X said.` in the same paragraph, or a
paragraph-long quote after `X said:`).

Pronouns go to the subject of the latest attribution (indirect speech
included: "X said …. “…,” he wrote"), filtered by the gender the first-name
lexicon gives, and only then to the last person named. Descriptions ("the
Ukrainian president") go to the person whose stated role matches.
Organisations ("the Kremlin said") and anonymous sources ("one drone
operator") get no speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.model.entities import Entity, EntityKind, Mention
from tui.model.extract.gazetteer import first_names
from tui.model.extract.lexicon import ORG_WORDS, PRONOUNS_FEMALE, PRONOUNS_MALE, SPEECH_VERBS
from tui.model.extract.lexicon import words as word_set
from tui.model.extract.quotes import RawQuote, sentence_start
from tui.model.extract.roles import description_matches

_VERB = r"(?:" + "|".join(sorted(SPEECH_VERBS | {"adding", "according"}, key=len, reverse=True)) + r")"
_VERB_RE = re.compile(rf"\b{_VERB}\b")
_ADVERBIAL = (
    r"(?:\s*(?:,\s*)?(?:on|last|this|late|early|in\s+a|in\s+an|at\s+a|during\s+a)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?"
    r"|\s+(?:also|later|then|previously|once|again|further|simply|separately|earlier|recently|has|had|"
    r"would|will|could|quickly))*"
)
_PRONOUN = re.compile(rf"^\s*[,.!?]?\s*(?P<p>he|she|He|She){_ADVERBIAL}\s+{_VERB}\b")
_VERB_THEN_PRONOUN = re.compile(rf"^\s*[,.!?]?\s*{_VERB}\s+(?P<p>he|she)\b")
_VERB_FIRST = re.compile(rf"^\s*[,.!?—-]?\s*{_VERB}\s+")
_SUBJECT_NP = re.compile(
    rf"^\s*[,.!?]?\s*(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[\w]+[’']s)\s+[^,.;“”\"]{{1,60}}?)"
    rf"(?:,[^,“”\"]{{1,80}},)?{_ADVERBIAL}\s+{_VERB}\b"
)
_NP_AFTER_VERB = re.compile(r"(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[\w]+[’']s)\s+[^,.;:“”\"]{1,60}?)(?=[,.;:]|$)")
_CLAUSE_TAIL_NP = re.compile(
    rf"(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[\w]+[’']s)(?:\s+[\w’'-]+){{1,6}}?){_ADVERBIAL}\s*$"
)
_PRONOUN_TAIL = re.compile(rf"\b(?P<p>he|she|He|She){_ADVERBIAL}\s*$")
_TITLE_GAP = re.compile(r"[\s,.!?—-]*(?:(?:[A-Z][\w’'.-]*|the|of|and|[\w-]+[’']s)\s+){0,6}")
_GAP_OK = re.compile(rf"^(?:[’']s?)?(?:,[^“”\"]{{1,120}}?,)?{_ADVERBIAL}\s*$")


_LEAD_WORDS = word_set(
    """
    but and yet so the former foreign prime minister president chief deputy top senior new also then
    """
)


@dataclass(slots=True)
class Attribution:
    """A speaker found for some text: person id (or None for organisations and anonymous sources)."""

    speaker: str | None
    found: bool  # whether any attribution pattern matched at all


class Speakers:
    """Resolves speakers within one briefing, remembering the subjects of attributions."""

    def __init__(
        self,
        texts: Sequence[str],
        mentions: Sequence[Mention],
        people: dict[str, Entity],
        flat_of: dict[tuple[int, int], int],
    ) -> None:
        self.texts = texts
        self.people = people
        self.by_block: dict[int, list[Mention]] = {}
        for mention in mentions:
            if mention.entity_id in people:
                flat = flat_of[(mention.location.section, mention.location.block)]
                self.by_block.setdefault(flat, []).append(mention)
        self.starts = {b: [m.location.start for m in ms] for b, ms in self.by_block.items()}
        self.history: list[tuple[int, int, str]] = []  # (block, position, person id) of speech subjects
        for block, text in enumerate(texts):
            for verb in _VERB_RE.finditer(text):
                person = self._person_before(block, verb.start())
                if person:
                    self.history.append((block, verb.start(), person))

    def _gender(self, person: str) -> str:
        entity = self.people.get(person)
        if entity is None:
            return "b"
        first = first_names().get(entity.name.split()[0]) if entity.name.split() else None
        return first.gender if first is not None and len(entity.name.split()) > 1 else "b"

    def _mention_at(self, block: int, pos: int) -> Mention | None:
        starts = self.starts.get(block, [])
        index = bisect.bisect_left(starts, pos)
        if index < len(starts) and starts[index] == pos:
            return self.by_block[block][index]
        return None

    def _first_person_after(self, block: int, pos: int) -> Mention | None:
        """The person mention starting at ``pos``, allowing titles and a role before it ("Mayor X")."""
        text = self.texts[block]
        starts = self.starts.get(block, [])
        index = bisect.bisect_left(starts, pos)
        if index < len(starts):
            mention = self.by_block[block][index]
            if _TITLE_GAP.fullmatch(text[pos : mention.location.start]):
                return mention
        return None

    def _person_before(self, block: int, verb: int) -> str | None:
        """The person named as the subject right before a speech verb, if the gap allows it."""
        text = self.texts[block]
        start = sentence_start(text, verb)
        candidates = [
            m for m in self.by_block.get(block, []) if start <= m.location.start and m.location.end <= verb
        ]
        for mention in reversed(candidates):
            gap = text[mention.location.end : verb]
            if _GAP_OK.match(gap):
                return mention.entity_id
            break
        return None

    def pronoun(self, pronoun: str, block: int, pos: int) -> str | None:
        """The latest attribution subject before ``pos`` whose gender fits, else the last person named."""
        wanted = "f" if pronoun in PRONOUNS_FEMALE else "m"
        gendered = pronoun in PRONOUNS_MALE | PRONOUNS_FEMALE

        def fits(person: str) -> bool:
            return not gendered or self._gender(person) in (wanted, "b")

        for h_block, h_pos, person in reversed(self.history):
            if (h_block, h_pos) < (block, pos) and block - h_block <= 3 and fits(person):
                return person
        for b in range(block, max(-1, block - 3), -1):
            for mention in reversed(self.by_block.get(b, [])):
                if (b < block or mention.location.start < pos) and fits(mention.entity_id):
                    return mention.entity_id
        return None

    def describe(self, phrase: str, block: int, pos: int) -> Attribution:
        """A description as speaker: a matching role gives the person; organisations and others give None."""
        words = phrase.split()
        if any(w.strip("’'s") in ORG_WORDS for w in words if w[:1].isupper()):
            return Attribution(None, True)
        best: tuple[int, str] | None = None
        for person, entity in self.people.items():
            score = description_matches(phrase, entity.role) if entity.role else 0
            if score and (best is None or score > best[0]):
                best = (score, person)
        if best is not None:
            return Attribution(best[1], True)
        if not description_matches(phrase, phrase) or words[0].lower() in {"a", "an", "one", "another"}:
            return Attribution(None, True)  # "the airline", "one drone operator": no person
        # "the Ukrainian president" with no stated role to match: the last person named whose
        # role (if any) does not contradict it, in this paragraph or the one before.
        for b in range(block, max(-1, block - 2), -1):
            for mention in reversed(self.by_block.get(b, [])):
                role = self.people[mention.entity_id].role
                if (b < block or mention.location.start < pos) and (
                    role is None or description_matches(phrase, role)
                ):
                    return Attribution(mention.entity_id, True)
        return Attribution(None, True)

    def sentence_subject(self, block: int, pos: int) -> str | None:
        """The person a sentence starts with ("British Prime Minister Sir X congratulated …")."""
        text = self.texts[block]
        start = sentence_start(text, pos)
        for mention in self.by_block.get(block, []):
            if start <= mention.location.start < pos:
                lead = text[start : mention.location.start]
                if (
                    "," not in lead
                    and len(lead.split()) <= 6
                    and all(w[:1].isupper() or w.lower() in _LEAD_WORDS for w in lead.split())
                ):
                    return mention.entity_id
                return None
        return None

    def subject(self, block: int, verb: int) -> Attribution:
        """Who is the subject of the speech verb at ``verb`` (name, pronoun or description)."""
        person = self._person_before(block, verb)
        if person:
            return Attribution(person, True)
        text = self.texts[block]
        clause = text[max(sentence_start(text, verb), 0) : verb]
        pronoun = _PRONOUN_TAIL.search(clause)
        if pronoun and pronoun.end() == len(clause):
            return Attribution(self.pronoun(pronoun.group("p"), block, verb), True)
        tail = _CLAUSE_TAIL_NP.search(clause)
        if tail:
            return self.describe(tail.group("np"), block, verb)
        after = text[verb : verb + 80]
        first = _VERB_FIRST.match(after)
        if first:
            mention = self._mention_at(block, verb + first.end())
            if mention:
                return Attribution(mention.entity_id, True)
        return Attribution(None, False)

    def after_quote(self, block: int, close: int) -> Attribution:
        """Attribution right after the closing mark: `”, X said`, `” said X`, `”, he added`."""
        text = self.texts[block]
        after = text[close + 1 : close + 160]
        mention = self._first_person_after(block, close + 1)
        if mention is not None and not _VERB_FIRST.match(after):
            rest = text[mention.location.end : close + 160]
            if re.match(rf"^(?:[’']s?)?(?:,[^“”\"]{{1,100}}?,)?{_ADVERBIAL}\s+{_VERB}\b", rest):
                return Attribution(mention.entity_id, True)
        pron = _PRONOUN.match(after) or _VERB_THEN_PRONOUN.match(after)
        if pron:
            return Attribution(self.pronoun(pron.group("p"), block, close), True)
        first = _VERB_FIRST.match(after)
        if first:
            mention = self._first_person_after(block, close + 1 + first.end())
            if mention is not None:
                return Attribution(mention.entity_id, True)
            np = _NP_AFTER_VERB.match(after, first.end())
            if np:
                return self.describe(np.group("np"), block, close)
        np_first = _SUBJECT_NP.match(after)
        if np_first:
            return self.describe(np_first.group("np"), block, close)
        return Attribution(None, False)

    def before_quote(self, block: int, open_mark: int) -> Attribution:
        """The last speech verb before the quote in its sentence, and that verb's subject."""
        text = self.texts[block]
        start = sentence_start(text, open_mark)
        verbs = list(_VERB_RE.finditer(text, start, open_mark))
        for verb in reversed(verbs):
            found = self.subject(block, verb.start())
            if found.found:
                return found
        return Attribution(None, False)

    def attribute(self, raw: RawQuote, previous: tuple[RawQuote, str | None] | None) -> str | None:
        """The speaker of a quote, using the quote before it for continuations."""
        first, last = raw.segments[0], raw.segments[-1]
        if last.close_mark >= 0:
            found = self.after_quote(last.block, last.close_mark)
            if found.found:
                return self._remember(found.speaker, last.block, last.close_mark)
        if first.open_mark >= 0:
            found = self.before_quote(first.block, first.open_mark)
            if found.found:
                return self._remember(found.speaker, first.block, first.open_mark)
        if first.open_mark >= 0:
            subject = self.sentence_subject(first.block, first.open_mark)
            if subject is not None:
                return self._remember(subject, first.block, first.open_mark)
        if previous is not None:
            prev_raw, prev_speaker = previous
            prev_block = prev_raw.segments[-1].block
            text = self.texts[first.block]
            at_start = first.open_mark == len(text) - len(text.lstrip())
            if prev_block == first.block or (prev_block == first.block - 1 and at_start):
                return prev_speaker
            before = self.texts[first.block - 1].rstrip() if first.block else ""
            if at_start and before.endswith(":"):
                return self.before_quote(first.block - 1, len(before)).speaker
        return None

    def _remember(self, speaker: str | None, block: int, pos: int) -> str | None:
        if speaker is not None:
            bisect.insort(self.history, (block, pos, speaker))
        return speaker


def people_of(entities: dict[str, Entity]) -> dict[str, Entity]:
    """Only the people, for attribution."""
    return {key: e for key, e in entities.items() if e.kind is EntityKind.PERSON}
