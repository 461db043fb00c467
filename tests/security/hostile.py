"""Hostile briefings, generated: markup, terminal escapes, bidi tricks and YAML bombs in every field.

An article saved from the web is written by a stranger. Each payload here is
something such a file can carry that would do harm if it were interpreted
instead of shown: Textual/Rich markup that runs actions or opens links,
escape sequences that write the clipboard (OSC 52), retitle the terminal,
move the cursor or recolour the screen, 8-bit C1 controls, NUL, bidirectional
overrides that reorder a line, and zero-width characters that make two names
look alike. :func:`write_library` puts every payload into every place a
briefing has text (each front-matter field, headings, paragraphs, lists, block
quotes, emphasis, links, code, a raw ``.txt`` and its sidecar, file names,
error messages), so one folder exercises every place text is shown.

:func:`unsafe_for_terminal` is the one definition of "reached the terminal":
every test asserts that it finds nothing in what the user would see.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.model.document import Briefing

MARKUP: dict[str, str] = {
    "click": "[@click=app.quit]x[/]",
    "link": "[link=file:///etc/passwd]y[/]",
    "close": "[/]",
    "unclosed": "[b",
    "style": "[bold red on white]z[/bold red on white]",
    "close_link": "[/link]",
    "click_bell": "[@click=app.bell]w[/]",
    "rich_escape": "\\[b]",
    "content_variable": "$accent $text-muted",
}
"""Textual/Rich markup: must show literally and do nothing when clicked."""

ESCAPES: dict[str, str] = {
    "osc52_clipboard": "\x1b]52;c;aGVsbG8=\x07",
    "osc_title": "\x1b]0;owned\x07",
    "osc_title_st": "\x1b]2;owned\x1b\\",
    "osc8_hyperlink": "\x1b]8;;file:///etc/passwd\x1b\\L\x1b]8;;\x1b\\",
    "csi_clear": "\x1b[2J\x1b[H",
    "csi_colour": "\x1b[31;1mred\x1b[0m",
    "csi_cursor": "\x1b[10A\x1b[5C",
    "dcs": "\x1bP$q\x1b\\",
    "c1_csi": "\x9b31m",
    "c1_osc": "\x9d0;owned\x9c",
    "nul": "a\x00b",
    "bell": "ding\x07",
    "backspace": "abc\x08\x08\x08xyz",
    "carriage_return": "safe\rEVIL",
    "delete": "d\x7fe",
}
"""Terminal control: must never reach the terminal (dropped or shown as a visible placeholder)."""

BIDI: dict[str, str] = {
    "rlo": "\u202e",
    "lro": "\u202d",
    "rle": "\u202b",
    "lre": "\u202a",
    "pdf": "\u202c",
    "lri": "\u2066",
    "rli": "\u2067",
    "fsi": "\u2068",
    "pdi": "\u2069",
}
"""Bidirectional overrides, embeddings and isolates: they reorder the rest of a line."""

ZERO_WIDTH: dict[str, str] = {
    "zwsp": "\u200b",
    "zwnj": "\u200c",
    "zwj": "\u200d",
    "word_joiner": "\u2060",
    "bom": "\ufeff",
    "tag_a": "\U000e0041",
}
"""Invisible characters: two names that differ only by these must still be told apart."""

PAYLOADS: dict[str, str] = {
    **{f"markup_{k}": v for k, v in MARKUP.items()},
    **{f"escape_{k}": v for k, v in ESCAPES.items()},
    **{f"bidi_{k}": f"abc{v}def" for k, v in BIDI.items()},
    **{f"zero_width_{k}": f"ab{v}cd" for k, v in ZERO_WIDTH.items()},
}
"""Every single payload, by name (the test ids)."""

EVERYTHING = " ".join(PAYLOADS.values())
"""All payloads in one string, for the places that hold one text."""

VISIBLE_MARKUP = "[@click=app.quit]x[/]"
"""A payload that must be *seen*, literally, wherever hostile text is shown."""

# What must never reach a terminal: C0 controls other than tab and newline, DEL, C1 controls, and
# the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Plain-text command output additionally escapes invisible format characters (export.printable).
_CLI_UNSAFE = re.compile(
    _TERMINAL_UNSAFE.pattern[:-1] + "\u200b-\u200f\u2060-\u2064\ufeff\U000e0000-\U000e007f]"
)


def unsafe_for_terminal(text: str) -> list[str]:
    """The characters in ``text`` a terminal would act on or that reorder a line (empty when safe)."""
    return _TERMINAL_UNSAFE.findall(text)


def unsafe_for_cli(text: str) -> list[str]:
    """:func:`unsafe_for_terminal`, plus the invisible characters command output escapes."""
    return _CLI_UNSAFE.findall(text)


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar whose *parsed* value holds the raw characters.

    Raw control bytes in a file are cleaned when it is decoded; YAML escapes
    (``\\e``, ``\\x9b``, ``\\u202e``) only become control characters after
    parsing, so they test that front-matter values are cleaned too.
    """
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def in_body(payload: str) -> str:
    """The payload as raw file text: NUL is left out, since a NUL byte makes the whole file "binary"
    (that refusal has its own test); YAML-quoted fields still carry it as ``\\0``."""
    return payload.replace("\x00", "")


