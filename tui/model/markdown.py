"""Markdown bodies to sections and blocks, from markdown-it-py's token stream.

Sections are the ``##`` headings, or the ``#`` headings when there are no
``##``; text before the first of them is the lead section. A ``#`` heading that
opens a document sectioned by ``##`` (or the only ``#`` heading of a document)
is its title, not a section. Headings deeper than the section level become
paragraphs in bold (a :class:`Mark` of style ``strong`` over the whole text),
so sub-headings still stand out without fragmenting the section list.

Inline emphasis, strong, code and links become :class:`Mark` spans over plain
text; images become their alt text; raw HTML (blocks and inline) is kept as the
literal text the author wrote. Nothing is ever rendered as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.model.document import Block, BlockKind, Mark, MarkStyle, Section

_PARSER = MarkdownIt("commonmark")
_NESTING_LIMIT = int(_PARSER.options["maxNesting"])

_INLINE_STYLES = {
    "em_open": MarkStyle.EMPHASIS,
    "strong_open": MarkStyle.STRONG,
    "link_open": MarkStyle.LINK,
}
_CLOSERS = {"em_close": MarkStyle.EMPHASIS, "strong_close": MarkStyle.STRONG, "link_close": MarkStyle.LINK}


@dataclass(frozen=True, slots=True)
class _Heading:
    level: int
    text: str
    line: int | None


@dataclass(slots=True)
class ParsedMarkdown:
    """A parsed body: its sections, the title heading if it had one, and whether it had section headings."""

    sections: list[Section] = field(default_factory=list)
    heading_title: str | None = None
    has_headings: bool = False
    degraded: bool = False
    """The body nests deeper than the parser allows, so it was read as plain paragraphs instead."""


def parse_markdown(body: str, *, first_line: int = 1, title: str | None = None) -> ParsedMarkdown:
    """Parse a Markdown body that starts on file line ``first_line``.

    ``title`` (from front matter) names the lead section; without it the title
    heading does, else the lead is called "Lead".
    """
    tokens = _PARSER.parse(body)
    if any(token.level >= _NESTING_LIMIT - 1 for token in tokens):
        # markdown-it silently skips whatever lies beyond its nesting limit; keep every word instead.
        return _plain(body, first_line, title)
    items = _items(tokens, first_line)
    headings = [item for item in items if isinstance(item, _Heading)]
    levels = {heading.level for heading in headings}
    section_level = 2 if 2 in levels else 1 if 1 in levels else None
    result = ParsedMarkdown()
    if items and isinstance(items[0], _Heading) and items[0].level == 1:
        only_h1 = sum(1 for heading in headings if heading.level == 1) == 1
        if section_level == 2 or only_h1:
            result.heading_title = items[0].text
            items = items[1:]
    result.has_headings = any(
        isinstance(item, _Heading) and item.level <= (section_level or 0) for item in items
    )
    lead = Section(title or result.heading_title or "Lead", line=first_line)
    current = lead
    for item in items:
        if isinstance(item, Block):
            current.blocks.append(item)
        elif section_level is not None and item.level <= section_level:
            if current.blocks or current is not lead:
                result.sections.append(current)
            current = Section(item.text or "Untitled section", line=item.line)
        else:
            current.blocks.append(_subheading(item))
    if current.blocks or current is not lead:
        result.sections.append(current)
    if result.sections and result.sections[0] is lead and lead.blocks:
        lead.line = lead.blocks[0].line
    return result


def _plain(body: str, first_line: int, title: str | None) -> ParsedMarkdown:
    """The body as plain paragraphs (blank-line separated), for input too deeply nested to parse."""
    blocks: list[Block] = []
    lines: list[str] = []
    start = first_line
    for number, line in enumerate([*body.split("\n"), ""], start=first_line):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(lines), line=start))
            lines = []
    sections = [Section(title or "Lead", blocks, line=blocks[0].line)] if blocks else []
    return ParsedMarkdown(sections, degraded=True)


def _subheading(heading: _Heading) -> Block:
    """A heading below the section level, kept as a bold paragraph."""
    marks = (Mark(0, len(heading.text), MarkStyle.STRONG),) if heading.text else ()
    return Block(BlockKind.PARAGRAPH, heading.text, marks, heading.line)


@dataclass(slots=True)
class _Container:
    """An open list, list item or block quote while walking the block tokens."""

    kind: str
    ordinal: int | None = None
    paragraphs: int = 0


def _items(tokens: list[Token], first_line: int) -> list[Block | _Heading]:
    """Walk block tokens into top-level headings and blocks, in reading order."""
    items: list[Block | _Heading] = []
    stack: list[_Container] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = token.map[0] + first_line if token.map else None
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            stack.append(_Container("list"))
        elif kind == "list_item_open":
            stack.append(_Container("item", ordinal=_ordinal(token)))
        elif kind == "blockquote_open":
            stack.append(_Container("quote"))
        elif kind in ("bullet_list_close", "ordered_list_close", "list_item_close", "blockquote_close"):
            if stack:
                stack.pop()
        elif kind in ("paragraph_open", "heading_open"):
            inline = tokens[index + 1] if index + 1 < len(tokens) else None
            text, marks = _inline(inline.children or []) if inline is not None else ("", ())
            index += 2  # the inline token and the closing token
            if kind == "heading_open" and not stack:
                items.append(_Heading(int(token.tag[1:]), text.strip(), line))
            elif kind == "heading_open":
                if text:
                    items.append(_block_in(stack, text, (Mark(0, len(text), MarkStyle.STRONG),), line))
            elif text:
                items.append(_block_in(stack, text, marks, line))
        elif kind in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            if text.strip():
                items.append(_block_in(stack, text, (Mark(0, len(text), MarkStyle.CODE),), line))
        elif kind == "html_block":
            text = token.content.strip()
            if text:
                items.append(_block_in(stack, text, (), line))
        index += 1
    return items


def _ordinal(token: Token) -> int | None:
    """The number of an ordered list item (markdown-it keeps it in ``info``)."""
    return int(token.info) if token.info.isdigit() and len(token.info) <= 9 else None


def _block_in(stack: list[_Container], text: str, marks: tuple[Mark, ...], line: int | None) -> Block:
    """A block whose kind comes from its innermost container (list item, quote, or none)."""
    depth = max(0, sum(1 for container in stack if container.kind == "list") - 1)
    for container in reversed(stack):
        if container.kind == "item":
            container.paragraphs += 1
            ordinal = container.ordinal if container.paragraphs == 1 else None
            return Block(BlockKind.LIST_ITEM, text, marks, line, depth=depth, ordinal=ordinal)
        if container.kind == "quote":
            return Block(BlockKind.QUOTE, text, marks, line)
    return Block(BlockKind.PARAGRAPH, text, marks, line)


def _inline(children: list[Token]) -> tuple[str, tuple[Mark, ...]]:
    """Plain text and style marks of an inline token's children."""
    parts: list[str] = []
    length = 0
    marks: list[Mark] = []
    open_marks: list[tuple[MarkStyle, int, str | None]] = []
    for child in children:
        piece = ""
        kind = child.type
        if kind == "text" or kind == "html_inline":
            piece = child.content
        elif kind == "softbreak":
            piece = " "
        elif kind == "hardbreak":
            piece = "\n"
        elif kind == "code_inline":
            piece = child.content
            if piece:
                marks.append(Mark(length, length + len(piece), MarkStyle.CODE))
        elif kind == "image":
            piece = _inline(child.children or [])[0]
        elif kind in _INLINE_STYLES:
            href = child.attrs.get("href") if kind == "link_open" else None
            open_marks.append((_INLINE_STYLES[kind], length, str(href) if href is not None else None))
        elif kind in _CLOSERS:
            style = _CLOSERS[kind]
            for position in range(len(open_marks) - 1, -1, -1):
                if open_marks[position][0] is style:
                    _, start, href = open_marks.pop(position)
                    if length > start:
                        marks.append(Mark(start, length, style, href))
                    break
        parts.append(piece)
        length += len(piece)
    text = "".join(parts)
    return _strip(text, marks)


def _strip(text: str, marks: list[Mark]) -> tuple[str, tuple[Mark, ...]]:
    """Trim surrounding whitespace and keep the marks pointing at the same characters."""
    stripped = text.strip()
    if not stripped:
        return "", ()
    offset = len(text) - len(text.lstrip())
    end = len(stripped)
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda mark: (mark.start, -mark.end)):
        start, stop = max(0, mark.start - offset), min(end, mark.end - offset)
        if stop > start:
            kept.append(Mark(start, stop, mark.style, mark.href))
    return stripped, tuple(kept)
