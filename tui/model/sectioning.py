"""Topic sections for text that has no headings: raw articles and heading-less Markdown.

News paragraphs change topic when the people and places they are about
change. Each paragraph is described by the capitalised names in it (weighted
most) and its content words; a boundary is likely where the two paragraphs
before a gap share little with the two after it (TextTiling, with names). The
number of sections follows the length (about one per 150 words, at most one
per two paragraphs), and the boundaries are chosen together by dynamic
programming, trading topic shifts against sections of very uneven length.

Titles read like a news rubric: ``"Key phrase: Name and Name"``, from the
section's most distinctive repeated word pair (or word) and its most
distinctive names (names frequent in this section but rare in the others, so
the article's main subject does not title every section). Everything is
deterministic and uses general rules of English text only.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from tui.model.document import Block, Section
from tui.model.textfeatures import ParagraphFeatures, describe

WORDS_PER_SECTION = 150
MIN_PARAGRAPHS = 2
MAX_SECTIONS = 40
_DP_LIMIT = 600  # paragraphs; beyond this, boundaries are placed greedily
_BALANCE = 0.1  # weight of the uneven-length penalty against topic shifts


def section_count(words: int, paragraphs: int) -> int:
    """How many topic sections a text of this size gets (1 for short texts)."""
    by_words = round(words / WORDS_PER_SECTION)
    return max(1, min(by_words, paragraphs // MIN_PARAGRAPHS, MAX_SECTIONS))


def group_blocks(blocks: Sequence[Block], *, fallback_title: str = "Article") -> list[Section]:
    """Group blocks into titled sections at topic shifts (one section for short texts)."""
    if not blocks:
        return []
    features = [describe(block.text) for block in blocks]
    known_names = _names_seen_mid_sentence(features)
    count = section_count(sum(len(block.text.split()) for block in blocks), len(blocks))
    cuts = _boundaries(features, known_names, count)
    groups = [list(range(start, stop)) for start, stop in zip([0, *cuts], [*cuts, len(blocks)], strict=True)]
    titles = _titles([[features[i] for i in group] for group in groups], known_names, fallback_title)
    return [
        Section(title, [blocks[i] for i in group], line=blocks[group[0]].line)
        for title, group in zip(titles, groups, strict=True)
    ]


def _boundaries(features: list[ParagraphFeatures], known: set[str], count: int) -> list[int]:
    """Indices where sections start (excluding 0), ``count - 1`` of them."""
    n = len(features)
    if count <= 1 or n < 2:
        return []
    vectors = _weighted(features, known)
    shift = [0.0] + [
        1.0 - _cosine(_window(vectors, gap - 2, gap), _window(vectors, gap, gap + 2)) for gap in range(1, n)
    ]
    words = [max(1, feature.words) for feature in features]
    if n > _DP_LIMIT:
        return _greedy(shift, words, count)
    return _dynamic(shift, words, count)


def _dynamic(shift: list[float], words: list[int], count: int) -> list[int]:
    """Best ``count`` segments: maximise topic shift at the cuts, penalise uneven lengths."""
    n = len(words)
    prefix = [0]
    for value in words:
        prefix.append(prefix[-1] + value)
    average = prefix[-1] / count
    longest = max(MIN_PARAGRAPHS, math.ceil(3 * n / count))
    minus_inf = float("-inf")
    # best[k][i]: best score splitting the first i paragraphs into k segments.
    best = [[minus_inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for i in range(k * MIN_PARAGRAPHS, n + 1):
            for j in range(max((k - 1) * MIN_PARAGRAPHS, i - longest), i - MIN_PARAGRAPHS + 1):
                if best[k - 1][j] == minus_inf:
                    continue
                size = prefix[i] - prefix[j]
                score = (
                    best[k - 1][j]
                    + (shift[j] if j > 0 else 0.0)
                    - _BALANCE * ((size - average) / average) ** 2
                )
                if score > best[k][i]:
                    best[k][i], back[k][i] = score, j
    if best[count][n] == minus_inf:
        return _greedy(shift, words, count)
    cuts: list[int] = []
    i = n
    for k in range(count, 0, -1):
        i = back[k][i]
        if i > 0:
            cuts.append(i)
    return sorted(cuts)


def _greedy(shift: list[float], words: list[int], count: int) -> list[int]:
    """Cut near equal word counts, moving each cut to the strongest shift close by."""
    n = len(words)
    total = sum(words)
    cuts: list[int] = []
    running = 0
    position = 0
    for k in range(1, count):
        goal = total * k / count
        while position < n and running + words[position] <= goal:
            running += words[position]
            position += 1
        low = max((cuts[-1] if cuts else 0) + MIN_PARAGRAPHS, position - 3)
        high = min(n - MIN_PARAGRAPHS, position + 3)
        if low > high:
            continue
        cut = max(range(low, high + 1), key=lambda gap: (shift[gap], -abs(gap - position)))
        cuts.append(cut)
    return cuts


def _weighted(features: list[ParagraphFeatures], known: set[str]) -> list[dict[str, float]]:
    """TF-IDF vectors: names count three times, words once; terms in every paragraph weigh little."""
    terms = [Counter({"w:" + word: count for word, count in feature.stems.items()}) for feature in features]
    for term, feature in zip(terms, features, strict=True):
        for name, count in feature.name_terms(known).items():
            term["n:" + name] += 3 * count
    frequency = Counter(term for counter in terms for term in counter)
    n = len(features)
    return [
        {term: count * math.log(1 + n / frequency[term]) for term, count in counter.items()}
        for counter in terms
    ]


def _window(vectors: list[dict[str, float]], start: int, stop: int) -> dict[str, float]:
    total: Counter[str] = Counter()
    for vector in vectors[max(0, start) : max(0, stop)]:
        total.update(vector)
    return dict(total)


def _cosine(left: dict[str, float], right: dict[str, float]) -> float:
    if not left or not right:
        return 0.0
    dot = sum(value * right.get(term, 0.0) for term, value in left.items())
    norm = math.sqrt(sum(v * v for v in left.values())) * math.sqrt(sum(v * v for v in right.values()))
    return dot / norm if norm else 0.0


def _names_seen_mid_sentence(features: list[ParagraphFeatures]) -> set[str]:
    """Capitalised words that occur somewhere not at a sentence start: those are names, not grammar."""
    return {word for feature in features for word in feature.mid_sentence_capitals}


def _titles(groups: list[list[ParagraphFeatures]], known: set[str], fallback: str) -> list[str]:
    """One heading per section, different from its neighbours' headings."""
    name_groups = [_name_counts(group, known) for group in groups]
    phrase_groups = [_phrase_counts(group) for group in groups]
    titles: list[str] = []
    for index, group in enumerate(groups):
        names = _distinctive(name_groups, index, minimum=1)
        phrases = _distinctive(phrase_groups, index, minimum=2)
        phrase = phrases[0][0].capitalize() if phrases else None
        people = [name for name, _ in names[:2]]
        title = _compose(phrase, people)
        if title in titles or not title:
            title = _compose(phrase, [name for name, _ in names[:3]]) if len(names) > 2 else title
        if not title or title in titles:
            title = _first_words(group[0].text if group else "") or fallback
        if title in titles:
            title = f"{title} (continued)"
        titles.append(title)
    return titles


