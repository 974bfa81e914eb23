"""Score the quote finder on the development set's gold file (issue 15), overall and per outlet.

    uv run python bench/suggest_eval.py --devset bench/devset/gold.jsonl [--json]

The gold file is the workbench's JSON Lines export that build_gold.py writes: one article per
line (its `outlet` names the row it counts under), its quotes in `annotations`. The finder runs
on each body as `manage.py suggest` would (quotes only, no registry). The measures:

- **found** (direct / all): a suggestion finds a gold quote when it covers at least half of the
  gold quote's characters. R = gold quotes found by some suggestion; P = suggestions that find
  some gold quote. Not one-to-one: a suggestion that runs two labelled quotes together (a split
  quote, a quotation over several paragraphs) finds both; the exact measure below is the one
  that asks for one suggestion per quoted passage. *all*: every quote suggestion against every
  gold quote. *direct*: R = direct gold quotes (the nested fragments of mixed quotes included)
  found by a suggestion of any type (as the issue measured "a suggestion covers 93 % of direct
  quotes": a quotation found inside a mixed suggestion is found; its type is the exact
  measure's business); P = `quote_type` direct suggestions that find a direct gold quote.
- **exact direct**: a direct suggestion is exact when its span, with white space and quotation
  marks stripped from both ends, is the gold direct quote's span stripped the same way: the
  same characters inside the marks, punctuation included ("“A,” she said" → `A,`; `A` without
  the comma is a miss). One-to-one, so a quote split by its attribution and suggested as one
  passage is one wrong suggestion and two missed gold quotes.
- **speaker**: on the gold quotes *found* ("all"), the `speaker` of the suggestion that covers
  the gold quote most, against the gold speaker's registry name, case and spacing aside. P =
  right of the found quotes for which a speaker is suggested; R = right of the found quotes
  whose gold names a speaker. The registry aliases of the gold entity do not count (the
  measure is the canonical name). An unresolved gold description (entity kind "other" with
  build_gold's UNRESOLVED description) is right when the suggestion is that description, a
  leading "a", "an" or "the" aside on both sides. The *named speaker* line leaves found quotes
  with an unresolved gold speaker out altogether.
- **speed**: milliseconds of `suggest()` per 1,000 words of body (words split on white space).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from workbench.suggest.finder.engine import Suggestion, suggest  # noqa: E402

# build_gold.py's marker of an unresolved description (kept here too so scoring needs no Django
# and no labels: build_gold imports it from this module).
UNRESOLVED = "Unresolved description: the article ties it to no name (dev-set gold)."
MARKS = "\"“”„‟«»‘’‚‛‹›'"
ALL_OUTLETS = "all outlets"
MEASURES = ("found_direct", "found_all", "exact_direct", "speaker", "named_speaker")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    quote_type: str
    speaker: str  # the registry name, "" when the text names no one
    unresolved: bool


@dataclass(frozen=True)
class GoldArticle:
    id: str
    title: str
    outlet: str
    body: str
    quotes: list[GoldQuote]


def load_gold(path: Path) -> list[GoldArticle]:
    """Read a JSON Lines export: its articles and their quotes (claims are not scored here)."""
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        quotes = []
        for a in record["annotations"]:
            if a["kind"] != "quote":
                continue
            speaker = a.get("speaker") or {}
            quotes.append(
                GoldQuote(
                    start=a["start"],
                    end=a["end"],
                    quote_type=a.get("quote_type") or "",
                    speaker=speaker.get("name") or "",
                    unresolved=speaker.get("kind") == "other"
                    and speaker.get("description") == UNRESOLVED,
                )
            )
        articles.append(
            GoldArticle(
                id=record["id"],
                title=record.get("title") or "",
                outlet=record.get("outlet") or "(no outlet)",
                body=record["body"],
                quotes=quotes,
            )
        )
    return articles


@dataclass
class Count:
    """Right predictions of all predictions, gold items found of all gold items. The two right
    counts differ only for "found", where one suggestion may cover several gold quotes."""

    right_pred: int = 0
    pred: int = 0
    right_gold: int = 0
    gold: int = 0

    def add(self, right_pred: int, pred: int, right_gold: int, gold: int) -> None:
        self.right_pred += right_pred
        self.pred += pred
        self.right_gold += right_gold
        self.gold += gold

    def prf(self) -> tuple[float, float, float]:
        p = self.right_pred / self.pred if self.pred else 0.0
        r = self.right_gold / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self) -> dict[str, float | int]:
        p, r, f1 = self.prf()
        return {
            "right_pred": self.right_pred,
            "pred": self.pred,
            "right_gold": self.right_gold,
            "gold": self.gold,
            "p": round(p, 4),
            "r": round(r, 4),
            "f1": round(f1, 4),
        }


@dataclass
class Row:
    """The measures of one outlet (or of all)."""

    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    counts: dict[str, Count] = field(default_factory=lambda: {m: Count() for m in MEASURES})

    def add(self, other: Row) -> None:
        self.articles += other.articles
        self.words += other.words
        self.seconds += other.seconds
        for name, count in other.counts.items():
            self.counts[name].add(count.right_pred, count.pred, count.right_gold, count.gold)

    @property
    def ms_per_1000_words(self) -> float:
        return 1000 * self.seconds * 1000 / self.words if self.words else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "words": self.words,
            "gold_quotes": self.counts["found_all"].gold,
            "gold_direct": self.counts["found_direct"].gold,
            **{name: count.as_dict() for name, count in self.counts.items()},
            "ms_per_1000_words": round(self.ms_per_1000_words, 2),
        }


def covering(preds: list[Suggestion], golds: list[GoldQuote]) -> dict[int, int]:
    """For each gold quote that a suggestion covers by at least half of its characters, the
    covering suggestion with the largest overlap, and of equal overlaps the shortest (a quoted
    fragment, not the reported clause around it), then the first: gold index → pred index."""
    best: dict[int, tuple[int, int, int]] = {}
    for j, g in enumerate(golds):
        for i, p in enumerate(preds):
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if _finds(p, g) and (overlap, p.start - p.end) > best.get(j, (0, 0, 0))[:2]:
                best[j] = (overlap, p.start - p.end, i)
    return {j: i for j, (_, _, i) in best.items()}


def _finds(pred: Suggestion, gold: GoldQuote) -> bool:
    overlap = min(pred.end, gold.end) - max(pred.start, gold.start)
    return overlap > 0 and overlap * 2 >= gold.end - gold.start


def found_count(preds: list[Suggestion], golds: list[GoldQuote]) -> Count:
    """Found: gold quotes covered by some suggestion, suggestions covering some gold quote.

    A suggestion is right when it finds some gold quote, whether or not another suggestion
    covers that quote more (a direct fragment nested in the mixed quote that also covers it:
    counting only each gold quote's best cover made the nested one wrong)."""
    right = sum(any(_finds(p, g) for g in golds) for p in preds)
    return Count(right, len(preds), len(covering(preds, golds)), len(golds))


def inner(body: str, start: int, end: int) -> tuple[int, int]:
    """The span without white space and quotation marks at its ends."""
    while start < end and (body[start].isspace() or body[start] in MARKS):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in MARKS):
        end -= 1
    return start, end


