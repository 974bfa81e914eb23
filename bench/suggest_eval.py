"""Score the quote finder against PolNeAR (train and dev splits; test only when asked).

    uv run python bench/suggest_eval.py /path/to/PolNeAR [--split train|dev|test] [--show N]
    uv run python bench/suggest_eval.py /path/to/PolNeAR --rules    # P and R per named rule
    uv run python bench/suggest_eval.py --devset bench/devset/gold.jsonl [--json]  # our own set

The development set (bench/devset, issue 15) is scored by bench/devset/scoring.py, whose
docstring defines its measures; PolNeAR's scoring below is not affected by it.

PolNeAR (github.com/networkdynamics/PolNeAR) has no licence, so it is not in this repository:
clone it anywhere and pass the path. Each article's attributions are BRAT standoff (.ann) with
Source / Cue / Content spans in code points of data/<split>/text/<name>.txt; an article
annotated by several annotators is scored against the alphabetically first one.

Scoring (see bench/README.md, "Suggestions"): a suggestion matches a gold attribution when
their spans overlap by at least half of the shorter one, one-to-one (largest overlap first). A
match is attributed correctly when the speaker is right: the suggested speaker mention overlaps
the gold Source span, or the suggested canonical name and the gold Source share their head
word (the last capitalised word, possessive stripped). A gold attribution with no Source is
right only when no speaker is suggested. A gold attribution is a direct quote when the
longest stretch of its Content (fragments that only white space separates are one stretch)
starts with a quotation mark (or directly follows one). Where an annotator swapped the Source
and Cue labels (Source 'said', Cue 'Hester'), the two are swapped back. PolNeAR annotates a
remark as one Content span ("“A,” he said, “B.”" is one attribution; so is a quotation over
several paragraphs), so the suggestions are scored one per remark (`engine.remarks`): the parts
of a split quotation joined back into one span, the fragments nested in reported speech left
out (the mixed quote holding them is the attribution).

--rules adds precision and recall per named rule, scored like "all attributions": per engine
rule (Suggestion.rule, which made the suggestion), and for the attribution per cue rule
(Suggestion.cue_rule) and per speaker rule (Suggestion.speaker_rule). A rule's P is how many of
its suggestions match (or are attributed right) of those it made; its R is how many of all the
gold attributions it found, so the R of one column's rules add up to the overall R.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.suggest.finder.engine import (  # noqa: E402
    REPORTS,
    REPORTS_ALL,
    Suggestion,
    remarks,
    suggest,
)

sys.path.insert(0, str(Path(__file__).resolve().parent / "devset"))
import scoring as devset_scoring  # noqa: E402

OPENING = tuple("\"“«„‘'")
# The eval's own lexicon of communication cues (independent of the finder's verb list) for the
# "speech" subset: attributions whose cue is an act of saying or writing, not of believing.
SPEECH_CUE = re.compile(
    r"\b(?:sa(?:y|ys|id|ying)|t(?:ell|ells|old|elling)|add|state|announc|declar|expla|not(?:e|ed|es|ing)\b|"
    r"argu|claim|insist|warn|wr(?:ite|ote|itten|iting)|report|ask|repl|respon|continu|acknowledg|"
    r"admi|suggest|confirm|den(?:y|ied|ies)|predict|promis|vow|caution|complain|contend|maintain|"
    r"observ|point|recall|remark|stress|emphasi|tweet|post|testif|conced|counter|charg|alleg|"
    r"assert|boast|jok|quip|exclaim|shout|conclud|reveal|accord|statement|interview|speech|"
    r"call|accus|criticiz|prais|urg|demand|describ|mention|cit|quot|reiterat|repeat|told)",
    re.I,
)


@dataclass
class Gold:
    start: int
    end: int
    source: list[tuple[int, int]] | None
    cue: str
    direct: bool


def load_split(root: Path, split: str) -> list[tuple[str, str, list[Gold]]]:
    """Read one split's texts and attributions."""
    base = root / "data" / split
    by_article: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((base / "attributions").glob("*.ann")):
        name = re.sub(r"_[0-9a-f]{4}\.ann$", "", path.name)
        by_article[name].append(path)
    articles = []
    for name, paths in sorted(by_article.items()):
        text = (base / "text" / f"{name}.txt").read_text(encoding="utf-8")
        articles.append((name, text, parse_ann(text, paths[0].read_text(encoding="utf-8"))))
    return articles


