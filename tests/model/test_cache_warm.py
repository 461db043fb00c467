"""A warm briefing from the cache: built only as far as it is used, and equal to a cold one throughout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.model.test_cache import copy_fixture
from tui.model import surnames
from tui.model.dossier import dossier_markdown
from tui.model.export import library_to_dict
from tui.model.export_md import briefing_markdown
from tui.model.extract.names import fold_key
from tui.model.library import Library
from tui.model.loader import load_file, load_library
from tui.model.timeline import timeline


def test_a_warm_briefing_builds_its_text_only_when_first_used(tmp_path: Path, cache_dir: Path) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    expected_briefing, _ = load_file(path)
    briefing, _ = load_file(path)
    assert briefing is not None and expected_briefing is not None
    assert briefing._body is not None, "listing and indexing need no text"
    assert briefing.entity_ids() == expected_briefing.entity_ids()
    assert briefing._annotations is not None, "indexing needs the ids mentions name, not the mentions"
    assert briefing.mentions == expected_briefing.mentions and briefing.quotes == expected_briefing.quotes
    assert briefing._annotations is None and briefing.entity_ids() == expected_briefing.entity_ids()
    assert briefing._body is not None, "mentions and quotes need no text"
    assert [s.title for s in briefing.sections] == [s.title for s in expected_briefing.sections]
    assert briefing._body is None and briefing == expected_briefing


def test_a_warm_briefing_knows_its_section_titles_without_building_its_text(tmp_path: Path,
                                                                           cache_dir: Path) -> None:
    path = copy_fixture("harbour.md", tmp_path)
    expected_briefing, _ = load_file(path)
    briefing, _ = load_file(path)
    assert briefing is not None and expected_briefing is not None
    assert briefing.section_titles() == [s.title for s in expected_briefing.sections]
    assert briefing._body is not None, "the palette lists all sections: titles come with the head"
    briefing.sections  # noqa: B018  (built now)
    assert briefing.section_titles() == [s.title for s in expected_briefing.sections]


def test_a_warm_library_extracts_and_exports_exactly_what_a_cold_one_does(tmp_path: Path) -> None:
    for name in ("harbour.md", "flood_raw.txt", "quay_notes.txt", "quay_notes.yaml"):
        copy_fixture(name, tmp_path)
    cold = load_library([tmp_path])
    warm = load_library([tmp_path])
    assert warm.briefings and all(b._body is not None for b in warm.briefings), "read from the cache"
    assert library_to_dict(warm) == library_to_dict(cold)
    assert markdown_of(warm) == markdown_of(cold)


def test_a_warm_library_counts_and_dates_mentions_without_building_them(tmp_path: Path) -> None:
    """A card's counts and timeline of a place named in 5,000 briefings built 20,000 mentions first."""
    for name in ("harbour.md", "flood_raw.txt", "quay_notes.txt", "quay_notes.yaml"):
        copy_fixture(name, tmp_path)
    cold = load_library([tmp_path])
    warm = load_library([tmp_path])
    assert len(warm.index) > 5 and all(b._annotations is not None for b in warm.briefings)
    for entity_id in warm.index:
        assert timeline(warm, entity_id) == timeline(cold, entity_id)
        assert warm.mention_count(entity_id) == sum(1 for _ in cold.mentions_of(entity_id)) > 0
    quoting = {b.key for b in cold.briefings if b.quotes}
    assert all(b._annotations is not None for b in warm.briefings if b.key not in quoting)


def markdown_of(library: Library) -> list[str]:
    return [briefing_markdown(briefing, library) for briefing in library.briefings] + [
        dossier_markdown(library, entity_id) or "" for entity_id in library.index]


def test_a_warm_briefing_shown_by_repr_stays_unbuilt(tmp_path: Path, cache_dir: Path) -> None:
    """A repr (a log line, a worker's name) names the briefing; it builds neither text nor mentions."""
    path = copy_fixture("harbour.md", tmp_path)
    load_file(path)
    briefing, _ = load_file(path)
    assert briefing is not None
    shown = repr(briefing)
    assert str(path) in shown and briefing.title in shown
    assert briefing._body is not None and briefing._annotations is not None


def test_a_surname_folded_into_a_full_name_leaves_a_warm_briefing_unbuilt(tmp_path: Path) -> None:
    """Folding renamed every mention at once: a warm library built the mentions of each briefing it folded."""
    (tmp_path / "a.md").write_text(
        "---\ntitle: The harbour\ndate: 2025-05-01\npeople:\n  - name: Mara Lind\nextract: false\n---\n"
        "Mara Lind opened the harbour.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: The quay\ndate: 2025-05-02\npeople:\n  - name: Lind\n  - name: Mara Lind\n"
        "quotes:\n  - speaker: Lind\n    text: The quay is ready\nextract: false\n---\n"
        "Lind walked the quay. “The quay is ready,” Lind said. Later Mara Lind left.\n", encoding="utf-8")
    cold = load_library([tmp_path])
    warm = load_library([tmp_path])
    [cold_b, warm_b] = [library.briefing(str(tmp_path / "b.md")) for library in (cold, warm)]
    assert cold_b is not None and warm_b is not None
    assert "person:lind" not in cold_b.entity_ids(), "the lone surname is folded into the full name"
    assert warm_b._annotations is not None, "folded without building its mentions"
    assert warm_b.entity_ids() == cold_b.entity_ids()
    assert warm_b.presence("person:mara-lind") == cold_b.presence("person:mara-lind")
    assert warm_b.mention_counts() == cold_b.mention_counts()
    assert warm_b.mentions == cold_b.mentions and warm_b.quotes == cold_b.quotes  # renamed when built


def test_a_warm_library_folds_its_surnames_without_working_out_a_fold_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Working out the fold keys of a warm 1,000-article library's names was a third of its folding."""
    (tmp_path / "a.md").write_text(
        "---\ntitle: The harbour\ndate: 2025-05-01\npeople:\n  - name: Mara Lind\n"
        "  - name: Ole von der Berg\nextract: false\n---\n"
        "Mara Lind and Ole von der Berg opened the harbour.\n",
        encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: The quay\ndate: 2025-05-02\npeople:\n  - name: Lind\n  - name: von der Berg\n"
        "extract: false\n---\nLind and von der Berg walked the quay.\n", encoding="utf-8")
    cold = load_library([tmp_path])
    worked_out: list[str] = []
    monkeypatch.setattr(surnames, "_fold_key", lambda name: worked_out.append(name) or fold_key(name))
    surnames._FOLDED.clear()
    warm = load_library([tmp_path])
    assert worked_out == [] and all(b._body is not None for b in warm.briefings), "read from the cache"
    assert [b.entity_ids() for b in warm.briefings] == [b.entity_ids() for b in cold.briefings]
    quay = warm.briefing(str(tmp_path / "b.md"))
    assert quay is not None and {"person:mara-lind", "person:ole-von-der-berg"} <= quay.entity_ids()
