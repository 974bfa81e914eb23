"""A check-worthiness score for every sentence, with the reasons a reviewer can read.

    from workbench.suggest.finder.checkworthy import Line, score_lines
    for line, scored in zip(lines, score_lines([Line(text, speaker) for ...])):
        print(scored.score, scored.reasons)

A logistic regression over sparse features: the sentence's word stems and stem pairs
(Snowball; numbers folded to one token), hand-made cues (a number, a statistic, a comparison, a
claim about the past, a named source, length, a question, an opinion), the older rule score
(`claims.checkworthiness`) and the line's place in the transcript (who speaks: a main voice, a
minor one or one who asks the questions; the first or last line of a turn; a question just
before). The weights were trained offline on the CLEF 2019 CheckThat! Task 1 debates by
`bench/train_checkworthy.py` and ship in `data/checkworthy.json` with their
provenance; inference is pure Python and downloads nothing.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

from .claims import (
    _ATTRIBUTED,
    _COMPARE,
    _FIRST_PERSON,
    _OPINION,
    _STAT,
    _any_word,
    checkworthiness,
)

WEIGHTS = Path(__file__).with_name("data") / "checkworthy.json"
# Stemming is most of the scoring time; words repeat, so each is stemmed once per process.
_stem = lru_cache(maxsize=100_000)(snowballstemmer.stemmer("english").stemWord)


@dataclass(frozen=True, slots=True)
class Line:
    """One sentence to score, with who said it when the text says so (a transcript)."""

    text: str
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Scored:
    """A sentence's check-worthiness in [0, 1] and the cues that raised it, strongest first."""

    score: float
    reasons: tuple[str, ...]


_TOKEN = re.compile(r"[$€£]?\d[\d,.]*%?|[a-z]+(?:'[a-z]+)?|[?%$]")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = _any_word(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty"
    " sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion"
    " billions trillion trillions dozen dozens half percent"
)
_SUPERLATIVE = re.compile(r"\b(?:most|least|\w{3,}est)\b(?<!\binterest)(?<!\bhonest)", re.I)
_PAST = re.compile(
    r"\b(?:was|were|had|did|got|went|came|made|took|gave|left|lost|won|said|told|built|cut"
    r"|paid|spent|sold|bought|brought|fought|grew|rose|fell|became|began|voted|passed|signed"
    r"|created|increased|doubled|tripled|raised|lowered|added|ago|last year|since)\b",
    re.I,
)
_PAST_ED = re.compile(r"\b(?:has|have|had|was|were)\s+(?:\w+ly\s+)?\w{3,}ed\b", re.I)
_SOURCE = re.compile(
    r"\baccording to\b|\b(?:report|reports|reported|study|studies|survey|poll|polls|data|census"
    r"|statistics|estimates?|analysis|findings|figures)\b|\b(?:Department|Bureau|Office|Institute"
    r"|Agency|Administration|Commission|Council|University|Foundation|Congress|Senate|Pentagon"
    r"|FBI|CBO|CDC|IMF|OECD|UN|NATO|Times|Post|Journal)\b"
)
_HEDGE = _any_word("maybe perhaps probably i_think i_believe i_hope i_feel you_know")
_VAGUE = _any_word("thank thanks applause laughter okay ok yes no well please welcome")

# The hand-made cues a reviewer is told about, in the words the panel shows.
REASONS: dict[str, str] = {
    "f:number": "a number",
    "f:statistic": "a statistic",
    "f:compare": "a comparison",
    "f:superlative": "a comparison",
    "f:past": "a claim about the past",
    "f:source": "a named source",
    "f:rule": "a factual-sounding claim",
}


def _tokens(text: str) -> list[str]:
    return [_fold(word) if _DIGIT.search(word) else word for word in _TOKEN.findall(text.lower())]


def _fold(number: str) -> str:
    """One token per kind of number, so "4.1%" and "20%" count as the same evidence."""
    if _YEAR.match(number):
        return "<year>"
    if number.endswith("%"):
        return "<pct>"
    return "<money>" if number[0] in "$€£" else "<num>"


def _own_features(text: str) -> list[str]:
    """The features of one sentence on its own: words, word pairs and cues."""
    tokens = _tokens(text)
    feats = ["bias"]
    # Stems, so that "taxes", "taxed" and "tax" are one piece of evidence (+0.008 CV MAP).
    words = [_stem(t) for t in tokens]
    feats.extend({f"w:{t}" for t in words})
    feats.extend({f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)})
    n = len(tokens)
    feats.append(
        "len:" + ("0" if n < 5 else "5" if n < 10 else "10" if n < 20 else "20" if n < 40 else "40")
    )
    numbers = [t for t in tokens if t in {"<num>", "<pct>", "<money>"}]
    if numbers or _NUMBER_WORD.search(text):
        feats.append("f:number")
    if _STAT.search(text) or "<pct>" in tokens or "<money>" in tokens:
        feats.append("f:statistic")
    if _COMPARE.search(text):
        feats.append("f:compare")
    if _SUPERLATIVE.search(text):
        feats.append("f:superlative")
    if _PAST.search(text) or _PAST_ED.search(text):
        feats.append("f:past")
    if _SOURCE.search(text) or _ATTRIBUTED.search(text):
        feats.append("f:source")
    if "<year>" in tokens:
        feats.append("f:year")
    if text.rstrip().endswith("?"):
        feats.append("f:question")
    if _OPINION.search(text) or _HEDGE.search(text):
        feats.append("f:opinion")
    if _FIRST_PERSON.search(text):
        feats.append("f:first-person")
    if n < 8 and _VAGUE.search(text):
        feats.append("f:phatic")
    rule = checkworthiness(text)
    if rule >= 0.5:
        feats.append("f:rule")
    feats.append(f"rule:{min(int(rule * 5), 4)}")
    return feats