def _url_safe(payload: str) -> str:
    return "".join(char for char in payload if not char.isspace())


def markdown(payload: str, *, name: str = "Jane Doe", place: str = "Springfield") -> str:
    """A Markdown briefing with ``payload`` in every front-matter field and every kind of block.

    The person and place names carry the payload too, and the body mentions
    them, so sidebars, cards and the palette all show it.
    """
    person = f"{name} {in_body(payload)}".strip()
    town = f"{in_body(payload)} {place}".strip()
    q = yaml_quoted
    front = "\n".join([
        "---",
        f"title: {q('Title ' + payload)}",
        "date: 2024-05-01",
        f"source: {q('Source ' + payload)}",
        f"url: {q('https://example.com/' + _url_safe(payload))}",
        f"summary: {q('Summary ' + payload)}",
        f"tags: [{q('tag ' + payload)}, plain]",
        "people:",
        f"  - name: {q(person)}",
        f"    aliases: [{q('J. ' + payload)}]",
        f"    role: {q('minister ' + payload)}",
        f"    note: {q('note ' + payload)}",
        "places:",
        f"  - name: {q(town)}",
        "    kind: city",
        f"    country: {q('Country ' + payload)}",
        f"    note: {q('place note ' + payload)}",
        "quotes:",
        f"  - speaker: {q(person)}",
        f"    text: {q('we stay ' + payload)}",
        f"    note: {q('quote note ' + payload)}",
        "---",
    ])
    payload = in_body(payload)
    body = "\n".join([
        f"{person} arrived in {town} on Monday. {payload}",
        "",
        f"## Heading {payload}",
        "",
        f"“we stay {payload}” {person} said in {town}.",
        "",
        f"- item {payload}",
        f"- *em {payload}* and **strong {payload}**",
        "",
        f"> block quote {payload}",
        "",
        f"A [link {payload}](https://example.com/{_url_safe(payload)}) and `code {payload}`.",
        "",
        f"## Aftermath {payload}",
        "",
        f"{person} left {town}.",
        "",
    ])
    return front + "\n" + body


def raw_article(payload: str) -> str:
    """A raw ``.txt`` article with the payload in its lines (raw bytes, not YAML escapes)."""
    payload = in_body(payload)
    return "\n".join([
        f"Talks in Springfield {payload}",
        f"Jane Doe said on Monday that the talks would go on {payload}.",
        f"“We will stay {payload},” Jane Doe said in Springfield.",
        f"Read more: {payload}",
        "",
    ])


def sidecar(payload: str) -> str:
    """A sidecar for :func:`raw_article`: every key, each with the payload."""
    q = yaml_quoted
    return "\n".join([
        f"title: {q('Sidecar title ' + payload)}",
        f"source: {q('Sidecar source ' + payload)}",
        f"summary: {q(payload)}",
        "people:",
        f"  - name: Jane Doe\n    role: {q('envoy ' + payload)}",
        "",
    ])


