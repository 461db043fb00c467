"""The reader's app-wide keys, in one table: each binding has an id, so a keymap file can remap it.

Keys follow vim, less and newsboat: ``]``/``[`` sections, ``J``/``K`` briefings
(newsboat's next/previous feed), ``*``/``#`` next/previous mention of the
current entity (vim's word search), Ctrl-O / Ctrl-I back and forward (vim's
jump list; Backspace and Alt-Left/Right too, since a terminal sends Tab for
Ctrl-I unless it speaks the kitty keyboard protocol). Keys that act on the
article itself (j/k, space/b, g/G, l/h, Enter) live on
:class:`tui.ui.article.ArticleView`, so they apply only when it has focus.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP_BINDINGS: list[BindingType] = [
    Binding("ctrl+o,backspace,alt+left", "history_back", "Back", id="app.back"),
    Binding("ctrl+i,alt+right", "history_forward", "Fwd", id="app.forward"),
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("question_mark", "help", "Keys", id="app.help"),
    Binding("right_square_bracket,right_curly_bracket", "jump('section', 1)", "Section", key_display="]",
            id="app.next_section"),
    Binding("left_square_bracket,left_curly_bracket", "jump('section', -1)", "Prev section", show=False,
            id="app.previous_section"),
    Binding("J", "jump('briefing', 1)", "Next briefing", show=False, id="app.next_briefing"),
    Binding("K", "jump('briefing', -1)", "Prev briefing", show=False, id="app.previous_briefing"),
    Binding("asterisk", "jump('mention', 1)", "Next mention", key_display="*", id="app.next_mention"),
    Binding("number_sign", "jump('mention', -1)", "Prev mention", show=False, id="app.previous_mention"),
    Binding("s", "jump('speaker')", "Speaker", show=False, id="app.speaker"),
    Binding("quotation_mark", "jump('quote_by', 1)", "Their quotes", show=False, id="app.next_quote_by"),
    Binding("apostrophe", "jump('quote_by', -1)", "Prev quote", show=False, id="app.previous_quote_by"),
    Binding("t", "toggle_pane('library')", "Library pane", show=False, id="app.toggle_library"),
    Binding("T", "toggle_pane('sidebar')", "Sidebar", show=False, id="app.toggle_sidebar"),
    Binding("1", "tab('people')", "People", show=False, id="app.tab_people"),
    Binding("2", "tab('places')", "Places", show=False, id="app.tab_places"),
    Binding("3", "tab('quotes')", "Quotes", show=False, id="app.tab_quotes"),
    Binding("o", "sort", "Sort", show=False, id="app.sort"),
    Binding("a", "scope", "Scope", show=False, id="app.scope"),
    Binding("m", "toggle_read", "Mark unread", show=False, id="app.toggle_read"),
    Binding("slash", "search", "Find", key_display="/", id="app.search"),
    Binding("f", "hints", "Hints", show=False, id="app.hints"),
    Binding("escape", "focus_article", "Article", show=False, id="app.focus_article"),
]
