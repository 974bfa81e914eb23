"""The layout rules of issue 16, checked from outside the code.

- the import contracts in pyproject.toml's `[tool.importlinter]` (the finder is a pure library,
  accounts and articles import no annotations, review imports nothing from api);
- no function in workbench/ over 35 branch points or 90 lines;
- no positional indexing of annotation rows in workbench/exports/ (read rows by name, so adding
  or reordering a field cannot silently shift an export's columns);
- no template line over 160 characters (templates are formatted by djhtml in CI).

docs/architecture.md draws the layout these rules keep.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKBENCH = ROOT / "workbench"

# Listed here rather than read from pyproject.toml, so deleting a contract fails a test.
CONTRACTS = (
    "finder-pure",
    "ranker-pure",
    "anchoring-pure",
    "accounts-no-annotations",
    "articles-no-annotations",
    "review-no-api",
)

MAX_BRANCH_POINTS = 35
MAX_FUNCTION_LINES = 90
MAX_TEMPLATE_LINE = 160

_BRANCH_NODES = (
    ast.If,  # `elif` is an If nested in the orelse, so it counts here too
    ast.IfExp,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.ExceptHandler,
    ast.match_case,
    ast.Assert,
)


def branch_points(function: ast.AST) -> int:
    """Count a function's branch points, nested functions included (as /tmp/fnsize.py does).

    One each for if/elif, conditional expression, for, while, except, match case and assert;
    one per extra operand of and/or; one per comprehension `for` plus one per its `if`.
    """
    count = 0
    for node in ast.walk(function):
        if isinstance(node, _BRANCH_NODES):
            count += 1
        elif isinstance(node, ast.BoolOp):
            count += len(node.values) - 1
        elif isinstance(node, ast.comprehension):
            count += 1 + len(node.ifs)
    return count


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [
        node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def _python_files(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.py"))


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}"


def test_branch_points_counts_each_kind_once() -> None:
    source = textwrap.dedent(
        """
        def f(xs, y):
            if y and xs or not y:       # if 1, and/or 2
                pass
            elif y:                     # elif 1
                pass
            for x in xs:                # for 1
                while x:                # while 1
                    x -= 1
            try:
                pass
            except ValueError:          # except 1
                pass
            assert y                    # assert 1
            z = 1 if y else 2           # ifexp 1
            w = [a for a in xs if a if y for b in xs]   # 2 comprehensions 2, their ifs 2
            match y:
                case 1:                 # case 1
                    pass
                case _:                 # case 1
                    pass

            def g():                    # nested functions count toward f too
                return y or z           # or 1
        """
    )
    f = _functions(ast.parse(source))[0]
    assert branch_points(f) == 16


def test_branch_points_of_straight_code_is_zero() -> None:
    f = _functions(ast.parse("def f(x):\n    return x + 1\n"))[0]
    assert branch_points(f) == 0


def test_functions_stay_small() -> None:
    too_big = []
    for path in _python_files(WORKBENCH):
        for f in _functions(ast.parse(path.read_text(), filename=str(path))):
            branches, lines = branch_points(f), f.end_lineno - f.lineno + 1
            if branches > MAX_BRANCH_POINTS or lines > MAX_FUNCTION_LINES:
                too_big.append(
                    f"{_where(path, f.lineno)} {f.name} branches={branches} lines={lines}"
                )
    assert not too_big, (
        f"functions over {MAX_BRANCH_POINTS} branch points or {MAX_FUNCTION_LINES} lines "
        "(split them, or turn a cascade into a table of named rules):\n" + "\n".join(too_big)
    )


def _positional_row_reads(tree: ast.AST) -> list[int]:
    """Return the line of each place that indexes a `row` (or `*_row`) by an integer literal."""
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)):
            continue
        name, index = node.value.id, node.slice
        if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub):
            index = index.operand
        is_row = name == "row" or name.endswith("_row")
        if is_row and isinstance(index, ast.Constant) and type(index.value) is int:
            lines.append(node.lineno)
    return lines


def test_positional_row_reads_finds_integer_indexes_only() -> None:
    tree = ast.parse("row[9]\nrow[-1]\nrow['status']\nrow.status\nprev_row[0]\nrows[0]\n")
    assert _positional_row_reads(tree) == [1, 2, 5]


def test_exports_read_annotation_rows_by_name() -> None:
    found = []
    for path in _python_files(WORKBENCH / "exports"):
        source = path.read_text()
        lines = source.splitlines()
        for line in sorted(set(_positional_row_reads(ast.parse(source, filename=str(path))))):
            found.append(f"{_where(path, line)}: {lines[line - 1].strip()}")
    assert not found, (
        "exports index annotation rows by position (read them by name):\n" + "\n".join(found)
    )


@pytest.mark.parametrize("contract", CONTRACTS)
def test_import_contract_kept(contract: str) -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(  # noqa: S603 - a fixed command from this virtualenv
        [str(lint_imports), "--contract", contract, "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        report = result.stdout
        if "Broken contracts" in report:
            report = report[report.index("Broken contracts") :]
        pytest.fail(f"import contract {contract!r} broken:\n{report}{result.stderr}", pytrace=False)


def test_template_lines_fit() -> None:
    long_lines = [
        f"{_where(path, n)} ({len(line)} characters)"
        for path in sorted((ROOT / "templates").rglob("*"))
        if path.is_file()
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if len(line) > MAX_TEMPLATE_LINE
    ]
    assert not long_lines, (
        f"template lines over {MAX_TEMPLATE_LINE} characters (put attributes on their own lines):\n"
        + "\n".join(long_lines)
    )