def broken(payload: str) -> str:
    """Front matter that fails to load, with the payload in the offending line and an unknown key."""
    return f"---\ntitle: ok\n{yaml_quoted('key ' + payload)}: 1\npeople: {yaml_quoted(payload)}\n---\nBody.\n"


HOSTILE_FILE_NAMES: dict[str, str] = {
    "newline": "evil\nname.md",
    "osc_title": "title\x1b]0;owned\x07.md",
    "csi": "colour\x1b[31mred.md",
    "markup": "[@click=app.quit]x[b] bold.md",  # no "/" in a file name
    "rlo": "report\u202etxt.md",
    "c1": "c1\x9b31m.md",
}
"""File names a user might be handed: each must be shown inert by ``check``, ``extract`` and the UI."""


@dataclass(frozen=True, slots=True)
class HostileLibrary:
    """What :func:`write_library` wrote: the folder and the files by role."""

    root: Path
    markdown: dict[str, Path]
    broken: dict[str, Path]
    raw: Path
    named: dict[str, Path]

    @property
    def everything(self) -> Path:
        """The one briefing that holds every payload at once."""
        return self.markdown["everything"]


def write_library(root: Path, *, per_payload: bool = True) -> HostileLibrary:
    """Write the hostile folder: one briefing per payload (or only the all-in-one), broken files, names."""
    root.mkdir(parents=True, exist_ok=True)
    cases = dict(PAYLOADS) if per_payload else {}
    cases["everything"] = EVERYTHING
    written: dict[str, Path] = {}
    for key, payload in cases.items():
        path = root / f"{key}.md"
        path.write_text(markdown(payload), encoding="utf-8")
        written[key] = path
    broken_files: dict[str, Path] = {}
    for key in ("markup_click", "escape_osc52_clipboard", "bidi_rlo"):
        path = root / f"broken_{key}.md"
        path.write_text(broken(PAYLOADS[key]), encoding="utf-8")
        broken_files[key] = path
    raw = root / "raw_everything.txt"
    raw.write_text(raw_article(EVERYTHING), encoding="utf-8")
    raw.with_suffix(".yaml").write_text(sidecar(EVERYTHING), encoding="utf-8")
    named: dict[str, Path] = {}
    for key, name in HOSTILE_FILE_NAMES.items():
        path = root / name
        # Half load, half fail, so the names reach both the briefing list and the error messages.
        text = markdown(VISIBLE_MARKUP) if key in ("newline", "markup", "c1") else broken(VISIBLE_MARKUP)
        path.write_text(text, encoding="utf-8")
        named[key] = path
    undecodable = root / os.fsdecode(b"bytes\xff\xfe.md")
    undecodable.write_text("# Undecodable name\n\nA body.\n", encoding="utf-8")
    named["undecodable"] = undecodable
    return HostileLibrary(root, written, broken_files, raw, named)