def exact_count(body: str, preds: list[Suggestion], golds: list[GoldQuote]) -> int:
    """How many gold quotes a suggestion gives exactly (inner spans equal), one-to-one."""
    wanted = {inner(body, g.start, g.end) for g in golds}
    return len(wanted & {inner(body, p.start, p.end) for p in preds})


_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)


def _folded(name: str, description: bool) -> str:
    name = " ".join(name.split()).casefold()
    return _ARTICLE.sub("", name) if description else name


def speaker_right(suggested: str | None, gold: GoldQuote) -> bool:
    """Whether the suggested name is the gold speaker's (see the module docstring)."""
    if not suggested or not gold.speaker:
        return False
    return _folded(suggested, gold.unresolved) == _folded(gold.speaker, gold.unresolved)


def score_article(article: GoldArticle) -> Row:
    """Run the finder on one article and count every measure."""
    started = time.perf_counter()
    suggestions = [s for s in suggest(article.body, claims=0) if s.kind == "quote"]
    return score_quotes(article, suggestions, seconds=time.perf_counter() - started)


def score_quotes(article: GoldArticle, suggestions: list[Suggestion], seconds: float = 0.0) -> Row:
    """Count every measure of one article's quote suggestions (the finder's, or another
    labeller's quotes: bench/devset/agreement.py) against its gold quotes."""
    row = Row(articles=1, words=len(article.body.split()), seconds=seconds)
    c = row.counts
    direct_p = [s for s in suggestions if s.quote_type == "direct"]
    direct_g = [g for g in article.quotes if g.quote_type == "direct"]
    c["found_direct"] = found_count(direct_p, direct_g)
    # Recall of direct quotes by a suggestion of any type (see the module docstring).
    c["found_direct"].right_gold = len(covering(suggestions, direct_g))
    c["found_all"] = found_count(suggestions, article.quotes)
    exact = exact_count(article.body, direct_p, direct_g)
    c["exact_direct"].add(exact, len(direct_p), exact, len(direct_g))
    for j, i in sorted(covering(suggestions, article.quotes).items()):
        suggested, gold = suggestions[i].speaker, article.quotes[j]
        right = int(speaker_right(suggested, gold))
        said, named = int(bool(suggested)), int(bool(gold.speaker))
        c["speaker"].add(right, said, right, named)
        if not gold.unresolved:
            c["named_speaker"].add(right, said, right, named)
    return row


