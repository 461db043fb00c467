"""The reader's app-wide keys, in one table: each binding has an id, so a keymap file can remap it.

Keys follow vim, less and newsboat: ``]``/``[`` sections, ``J``/``K`` briefings
(newsboat's next/previous feed), ``*``/``#`` next/previous mention of the
current entity (vim's word search), Ctrl-O / Ctrl-I back and forward (vim's
jump list; Backspace and Alt-Left/Right too, since a terminal sends Tab for
Ctrl-I unless it speaks the kitty keyboard protocol: so the key bar offers
Alt-Right for forward, the first key of its binding, which every terminal sends). Keys that act on the
article itself (j/k, space/b, g/G, l/h, Enter: :data:`ARTICLE_BINDINGS`) are
:class:`tui.ui.article.ArticleView`'s, so they apply only when it has focus.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

FIND_BINDING = Binding("slash", "search", "Find", key_display="/", id="app.search",
                       tooltip="Find text in this briefing; n / N for the next and previous match")
"""``/``: its keys are also looked up by the find bar, which keeps what is typed right after them."""

APP_BINDINGS: list[BindingType] = [
    Binding("ctrl+o,backspace,alt+left", "history_back", "Back", id="app.back",
            tooltip="Back to where you were before the last jump (vim's jump list)"),
    Binding("alt+right,ctrl+i", "history_forward", "Fwd", id="app.forward",
            tooltip="Forward again over a jump you went back from"),
    Binding("q", "quit", "Quit", id="app.quit",
            tooltip="Quit, remembering where you are in each briefing"),
    Binding("question_mark", "help", "Keys", id="app.help",
            tooltip="Show every key (this screen)"),
    Binding("right_square_bracket,right_curly_bracket", "jump('section', 1)", "Section", key_display="]",
            id="app.next_section",
            tooltip="Next section of the briefing"),
    Binding("left_square_bracket,left_curly_bracket", "jump('section', -1)", "Prev section", show=False,
            id="app.previous_section",
            tooltip="Previous section of the briefing"),
    Binding("J", "jump('briefing', 1)", "Next briefing", show=False, id="app.next_briefing",
            tooltip="Open the next briefing in the library (where you left it)"),
    Binding("K", "jump('briefing', -1)", "Prev briefing", show=False, id="app.previous_briefing",
            tooltip="Open the previous briefing in the library"),
    Binding("asterisk", "jump('mention', 1)", "Next mention", key_display="*", id="app.next_mention",
            tooltip="Next mention of the current person or place, on into other briefings"),
    Binding("number_sign", "jump('mention', -1)", "Prev mention", show=False, id="app.previous_mention",
            tooltip="Previous mention of the current person or place"),
    Binding("s", "jump('speaker')", "Speaker", show=False, id="app.speaker",
            tooltip="From a quote under the cursor: go to the person who said it"),
    Binding("quotation_mark", "jump('quote_by', 1)", "Their quotes", show=False, id="app.next_quote_by",
            tooltip="The current person's next quote, on into other briefings"),
    Binding("apostrophe", "jump('quote_by', -1)", "Prev quote", show=False, id="app.previous_quote_by",
            tooltip="The current person's previous quote"),
    Binding("t", "toggle_pane('library')", "Library pane", show=False, id="app.toggle_library",
            tooltip="Show or hide the briefings pane on the left"),
    Binding("T", "toggle_pane('sidebar')", "Sidebar", show=False, id="app.toggle_sidebar",
            tooltip="Show or hide the people / places / quotes sidebar"),
    Binding("1", "tab('people')", "People", show=False, id="app.tab_people",
            tooltip="People tab of the sidebar; type to filter"),
    Binding("2", "tab('places')", "Places", show=False, id="app.tab_places",
            tooltip="Places tab of the sidebar; type to filter"),
    Binding("3", "tab('quotes')", "Quotes", show=False, id="app.tab_quotes",
            tooltip="Quotes tab of the sidebar; type to filter"),
    Binding("o", "sort", "Sort", show=False, id="app.sort",
            tooltip="Sort the sidebar by first appearance, count or name"),
    Binding("a", "scope", "Scope", show=False, id="app.scope",
            tooltip="Sidebar shows this briefing or the whole library"),
    Binding("m", "toggle_read", "Mark unread", show=False, id="app.toggle_read",
            tooltip="Mark the open briefing unread (or read again)"),
    FIND_BINDING,
    Binding("f", "hints", "Hints", show=False, id="app.hints",
            tooltip="Label every visible mention and quote; type a label to jump there"),
    Binding("ctrl+r", "reload", "Reload", show=False, id="app.reload",
            tooltip="Load the open briefing again if its file changed on disk"),
    Binding("escape", "focus_article", "Article", show=False, id="app.focus_article",
            tooltip="Back to the article from any pane; while reading, close the find bar"),
    Binding("y", "copy_quote", "Copy quote", show=False, id="app.copy_quote",
            tooltip="Copy the quote in focus, with its speaker and source"),
    Binding("U", "open_url", "Open web page", show=False, id="app.open_url",
            tooltip="Open the briefing's web address (url in its front matter) in the browser"),
    Binding("v", "edit_file", "Edit file", show=False, id="app.edit_file",
            tooltip="Edit the briefing's file in $VISUAL or $EDITOR; reloaded when it closes"),
    Binding("M", "map", "Map", show=False, id="app.map",
            tooltip="Map of this briefing's places (or the library's); Enter opens a card"),
]

PALETTE_BINDINGS: list[BindingType] = [
    Binding("ctrl+p", "command_palette", "Go to…", show=False, priority=True, id="app.palette",
            tooltip="Go to any briefing, section, person, place or quote by name"),
]
"""Ctrl-P with an id, so it shows in help and can be remapped (Textual's own palette key has none).

Kept here, not in :mod:`tui.ui.commands`, so start-up need not import the palette's provider.
"""

ARTICLE_BINDINGS: list[BindingType] = [
    Binding("j,down", "scroll_lines(1)", "Down", show=False, id="article.down",
            tooltip="Scroll down a line"),
    Binding("k,up", "scroll_lines(-1)", "Up", show=False, id="article.up",
            tooltip="Scroll up a line"),
    Binding("space,pagedown", "page(1)", "Page", show=False, id="article.page_down",
            tooltip="Scroll down a page"),
    Binding("b,pageup", "page(-1)", "Page up", show=False, id="article.page_up",
            tooltip="Scroll up a page"),
    Binding("g,home", "edge(-1)", "Top", show=False, id="article.top",
            tooltip="Top of the briefing"),
    Binding("G,end", "edge(1)", "Bottom", show=False, id="article.bottom",
            tooltip="End of the briefing"),
    Binding("l,right", "item(1)", "Next item", key_display="l", id="article.next_item",
            tooltip="Cursor to the next linked item (mention or quote)"),
    Binding("h,left", "item(-1)", "Prev item", show=False, id="article.previous_item",
            tooltip="Cursor to the previous linked item"),
    Binding("enter", "follow", "Follow", id="article.follow",
            tooltip="Follow the cursor: a mention opens its card, a quote its speaker's"),
]
"""The article view's own keys (:class:`tui.ui.article.ArticleView`)."""
