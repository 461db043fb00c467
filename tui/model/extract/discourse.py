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
from collections.abc import Sequence
from dataclasses import dataclass

from tui.model.entities import Entity, Mention
from tui.model.extract.gender import person_gender, title_gender
from tui.model.extract.lexicon import (
    ORG_SPEAKER_NOUNS,
    ORG_WORDS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
)
from tui.model.extract.quotes import sentence_start, sentence_starts
from tui.model.extract.roles import (
    description_matches,
    is_role_word,
    not_org_noun,
    person_noun,
    role_signature,
)
from tui.model.extract.speech_shapes import (
    ASKED_BY,
    BARE_LEAD,
    CLAUSE_TAIL_NP,
    FRONTED,
    GAP_OK,
    HEAD_PART,
    LEAD_NP,
    LEAD_PREPOSITIONS,
    LEAD_SUBJECTS,
    NOT_A_VERB,
    OPENING_DESCRIPTION,
    opening_pronouns,
    speech_verbs,
)


@dataclass(slots=True)
class Attribution:
    """A speaker found for some text: person id (or None for organisations and anonymous sources)."""

    speaker: str | None
    found: bool  # whether any attribution pattern matched at all
    anonymous: bool = False  # an unnamed person ("a refuse collector"): "he" may refer to them next


