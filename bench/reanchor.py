"""Re-anchoring annotations in a changed article (issue 19): accuracy and speed.

Usage: uv run python bench/reanchor.py [--seeds 200] [--floors 0.5,0.6,0.7,0.8]

Per seed: an article of 5,000 words (paragraphs of sentences, a third of them quotes with a
speaker and "said"), 300 annotations on it (sentences, clauses, two sentences, short phrases;
quotes carry their speaker mention and cue as parts), then 20 random edits: sentence and word
insertions, deletions, word replacements (figures), sentence rewrites and paragraph moves.

Every character carries the offset it had in the first text (inserted ones none), so the edit
script knows where each annotation's words ended up. For an annotation whose surviving
characters are P in the new text, its *recognisability* is 2·|P| / (old length + length of the
stretch from P's first to last character): 1 when intact, below 0.5 when its words were mostly
deleted or rewritten; such an annotation **must** be orphaned. A placement is:

- *exact*: the original characters inside it are exactly the annotation's surviving ones (new
  words that replaced some of them may be inside too);
- *near*: it holds at least half of them and is not exact;
- *wrong*: it holds fewer, or the annotation must be orphaned.

The workbench's anchor (workbench/articles/anchoring.py) runs at each floor; Hypothesis's way
runs on the same edits: the position selector when its text still matches, else the best quote
match scored with its weights (quote 50, prefix 20, suffix 20, position 2) allowing up to half
the quote's length in errors, and no other floor (its client's match-quote.ts). The last line
is the JSON summary of the anchor at FUZZY_FLOOR.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.articles.anchoring import (  # noqa: E402
    CONTEXT_CHARS,
    FUZZY_FLOOR,
    reanchor,
)

WORDS, ANNOTATIONS, EDITS = 5000, 300, 20
SYLLABLES = "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro"
SYLLABLES += " sa se si so ta te ti to va ve vi vo za ze zi zo"
COMMON = "the a of to and in that is was for on with as by at from it he she they has have"
COMMON = COMMON.split(" ")
NAMES = ["Knights", "Marra", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Silva"]


class Text:
    """The article as characters, each with the offset it had in the first text (-1: new)."""

    def __init__(self, text: str) -> None:
        self.chars = list(text)
        self.origin = list(range(len(text)))

    def __str__(self) -> str:
        return "".join(self.chars)

    def replace(self, start: int, end: int, text: str, origin: list[int] | None = None) -> None:
        self.chars[start:end] = list(text)
        self.origin[start:end] = origin if origin is not None else [-1] * len(text)


def vocabulary(rng: random.Random) -> list[str]:
    syllables = SYLLABLES.split()
    words = {"".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(4000)}
    return COMMON + sorted(words)


def word(rng: random.Random, vocab: list[str]) -> str:
    if rng.random() < 0.04:
        return str(rng.randint(2, 990))
    # Zipf's law, as in English: "the" is one word in ten or so, most words are rare.
    return rng.choices(vocab, cum_weights=_zipf(len(vocab)))[0]


_ZIPF: dict[int, list[float]] = {}


def _zipf(n: int) -> list[float]:
    if n not in _ZIPF:
        total, weights = 0.0, []
        for rank in range(1, n + 1):
            total += 1 / rank
            weights.append(total)
        _ZIPF[n] = weights
    return _ZIPF[n]


def words(rng: random.Random, vocab: list[str], n: int) -> str:
    return " ".join(word(rng, vocab) for _ in range(n))


def sentence(rng: random.Random, vocab: list[str]) -> str:
    body = words(rng, vocab, rng.randint(8, 26))
    if rng.random() < 0.33:
        return f"“{body.capitalize()},” {rng.choice(NAMES)} said."
    return body.capitalize() + "."


def article(rng: random.Random, vocab: list[str]) -> str:
    paragraphs, count = [], 0
    while count < WORDS:
        sentences = [sentence(rng, vocab) for _ in range(rng.randint(2, 5))]
        count += sum(len(s.split()) for s in sentences)
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


SENTENCE = re.compile(r"[^\s][^.\n]*\.")
QUOTE = re.compile(r"“([^”]*),” (\w+) (said)\.")
WORD = re.compile(r"\S+")


def annotations(rng: random.Random, text: str) -> list[tuple[int, int, list]]:
    """Return 300 spans (start, end, [mention, cue]) of sentences, clauses, phrases and quotes."""
    sentences = [m.span() for m in SENTENCE.finditer(text)]
    out = []
    while len(out) < ANNOTATIONS:
        at = rng.randrange(len(sentences))
        start, end = sentences[at]
        quote = QUOTE.fullmatch(text, start, end)
        kind = rng.random()
        if quote and kind < 0.5:
            out.append((*quote.span(1), [quote.span(2), quote.span(3)]))
            continue
        if kind < 0.55 and at + 1 < len(sentences) and "\n" not in text[end : sentences[at + 1][0]]:
            end = sentences[at + 1][1]
        elif kind < 0.85:
            spans = [m.span() for m in WORD.finditer(text, start, end)]
            n = rng.randint(2, min(12, len(spans)))
            first = rng.randrange(len(spans) - n + 1)
            start, end = spans[first][0], spans[first + n - 1][1]
        out.append((start, end, [None, None]))
    return out


def edit(rng: random.Random, text: Text, vocab: list[str]) -> str:
    """Apply one random edit; return its kind."""
    current = str(text)
    sentences = [m.span() for m in SENTENCE.finditer(current)]
    start, end = rng.choice(sentences)
    spans = [m.span() for m in WORD.finditer(current, start, end)]
    kind = rng.choice(
        ["insert sentence", "insert words", "delete sentence", "delete words", "replace words",
         "rewrite sentence", "move paragraph"]
    )  # fmt: skip
    if kind == "insert sentence":
        text.replace(end, end, " " + sentence(rng, vocab))
    elif kind == "insert words":
        at = rng.choice(spans)[1]
        text.replace(at, at, " " + words(rng, vocab, rng.randint(1, 4)))
    elif kind == "delete sentence":
        text.replace(start - 1 if current[start - 1 : start] == " " else start, end, "")
    elif kind in ("delete words", "replace words") and len(spans) > 5:
        n = rng.randint(1, 3 if kind == "replace words" else 4)
        first = rng.randrange(1, len(spans) - n)
        a, b = spans[first][0], spans[first + n - 1][1]
        text.replace(a - 1, b, "" if kind == "delete words" else " " + words(rng, vocab, n))
    elif kind == "rewrite sentence":
        text.replace(start, end, sentence(rng, vocab))
    elif kind == "move paragraph":
        breaks = [m.start() for m in re.finditer("\n\n", current)]
        if len(breaks) >= 3:
            cut = rng.randrange(len(breaks) - 1)
            a, b = breaks[cut], breaks[cut + 1]  # "\n\n" + the paragraph
            chars, origin = text.chars[a:b], text.origin[a:b]
            text.replace(a, b, "")
            to = rng.choice([x for x in range(len(breaks) - 1) if x != cut])
            at = [m.start() for m in re.finditer("\n\n", str(text))][to]
            text.replace(at, at, "".join(chars), origin)
    return kind


def judge(span: tuple[int, int], placed, world: tuple[str, str, list[int], dict]) -> str:
    """Say whether a placement is exact, near or wrong (or the orphan right or missed).

    Spaces at a span's edges are not its words: they count nowhere.
    """
    old, new, origin, position = world
    start, end = span
    words = [o for o in range(start, end) if not old[o].isspace()]
    survived = {o for o in words if o in position}
    where = sorted(position[o] for o in survived)
    stretch = sum(not c.isspace() for c in new[where[0] : where[-1] + 1]) if where else 0
    recognisable = 2 * len(survived) / (len(words) + stretch)
    if placed is None or not placed.placed:
        return "orphaned_rightly" if recognisable < 0.5 else "orphaned"
    if recognisable < 0.5:
        return "wrong"
    inside = {o for o in origin[placed.start : placed.end] if o >= 0 and not old[o].isspace()}
    if inside == survived:
        return "exact"
    return "near" if len(inside & survived) * 2 >= len(survived) else "wrong"


class HypothesisPlacement:
    def __init__(self, start: int | None, end: int | None) -> None:
        self.start, self.end, self.placed = start, end, start is not None


def hypothesis(old: str, new: str, start: int, end: int) -> HypothesisPlacement:
    """Place a span the way Hypothesis's client does (match-quote.ts), without its DOM."""
    exact = old[start:end]
    if new[start:end] == exact:  # the TextPositionSelector still holds
        return HypothesisPlacement(start, end)
    prefix, suffix = old[max(0, start - CONTEXT_CHARS) : start], old[end : end + CONTEXT_CHARS]
    candidates = []
    at = new.find(exact)
    while at != -1:
        candidates.append((at, at + len(exact), 1.0))
        at = new.find(exact, at + 1)
    if not candidates:
        # Its approximate search allows len/2 errors; the region around the longest run of
        # shared words is the candidate it would find.
        old_words, new_words = exact.split(" "), new.split(" ")
        match = SequenceMatcher(None, new_words, old_words, autojunk=False).find_longest_match()
        if match.size == 0:
            return HypothesisPlacement(None, None)
        offset = sum(len(w) + 1 for w in new_words[: match.a])
        lead = sum(len(w) + 1 for w in old_words[: match.b])
        a = max(0, offset - lead)
        quality = SequenceMatcher(None, exact, new[a : a + len(exact)], autojunk=False).ratio()
        if (1 - quality) * len(exact) > len(exact) / 2:
            return HypothesisPlacement(None, None)
        candidates.append((a, a + len(exact), quality))
    best = max(
        candidates,
        key=lambda c: (
            50 * c[2]
            + 20 * SequenceMatcher(None, prefix, new[max(0, c[0] - len(prefix)) : c[0]]).ratio()
            + 20 * SequenceMatcher(None, suffix, new[c[1] : c[1] + len(suffix)]).ratio()
            + 2 * (1 - abs(c[0] - start) / len(new))
        ),
    )
    return HypothesisPlacement(best[0], best[1])


