"""What a paragraph is about, in cheap general terms: capitalised names, content words, word pairs.

Used by :mod:`tui.model.sectioning` to find topic shifts and to title
sections. Nothing here knows any particular name: a name is a run of
capitalised words, minus the grammar words, job titles and nationality
adjectives that English capitalises too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_TOKEN = re.compile(r"[^\W\d_][\w’'\-]*")
_POSSESSIVE = re.compile(r"[’']s?$")
_NOT_NOUN = ("ed", "ly", "ing")  # past tenses, adverbs, participles: poor one-word headings
_SENTENCE_MARKS = ".!?…:;"
_OPENERS = "\"“‘'([—–- "


def _words(text: str) -> frozenset[str]:
    """A word set written as a block of text, easier to read and extend than a list literal."""
    return frozenset(text.split())


# Capitalised for grammar, not because they name someone.
_FUNCTION = _words(
    """a an the and but or nor so yet for if as at by in on of to from with without into onto over under
    after before during since until while when where whether though although because even also then there
    here this that these those he she it we they i you his her its our their my your me him us them who
    whom whose which what why how all any both each every few many more most much no not some such than
    too very can could may might must shall should will would is are was were be been being has have had
    do does did said says say told according however meanwhile yesterday today tomorrow last next
    mr mrs ms dr sir dame lord lady st
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december"""
)

# Job titles and ranks that precede a name ("Prime Minister Ada Lovelace").
_ROLE = _words(
    """president vice prime minister ministers chief commander general secretary foreign defence defense
    interior finance spokesman spokeswoman spokesperson chancellor king queen prince princess pope senator
    governor mayor colonel lieutenant major captain sergeant admiral marshal deputy head director
    ambassador envoy adviser advisor mp leader chairman chairwoman chair premier justice judge officer
    minister's state national security press opposition former acting"""
)

# Lower-case words that make poor topic terms or headings.
_STOP = _FUNCTION | _words(
    """also about above across again against already another around away back being below between beyond
    came come comes could despite does done down either else enough ever first further gave give given
    goes going gone just know known like made make makes making might more much must near nearly need
    never news none now often once only other others ours over own part perhaps quite rather really
    recent recently same seemed seems several should since still such take taken takes than that their
    them themselves they thing things think those though through thus together toward towards under upon
    used very want wanted week weeks went were what whatever which while whole will within would year
    years added adding asked called comment comments including included described noted later earlier
    says told tell telling reported reports statement statements time times day days month months
    percent per cent well around amid among along following"""
)


@dataclass(slots=True)
class ParagraphFeatures:
    """The topic-bearing parts of one paragraph."""

    text: str
    words: int
    names: list[tuple[str, bool]] = field(default_factory=list)
    """Display forms of capitalised names, each with whether it was a lone sentence-initial word."""
    mid_sentence_capitals: set[str] = field(default_factory=set)
    stems: Counter[str] = field(default_factory=Counter)
    pairs: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)

    def name_terms(self, known: set[str]) -> Counter[str]:
        """Names and their single words, for similarity; doubtful sentence-initial words left out."""
        terms: Counter[str] = Counter()
        for name, initial in self.names:
            if initial and name not in known:
                continue
            parts = name.casefold().split()
            terms.update(parts)
            if len(parts) > 1:
                terms[" ".join(parts)] += 1
        return terms


def describe(text: str) -> ParagraphFeatures:
    """Extract names, content-word stems, word pairs and keywords from one paragraph."""
    features = ParagraphFeatures(text, len(text.split()))
    run: list[str] = []
    run_initial = False
    previous_end = 0
    previous_lower: str | None = None
    for match in _TOKEN.finditer(text):
        word = match.group()
        gap = text[previous_end : match.start()]
        initial = _is_sentence_start(text, match.start())
        bare = _POSSESSIVE.sub("", word)
        capital = bare[:1].isupper() and not re.search(r"-[a-z]", bare)
        if run and (gap != " " or not capital):
            _close_run(features, run, run_initial)
            run = []
        if capital and bare:
            if not run:
                run_initial = initial
            run.append(bare)
            if not initial and bare.casefold() not in _FUNCTION:
                features.mid_sentence_capitals.add(bare)
            if bare != word:  # a possessive ends the name: "Lisbon's mayor"
                _close_run(features, run, run_initial)
                run = []
            previous_lower = None
        else:
            lower = word.casefold()
            content = lower not in _STOP and len(lower) >= 4 and word[:1].islower() and lower.isalpha()
            if content:
                features.stems[_stem(lower)] += 1
                if len(lower) >= 5 and lower not in _ROLE and not lower.endswith(_NOT_NOUN):
                    features.keywords.append(lower)
                if previous_lower is not None and gap == " ":
                    features.pairs.append(f"{previous_lower} {lower}")
            previous_lower = lower if content else None
        previous_end = match.end()
    if run:
        _close_run(features, run, run_initial)
    return features


def _is_sentence_start(text: str, position: int) -> bool:
    """Whether the word at ``position`` opens a sentence (or the paragraph)."""
    end = position  # walk back instead of copying and searching the whole prefix (quadratic per paragraph)
    while end and text[end - 1] in _OPENERS:
        end -= 1
    if end and text[end - 1] == "\n":  # as ``$`` did: a mark before a final newline ends a sentence
        return end >= 2 and text[end - 2] in _SENTENCE_MARKS
    return not end or text[end - 1] in _SENTENCE_MARKS


def _close_run(features: ParagraphFeatures, run: list[str], initial: bool) -> None:
    """Turn a run of capitalised words into a name, without grammar words, titles and demonyms."""
    words = list(run)
    while words and (words[0].casefold() in _FUNCTION or words[0].casefold() in _ROLE or _demonym(words, 0)):
        words.pop(0)
        initial = False if words else initial
    words = [word for word in words if word.casefold() not in _FUNCTION]
    if not words or (len(words) == 1 and (words[0].casefold() in _ROLE or len(words[0]) < 2)):
        return
    if len(words) == 1 and _is_demonym(words[0]):
        return  # "Russian", "Maltese": an adjective, not who or where the paragraph is about
    lone_initial = initial and len(words) == 1 and len(run) == 1
    features.names.append((" ".join(words), lone_initial))


def _demonym(words: list[str], index: int) -> bool:
    """A nationality adjective before another capitalised word ("Maltese Prime Minister ...")."""
    return index + 1 < len(words) and _is_demonym(words[index])


def _is_demonym(word: str) -> bool:
    """Whether a capitalised word looks like a nationality adjective or noun (by its ending)."""
    folded = word.casefold()
    return len(folded) > 5 and folded.endswith(("ian", "ean", "ese", "ish", "ians", "eans"))


def _stem(word: str) -> str:
    """A crude stem so "forces" and "force" meet; good enough for overlap between paragraphs."""
    for suffix in ("ings", "ing", "ies", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:7]
