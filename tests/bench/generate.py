"""A deterministic generator of news-like libraries for the benchmark.

Every article comes from a seeded :class:`random.Random` (seeded per article, so
article 17 is the same whether 100 or 10,000 are made) and the phrase bank in
:mod:`tests.bench.phrases`. Articles read like news: a cast of people introduced
by full name and role and then called by surname, places from the extractor's
gazetteer, quotes with "said" attributions, section headings, the odd list,
block quote, emphasis and link. Three formats are mixed, because the loader has
three paths: Markdown with YAML front matter (some declaring people), Markdown
without, and raw ``.txt`` as saved from a news site, with leftovers (share
buttons, "Read more" lines, tweet embeds, credits) between the paragraphs.

Run ``python -m tests.bench.generate DIR --count 1000 --words 800000`` to write
a library by hand; the benchmark calls :func:`ensure_library` and friends, which
skip the work when the same library is already on disk.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import random
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from tests.bench import phrases as ph

GENERATOR_VERSION = 2
"""Bump when the output changes, so libraries already on disk are regenerated."""
SEED = 2025
_FORMATS = ("front", "plain", "raw")
_FORMAT_WEIGHTS = (0.4, 0.3, 0.3)
_FALLBACK_PLACES = (("Lisbon", "Portugal"), ("Gdansk", "Poland"), ("Tampere", "Finland"), ("Graz", "Austria"),
                    ("Porto", "Portugal"), ("Aarhus", "Denmark"), ("Bergen", "Norway"), ("Brno", "Czechia"),
                    ("Cork", "Ireland"), ("Malmo", "Sweden"), ("Split", "Croatia"), ("Ghent", "Belgium"))


@dataclass(frozen=True, slots=True)
class Person:
    """One member of an article's cast."""

    full: str
    surname: str
    role: str
    pronoun: str


@dataclass(slots=True)
class Article:
    """A generated article: its file name (without folder), text, and word count."""

    name: str
    text: str
    words: int
    title: str


@dataclass(slots=True)
class _Story:
    """The state of one article while it is written: its cast, places and who has been introduced."""

    rng: random.Random
    cast: list[Person]
    places: list[str]
    country: str
    topic: str
    thing: str
    introduced: set[str] = field(default_factory=set)

    def person(self) -> Person:
        """Lead characters come up far more often than the rest, as in real reporting."""
        weights = [1.0 / (rank + 1) for rank in range(len(self.cast))]
        return self.rng.choices(self.cast, weights)[0]

    def fill(self, template: str, person: Person | None = None) -> str:
        """Fill every slot; a surname before the full name has been used becomes the full name."""
        rng = self.rng
        who = person or self.person()
        other = self.person()
        introduced = who.full in self.introduced
        if introduced and rng.random() < 0.85:  # once introduced, a person is mostly called by surname
            template = template.replace("{full}, {role},", "{sur}").replace("{full}, {role}", "{sur}")
            template = template.replace("{full}", "{sur}")
        first, second = rng.sample(self.places, 2) if len(self.places) > 1 else (self.places[0],) * 2
        values = {
            "full": who.full, "role": who.role, "sur": who.surname if introduced else who.full,
            "sur2": other.surname, "pro": who.pronoun,
            "place": first, "place2": second, "country": self.country, "org": rng.choice(ph.ORGS),
            "topic": self.topic, "thing": self.thing, "n": str(rng.choice((3, 12, 40, 75, 120, 300, 2500))),
            "m": str(rng.randint(2, 9)), "day": rng.choice(ph.WEEKDAYS), "frag": rng.choice(ph.FRAGMENTS),
        }
        values["q"] = rng.choice(ph.QUOTES).format(**values)
        values["q2"] = rng.choice(ph.QUOTES).format(**values)
        text = template.format(**values)
        if "{full}" in template or "{sur}" in template:
            self.introduced.add(who.full)
        return text