def run_seed(seed: int, vocab: list[str], floors: list[float]) -> dict:
    rng = random.Random(seed)  # noqa: S311 (a bench, not a secret)
    old = article(rng, vocab)
    spans = annotations(rng, old)
    text = Text(old)
    for _ in range(EDITS):
        edit(rng, text, vocab)
    new = str(text)
    position = {o: at for at, o in enumerate(text.origin) if o >= 0}
    world = (old, new, text.origin, position)
    result: dict = {}
    for floor in floors:
        began = time.perf_counter()
        placed = reanchor(old, new, spans, floor=floor)
        ms = (time.perf_counter() - began) * 1000
        verdicts = [judge(s[:2], p, world) for s, (p, _) in zip(spans, placed, strict=True)]
        parts = [
            judge(part, pp, world)
            for s, (p, pps) in zip(spans, placed, strict=True)
            for part, pp in zip(s[2], pps, strict=True)
            if part is not None and p.placed
        ]
        result[floor] = (verdicts, parts, ms, [p.state for p, _ in placed])
    verdicts = [judge(s[:2], hypothesis(old, new, s[0], s[1]), world) for s in spans]
    result["hypothesis"] = (verdicts, [], 0.0, [])
    return result


def summary(verdicts: list[str], parts: list[str], times: list[float]) -> dict:
    count = {
        k: verdicts.count(k) for k in ("exact", "near", "wrong", "orphaned", "orphaned_rightly")
    }
    placeable = len(verdicts) - count["orphaned_rightly"]
    return {
        "annotations": len(verdicts),
        "placed_exactly": count["exact"],
        "placed_near": count["near"],
        "placed_wrongly": count["wrong"],
        "orphaned": count["orphaned"] + count["orphaned_rightly"],
        "orphaned_rightly": count["orphaned_rightly"],
        "placeable": placeable,
        "exact_rate": round(count["exact"] / max(placeable, 1), 4),
        "parts": len(parts),
        "parts_wrongly": parts.count("wrong"),
        "p95_ms": round(statistics.quantiles(times, n=20)[18], 1) if len(times) > 1 else None,
        "median_ms": round(statistics.median(times), 1) if times else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--floors", default="0.5,0.6,0.7,0.8")
    args = parser.parse_args()
    floors = sorted({float(f) for f in args.floors.split(",")} | {FUZZY_FLOOR})
    vocab = vocabulary(random.Random(0))  # noqa: S311
    totals: dict = {key: ([], [], [], []) for key in [*floors, "hypothesis"]}
    for seed in range(args.seeds):
        for key, (verdicts, parts, ms, states) in run_seed(seed, vocab, floors).items():
            totals[key][0].extend(verdicts)
            totals[key][1].extend(parts)
            totals[key][2].append(ms)
            totals[key][3].extend(states)
    for key in [*floors, "hypothesis"]:
        verdicts, parts, times, states = totals[key]
        row = summary(verdicts, parts, times if key != "hypothesis" else [])
        row["states"] = {s: states.count(s) for s in sorted(set(states))}
        print(f"{'floor ' + str(key) if key != 'hypothesis' else 'Hypothesis'}: {json.dumps(row)}")
    verdicts, parts, times, _ = totals[FUZZY_FLOOR]
    row = summary(verdicts, parts, times)
    keys = ("annotations", "placed_exactly", "placed_wrongly", "orphaned", "p95_ms")
    print(json.dumps({key: row[key] for key in keys}))


if __name__ == "__main__":
    main()
