"""How far two labellings of the same articles agree, in the finder's own measures (issue 15).

    uv run python bench/devset/agreement.py bench/holdout6/gold.jsonl \
        bench/holdout6/gold-second.jsonl [--show N]

Each file is a gold file as build_gold.py writes it (the workbench's JSON Lines export). The
first is read as gold and the second's quotes stand in for the finder's suggestions, each with
its labeller's speaker (an unresolved description as written), so every figure means what it
means in `suggest_eval.py --devset`: found direct / found all (a quote covering at least half
of the other's), exact direct, speaker canonical name, named speaker. F1 is the same whichever
file comes first for found and exact; the speaker figures are counted on the first file's
found quotes. An article is paired by its body; one only one file has is left out, and named.

Two careful labellers following LABELLING.md agree this far; a finder cannot be expected to
agree with either of them further (the ceiling of the measures, as PolNeAR's 0.923 agreement
was for its direct quotes).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scoring import (
    ALL_OUTLETS,
    GoldArticle,
    GoldQuote,
    Row,
    Suggestion,
    covering,
    load_gold,
    score_quotes,
    speaker_right,
    table,
)


def as_suggestions(article: GoldArticle) -> list[Suggestion]:
    """The second labeller's quotes as suggestions: span, type and speaker as labelled."""
    return [
        Suggestion(
            kind="quote",
            start=q.start,
            end=q.end,
            text=article.body[q.start : q.end],
            score=1.0,
            speaker=q.speaker or None,
            quote_type=q.quote_type,
        )
        for q in article.quotes
    ]


def pairs(
    first: list[GoldArticle], second: list[GoldArticle]
) -> tuple[list[tuple[GoldArticle, GoldArticle]], list[str]]:
    """Articles of the two files paired by body; the titles of those only one file has."""
    by_body = {a.body: a for a in second}
    paired = [(a, by_body[a.body]) for a in first if a.body in by_body]
    bodies = {a.body for a in first}
    alone = [a.title for a in first if a.body not in by_body]
    alone += [a.title for a in second if a.body not in bodies]
    return paired, alone


def agreement(paired: list[tuple[GoldArticle, GoldArticle]]) -> dict[str, Row]:
    """Rows per outlet (the first file's) and ALL_OUTLETS, as scoring.evaluate makes them."""
    rows: dict[str, Row] = {}
    total = Row()
    for gold, other in paired:
        row = score_quotes(gold, as_suggestions(other))
        rows.setdefault(gold.outlet, Row()).add(row)
        total.add(row)
    return {**dict(sorted(rows.items())), ALL_OUTLETS: total}


def disagreements(gold: GoldArticle, other: GoldArticle) -> list[str]:
    """One line per quote only one labeller marked, or marked with another speaker."""
    mine, theirs = gold.quotes, as_suggestions(other)
    found = covering(theirs, mine)
    lines: list[tuple[int, str]] = []
    for j, q in enumerate(mine):
        span = " ".join(gold.body[q.start : q.end].split())[:90]
        if j not in found:
            lines.append((q.start, f"FIRST ONLY  {q.quote_type:<8} [{q.speaker}] {span}"))
        elif q.speaker and not speaker_right(theirs[found[j]].speaker, q):
            said = f"{q.speaker!r} / {theirs[found[j]].speaker!r}"
            lines.append((q.start, f"SPEAKER     {q.quote_type:<8} {said}: {span}"))
    reverse = covering(
        as_suggestions(gold), [GoldQuote(s.start, s.end, "", "", False) for s in theirs]
    )
    for k, s in enumerate(theirs):
        if k not in reverse:
            span = " ".join(s.text.split())[:90]
            lines.append((s.start, f"SECOND ONLY {s.quote_type:<8} [{s.speaker}] {span}"))
    return [line for _, line in sorted(lines)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("first", type=Path, help="gold file read as gold")
    parser.add_argument("second", type=Path, help="gold file of the other labeller")
    parser.add_argument("--show", type=int, default=0, help="list up to N disagreements")
    args = parser.parse_args(argv)
    paired, alone = pairs(load_gold(args.first), load_gold(args.second))
    quotes = (sum(len(a.quotes) for a, _ in paired), sum(len(b.quotes) for _, b in paired))
    print(
        f"== agreement of {args.second} with {args.first}: {len(paired)} articles, "
        f"{quotes[0]} and {quotes[1]} quotes"
    )
    for title in alone:
        print(f"   left out (in one file only): {title}")
    for line in table(agreement(paired)):
        print(line.rsplit(" | ", 1)[0])  # no speed column: nothing ran
    shown: list[str] = []
    for gold, other in paired if args.show else []:
        found = disagreements(gold, other)
        if found:
            shown += [f"-- {gold.title}", *(f"   {line}" for line in found)]
    print("\n".join(shown[: args.show]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