def evaluate(articles: Iterable[GoldArticle]) -> dict[str, Row]:
    """Rows per outlet (by name) and ALL_OUTLETS for the whole set."""
    rows: dict[str, Row] = {}
    total = Row()
    for article in articles:
        row = score_article(article)
        rows.setdefault(article.outlet, Row()).add(row)
        total.add(row)
    return {**dict(sorted(rows.items())), ALL_OUTLETS: total}


HEADERS = (
    ("found_direct", "found direct P/R/F1"),
    ("found_all", "found all P/R/F1"),
    ("exact_direct", "exact direct P/R/F1"),
    ("speaker", "speaker P/R/F1"),
    ("named_speaker", "named speaker P/R/F1"),
)
NAME_WIDTH = 36


def _short(outlet: str) -> str:
    """The outlet's name without its parenthesised site, cut to the column."""
    name = outlet.split(" (")[0] if outlet != ALL_OUTLETS else outlet
    return name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"


def table(rows: dict[str, Row]) -> list[str]:
    """The text table: one row per outlet, then all outlets."""
    head = f"{'outlet':<{NAME_WIDTH}} {'arts':>4} {'quotes':>6} {'direct':>6}"
    head += "".join(f" | {title:<17}" for _, title in HEADERS) + " | ms/1k words"
    lines = [head, "-" * len(head)]
    for outlet, row in rows.items():
        if outlet == ALL_OUTLETS:
            lines.append("-" * len(head))
        line = (
            f"{_short(outlet):<{NAME_WIDTH}} {row.articles:>4} {row.counts['found_all'].gold:>6} "
            f"{row.counts['found_direct'].gold:>6}"
        )
        for name, _ in HEADERS:
            p, r, f1 = row.counts[name].prf()
            line += f" | {p:.3f}/{r:.3f}/{f1:.3f}"
        lines.append(line + f" | {row.ms_per_1000_words:>11.1f}")
    return lines


def _excerpt(body: str, start: int, end: int, width: int = 90) -> str:
    text = " ".join(body[start:end].split())
    return text if len(text) <= width else text[: width - 1] + "…"


def errors(article: GoldArticle) -> list[str]:
    """The article's errors, one line each, in text order: gold quotes no suggestion finds
    (MISSED), found quotes with the wrong speaker (SPEAKER, gold → suggested), and suggestions
    that find no gold quote (EXTRA)."""
    suggestions = [s for s in suggest(article.body, claims=0) if s.kind == "quote"]
    found = covering(suggestions, article.quotes)
    lines: list[tuple[int, str]] = []
    for j, gold in enumerate(article.quotes):
        span = _excerpt(article.body, gold.start, gold.end)
        if j not in found:
            lines.append((gold.start, f"MISSED  {gold.quote_type:<8} [{gold.speaker}] {span}"))
            continue
        suggested = suggestions[found[j]].speaker
        if gold.speaker and not speaker_right(suggested, gold):
            said = f"{gold.speaker!r} -> {suggested!r}"
            lines.append((gold.start, f"SPEAKER {gold.quote_type:<8} {said}: {span}"))
    for pred in suggestions:
        if not any(_finds(pred, gold) for gold in article.quotes):
            span = _excerpt(article.body, pred.start, pred.end)
            lines.append((pred.start, f"EXTRA   {pred.quote_type:<8} [{pred.speaker}] {span}"))
    return [line for _, line in sorted(lines)]


def report(path: Path, as_json: bool = False, show: int = 0) -> str:
    """Score the gold file and return the table (or the JSON document) to print; with show,
    up to that many error lines after it (`errors`), article by article."""
    articles = load_gold(path)
    rows = evaluate(articles)
    if as_json:
        return json.dumps(
            {
                "gold": str(path),
                "articles": len(articles),
                "outlets": {k: v.as_dict() for k, v in rows.items() if k != ALL_OUTLETS},
                "all": rows[ALL_OUTLETS].as_dict(),
            },
            indent=1,
            ensure_ascii=False,
        )
    total = rows[ALL_OUTLETS]
    types = {
        t: sum(q.quote_type == t for a in articles for q in a.quotes)
        for t in ("direct", "mixed", "indirect")
    }
    unresolved = sum(q.unresolved for a in articles for q in a.quotes)
    lines = [
        f"== development set {path}: {len(articles)} articles, {len(rows) - 1} outlets, "
        f"{total.words:,} words, {total.counts['found_all'].gold} gold quotes "
        f"({types['direct']} direct, {types['mixed']} mixed, {types['indirect']} indirect; "
        f"{unresolved} with an unresolved speaker)",
        *table(rows),
    ]
    shown: list[str] = []
    for article in articles if show else []:
        found = errors(article)
        if found and len(shown) < show:
            shown += [f"-- {article.title}", *(f"   {line}" for line in found)]
    return "\n".join(lines + shown[:show])
