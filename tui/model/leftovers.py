"""Scraped leftovers: the lines a news page adds around an article that are not the article.

Saving a page as text keeps embedded-post signatures, photo credits, "Read
more" links, share and subscribe prompts, copyright lines and reporting
credits. They are recognised by general patterns (never by particular names),
only on short lines, so a real paragraph that happens to begin with "Follow" or
"Reporting" is not lost. The raw loader keeps them as credits blocks, which are
shown but never searched for people or places.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_SOCIAL = (
    r"(?:twitter|x|facebook|instagram|telegram|threads|bluesky|linkedin|youtube|tiktok|whatsapp|"
    r"mastodon|google news|apple news|flipboard|reddit|snapchat)"
)

# Lines that are nothing but a link, or an embedded post's signature:
# "— Ada (@ada) March 12, 2025" (Twitter/X, Bluesky, Threads embeds end this way).
_WHOLE_LINE = [
    re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE),
    re.compile(
        rf"[—–-]{{1,2}}\s*.{{0,80}}\(@[\w.]{{1,40}}\)\s*(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|.{{0,40}})"
    ),
]

# Prefixes that mark a leftover when the line is short.
_PREFIXES = re.compile(
    r"""^(?:
        (?:photo|image|picture|video|graphic|illustration|header\ image|top\ image|lead\ image)?
           \s*credits?\s*[:|–—-]
      | (?:photo|photograph|picture|image|illustration|video|graphic|graphics|map|cartography|source)\s*[:|]
      | read\ (?:more|also|next|the\ full\ story)\b
      | (?:also\ read|related|see\ also|more\ on\ this(?:\ story)?|recommended|most\ read|trending|
           you\ may\ also\ like|more\ from|watch|listen)\s*[:|–—-]
      | follow\b.{0,120}(?:@\w|\b{social}\b|\bus\b)
      | (?:©|\(c\)\s*\d|copyright\b|all\ rights\ reserved)
      | (?:additional\ )?(?:reporting|writing|editing|research|translation|production|graphics|
           cartography|compiled|edited|written|illustrations?)(?:\ and\ \w+)?\ by\b
      | (?:sign\ up|subscribe|share\ (?:this|on|via|the)|click\ here|tap\ here|download\ (?:our|the)\ app|
           advertisement|story\ continues|listen\ to\ this\ article|join\ (?:our|us)|
           get\ (?:our|the)\b.{0,40}newsletter|
           this\ article\ (?:was|is)\ (?:originally\ )?(?:published|republished)|
           (?:first\ )?published\b(?=.*\d).{0,60}$|(?:last\ )?updated\b(?=.*\d).{0,60}$|our\ standards\b)
    )""".replace("{social}", _SOCIAL),
    re.IGNORECASE | re.VERBOSE,
)

# A byline on its own line: "By Ada Lovelace" or "By Ada Lovelace and Alan Turing".
_BYLINE = re.compile(
    r"^By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,?\s+and\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*$"
)

# An embedded post's media link left at the end of a real paragraph.
_TRAILING_EMBED = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)\s*$", re.IGNORECASE)
_EMBED_LINK = re.compile(r"pic\.twitter\.com/|https?://t\.co/", re.IGNORECASE)

MAX_WORDS = 45
"""Longer lines are article text whatever they start with."""


def is_leftover(line: str) -> bool:
    """Whether a whole line (or joined paragraph) is scraped page furniture rather than article text."""
    text = line.strip()
    if not text:
        return False
    if any(pattern.fullmatch(text) for pattern in _WHOLE_LINE):
        return True
    if len(text.split()) > MAX_WORDS:
        return False
    return bool(_PREFIXES.match(text) or _BYLINE.match(text))


def strip_trailing_embed(text: str) -> tuple[str, str | None]:
    """Cut an embedded post's media link off the end of a paragraph: ``(paragraph, link or None)``.

    The link is in the paragraph's last word, so that is looked at first: searching the
    whole paragraph tried the pattern (which may open with spaces) at every position.
    """
    last = text.rsplit(None, 1)[-1] if text and not text.isspace() else ""
    if not _EMBED_LINK.search(last):
        return text, None
    match = _TRAILING_EMBED.search(text)
    if match is None:
        return text, None
    return text[: match.start()].rstrip(), match.group().strip()