# -- YAML bombs and hostile front matter -------------------------------------------------------------


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    """Aliases of aliases: ``width ** levels`` nodes once expanded (387 million by default)."""
    lines = ['a0: &a0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join(f"*a{level - 1}" for _ in range(width))
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append(f"title: *a{levels}")
    return "\n".join(lines)


def deep_nesting(depth: int = 10_000, *, flow: bool = True) -> str:
    """A value nested ``depth`` levels deep (flow ``[[[...]]]`` or block mappings)."""
    if flow:
        return "title: " + "[" * depth + "]" * depth
    return "\n".join("  " * level + f"k{level}:" for level in range(depth)) + " x"


YAML_ATTACKS: dict[str, str] = {
    "python_object_apply": "title: !!python/object/apply:os.system ['echo pwned > /tmp/pwned']",
    "python_object_new": "title: !!python/object/new:subprocess.Popen [['touch', '/tmp/pwned']]",
    "python_name": "title: !!python/name:os.system",
    "python_module": "title: !!python/module:os",
    "verbatim_tag": "title: !<tag:yaml.org,2002:python/object/apply:os.system> ['id']",
    "tag_directive": "%TAG !p! tag:yaml.org,2002:python/\n---\ntitle: !p!object/apply:os.system ['id']",
    "custom_tag": "title: !evil x",
    "binary": "title: !!binary aGVsbG8=",
    "set": "tags: !!set {a, b}",
    "billion_laughs": billion_laughs(),
    "billion_laughs_small_wide": billion_laughs(levels=4, width=200),
    "deep_flow": deep_nesting(),
    "deep_block": deep_nesting(2_000, flow=False),
    "recursive_alias": "tags: &a [*a]\npeople: &p [*p]",
    "merge_bomb": "base: &b {name: x}\npeople: [" + ", ".join(["{<<: *b}"] * 2_000) + "]",
    "many_keys": "\n".join(f"k{i}: {i}" for i in range(60_000)),
    "huge_scalar": "title: " + "x" * 2_000_000,
}
"""Front matter (the YAML between the ``---`` lines) that must be refused or read as plain data."""


def front_matter_file(yaml_text: str, body: str = "The body is plain.\n") -> str:
    """``yaml_text`` as the front matter of a Markdown briefing (a ``%TAG`` directive stays first)."""
    return f"---\n{yaml_text}\n---\n{body}"


# -- checking what the model kept --------------------------------------------------------------------

_MODEL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters the loader promises to remove (tab and newline are text)."""


def model_strings(briefing: Briefing) -> Iterator[tuple[str, str]]:
    """Every string a briefing holds, with where it is: metadata, sections, blocks, entities, quotes."""
    for name in ("title", "source", "url", "summary"):
        value = getattr(briefing, name)
        if value is not None:
            yield name, value
    for tag in briefing.tags:
        yield "tag", tag
    for s, section in enumerate(briefing.sections):
        yield f"section {s} title", section.title
        for b, block in enumerate(section.blocks):
            yield f"block {s}.{b}", block.text
            for mark in block.marks:
                if mark.href is not None:
                    yield f"link in block {s}.{b}", mark.href
    for entity in briefing.entities.values():
        yield f"{entity.id} id", entity.id
        yield f"{entity.id} name", entity.name
        for alias in entity.aliases:
            yield f"{entity.id} alias", alias
        for name in ("role", "country", "note"):
            value = getattr(entity, name)
            if value is not None:
                yield f"{entity.id} {name}", value
    for mention in briefing.mentions:
        yield f"mention of {mention.entity_id}", mention.text
    for quote in briefing.quotes:
        yield "quote", quote.text


def control_characters(briefing: Briefing) -> list[tuple[str, str]]:
    """Where the briefing still holds a control character (empty when the loader kept its promise)."""
    return [(where, text) for where, text in model_strings(briefing) if _MODEL_CONTROL.search(text)]


def inexact_mentions(briefing: Briefing) -> list[str]:
    """Mentions whose span lies outside its block, or whose text is not there or not an alias."""
    problems: list[str] = []
    for mention in briefing.mentions:
        loc = mention.location
        if not (0 <= loc.section < len(briefing.sections)):
            problems.append(f"{mention}: no such section")
            continue
        blocks = briefing.sections[loc.section].blocks
        inside = 0 <= loc.block < len(blocks) and 0 <= loc.start < loc.end <= len(blocks[loc.block].text)
        if not inside:
            problems.append(f"{mention}: span outside its block")
            continue
        if blocks[loc.block].text[loc.start : loc.end] != mention.text:
            problems.append(f"{mention}: the text at the span differs")
        entity = briefing.entities.get(mention.entity_id)
        forms = {entity.name, *entity.aliases} if entity is not None else set()
        bare = _POSSESSIVE.sub("", mention.text)
        if mention.text not in forms and bare not in forms:
            problems.append(f"{mention}: not an alias of {sorted(forms)}")
    return problems


_POSSESSIVE = re.compile(r"['’]s?$")