def load_second(root: Path, split: str) -> dict[str, list[Gold]]:
    """The second annotator's attributions of the articles that two annotators annotated."""
    base = root / "data" / split
    by_article: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((base / "attributions").glob("*.ann")):
        by_article[re.sub(r"_[0-9a-f]{4}\.ann$", "", path.name)].append(path)
    second = {}
    for name, paths in sorted(by_article.items()):
        if len(paths) > 1:
            text = (base / "text" / f"{name}.txt").read_text(encoding="utf-8")
            second[name] = parse_ann(text, paths[1].read_text(encoding="utf-8"))
    return second


def parse_ann(text: str, ann: str) -> list[Gold]:
    """Return the attributions of one BRAT file that have a Content span."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            _, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = [tuple(map(int, f.split())) for f in offsets.split(";")]
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles = {}
            for pair in parts[1].split():
                role, _, ref = pair.partition(":")
                roles[role] = ref
            relations.append(roles)
    golds = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        start, end = min(s for s, _ in content), max(e for _, e in content)
        cue = " ".join(text[s:e] for s, e in spans.get(roles.get("Cue", ""), []))
        # Direct: the longest stretch of the content starts with (or right after) a quotation
        # mark; "But, she added, “…”" is stored as the fragments "But" and "“…”". Fragments
        # separated only by white space are one stretch: some annotators split a long quote
        # into its sentences, and its longest sentence would otherwise decide.
        f_start, f_end = max(_stretches(text, content), key=lambda f: f[1] - f[0])
        body = text[f_start:f_end].lstrip(" .…—–-\n")
        before = text[:f_start].rstrip(" ")[-1:]
        direct = body.startswith(OPENING) or (before in OPENING and before != "'")
        source = spans.get(roles.get("Source", ""))
        if _swapped(text, source, spans.get(roles.get("Cue", ""))):
            source, cue = spans[roles["Cue"]], text[source[0][0] : source[0][1]]
        golds.append(Gold(start, end, source, cue, direct))
    return golds


def _swapped(
    text: str, source: list[tuple[int, int]] | None, cue: list[tuple[int, int]] | None
) -> bool:
    """Whether the annotator swapped the Source and Cue labels.

    "“…,” said Hester." stored with Source 'said' and Cue 'Hester' (9 train and 5 dev
    attributions): a Source that is one lowercase reporting verb, with a Cue that names someone.
    """
    if not source or not cue or len(source) != 1:
        return False
    word = text[source[0][0] : source[0][1]].strip()
    return bool(
        re.fullmatch(r"[a-z]+", word)
        and SPEECH_CUE.match(word)
        and any(re.search(r"\b[A-Z]", text[s:e]) for s, e in cue)
    )


def _stretches(text: str, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the fragments of a span that only white space separates."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(fragments):
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _head(words: str) -> str:
    """The source's head word: the last capitalised word of its first part that ends in one,
    before any appositive or clause ("Jack Lie, a spokesman for the National Federation …" gives
    'lie', "the White House spokesman, Josh Earnest," gives 'earnest')."""
    parts = re.split(r",|\(|\s(?:who|whose|which)\s", words)
    words = next((p for p in parts if re.search(r"\b[A-Z][\w’'\-]*\W*$", p)), words)
    tokens = [re.sub(r"[’']s?$", "", w) for w in re.findall(r"[\w’'\-]+", words)]
    caps = [t for t in tokens if t[:1].isupper() and t.lower() not in {"the", "a", "an"}]
    return (caps[-1] if caps else (tokens[-1] if tokens else "")).casefold()


def speaker_right(text: str, suggestion: Suggestion, gold: Gold) -> bool:
    if not gold.source:
        return not suggestion.speaker
    if suggestion.speaker is None:
        return False
    if suggestion.speaker_start is not None and any(
        s < suggestion.speaker_end and suggestion.speaker_start < e for s, e in gold.source
    ):
        return True
    source_text = " ".join(text[s:e] for s, e in gold.source)
    head = _head(source_text)
    names = {w.casefold() for w in re.findall(r"[\w\-]+", suggestion.speaker)}
    return bool(head) and (head in names or _head(suggestion.speaker) == head)


def same_source(text: str, one: Gold, other: Gold) -> bool:
    """Whether two annotators credit the same source (span overlap or the same head word)."""
    if not one.source or not other.source:
        return not one.source and not other.source
    if any(s < e2 and s2 < e for s, e in one.source for s2, e2 in other.source):
        return True
    heads = {_head(" ".join(text[s:e] for s, e in g.source)) for g in (one, other)}
    return len(heads) == 1


def agreement(
    articles: list[tuple[str, str, list[Gold]]],
    second: dict[str, list[Gold]],
    reports: str = REPORTS_ALL,
) -> tuple[Score, Score]:
    """Direct quotes on the articles two annotators annotated: the second annotator scored
    against the first (the human ceiling), and the finder against the first."""
    human, finder = Score(), Score()
    for name, text, golds in articles:
        if name not in second:
            continue
        first = [g for g in golds if g.direct]
        other = [g for g in second[name] if g.direct]
        pairs = match(other, first)
        right = sum(same_source(text, other[i], first[j]) for i, j in pairs)
        human.add(len(other), len(first), len(pairs), right)
        found = remarks(text, suggest(text, claims=0, reports=reports))
        found = [s for s in found if s.quote_type == "direct"]
        pairs = match(found, first)
        right = sum(speaker_right(text, found[i], first[j]) for i, j in pairs)
        finder.add(len(found), len(first), len(pairs), right)
    return human, finder


_PRONOUNS = frozenset(
    ("he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "who", "which", "that")
)


_AFTER_HEAD = re.compile(r"\s(?:of|to|for|at|in|from|by|on|with|and|that|involved|familiar)\s")


def _name_head(text: str, gold: Gold) -> str | None:
    """The name a gold Source gives its speaker, as its head word ('lie' of "Mr. Lie of the Tax
    Policy Center"), or None when the Source names no one ("a longtime adviser to Lie", "he")."""
    if not gold.source:
        return None
    source = _AFTER_HEAD.split(" ".join(text[s:e] for s, e in gold.source))[0]
    head = _head(source)
    if head in _PRONOUNS or not re.search(rf"\b{re.escape(head)}\b", source, re.I):
        return None
    found = re.search(rf"\b{re.escape(head)}", source, re.I)
    return head if found and source[found.start()].isupper() else None


def name_right(text: str, suggestion: Suggestion, head: str) -> bool:
    """Whether the suggested canonical name carries the gold name's head word: stricter than
    speaker_right, which accepts a mention span ('Democratic' of 'Democratic pollster Ann
    Lie') that would make a wrong entity."""
    words = re.findall(r"[\w’'\-]+", suggestion.speaker or "")
    # (possessives stripped as in the gold's head: "Clinton's campaign" carries "clinton")
    return head in {re.sub(r"[’']s?$", "", w).casefold() for w in words}


def match(preds: list[Suggestion] | list[Gold], golds: list[Gold]) -> list[tuple[int, int]]:
    """One-to-one matches (largest overlap first) with overlap ≥ half the shorter span."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if overlap > 0 and overlap * 2 >= min(p.end - p.start, g.end - g.start):
                pairs.append((overlap, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, result = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            result.append((i, j))
    return result


class Score:
    def __init__(self) -> None:
        self.pred = self.gold = self.matched = self.attributed = self.ignored = 0

    def add(self, pred: int, gold: int, matched: int, attributed: int, ignored: int = 0) -> None:
        self.pred += pred
        self.gold += gold
        self.matched += matched
        self.attributed += attributed
        self.ignored += ignored

    @staticmethod
    def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def line(self, label: str) -> str:
        pred = self.pred - self.ignored
        q = self.prf(self.matched, pred, self.gold)
        a = self.prf(self.attributed, pred, self.gold)
        return (
            f"{label:<34} gold {self.gold:>6} pred {pred:>6}  quote P {q[0]:.3f} R {q[1]:.3f} "
            f"F1 {q[2]:.3f}   attributed P {a[0]:.3f} R {a[1]:.3f} F1 {a[2]:.3f}"
        )


RULE_FIELDS = ("rule", "cue_rule", "speaker_rule")


def by_rule(
    rules: dict[str, dict[str, Score]],
    suggestions: list[Suggestion],
    pairs: list[tuple[int, int]],
    right: set[int],
) -> None:
    """Count each suggestion under its rule names: made, matched, attributed right."""
    matched = {i for i, _ in pairs}
    for i, suggestion in enumerate(suggestions):
        for field in RULE_FIELDS:
            name = getattr(suggestion, field) or "(none)"
            rules[field].setdefault(name, Score()).add(1, 0, i in matched, i in right)


def rule_table(rules: dict[str, dict[str, Score]], gold: int) -> list[str]:
    """The per-rule table: one block per rule field, rules by how many suggestions they made."""
    lines = []
    for field in RULE_FIELDS:
        lines.append(
            f"{field:<34} {'pred':>6} {'match':>6} {'P':>6} {'R':>6}  "
            f"{'right':>6} {'attr P':>6} {'attr R':>6}"
        )
        for name, score in sorted(rules[field].items(), key=lambda kv: (-kv[1].pred, kv[0])):
            p, r, _ = Score.prf(score.matched, score.pred, gold)
            ap, ar, _ = Score.prf(score.attributed, score.pred, gold)
            lines.append(
                f"  {name:<32} {score.pred:>6} {score.matched:>6} {p:>6.3f} {r:>6.3f}  "
                f"{score.attributed:>6} {ap:>6.3f} {ar:>6.3f}"
            )
    return lines


def evaluate(
    articles: list[tuple[str, str, list[Gold]]],
    show: int = 0,
    rules: dict[str, dict[str, Score]] | None = None,
    reports: str = REPORTS_ALL,
) -> dict[str, Score]:
    """Score the finder on the articles; count per rule into `rules` when given (--rules)."""
    scores = {k: Score() for k in ("direct", "direct_lenient", "all", "speech", "names")}
    shown = 0
    for name, text, golds in articles:
        suggestions = remarks(text, suggest(text, claims=0, reports=reports))
        suggestions = [s for s in suggestions if s.kind == "quote"]
        # Direct quotes: direct suggestions against direct gold attributions.
        direct_p = [s for s in suggestions if s.quote_type == "direct"]
        direct_g = [g for g in golds if g.direct]
        pairs = match(direct_p, direct_g)
        right = sum(speaker_right(text, direct_p[i], direct_g[j]) for i, j in pairs)
        scores["direct"].add(len(direct_p), len(direct_g), len(pairs), right)
        named = [(direct_p[i], _name_head(text, direct_g[j])) for i, j in pairs]
        named = [(p, head) for p, head in named if head]
        scores["names"].add(
            len(named), len(named), len(named), sum(name_right(text, p, h) for p, h in named)
        )
        # Lenient: a direct suggestion that matches a non-direct gold attribution is left out.
        rest = [g for g in golds if not g.direct]
        unmatched = [direct_p[i] for i in set(range(len(direct_p))) - {i for i, _ in pairs}]
        scores["direct_lenient"].add(
            len(direct_p), len(direct_g), len(pairs), right, len(match(unmatched, rest))
        )
        # All attributions (PolNeAR counts beliefs and intentions too).
        pairs_all = match(suggestions, golds)
        right_all = {i for i, j in pairs_all if speaker_right(text, suggestions[i], golds[j])}
        scores["all"].add(len(suggestions), len(golds), len(pairs_all), len(right_all))
        if rules is not None:
            by_rule(rules, suggestions, pairs_all, right_all)
        # Speech: attributions whose cue is an act of saying; other matches left out.
        speech = [g for g in golds if SPEECH_CUE.search(g.cue) or g.direct]
        other = [g for g in golds if not (SPEECH_CUE.search(g.cue) or g.direct)]
        pairs_s = match(suggestions, speech)
        right_s = sum(speaker_right(text, suggestions[i], speech[j]) for i, j in pairs_s)
        left = [suggestions[i] for i in set(range(len(suggestions))) - {i for i, _ in pairs_s}]
        scores["speech"].add(
            len(suggestions), len(speech), len(pairs_s), right_s, len(match(left, other))
        )
        if show and shown < show:
            shown += _show(name, text, direct_p, direct_g, pairs)
    return scores


def _show(
    name: str, text: str, preds: list[Suggestion], golds: list[Gold], pairs: list[tuple[int, int]]
) -> int:
    """Print misses and false alarms of one article to the terminal (for development only)."""
    matched_p = dict(pairs)
    matched_g = {j for _, j in pairs}
    n = 0
    for i, p in enumerate(preds):
        if i not in matched_p:
            print(f"FP {name} [{p.text[:100]!r}] speaker={p.speaker}")
            n += 1
        elif not speaker_right(text, p, golds[matched_p[i]]):
            g = golds[matched_p[i]]
            src = " | ".join(text[s:e] for s, e in g.source or [])
            print(
                f"SPK {name} [{p.text[:60]!r}] mine={p.speaker}"
                f"@{text[p.speaker_start or 0 : p.speaker_end or 0]!r} gold={src!r}"
            )
            n += 1
    for j, g in enumerate(golds):
        if j not in matched_g:
            print(
                f"FN {name} [{text[g.start : g.end][:100]!r}]"
                f" ctx={text[max(0, g.start - 60) : g.start]!r}"
            )
            n += 1
    return n


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "polnear", type=Path, nargs="?", help="a checkout of networkdynamics/PolNeAR"
    )
    parser.add_argument(
        "--devset",
        type=Path,
        help="also (or only) score the development set's gold file (bench/devset/gold.jsonl), "
        "overall and per outlet; see bench/devset/scoring.py",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the development set's scores as JSON"
    )
    parser.add_argument(
        "--split",
        choices=["train", "dev", "test"],
        action="append",
        help="train and dev unless given; the test split only when named",
    )
    parser.add_argument(
        "--show",
        type=int,
        default=0,
        help="print up to N errors (PolNeAR: terminal only; development set: missed quotes, "
        "wrong speakers and extra suggestions, article by article)",
    )
    parser.add_argument(
        "--rules", action="store_true", help="precision and recall per named rule, as a table"
    )
    parser.add_argument(
        "--reports",
        choices=REPORTS,
        default=REPORTS_ALL,
        help="PolNeAR: the reported speech the finder offers (suggest(reports=…)); 'all' by "
        "default, as PolNeAR annotates noun-phrase and infinitive objects too; the "
        "development set is scored as the workbench runs the finder ('clauses')",
    )
    args = parser.parse_args()
    if args.polnear is None and args.devset is None:
        parser.error("give a PolNeAR checkout, --devset GOLD_FILE, or both")
    if args.json and args.devset is None:
        parser.error("--json scores the development set: give --devset")
    if args.devset is not None and not args.devset.is_file():
        print(f"no gold file {args.devset}", file=sys.stderr)
        return 2
    for split in (args.split or ["train", "dev"]) if args.polnear else []:
        started = time.perf_counter()
        articles = load_split(args.polnear, split)
        if not articles:
            print(f"{split}: no articles under {args.polnear / 'data' / split}", file=sys.stderr)
            return 2
        rules = {field: {} for field in RULE_FIELDS} if args.rules else None
        scores = evaluate(articles, args.show, rules, args.reports)
        print(f"== {split}: {len(articles)} articles ({time.perf_counter() - started:.1f} s)")
        print(scores["direct"].line("direct quotes"))
        print(scores["direct_lenient"].line("direct (other attributions left out)"))
        print(scores["all"].line("all attributions"))
        print(scores["speech"].line("speech attributions"))
        names = scores["names"]
        print(
            f"speaker's canonical name, matched direct quotes with a named source: "
            f"{names.attributed} of {names.gold} ({names.attributed / max(1, names.gold):.3f})"
        )
        second = load_second(args.polnear, split)
        if second:
            human, finder = agreement(articles, second, args.reports)
            print(f"-- the {len(second)} articles two annotators annotated, direct quotes:")
            print(human.line("second annotator vs first"))
            print(finder.line("finder vs first"))
        if rules is not None:
            print("-- per rule, all attributions (P of its own suggestions, R of all the gold):")
            print("\n".join(rule_table(rules, scores["all"].gold)))
    if args.devset is not None:
        print(devset_scoring.report(args.devset, as_json=args.json, show=args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