_CONTEXT_CUES = ("f:number", "f:statistic", "f:question", "f:past", "f:compare")


def _roles(lines: Sequence[Line]) -> dict[str, str]:
    """Each speaker's part: one who asks (a moderator: a fifth of their lines are questions), a
    main voice (at least a third as many lines as the most frequent speaker: every candidate of
    a ten-way primary, where a share of all lines made most of them "minor"), or a minor one."""
    said: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for line in lines:
        if line.speaker:
            said[line.speaker] += 1
            asked[line.speaker] += line.text.rstrip().endswith("?")
    if not said:
        return {}
    top = max(said.values())
    roles = {}
    for who, n in said.items():
        if n >= 5 and asked[who] / n >= 0.2:
            roles[who] = "spk:asker"
        elif n >= 0.35 * top:
            roles[who] = "spk:main"
        else:
            roles[who] = "spk:minor"
    return roles


def features(lines: Sequence[Line]) -> list[list[str]]:
    """Return the feature names of every line, each with its place in the transcript."""
    own = [_own_features(line.text) for line in lines]
    roles = _roles(lines)
    result = []
    for i, line in enumerate(lines):
        feats = list(own[i])
        if line.speaker:
            main = roles[line.speaker]
            feats.append(main)
            before = lines[i - 1].speaker if i > 0 else None
            after = lines[i + 1].speaker if i + 1 < len(lines) else None
            if before != line.speaker:
                feats.append("turn:first")
                if i > 0 and lines[i - 1].text.rstrip().endswith("?"):
                    feats.append("turn:after-question")
            if after != line.speaker:
                feats.append("turn:last")
            feats.extend(f"{main}&{f}" for f in own[i] if f.startswith("f:"))
        else:
            feats.append("spk:none")
        for offset, side in ((-1, "prev"), (1, "next")):
            j = i + offset
            if 0 <= j < len(lines):
                feats.extend(f"{side}:{f}" for f in own[j] if f in _CONTEXT_CUES)
        result.append(feats)
    return result


# "TRUMP: …", "Lester Holt: …", "MR. HOLT: …" at the start of a line.
_LABEL = re.compile(
    r"[ \t]*(?P<who>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:[ \t]+(?=\S)"
)


def speaker_label(name: str) -> str:
    """Return `name` as a line label that `transcript_lines` reads back ("de Blasio" → "DE
    BLASIO"); "" when nothing of it can label a line."""
    words = re.sub(r"[^\w.'’ -]", " ", name).split()
    label = " ".join([w for w in words if w[0].isalpha()][:4])
    if label and not _LABEL.match(f"{label}: x"):
        label = label.upper()
    return label if _LABEL.match(f"{label}: x") else ""


def transcript_lines(text: str) -> list[tuple[int, int, str | None]] | None:
    """Return (start, end, speaker) of each non-blank line of a transcript, the `SPEAKER:`
    label left out of the span; an unlabelled line ("(APPLAUSE)", a paragraph more) keeps
    the speaker before it. None when the text is no transcript (fewer than two labelled lines,
    or under half of its lines labelled), so an article's "Note: …" line is not a speaker."""
    result: list[tuple[int, int, str | None]] = []
    labelled = 0
    speaker = None
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw.rstrip())
        pos += len(raw) + 1
        if not raw.strip():
            continue
        match = _LABEL.match(raw)
        if match is not None:
            labelled += 1
            speaker = match["who"]
            start += match.end()
        else:
            start += len(raw) - len(raw.lstrip())
        result.append((start, end, speaker))
    if labelled < 2 or labelled * 2 < len(result):
        return None
    return result


@cache
def load_weights(path: Path = WEIGHTS) -> dict[str, float]:
    """Return the shipped feature weights (read once)."""
    return json.loads(path.read_text(encoding="utf-8"))["weights"]


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def score_lines(lines: Sequence[Line], weights: dict[str, float] | None = None) -> list[Scored]:
    """Score every line in its transcript's context; give the cues that raised each score."""
    weights = load_weights() if weights is None else weights
    result = []
    for feats in features(lines):
        x = sum(weights.get(f, 0.0) for f in feats)
        # A cue is a reason when it (alone or with who says it) pushed the score up.
        found: dict[str, float] = {}
        for f in feats:
            reason = REASONS.get(f.rpartition("&")[2])
            if reason is not None and not f.startswith(("prev:", "next:")):
                found[reason] = found.get(reason, 0.0) + weights.get(f, 0.0)
        reasons = tuple(r for r in sorted(found, key=lambda r: -found[r]) if found[r] > 0)
        result.append(Scored(round(_sigmoid(x), 6), reasons))
    return result