ANONYMOUS = ""
"""The subject id of an unnamed person: a later "he" or "she" refers to nobody we can name."""


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
        # Where each person is named, in reading order, for last_seen (a scan back through every
        # mention per speech verb was quadratic: a 1 MB paragraph took minutes).
        self._spots: dict[str, list[tuple[int, int]]] = {}
        for flat in sorted(self.by_block):
            for mention in self.by_block[flat]:
                self._spots.setdefault(mention.entity_id, []).append((flat, mention.location.start))
        self.quoted = quoted
        self._genders: dict[str, str] = {}
        self.subjects: list[tuple[int, int, str]] = []  # (block, position, person id), in reading order
        for block, text in enumerate(texts):
            self._read(block, text)

    def _read(self, block: int, text: str) -> None:
        """Collect this block's subjects in order: openers, speech subjects, resolved pronouns."""
        events: list[tuple[int, int, str]] = []  # (position, kind, detail)
        for mention in self.by_block.get(block, []):
            if self._opens_sentence(block, mention):
                events.append((mention.location.start, 0, mention.entity_id))
        for verb in speech_verbs(text):
            if not NOT_A_VERB.search(text, max(0, verb - 12), verb):
                events.append((verb, 1, ""))
        for at, pronoun in opening_pronouns(text):
            events.append((at, 2, pronoun))
        for start in sentence_starts(text):
            opening = OPENING_DESCRIPTION.match(text, start)
            if opening is not None:
                phrase = _role_phrase(opening.group("words").split())
                if phrase:  # "the jury president smiled": up to the first role word
                    events.append((opening.start("the"), 3, f"{opening.group('the')} {phrase}"))
        ranges = self.quoted.get(block, ())
        for pos, kind, detail in sorted(events):
            if any(a <= pos < b for a, b in ranges):
                continue  # words inside a quotation are not the story's subjects
            person: str | None = detail if kind == 0 else None
            if kind == 1:
                person = self.person_before(block, pos)
                if person is None:
                    found = self.subject_description(block, pos, guess=False)
                    person = ANONYMOUS if found.anonymous else found.speaker
            elif kind == 2:
                person = self.referent(detail, block, pos)
            elif kind == 3:  # "The Chancellor defended the timetable.": whoever holds that role
                described = self.describe(detail, block, pos, guess=False)
                person = described.speaker
                if person is None and person_noun(detail.split()[-1]):
                    person = ANONYMOUS  # a role-holder we cannot name: "she" next is not someone earlier
            if person is not None:
                self.subjects.append((block, pos, person))

    def remember(self, person: str, block: int, pos: int) -> None:
        """A quote's speaker becomes the current subject at its position."""
        bisect.insort(self.subjects, (block, pos, person))

    def gender(self, person: str) -> str:
        """``m``, ``f`` or ``b`` (unknown or both): honorifics, stated role, then the first name."""
        known = self._genders.get(person)
        if known is None:
            known = self._genders[person] = self._gender(person)
        return known

    def _gender(self, person: str) -> str:
        titles = (
            title_gender(self.texts[block], mention.location.start)
            for block, mentions in self.by_block.items()
            for mention in mentions
            if mention.entity_id == person
        )
        return person_gender(self.people.get(person), titles)

    def mention_after(self, block: int, pos: int) -> int:
        """Index of the first masked-in person mention at or after ``pos`` in ``block``."""
        return bisect.bisect_left(self.starts.get(block, []), pos)

    def person_before(self, block: int, verb: int) -> str | None:
        """The person named as the subject right before a speech verb, if the gap allows it.

        The sentence's opening name wins over names inside its appositives ("X, the former
        director of the Tate, who …, said"); otherwise the name nearest the verb.
        """
        text = self.texts[block]
        start = sentence_start(text, verb)
        mentions = self.by_block.get(block, [])
        starts = self.starts.get(block, [])
        # Only the mentions that start in [start, verb), found by bisection (mentions are in order).
        window = mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, verb)]
        before = [m for m in window if m.location.end <= verb]
        if not before:
            return None
        first = before[0]
        if (
            len(before) > 1
            and BARE_LEAD.match(text[start : first.location.start])
            and GAP_OK.match(text[first.location.end : verb])
        ):
            return first.entity_id
        if GAP_OK.match(text[before[-1].location.end : verb]):
            return before[-1].entity_id
        return None

    def pronoun(self, pronoun: str, block: int, pos: int) -> str | None:
        """The person a pronoun refers to, or None (nobody fits, or an unnamed person does)."""
        found = self.referent(pronoun, block, pos)
        return None if found == ANONYMOUS else found

    def referent(self, pronoun: str, block: int, pos: int) -> str | None:
        """The latest subject before ``pos`` whose gender fits (maybe :data:`ANONYMOUS`), else the last named.

        An unnamed subject fits any pronoun: "a refuse collector … he said" is nobody we can name.
        """
        wanted = "f" if pronoun in PRONOUNS_FEMALE else "m"
        gendered = pronoun in PRONOUNS_MALE | PRONOUNS_FEMALE

        def fits(person: str) -> bool:
            return person == ANONYMOUS or not gendered or self.gender(person) in (wanted, "b")

        index = bisect.bisect_left(self.subjects, (block, pos, ""))
        for h_block, h_pos, person in reversed(self.subjects[:index]):
            if block - h_block > 3:
                break
            if fits(person):
                if gendered and (person == ANONYMOUS or self.gender(person) == "b"):
                    # gender unknown: a person of the right gender named since is the likelier referent
                    return self._named_since(wanted, h_block, h_pos, block, pos) or person
                return person
        for b in range(block, max(-1, block - 3), -1):
            for mention in reversed(self.by_block.get(b, [])):
                at = mention.location.start
                if ASKED_BY.search(self.texts[b], max(0, at - 20), at):
                    continue  # the one asking is not the one answering
                if (b < block or mention.location.start < pos) and fits(mention.entity_id):
                    return mention.entity_id
        return None

    def _named_since(self, gender: str, block: int, pos: int, end_block: int, end: int) -> str | None:
        """The last person of ``gender`` named after (block, pos) and before (end_block, end)."""
        for b in range(end_block, block - 1, -1):
            for mention in reversed(self.by_block.get(b, [])):
                where = (b, mention.location.start)
                if (block, pos) < where < (end_block, end) and self.gender(mention.entity_id) == gender:
                    return mention.entity_id
        return None

    def _opens_sentence(self, block: int, mention: Mention) -> bool:
        """Whether a mention is its sentence's subject: first person, short lead, not a fronted phrase."""
        text = self.texts[block]
        start = sentence_start(text, mention.location.start)
        lead = text[start : mention.location.start].split()
        if len(lead) > 8 or speech_verbs(" ".join(lead)):
            return False
        if lead and lead[0].lower() in LEAD_PREPOSITIONS and "," not in " ".join(lead):
            return False  # "Like Quayle, she said …"
        if lead and (lead[0] in LEAD_SUBJECTS or ASKED_BY.search(text, start, mention.location.start)):
            return False  # "She met X at the station", "Asked by X whether …, he said": X is no subject
        if FRONTED.match(text, mention.location.end):
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
            if s_block == block and s_pos < pos and person != ANONYMOUS:
                return person
        return None

    def previous_sentence_subject(self, block: int, pos: int) -> tuple[int, str] | None:
        """The latest subject (position, id) of the sentence before the one at ``pos``, same block."""
        text = self.texts[block]
        start = sentence_start(text, pos)
        if start == 0:
            return None
        before = sentence_start(text, start - 1)
        index = bisect.bisect_left(self.subjects, (block, start, ""))
        if index and self.subjects[index - 1][0] == block and self.subjects[index - 1][1] >= before:
            _, where, person = self.subjects[index - 1]
            return (where, person) if person != ANONYMOUS else None
        return None

    def subject_description(self, block: int, verb: int, *, guess: bool = True) -> Attribution:
        """A description as the subject of the verb at ``verb``.

        Right before it ("the minister said") or opening the sentence with a clause between
        ("one investor, who asked not to be named, said").
        """
        text = self.texts[block]
        start = sentence_start(text, verb)
        tail = CLAUSE_TAIL_NP.search(text, start, verb)
        if tail is None or tail.end() != verb:
            tail = LEAD_NP.match(text[start:verb])
        if tail is None:
            return Attribution(None, False)
        return self.describe(tail.group("np"), block, verb, guess=guess)

    def last_seen(self, person: str, block: int, pos: int) -> tuple[int, int] | None:
        """Where ``person`` was last named before ``pos`` (outside quotations)."""
        spots = self._spots.get(person, [])
        index = bisect.bisect_left(spots, (block, pos))
        return spots[index - 1] if index else None

    def describe(self, phrase: str, block: int, pos: int, *, guess: bool = True) -> Attribution:
        """A description as speaker: a matching role gives the person; organisations and others give None.

        Of the people whose stated role fits best, the one named most recently; two named in
        the same sentence are ambiguous and give None. An indefinite description ("a refuse
        collector", "one early investor") is an unnamed person. With ``guess``, a description
        that names a country ("the Ukrainian president") and matches no stated role goes to
        the last person named whose role does not contradict it.
        """
        words = HEAD_PART.split(phrase, maxsplit=1)[0].split()
        determiner = words[0].lower() if words else ""
        if determiner in _INDEFINITE:  # "one Labour whip": a person unless an organisation's noun
            unnamed = person_noun(words[-1]) or (determiner in ("one", "another") and not_org_noun(words[-1]))
            return Attribution(None, True, anonymous=unnamed)
        if not words or any(w.strip("’'s") in ORG_WORDS for w in words if w[:1].isupper()):
            return Attribution(None, True)
        scored = [
            (description_matches(phrase, entity.role), person)
            for person, entity in self.people.items()
            if entity.role
        ]
        best = max((score for score, _ in scored), default=0)
        if best:
            person = self._most_recent([p for score, p in scored if score == best], block, pos)
            if person is not None and self._unnamed_since(person, block, pos):
                return Attribution(None, True, anonymous=True)  # "one backbencher … the MP said"
            return Attribution(person, True)
        if words[-1].lower() in ORG_SPEAKER_NOUNS:
            return Attribution(None, True)
        if determiner in _POSSESSIVE_PRONOUNS:
            return Attribution(None, True, anonymous=True)  # "his counsel", "her daughter": unnamed here
        if not guess or role_signature(phrase)[0] is None or not description_matches(phrase, phrase):
            return Attribution(None, True)  # "the airline", "the diplomat": no person
        for b in range(block, max(-1, block - 2), -1):
            for mention in reversed(self.by_block.get(b, [])):
                role = self.people[mention.entity_id].role
                if (b < block or mention.location.start < pos) and (
                    role is None or description_matches(phrase, role)
                ):
                    return Attribution(mention.entity_id, True)
        return Attribution(None, True)

    def _unnamed_since(self, person: str, block: int, pos: int) -> bool:
        """Whether an unnamed person became the subject here after ``person`` was last named elsewhere."""
        seen = self.last_seen(person, block, pos)
        if seen is not None and seen[0] >= block - 1:
            return False
        index = bisect.bisect_left(self.subjects, (block, pos, ""))
        for s_block, s_pos, subject in reversed(self.subjects[max(0, index - 4) : index]):
            if s_block < block - 1 or (seen is not None and (s_block, s_pos) < seen):
                return False
            if subject == ANONYMOUS:
                return True
        return False

    def _most_recent(self, candidates: list[str], block: int, pos: int) -> str | None:
        """The candidate named last before ``pos``; None when the last two share a sentence."""
        if len(candidates) == 1:
            return candidates[0]
        seen = sorted(
            ((where, person) for person in candidates if (where := self.last_seen(person, block, pos))),
            reverse=True,
        )
        if not seen:
            return None
        if len(seen) > 1:
            (b1, p1), (b2, p2) = seen[0][0], seen[1][0]
            text = self.texts[b1]
            if b1 == b2 and sentence_start(text, p1) == sentence_start(text, p2):
                return None
        return seen[0][1]


_INDEFINITE = frozenset(("a", "an", "one", "another", "some"))
_POSSESSIVE_PRONOUNS = frozenset(("his", "her", "their", "its", "our", "my"))
def _role_phrase(words: list[str]) -> str | None:
    """The words up to and including the first role word ("jury president"), if there is one."""
    for index, word in enumerate(words):
        if is_role_word(word):
            return " ".join(words[: index + 1])
    return None
