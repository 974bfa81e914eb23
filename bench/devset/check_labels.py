"""Check the development set's hand labels against the article texts (no database needed).

    python bench/devset/check_labels.py [LABEL_FILE | SET_FOLDER ...] [--articles DIR]

With no argument the development set's labels are checked (bench/devset/labels against
bench/devset/articles). A folder is another set laid out the same way (bench/holdout: its
`labels/*.jsonl` against its `articles/`) or a labels folder (against the `articles/` beside it);
a label file is checked against the `articles/` beside its folder. `--articles` overrides where
the articles are read from.

Every label's `text` must occur in the body (`occurrence` picks among several and is required
when there are several), keys and values must be the ones LABELLING.md allows, and a direct
quote's text must not start or end with a quotation mark. Prints one line per problem and the
counts; exits 1 when there is a problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = {
    "kind",
    "quote_type",
    "text",
    "occurrence",
    "speaker",
    "speaker_kind",
    "resolved",
    "role",
    "mention",
    "cue",
}
REQUIRED = {"kind", "quote_type", "text", "speaker", "speaker_kind"}
MARKS = "\"“”„«»‘’'"


def body_of(article: Path) -> str:
    """The article's body: the file after its title line and the blank line."""
    text = article.read_text(encoding="utf-8")
    _title, _blank, body = text.partition("\n\n")
    return body


def locate(body: str, label: dict) -> tuple[int, int] | str:
    """(start, end) of the label's span in the body, or the reason it cannot be placed."""
    text = label["text"]
    starts = []
    i = body.find(text)
    while i >= 0:
        starts.append(i)
        i = body.find(text, i + 1)
    if not starts:
        return "text not found in the body"
    occurrence = label.get("occurrence")
    if occurrence is None:
        if len(starts) > 1:
            return f"text occurs {len(starts)} times: give occurrence"
        occurrence = 1
    if not isinstance(occurrence, int) or not 1 <= occurrence <= len(starts):
        return f"occurrence must be 1..{len(starts)}"
    start = starts[occurrence - 1]
    return start, start + len(text)


def problems(path: Path, articles: Path = HERE / "articles") -> list[str]:
    """The problems of one label file against its article in `articles`."""
    article = articles / (path.stem + ".txt")
    if not article.exists():
        return [f"{path.name}: no article {article.name}"]
    body = body_of(article)
    found = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            label = json.loads(line)
        except json.JSONDecodeError as error:
            found.append(f"{where}: not JSON ({error})")
            continue
        if not isinstance(label, dict):
            found.append(f"{where}: not an object")
            continue
        if extra := set(label) - KEYS:
            found.append(f"{where}: unknown keys {sorted(extra)}")
        if missing := REQUIRED - set(label):
            found.append(f"{where}: missing keys {sorted(missing)}")
            continue
        if label["kind"] != "quote":
            found.append(f"{where}: kind must be quote")
        if label["quote_type"] not in {"direct", "indirect", "mixed"}:
            found.append(f"{where}: quote_type must be direct, indirect or mixed")
        if label["speaker_kind"] not in {"person", "organisation", "other"}:
            found.append(f"{where}: speaker_kind must be person, organisation or other")
        text = label["text"]
        if not isinstance(text, str) or not text.strip() or text != text.strip():
            found.append(f"{where}: text must be non-empty, without spaces around it")
            continue
        if label["quote_type"] == "direct" and (text[0] in MARKS or text[-1] in MARKS):
            found.append(f"{where}: a direct quote is the text inside the marks, without them")
        place = locate(body, label)
        if isinstance(place, str):
            found.append(f"{where}: {place}: {text[:60]!r}")
        for key in ("mention", "cue"):
            value = label.get(key) or ""
            if value and value not in body:
                found.append(f"{where}: {key} {value!r} not in the body")
    return found


def label_files(target: Path) -> tuple[list[Path], Path]:
    """The label files an argument names, and the articles folder that goes with them."""
    if target.is_dir():
        labels = target / "labels" if (target / "labels").is_dir() else target
        return sorted(labels.glob("*.jsonl")), labels.parent / "articles"
    return [target], target.parent.parent / "articles"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("targets", type=Path, nargs="*", help="label files or set folders")
    parser.add_argument("--articles", type=Path, help="the articles folder (default: beside)")
    args = parser.parse_args(argv)
    checks = [
        (path, args.articles or articles)
        for target in args.targets or [HERE]
        for files, articles in [label_files(target)]
        for path in files
    ]
    paths = [path for path, _articles in checks]
    all_problems = [p for path, articles in checks for p in problems(path, articles=articles)]
    for problem in all_problems:
        print(problem)
    labels = sum(
        1
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    print(f"{len(paths)} label files, {labels} labels, {len(all_problems)} problems")
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
