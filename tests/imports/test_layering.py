"""The import layer sits above articles and annotations: articles imports neither (issue 16 §3)."""

from __future__ import annotations

import ast
from pathlib import Path

import workbench

ARTICLES = Path(workbench.__file__).parent / "articles"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return names | {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_articles_imports_neither_annotations_nor_imports():
    offenders = {
        f"{path.relative_to(ARTICLES)}: {module}"
        for path in ARTICLES.rglob("*.py")
        for module in _imported_modules(path)
        if module.startswith(("workbench.annotations", "workbench.imports"))
    }
    assert not offenders