def _places() -> tuple[list[tuple[str, str]], list[str]]:
    """(town, country) pairs and country names from the extractor's gazetteer, else a small list."""
    try:
        data = resources.files("tui.model.extract").joinpath("gazetteer.tsv.gz").read_bytes()
        rows = [line.split("\t") for line in gzip.decompress(data).decode("utf-8").splitlines()
                if line and not line.startswith("#")]
    except (OSError, ValueError, ModuleNotFoundError):
        rows = []
    countries = {row[3]: row[0] for row in rows if len(row) > 6 and row[2] == "country"}
    towns = [(row[0], countries[row[3]]) for row in rows
             if len(row) > 6 and row[2] in ("city", "town") and "a" not in row[6] and row[3] in countries
             and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", row[0])]
    if len(towns) < 50:
        towns = list(_FALLBACK_PLACES)
    return sorted(towns), sorted({country for _, country in towns})


_TOWNS, _COUNTRIES = _places()


def _made_up(rng: random.Random, endings: Sequence[str], syllables: int) -> str:
    stem = "".join(rng.choice(ph.SYLLABLES) for _ in range(syllables))
    return (stem + rng.choice(endings)).capitalize()


def _cast(rng: random.Random, size: int, story_places: list[str], country: str) -> list[Person]:
    people: list[Person] = []
    surnames: set[str] = set()
    while len(people) < size:
        given = rng.choice(ph.GIVEN_NAMES) if rng.random() < 0.6 else _made_up(rng, ph.GIVEN_ENDINGS, 1)
        surname = _made_up(rng, ph.SURNAME_ENDINGS, rng.randint(1, 2))
        if surname in surnames:
            continue
        surnames.add(surname)
        role = rng.choice(ph.ROLES).format(place=rng.choice(story_places), country=country,
                                           org=rng.choice(ph.ORGS), topic="the region's economy")
        pronoun = "she" if given.endswith("a") else rng.choice(("he", "she", "they"))
        people.append(Person(f"{given} {surname}", surname, role, pronoun))
    return people


def _story(rng: random.Random, cast_size: int, place_count: int) -> _Story:
    country = rng.choice(_COUNTRIES)
    home = [town for town, c in _TOWNS if c == country]
    pool = home if len(home) >= place_count else [town for town, _ in _TOWNS]
    places = rng.sample(pool, min(place_count, len(pool)))
    topic, thing = rng.choice(ph.TOPICS)
    return _Story(rng, _cast(rng, cast_size, places, country), places, country, topic, thing)


def _paragraph(story: _Story) -> str:
    rng = story.rng
    sentences = []
    for _ in range(rng.randint(2, 5)):
        template = rng.choice(ph.ATTRIBUTIONS if rng.random() < 0.3 else ph.NARRATIVE)
        sentences.append(story.fill(template))
    return " ".join(sentences)


def _decorate(rng: random.Random, paragraph: str) -> str:
    """Markdown only: now and then an emphasised word or a link, as editors add them."""
    words = paragraph.split(" ")
    if len(words) > 8 and rng.random() < 0.15:
        at = rng.randrange(1, len(words) - 1)
        if words[at].isalpha():
            words[at] = f"*{words[at]}*"
    if len(words) > 8 and rng.random() < 0.1:
        at = rng.randrange(1, len(words) - 2)
        if words[at].isalpha() and words[at + 1].isalpha():
            words[at] = f"[{words[at]} {words[at + 1]}](https://example.org/{rng.randrange(10**6)})"
            del words[at + 1]
    return " ".join(words)


def _body(story: _Story, words: int, markdown: bool) -> tuple[list[tuple[str, list[str]]], int]:
    """Sections of paragraphs until ``words`` are written: (heading, paragraphs) pairs and the count."""
    rng = story.rng
    sections: list[tuple[str, list[str]]] = [("", [])]
    count = 0
    while count < words:
        if sections[-1][1] and rng.random() < 0.22:
            sections.append((story.fill(rng.choice(ph.HEADINGS)), []))
        roll = rng.random()
        if markdown and roll < 0.05:
            items = [story.fill(rng.choice(ph.LIST_ITEMS)) for _ in range(rng.randint(2, 4))]
            block = "\n".join(f"- {item}" for item in items)
        elif markdown and roll < 0.08:
            block = "> " + story.fill(rng.choice(ph.ATTRIBUTIONS))
        else:
            block = _paragraph(story)
            block = _decorate(rng, block) if markdown else block
        sections[-1][1].append(block)
        count += len(block.split())
    return sections, count


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _front_matter(story: _Story, title: str, date: dt.date, declare: bool) -> str:
    rng = story.rng
    lines = ["---", f"title: {_yaml_string(title)}", f"date: {date.isoformat()}",
             f"source: {_yaml_string(rng.choice(ph.SOURCES))}",
             f"summary: {_yaml_string(story.fill(rng.choice(ph.NARRATIVE)))}",
             f"tags: [{', '.join(rng.sample(ph.TAGS, 3))}]"]
    if declare:
        lines.append("people:")
        for person in story.cast[:3]:
            lines += [f"  - name: {_yaml_string(person.full)}",
                      f"    aliases: [{_yaml_string(person.surname)}]",
                      f"    role: {_yaml_string(person.role)}"]
    return "\n".join([*lines, "---", ""])


def _markdown(story: _Story, sections: list[tuple[str, list[str]]], title: str, head: str) -> str:
    parts = [head] if head else [f"# {title}", ""]
    for heading, blocks in sections:
        if heading:
            parts += [f"## {heading}", ""]
        for block in blocks:
            parts += [block, ""]
    return "\n".join(parts)


def _raw(story: _Story, sections: list[tuple[str, list[str]]], title: str, date: dt.date) -> str:
    rng = story.rng
    extras = {"title": title.replace("{", "("), "code": f"{rng.randrange(16**10):010x}",
              "handle": story.cast[0].surname.lower(), "month": ph.MONTHS[date.month - 1],
              "dd": str(date.day), "yyyy": str(date.year)}
    lines = [title]
    if rng.random() < 0.5:
        lines.append(f"By {story.cast[-1].full}")
    lines.append(f"{ph.MONTHS[date.month - 1]} {date.day}, {date.year}")
    straight = rng.random() < 0.3
    blank = rng.random() < 0.5
    for heading, blocks in sections:
        if heading and rng.random() < 0.5:
            lines.append(heading)
        for block in blocks:
            lines.append(block.replace("“", '"').replace("”", '"') if straight else block)
            if rng.random() < 0.12:
                lines.append(story.fill(rng.choice(ph.LEFTOVERS).format_map(_Keep(extras))))
    lines.append(story.fill(rng.choice(ph.CREDITS)))
    return ("\n\n" if blank else "\n").join(lines) + "\n"


class _Keep(dict[str, str]):
    """Format what is known now and keep the other slots for :meth:`_Story.fill`."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def article(index: int, words: int, seed: int = SEED, fmt: str | None = None) -> Article:
    """Article ``index`` of the series ``seed``, about ``words`` long, in ``fmt`` (else a seeded choice)."""
    rng = random.Random(f"{seed}:{index}")
    scale = max(1.0, words / 800)
    cast, places = rng.randint(4, 11), rng.randint(4, 9)  # a long read has a bigger cast
    story = _story(rng, min(60, int(cast * scale**0.5)), min(40, int(places * scale**0.5)))
    fmt = fmt or rng.choices(_FORMATS, _FORMAT_WEIGHTS)[0]
    date = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    title = story.fill(rng.choice(ph.TITLES), story.cast[0])
    title = title[:1].upper() + title[1:]
    sections, _ = _body(story, words, markdown=fmt != "raw")
    if fmt == "raw":
        text = _raw(story, sections, title, date)
    else:
        head = _front_matter(story, title, date, declare=rng.random() < 0.3) if fmt == "front" else ""
        text = _markdown(story, sections, title, head)
    suffix = ".txt" if fmt == "raw" else ".md"
    name = f"{date:%Y}/{date:%m}/{date.isoformat()}-{_slug(title)}-{index}{suffix}"
    return Article(name, text, len(text.split()), title)


def sizes(count: int, total_words: int, seed: int = SEED) -> list[int]:
    """Article lengths: long-tailed like a real archive (many short pieces, a few long reads)."""
    rng = random.Random(f"{seed}:sizes:{count}")
    raw = [min(8.0, rng.lognormvariate(0.0, 0.6)) for _ in range(count)]
    scale = total_words / sum(raw)
    return [max(120, int(value * scale)) for value in raw]


def write_library(root: Path, count: int, total_words: int, seed: int = SEED) -> int:
    """Write ``count`` articles under ``root`` (year/month folders); returns the words written."""
    written = 0
    for index, words in enumerate(sizes(count, total_words, seed)):
        item = article(index, words, seed)
        path = root / item.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.text, encoding="utf-8")
        written += item.words
    return written


def _ensure(root: Path, params: dict[str, object], make: object) -> Path:
    """Regenerate ``root`` only if it was made with other parameters (or a different generator)."""
    stamp = root / ".generated.json"
    wanted = json.dumps({**params, "version": GENERATOR_VERSION}, sort_keys=True)
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        return root
    for old in sorted(root.rglob("*"), reverse=True) if root.exists() else ():
        old.rmdir() if old.is_dir() else old.unlink()
    root.mkdir(parents=True, exist_ok=True)
    assert callable(make)
    make()
    stamp.write_text(wanted, encoding="utf-8")
    return root


def data_dir() -> Path:
    """Where the benchmarks keep what they generate: ``$BRIEFING_BENCH_DIR``, else ``briefing-bench`` in the
    temp directory."""
    return Path(os.environ.get("BRIEFING_BENCH_DIR", Path(tempfile.gettempdir()) / "briefing-bench"))


def library_1000() -> Path:
    """The 1,000-article library (about 800,000 words) the benchmarks measure, made once."""
    return ensure_library(data_dir() / "library-1000", 1000, 800_000)


def ensure_library(root: Path, count: int, total_words: int, seed: int = SEED) -> Path:
    """A library of ``count`` articles, ``total_words`` long in all, at ``root`` (made once)."""
    params = {"kind": "library", "count": count, "words": total_words, "seed": seed}
    return _ensure(root, params, lambda: write_library(root, count, total_words, seed))


def ensure_long_article(root: Path, words: int = 50_000, seed: int = SEED) -> Path:
    """One long Markdown article with front matter (a folder holding just that file)."""

    def make() -> None:
        item = article(10**6, words, seed, fmt="front")
        (root / "long-read.md").write_text(item.text, encoding="utf-8")

    return _ensure(root, {"kind": "long", "words": words, "seed": seed}, make) / "long-read.md"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tests.bench.generate DIR``: write a library by hand (to read or profile it)."""
    summary = (__doc__ or "").split("\n")[0]
    parser = argparse.ArgumentParser(prog="python -m tests.bench.generate", description=summary)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--words", type=int, default=800_000, help="words in all (default 800,000)")
    parser.add_argument("--long", action="store_true", help="write one article of --words words instead")
    parser.add_argument("--seed", type=int, default=SEED)
    options = parser.parse_args(argv)
    if options.long:
        path = ensure_long_article(options.directory, options.words, options.seed)
        print(f"{path}: {len(path.read_text(encoding='utf-8').split())} words")
    else:
        ensure_library(options.directory, options.count, options.words, options.seed)
        total = sum(len(p.read_text(encoding="utf-8").split()) for p in options.directory.rglob("*.*")
                    if p.suffix in (".md", ".txt"))
        print(f"{options.directory}: {options.count} articles, {total} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
