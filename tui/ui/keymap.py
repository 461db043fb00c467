"""Every key of the app in one catalogue, and the user's remapping of them from ``config.toml``.

Config is what the user writes (state is what the app writes): a TOML file,
``config.toml`` in ``platformdirs.user_config_dir("briefing")`` or in
``$BRIEFING_CONFIG_DIR`` when set (the tests use it), with a ``[keys]`` table
from binding id to key or keys::

    [keys]
    "app.search" = "ctrl+f"
    "article.next_item" = ["l", "tab"]   # or "l,tab"

It is applied with :meth:`App.set_keymap`, so Textual itself moves the keys.
A config that cannot be used (bad TOML, an unknown id, a key that is not a
string) is a warning notification, never a crash: the rest of it still applies.

The catalogue (:func:`binding_groups`) is built from the ``BINDINGS`` of the
app and of every widget and screen class that has keys, so the help screen and
the id check here never go stale when someone adds a binding.
"""

from __future__ import annotations

import os
import re
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

ENV_CONFIG_DIR = "BRIEFING_CONFIG_DIR"
CONFIG_FILE = "config.toml"

_applied: weakref.WeakKeyDictionary[App[Any], dict[str, str]] = weakref.WeakKeyDictionary()


def config_dir() -> Path:
    """Where config lives: ``$BRIEFING_CONFIG_DIR`` if set, else the platform's user config directory."""
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("briefing", appauthor=False))


def config_path() -> Path:
    """The config file the reader reads keys from."""
    return config_dir() / CONFIG_FILE


# -- the catalogue -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyGroup:
    """The bindings one class declares, under a title the help screen shows."""

    title: str
    owner: type[DOMNode]
    bindings: tuple[Binding, ...]


def _as_binding(entry: BindingType) -> Binding:
    return entry if isinstance(entry, Binding) else Binding(*entry)


def declared_bindings(cls: type[DOMNode], *, bases: Iterable[type[DOMNode]] = ()) -> list[Binding]:
    """The bindings a class of this package declares (and inherits from ours), without expanding ``"j,down"``.

    Textual's own widgets' keys (an Input's Ctrl-A, an OptionList's arrows)
    are standard and have no ids, so they are left out; ``bases`` names
    Textual classes whose keys count all the same (the app's Ctrl-Q, the
    screen's Tab). A subclass binding with the same id or action replaces the
    inherited one, as in Textual.
    """
    found: dict[str, Binding] = {}
    extra = tuple(bases)
    for klass in [*extra, *reversed(cls.__mro__)]:
        if not (klass.__module__.startswith("tui.") or klass in extra):
            continue
        for entry in klass.__dict__.get("BINDINGS", ()):
            binding = _as_binding(entry)
            found[binding.id or binding.action] = binding
    return list(found.values())


def _title(cls: type[DOMNode]) -> str:
    """A heading for a class's keys: its ``KEY_GROUP`` if it sets one, else its name in words."""
    name = getattr(cls, "KEY_GROUP", None)
    if isinstance(name, str):
        return name
    words = re.findall(r"[A-Z][a-z]*|[a-z]+", cls.__name__.removesuffix("View"))
    return " ".join(words).capitalize() if words else cls.__name__


def _extra_classes() -> list[type[DOMNode]]:
    """Screens and widgets that are not mounted until used, so walking the DOM does not find them."""
    from tui.ui.card import CardList, EntityCard
    from tui.ui.dossier_prompt import SaveDossier
    from tui.ui.help import HelpScreen, HelpTable
    from tui.ui.hints import HintScreen
    from tui.ui.map import MapScreen
    from tui.ui.search import SearchBar, SearchInput
    from tui.ui.timeline import TimelineStrip

    return [EntityCard, CardList, TimelineStrip, SaveDossier, SearchBar, SearchInput, HintScreen, HelpScreen,
            HelpTable, MapScreen]


def binding_groups(app: App[Any]) -> list[KeyGroup]:
    """Every binding of the app, its mounted widgets and our screens, grouped by where it works.

    The mounted widgets are found by walking the main screen, so a widget added
    later shows up without touching this module; screens that are pushed only
    when used are listed in :func:`_extra_classes`. Classes with the same
    ``KEY_GROUP`` (a screen and its list, say) share one group.
    """
    classes: list[type[DOMNode]] = [type(app)]
    base = app.screen_stack[0] if app.screen_stack else None
    if base is not None:
        for node in base.walk_children(with_self=False):
            cls = type(node)
            if cls.__module__.startswith("tui.") and cls not in classes:
                classes.append(cls)
    for cls in _extra_classes():
        if cls not in classes:
            classes.append(cls)
    groups: dict[str, KeyGroup] = {}
    for cls in classes:
        if cls is type(app):
            title = "Everywhere"
            bindings = declared_bindings(cls, bases=(App, Screen))
            bindings += _palette_binding(app, bindings)
        else:
            title = _title(cls)
            bindings = declared_bindings(cls)
        own = tuple(b for b in bindings if b.description or b.id)
        if own:
            previous = groups.get(title)
            merged = (*previous.bindings, *own) if previous else own
            groups[title] = KeyGroup(title, previous.owner if previous else cls, merged)
    return list(groups.values())