def _compose(phrase: str | None, names: list[str]) -> str:
    """``"Phrase: A and B"``, or whichever part exists."""
    joined = " and ".join(names)
    if phrase and joined:
        return f"{phrase}: {joined}"
    return phrase or joined


def _name_counts(group: list[ParagraphFeatures], known: set[str]) -> Counter[str]:
    """Display forms of the names in a section, counted; surnames stand for the full name."""
    counts: Counter[str] = Counter()
    for feature in group:
        for name, initial in feature.names:
            if not initial or name in known:
                counts[name] += 1
    # Count "Ada Lovelace" and "Lovelace" together under the shorter, headline-style form.
    merged: Counter[str] = Counter()
    for name, count in counts.items():
        last = name.split()[-1]
        merged[last if last in counts or _is_surname_of(last, counts) else name] += count
    return merged


def _is_surname_of(last: str, counts: Counter[str]) -> bool:
    """Whether several names in the section end with this word (a family name used alone elsewhere)."""
    return sum(1 for name in counts if name.split()[-1] == last) > 1


def _phrase_counts(group: list[ParagraphFeatures]) -> Counter[str]:
    """Repeated word pairs in a section, or single words when no pair repeats."""
    pairs: Counter[str] = Counter()
    singles: Counter[str] = Counter()
    for feature in group:
        pairs.update(feature.pairs)
        singles.update(feature.keywords)
    repeated = Counter({pair: count for pair, count in pairs.items() if count >= 2})
    return repeated if repeated else singles


def _distinctive(counts: list[Counter[str]], index: int, *, minimum: int) -> list[tuple[str, float]]:
    """Terms of one section by count times rarity across sections, best first, ties alphabetical."""
    sections = len(counts)
    scored: list[tuple[str, float]] = []
    for term, count in counts[index].items():
        if count < minimum:
            continue
        spread = sum(1 for other in counts if term in other)
        scored.append((term, count * math.log(1 + sections / spread)))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored


def _first_words(text: str, limit: int = 6) -> str:
    """The opening words of a text, as a last-resort heading."""
    words = text.split()
    if not words:
        return ""
    head = " ".join(words[:limit]).rstrip(",;:.")
    return head + "…" if len(words) > limit else head
