"""The shapes speech takes in a sentence: speech verbs, and the phrases before and after them.

Patterns shared by the discourse model (:mod:`tui.model.extract.discourse`, who a
sentence is about) and speaker attribution (:mod:`tui.model.extract.speakers`, who
said a quote): where the speech verbs are, what may stand between a name and its
verb ("X, the spokesman, also said"), descriptions that open a sentence or end a
clause ("One early investor, who asked not to be named, said"), and the pronouns
that open sentences.
"""

from __future__ import annotations

import re

from tui.model.extract.lexicon import SPEECH_VERBS
from tui.model.extract.words import WORD_CHAR, trie_pattern

_VERBS = frozenset(SPEECH_VERBS | {"adding", "according"})
VERB = r"(?:" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")"
_VERB_WORD = re.compile(trie_pattern(_VERBS) + r"(?!\w)")


def speech_verbs(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where each speech verb in ``text[start:end]`` starts: whole words only ("said", not "unsaid").

    What ``\\b(?:said|told|…)\\b`` finds. That regex tried 146 verbs at every
    position and was a twentieth of annotating an article; the verbs as a tree
    of their beginnings rule out most positions on their first letter.
    """
    found: list[int] = []
    for verb in _VERB_WORD.finditer(text, start, len(text) if end is None else end):
        at = verb.start()
        if at > 0 and WORD_CHAR.match(text, at - 1):
            continue  # inside a word ("unsaid"), or the tail of one that began before ``start``
        found.append(at)
    return found


ADVERBIAL = (
    r"(?:\s*(?:,\s*)?(?:on|last|this|late|early|in\s+a|in\s+an|at\s+a|during\s+a)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?"
    r"|\s+(?:also|later|then|previously|once|again|further|simply|separately|earlier|recently|has|had|"
    r"would|will|could|quickly))*"
)
CLAUSE_TAIL_NP = re.compile(
    r"(?:^|[,;:—]\s*|\b(?:and|but|while|as|what|which)\s+)"
    rf"(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[\w]+[’']s)(?:\s+[\w’'-]+){{0,5}}?\s+(?!(?:and|or|that|who)\b)[\w’'-]+)"
    rf"{ADVERBIAL}\s*$"
)
LEAD_NP = re.compile(
    r"^\s*(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[\w]+[’']s)(?:\s+[\w’'-]+){1,4}?)"
    rf"(?:\s*,[^“”\".;]{{1,160}}?,|\s+(?:who|whose)\b[^“”\".;,]{{1,160}}?)?{ADVERBIAL}\s*$"
)
"""A description opening the sentence, then a relative clause or a comma phrase, then the verb:
"One early investor, who asked not to be named, said", "His mother, speaking through a friend, said"."""
PRONOUN_TAIL = re.compile(rf"\b(?P<p>he|she|He|She){ADVERBIAL}\s*$")
GAP_OK = re.compile(rf"^(?:[’']s?)?(?:,[^“”\"]{{1,120}}?,|,)?{ADVERBIAL}\s*$")
NOT_A_VERB = re.compile(
    r"\b(?:been|being|was|were|is|are|be|a|an|the|this|that|its|his|her|their|our|former|every|each)\s+$",
    re.IGNORECASE,
)
"""Before a speech verb, a passive ("was told") or a determiner ("a former state champion", "the
posts"): not someone speaking."""
HEAD_PART = re.compile(r"\s+(?:at|of|in|from|for|with|on|who|which|that)\s+")
FRONTED = re.compile(r"^[’']?s?\s*,\s*(?:he|she|they|it|the|a|an|his|her|its)\b", re.IGNORECASE)
LEAD_PREPOSITIONS = frozenset(("like", "unlike", "with", "against", "for", "to", "by", "from", "of", "as"))
LEAD_SUBJECTS = frozenset(("He", "She", "They", "We", "I", "It", "You"))
ASKED_BY = re.compile(r"\b(?:[Aa]sked|[Qq]uestioned|[Pp]ressed|[Ii]nterviewed|[Cc]hallenged)\s+by\s+$")
BARE_LEAD = re.compile(r"^(?:[^,]{1,40},\s*)?(?:[A-Z][\w’'.-]*\s+)*$")
"""What may precede a sentence's opening name: a short fronted phrase and capitalised titles."""
OPENING_DESCRIPTION = re.compile(
    r"(?:[^,.;“”\"]{1,60},\s+)?(?P<the>[Tt]he)\s+(?P<words>(?:[\w’'-]+ ){1,4})(?=[a-z])"
)
"""A sentence that opens with a definite description and a verb: "The Chancellor defended …"."""
_PRONOUN = re.compile(r"(?P<p>He|She)\s")
_AFTER_SENTENCE = re.compile(r"(?<=[.!?]\s)|(?<=[.!?][”’\"]\s)")
"""Where a sentence has just ended: what a pronoun opening the next one follows."""


def opening_pronouns(text: str) -> list[tuple[int, str]]:
    """Each "He" or "She" that opens a sentence (or the text), with where it stands.

    Found as words first, then checked for the sentence end before them: one pattern
    opening with those lookbehinds was tried at every position of every paragraph.
    """
    return [
        (pronoun.start(), pronoun.group("p"))
        for pronoun in _PRONOUN.finditer(text)
        if pronoun.start() == 0 or _AFTER_SENTENCE.match(text, pronoun.start())
    ]
