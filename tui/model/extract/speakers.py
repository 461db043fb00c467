"""Who said it: attribution of quotes to people.

Patterns, in order: right after the closing mark (`”, X said` / `” said X` /
`”, he added` / `”, the Ukrainian president said` / `”, chief executive X
said`), then the speech verb before the quote in the same sentence (`X said:
“…”`, `X said the talks were “constructive”`), then the subject of the
sentence the quote sits in, then the news conventions for quotes without their
own attribution (a second quote after `“…,” X said.` in the same paragraph, or
a paragraph-long quote after `X said:`). Pronouns and descriptions are
resolved by :mod:`tui.model.extract.discourse`. Organisations ("the Kremlin
said") and anonymous sources ("one drone operator") get no speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.model.entities import Entity, EntityKind, Mention
from tui.model.extract.discourse import Attribution, Discourse
from tui.model.extract.lexicon import words
from tui.model.extract.quotes import RawQuote, sentence_end, sentence_start
from tui.model.extract.speech_shapes import ADVERBIAL, PRONOUN_TAIL, VERB, speech_verbs

_PRONOUN = re.compile(rf"^\s*[,.!?]?\s*(?P<p>he|she|He|She){ADVERBIAL}\s+{VERB}\b")
_VERB_THEN_PRONOUN = re.compile(rf"^\s*[,.!?]?\s*{VERB}\s+(?P<p>he|she)\b")
_VERB_FIRST = re.compile(rf"^\s*[,.!?—-]?\s*{VERB}\s+")
_SUBJECT_NP = re.compile(
    rf"^\s*[,.!?]?\s*(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[\w]+[’']s)\s+[^,.;“”\"]{{1,60}}?)"
    rf"(?:,[^,“”\"]{{1,80}},)?{ADVERBIAL}\s+{VERB}\b"
)
_NP_AFTER_VERB = re.compile(r"(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[\w]+[’']s)\s+[^,.;:“”\"]{1,60}?)(?=[,.;:]|$)")
_TITLE_GAP = re.compile(r"[\s,.!?—-]*(?:[\w’'.-]+\s+){0,6}(?:[\w’'.-]+,\s+)?")
"""Between a speech verb and the speaker's name: a title or role, maybe closed by a comma
("said chief executive X", "said Smith’s lawyer, X")."""
_GAP_SENTENCE_END = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
_ENDED_OUTSIDE = re.compile(r"\s*[.!?]")
_SENTENCE_ENDS = frozenset(".!?…")
_LOWER_NEXT = re.compile(r"\s*[a-z]")
_SHORT_ATTRIBUTION = 6
"""Words after a quote that ended its sentence: "Ms Ashby said on Tuesday." is its attribution,
a longer sentence is a new statement whose subject need not be the speaker."""
_AFTER_NAME = re.compile(rf"^(?:[’']s?)?(?:,[^“”\"]{{1,100}}?,)?{ADVERBIAL}\s+{VERB}\b")


class Speakers:
    """Resolves speakers within one briefing, quote by quote, in reading order."""

    def __init__(
        self,
        texts: Sequence[str],
        mentions: Sequence[Mention],
        people: dict[str, Entity],
        flat_of: dict[tuple[int, int], int],
        quoted: dict[int, list[tuple[int, int]]],
    ) -> None:
        self.texts = texts
        self.discourse = Discourse(texts, mentions, people, flat_of, quoted)

    def _first_person_after(self, block: int, pos: int) -> Mention | None:
        """The person mention right after ``pos``, allowing a title or role before it ("Mayor X")."""
        text = self.texts[block]
        mentions = self.discourse.by_block.get(block, [])
        index = self.discourse.mention_after(block, pos)
        while index < len(mentions):
            mention = mentions[index]
            gap = text[pos : mention.location.start]
            if not _TITLE_GAP.fullmatch(gap) or _GAP_SENTENCE_END.search(gap):
                return None  # "said the singer. The promoter, X": the name is in the next sentence
            if not mention.text.endswith(("’", "'", "’s", "'s")):
                return mention
            index += 1  # "said Putin’s spokesman X": the owner is not the speaker
        return None

    def subject(self, block: int, verb: int) -> Attribution:
        """Who is the subject of the speech verb at ``verb`` (name, pronoun or description)."""
        person = self.discourse.person_before(block, verb)
        if person:
            return Attribution(person, True)
        text = self.texts[block]
        clause = text[sentence_start(text, verb) : verb]
        pronoun = PRONOUN_TAIL.search(clause)
        if pronoun and pronoun.end() == len(clause):
            return Attribution(self.discourse.pronoun(pronoun.group("p"), block, verb), True)
        described = self.discourse.subject_description(block, verb)
        if described.found:
            return described
        first = _VERB_FIRST.match(text, verb)
        if first:
            mention = self._first_person_after(block, first.end())
            if mention:
                return Attribution(mention.entity_id, True)
        return Attribution(None, False)

    def after_quote(self, block: int, close: int, open_pos: int) -> Attribution:
        """Attribution right after the closing mark: `”, X said`, `” said X`, `”, he added`."""
        text = self.texts[block]
        after = text[close + 1 : close + 160]
        if _ENDED_OUTSIDE.match(after):
            return Attribution(None, False)  # “…”. She said …: a new sentence with its own subject
        if (
            text[close - 1 : close] in _SENTENCE_ENDS
            and not _LOWER_NEXT.match(after)
            and len(text[close + 1 : sentence_end(text, close + 1)].split()) > _SHORT_ATTRIBUTION
        ):
            return Attribution(None, False)  # “… listening.” Al-Masri said the brine …: not its attribution
        mention = self._first_person_after(block, close + 1)
        if (
            mention is not None
            and not _VERB_FIRST.match(after)
            and _AFTER_NAME.match(text[mention.location.end : close + 160])
        ):
            return Attribution(mention.entity_id, True)
        pron = _PRONOUN.match(after) or _VERB_THEN_PRONOUN.match(after)
        if pron:
            return Attribution(self.discourse.pronoun(pron.group("p"), block, open_pos), True)
        first = _VERB_FIRST.match(after)
        if first:
            mention = self._first_person_after(block, close + 1 + first.end())
            if mention is not None:
                return Attribution(mention.entity_id, True)
            np = _NP_AFTER_VERB.match(after, first.end())
            if np:
                return self.discourse.describe(np.group("np"), block, open_pos)
        np_first = _SUBJECT_NP.match(after)
        if np_first:
            return self.discourse.describe(np_first.group("np"), block, open_pos)
        return Attribution(None, False)

    def before_quote(self, block: int, open_mark: int) -> Attribution:
        """The last speech verb before the quote in its sentence, and that verb's subject."""
        text = self.texts[block]
        start = sentence_start(text, open_mark)
        for verb in reversed(speech_verbs(text, start, open_mark)):
            found = self.subject(block, verb)
            if found.found:
                return found
        return Attribution(None, False)

    def attribute(self, raw: RawQuote, previous: tuple[RawQuote, str | None] | None) -> str | None:
        """The speaker of a quote, using the quote before it for continuations."""
        first, last = raw.segments[0], raw.segments[-1]
        open_pos = max(first.open_mark, 0)
        if last.close_mark >= 0:
            found = self.after_quote(last.block, last.close_mark, open_pos if last is first else 0)
            if found.found:
                return self._remember(found.speaker, first.block, open_pos)
        if first.open_mark >= 0:
            found = self.before_quote(first.block, first.open_mark)
            if found.found:
                return self._remember(found.speaker, first.block, open_pos)
            subject = self.discourse.sentence_subject(first.block, first.open_mark)
            if subject is not None:
                return self._remember(subject, first.block, open_pos)
            prior = self._prior_subject(first.block, first.open_mark, previous)
            if prior is not None:
                return self._remember(prior, first.block, open_pos)
        if previous is not None:
            prev_raw, prev_speaker = previous
            prev_block = prev_raw.segments[-1].block
            at_start = self._opens_block(first.block, first.open_mark)
            if prev_block == first.block or (prev_block == first.block - 1 and at_start):
                return prev_speaker
            before = self.texts[first.block - 1].rstrip() if first.block else ""
            if at_start and before.endswith(":"):
                return self.before_quote(first.block - 1, len(before)).speaker
        if first.open_mark >= 0 and first.block and self._opens_block(first.block, first.open_mark):
            return self._introduced(first.block - 1)
        return None

    def _prior_subject(
        self, block: int, open_mark: int, previous: tuple[RawQuote, str | None] | None
    ) -> str | None:
        """For a quote that opens its sentence: the subject of the sentence before, if no quote came since.

        "The Chancellor defended the timetable. “We are doing this properly …”" is hers.
        """
        text = self.texts[block]
        if text[sentence_start(text, open_mark) : open_mark].strip():
            return None
        prior = self.discourse.previous_sentence_subject(block, open_mark)
        if prior is None:
            return None
        if previous is not None:
            last = previous[0].segments[-1]
            if last.block == block and last.end > prior[0]:
                return None  # the quote before is nearer: a continuation of it
        return prior[1]

    def _opens_block(self, block: int, open_mark: int) -> bool:
        """Whether the quote's opening mark is the first thing in its paragraph."""
        text = self.texts[block]
        return open_mark == len(text) - len(text.lstrip())

    def _introduced(self, block: int) -> str | None:
        """The speaker a paragraph introduces in its last sentence for a quote paragraph that follows.

        "In an interview with the BBC, she explained why she had moved." then a
        paragraph-long quote with no attribution of its own: it is hers.
        """
        text = self.texts[block].rstrip()
        if not text or any(a <= len(text) - 1 < b + 1 for a, b in self.discourse.quoted.get(block, ())):
            return None
        start = sentence_start(text, len(text) - 1)
        for verb in reversed(speech_verbs(text, start)):
            found = self.subject(block, verb)
            if found.found:
                return self._remember(found.speaker, block, verb)
        return None

    def _remember(self, speaker: str | None, block: int, pos: int) -> str | None:
        if speaker is not None:
            self.discourse.remember(speaker, block, pos)
        return speaker


def people_of(entities: dict[str, Entity]) -> dict[str, Entity]:
    """Only the people, for attribution; a party or group label taken for a name never speaks."""
    return {
        key: e
        for key, e in entities.items()
        if e.kind is EntityKind.PERSON and e.name.casefold().rstrip("s") not in GROUP_LABELS
    }


GROUP_LABELS = words(
    """democrat republican conservative tory tories liberal labour socialist communist independent
    unionist nationalist loyalist libertarian progressive centrist royalist forecaster"""
)
"""Members of a party or group ("a Democrat", "Forecasters said"): people, but never one person."""