def _palette_binding(app: App[Any], bindings: Iterable[Binding]) -> list[Binding]:
    """Textual adds Ctrl-P itself when the app does not bind the palette; list it all the same."""
    if not app.ENABLE_COMMAND_PALETTE:
        return []
    if any(b.action in ("command_palette", "app.command_palette") for b in bindings):
        return []
    return [Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Go to anything (palette)")]


def known_ids(app: App[Any]) -> set[str]:
    """Every binding id the app knows, for checking a config."""
    return {b.id for group in binding_groups(app) for b in group.bindings if b.id}


def effective_keys(binding: Binding, keymap: Mapping[str, str] | None = None) -> list[str]:
    """The keys that trigger a binding now: the config's, if it remaps the id, else the declared ones."""
    keys = keymap.get(binding.id) if keymap and binding.id else None
    return [key.strip() for key in (keys or binding.key).split(",") if key.strip()]


def key_display(app: App[Any], key: str) -> str:
    """One key as the Footer would show it (``^o``, ``?``, ``⏎``)."""
    return app.get_key_display(Binding(key, ""))


def applied_keymap(app: App[Any]) -> dict[str, str]:
    """The keymap the config gave this app (empty when there is no config)."""
    return dict(_applied.get(app, {}))


# -- reading the config --------------------------------------------------------------------------


def read_keymap(path: Path, ids: Iterable[str] | None = None) -> tuple[dict[str, str], list[str]]:
    """The ``[keys]`` table of a config file as a keymap, and a warning for everything left out.

    A missing file is no keymap and no warning. ``ids`` (when given) are the
    binding ids that exist; other ids are reported, with the file's name, so a
    typo is noticed rather than silently ignored.
    """
    table, warnings = _keys_table(path)
    return _keymap_of(path, table, ids, warnings), warnings


def read_config(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The whole config file as TOML data (empty when missing), or a warning why it cannot be read.

    Shared by the keys here and :func:`tui.ui.accessible.read_accessible`.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, []
    except OSError as error:
        return {}, [f"{path}: cannot read the config: {error.strerror or error}"]
    import tomllib  # only when there is a config file to parse

    try:
        return tomllib.loads(raw.decode("utf-8")), []
    except UnicodeDecodeError:
        return {}, [f"{path}: the config is not UTF-8 text; keys left as they are"]
    except tomllib.TOMLDecodeError as error:
        return {}, [f"{path}: not valid TOML ({error}); keys left as they are"]


def _keys_table(path: Path) -> tuple[dict[str, object], list[str]]:
    """The config file's ``[keys]`` table as written (empty when missing), or a warning why it is unusable."""
    data, warnings = read_config(path)
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return {}, [f"{path}: [keys] must be a table of binding id = key; keys left as they are"]
    return keys, warnings


def _keymap_of(path: Path, table: Mapping[str, object], ids: Iterable[str] | None,
               warnings: list[str]) -> dict[str, str]:
    """The usable entries of a ``[keys]`` table; a warning (added to ``warnings``) for each other one."""
    known = set(ids) if ids is not None else None
    keymap: dict[str, str] = {}
    for binding_id, value in table.items():
        if known is not None and binding_id not in known:
            warnings.append(f"{path}: no key has the id {binding_id!r} (see ? for the ids)")
            continue
        parsed = _keys_of(value)
        if parsed is None:
            warnings.append(f"{path}: {binding_id}: a key must be a string like \"ctrl+f\" or a list of them")
            continue
        keymap[binding_id] = parsed
    return keymap


def _keys_of(value: object) -> str | None:
    """A config value as Textual's comma-separated key string, or ``None`` if it is not one."""
    items: list[object] = value if isinstance(value, list) else [value]
    keys: list[str] = []
    for item in items:
        if not isinstance(item, str):
            return None
        for key in item.split(","):
            key = key.strip()
            if not key or any(char.isspace() for char in key):
                return None
            keys.append(key)
    return ",".join(keys) if keys else None


def apply_config(app: App[Any], path: Path | None = None) -> dict[str, str]:
    """Read the config and remap the app's keys; warn (never raise) about what could not be used.

    The file is read once; the ids are checked only when its ``[keys]`` table
    has entries: knowing them imports every screen's module
    (:func:`_extra_classes`), which start-up need not do.
    """
    path = path or config_path()
    table, warnings = _keys_table(path)
    keymap = _keymap_of(path, table, known_ids(app), warnings) if table else {}
    _applied[app] = keymap
    if keymap:
        app.set_keymap(keymap)
    for warning in warnings:
        app.notify(warning, title="Config", severity="warning", markup=False, timeout=10)
    return keymap
