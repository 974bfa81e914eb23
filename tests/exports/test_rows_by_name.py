"""Exports read annotation rows by name, so reordering the groups in annotations/fields.py
changes the SQL's column order and nothing else."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from tests.exports.conftest import export_bytes
from workbench.annotations import fields
from workbench.exports import claimreview, csv_format, jsonl, selectors, streaming, w3c

EXPORTS = Path(selectors.__file__).parent
FORMATS = {"jsonl": jsonl, "csv": csv_format, "w3c": w3c, "claimreview": claimreview}
# The groups the export rows are built from, reversed in the test below.
GROUPS = ("EXPORT_ROW_HEAD", "SPAN_CONTEXT", "REVIEW_FIELDS", "TIMES")
GROUPS += ("QUOTE_COLUMNS", "CLAIM_COLUMNS", "FLAT_COLUMNS", "SPAN", "MENTION", "CUE")


def _export_all(project: object) -> dict[str, bytes]:
    return {
        fmt: export_bytes(project, fmt, status=status, base_url=base_url)
        for fmt in FORMATS
        for status in ("", "approved")
        for base_url in ("", "https://workbench.example")
    }


def _reload_exports() -> None:
    # selectors first: the formats import export_pages from it.
    for module in (selectors, *FORMATS.values()):
        importlib.reload(module)
    for fmt, module in FORMATS.items():
        streaming.WRITERS[fmt] = module.stream


@pytest.fixture
def reordered(monkeypatch: pytest.MonkeyPatch):
    """The export modules rebuilt on field groups in reverse order, restored afterwards."""
    for name in GROUPS:
        monkeypatch.setattr(fields, name, tuple(reversed(getattr(fields, name))))
    _reload_exports()
    yield
    monkeypatch.undo()
    _reload_exports()


@pytest.mark.django_db
def test_exports_survive_reordered_field_groups(desk, request):
    before = _export_all(desk.world.project)
    request.getfixturevalue("reordered")
    assert jsonl.ROW[0] != "pk"  # the rows really are in another order now
    assert _export_all(desk.world.project) == before


def test_export_rows_hold_the_named_groups():
    expected = (
        *fields.EXPORT_ROW_HEAD,
        "kind",
        "exact",
        *fields.SPAN_CONTEXT,
        *fields.REVIEW_FIELDS,
        *fields.QUOTE_COLUMNS,
        *fields.CLAIM_COLUMNS,
    )
    assert expected == jsonl.ROW
    for module in FORMATS.values():
        assert module.ROW[: len(fields.EXPORT_ROW_HEAD)] == fields.EXPORT_ROW_HEAD
        assert len(set(module.ROW)) == len(module.ROW)


def test_export_row_constants_point_at_their_columns():
    """Every ALL-CAPS index constant of a format names the column it points at."""
    aliases = {"ANNOTATOR": "annotator_id", "SPEAKER": "speaker_id", "CLAIMANT": "claimant_id"}
    aliases |= {"QUOTE": "quote_id", "QUOTE_SPEAKER": "quote__speaker_id"}
    for module in FORMATS.values():
        constants = {
            k: v
            for k, v in vars(module).items()
            if k.isupper() and type(v) is int and k != "OPTIONS"  # orjson's option flags
        }
        assert constants, module.__name__
        for name, index in constants.items():
            assert module.ROW[index] == aliases.get(name, name.lower()), (module.__name__, name)


def test_exports_source_has_no_positional_row_reads():
    for path in sorted(EXPORTS.rglob("*.py")):
        source = path.read_text()
        assert not re.search(r"row\[-?\d", source), path
        for node in ast.walk(ast.parse(source)):
            # row[9], rows[0][4] or the like: an integer index into anything named *row*.
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
                target = ast.unparse(node.value)
                assert not ("row" in target and isinstance(node.slice.value, int)), (
                    f"{path.name}:{node.lineno} {ast.unparse(node)}"
                )
            # A long unpacking of an annotation row (article rows are not annotation rows).
            if isinstance(node, ast.For | ast.Assign | ast.comprehension):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Tuple) and len(target.elts) > 8:
                        names = {ast.unparse(e) for e in target.elts}
                        assert "kind" not in names, f"{path.name}:{node.lineno}"
