"""A learnt second opinion on each quote's speaker (issue 15): an experiment, not shipped.

The rules (speakers.py, attribution.py, resolve.py) choose one speaker per quote. This module
gathers the other people and bodies the article names near the quote (the registry's mentions
of people and organisations, the speakers of the quotes around it), describes each candidate
by general features (where it stands from the quote, which rule chose it, what kind of name it
is), and scores each swap of the rules' choice for an alternative with a logistic regression
trained by bench/train_speaker.py:

    candidates = speaker_candidates(article, registry, suggestions, i)   # the rules' choice first
    choose_speakers(article, registry, suggestions)                     # in place, when confident

The model overrides the rules only when the best swap's log-odds reach the weights file's
`margin` (chosen by cross-validation on the training data), so a model that knows little
changes nothing. It is not part of the finder: it moved no held-out figure up (bench/README.md,
"A learnt speaker choice"), so it lives here, beside its trainer, and `switched_on(model)` runs
the finder with it for a measurement:

    with switched_on(load_model(Path("/tmp/speaker_model.json"))):
        suggest(text)                                  # the rules' speakers, then the model's
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.suggest.finder import engine
from workbench.suggest.finder.direct import Article
from workbench.suggest.finder.lexicon import split_words
from workbench.suggest.finder.speakers import first_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.suggest.finder.engine import Suggestion
    from workbench.suggest.finder.speakers import Registry

MODEL_RULE = "model/speaker-choice"
# How far around a quote a name may stand to be a candidate, in characters: about the paragraph
# before it and the sentence after (a speaker named further off is carried by the rules).
_REACH_BEFORE = 600
_REACH_AFTER = 300
_LINKS = frozenset(split_words("of in from for to with by at and on about against than like"))
_SAID = frozenset(
    split_words("""said says say told tells added adds stated wrote writes noted explained
    argued claimed insisted warned announced according""")
)


@dataclass
class Candidate:
    """One entity that may have spoken a quote: its name, kind, nearest mention, features."""

    name: str
    kind: str  # person | organisation | other
    start: int | None
    end: int | None
    ruled: bool = False  # the rules' own choice
    resolved: bool = True  # False for a description the article ties to no name
    features: list[str] = field(default_factory=list)


def _bucket(value: int, bounds: tuple[int, ...]) -> str:
    """The first bound `value` is under, as text ("<60"), or the last one passed ("400+")."""
    for bound in bounds:
        if value < bound:
            return f"<{bound}"
    return f"{bounds[-1]}+"


def _mentions(registry: Registry) -> list[tuple[int, str, str]]:
    """Every (offset, name, kind) the registry holds, people and organisations, by offset."""
    found = [(o, n, "person") for o, n in registry.mentions if n.strip()]
    found.extend((o, n, "organisation") for o, n in registry.orgs if n.strip())
    return sorted(set(found))


def _near(mentions: list[tuple[int, str, str]], start: int, end: int) -> list[tuple[int, str, str]]:
    """The mentions within reach of the span, outside it."""
    lo = bisect_left(mentions, (start - _REACH_BEFORE, "", ""))
    hi = bisect_right(mentions, (end + _REACH_AFTER, "\uffff", ""))
    return [m for m in mentions[lo:hi] if not start <= m[0] < end]


def speaker_candidates(
    article: Article,
    registry: Registry,
    suggestions: list[Suggestion],
    index: int,
    mentions: list[tuple[int, str, str]] | None = None,
) -> list[Candidate]:
    """Return the candidates for suggestion `index`'s speaker, the rules' choice first (when the
    rules chose one), one per name, each at its mention nearest the quote."""
    quote = suggestions[index]
    mentions = _mentions(registry) if mentions is None else mentions
    by_name: dict[str, Candidate] = {}
    if quote.speaker:
        ruled = Candidate(
            quote.speaker,
            quote.speaker_kind or "other",
            quote.speaker_start,
            quote.speaker_end,
            ruled=True,
            resolved=quote.speaker_resolved,
        )
        by_name[quote.speaker.casefold()] = ruled
    near = [
        (o, n, k, o + len(n.split()[-1]), True)
        for o, n, k in _near(mentions, quote.start, quote.end)
    ]
    for other in suggestions:
        if other is not quote and other.speaker and other.speaker_start is not None:
            at = other.speaker_start
            if quote.start - _REACH_BEFORE <= at < quote.end + _REACH_AFTER:
                near.append(
                    (
                        at,
                        other.speaker,
                        other.speaker_kind or "other",
                        other.speaker_end or at + 1,
                        other.speaker_resolved,
                    )
                )
    for offset, name, kind, end, resolved in near:
        key = name.casefold()
        found = by_name.get(key)
        if found is None:
            by_name[key] = Candidate(name, kind, offset, end, resolved=resolved)
        elif not found.ruled and (
            found.start is None or _distance(quote, offset) < _distance(quote, found.start)
        ):
            found.start, found.end = offset, end
    result = list(by_name.values())
    context = _Context(article, registry, suggestions, index, mentions)
    for candidate in result:
        candidate.features = context.features(candidate)
    _add_relative(quote, result)
    return result


def _add_relative(quote: Suggestion, candidates: list[Candidate]) -> None:
    """Add what a candidate is only beside the others: its rank by distance on its side of the
    quote, and whether it touches the rules' choice ("President of Russia Vladimir Putin")."""
    ruled = next((c for c in candidates if c.ruled and c.start is not None), None)
    placed = [c for c in candidates if not c.ruled and c.start is not None]
    for side in (True, False):
        near = sorted(
            (c for c in placed if (c.start < quote.start) == side),
            key=lambda c: _distance(quote, c.start),
        )
        for rank, c in enumerate(near):
            c.features.append(f"rank:{'before' if side else 'after'}:{min(rank, 2)}")
    if ruled is None or ruled.end is None:
        return
    for c in placed:
        if ruled.start - 3 <= (c.end or c.start) and c.start <= ruled.end + 3:
            c.features.append("touches-ruled")


def _distance(quote: Suggestion, offset: int) -> int:
    if offset < quote.start:
        return quote.start - offset
    return max(0, offset - quote.end)


class _Context:
    """What every candidate of one quote is described against, worked out once."""

    def __init__(
        self,
        article: Article,
        registry: Registry,
        suggestions: list[Suggestion],
        index: int,
        mentions: list[tuple[int, str, str]],
    ) -> None:
        self.article, self.registry = article, registry
        self.quote = suggestions[index]
        self.previous = next(
            (s.speaker for s in reversed(suggestions[:index]) if s.kind == "quote" and s.speaker),
            None,
        )
        self.counts: dict[str, int] = {}
        for _, name, _ in mentions:
            self.counts[name.casefold()] = self.counts.get(name.casefold(), 0) + 1
        # How many other quotes the rules gave each speaker: a name that speaks elsewhere in
        # the article is a likelier speaker than one that never does.
        self.spoke: dict[str, int] = {}
        for other in suggestions:
            if other is not self.quote and other.kind == "quote" and other.speaker:
                key = other.speaker.casefold()
                self.spoke[key] = self.spoke.get(key, 0) + 1

    def _sentence(self, offset: int) -> int:
        """The index of the sentence holding `offset`, counted over the whole article."""
        n = 0
        for paragraph in self.article.sentences:
            for start, end in paragraph:
                if offset < end:
                    return n if offset >= start else n - 1
                n += 1
        return n

    def features(self, c: Candidate) -> list[str]:
        """Describe one candidate: general cues, none tied to an outlet."""
        q = self.quote
        rule = q.speaker_rule or "none"
        feats = ["bias", f"qtype:{q.quote_type}", f"kind:{c.kind}"]
        if not c.resolved:
            feats.append("unresolved")
        if c.ruled:
            feats += ["ruled", f"ruled:{rule}", f"ruled:qtype:{q.quote_type}"]
            if not q.speaker_resolved:
                feats.append("ruled:unresolved")
        else:
            feats += [f"alt:{rule}", f"alt:qtype:{q.quote_type}"]
            if not q.speaker:
                feats.append("alt:rules-none")
            elif not q.speaker_resolved:
                feats.append("alt:ruled-unresolved")
        words = c.name.split()
        feats.append(f"words:{min(len(words), 4)}")
        if c.name[:1].islower() or words[-1][:1].islower():
            # A description ("the ruling", "The blog"): its head noun says whether it can speak.
            feats += ["lowercase", f"head:{words[-1].lower()}"]
        count = self.counts.get(c.name.casefold(), 0)
        feats.append(f"count:{_bucket(count, (1, 2, 4, 8))}")
        feats.append(f"spoke:{_bucket(self.spoke.get(c.name.casefold(), 0), (1, 2, 4))}")
        if first_name(words[0]):
            feats.append("first-name")
        if self.previous is not None and c.name.casefold() == self.previous.casefold():
            feats.append("previous-speaker")
        if c.start is None:
            return [*feats, "no-position"]
        return feats + self._position(c)

    def _position(self, c: Candidate) -> list[str]:
        """Where the candidate's mention stands from the quote and its cue, and what is beside
        it."""
        q, text = self.quote, self.article.text
        side = "before" if c.start < q.start else "after" if c.start >= q.end else "inside"
        distance = _bucket(_distance(q, c.start), (3, 20, 60, 150, 400))
        sentences = abs(
            self._sentence(c.start) - self._sentence(q.start if side == "before" else q.end - 1)
        )
        paragraphs = self.article.paragraph_of(c.start) - self.article.paragraph_of(q.start)
        feats = [
            f"side:{side}",
            f"dist:{distance}",
            f"side-dist:{side}:{distance}",
            f"sent:{min(sentences, 2)}",
            f"side-sent:{side}:{min(sentences, 2)}",
            f"para:{max(-2, min(paragraphs, 2))}",
        ]
        cue = q.cue or {}
        if isinstance(cue.get("start"), int) and abs(c.start - int(cue["start"])) < 40:
            feats.append("near-cue")
        if c.start in self.registry.subjects:
            feats.append("subject")
        before = text[max(0, c.start - 20) : c.start].split()
        if before and before[-1].lower() in _LINKS:
            feats.append(f"link-before:{before[-1].lower()}")
        elif before and before[-1][:1].isupper():
            feats.append("capital-before")
        after = text[c.end or c.start : (c.end or c.start) + 30].split()
        if any(w.strip(",.").lower() in _SAID for w in after[:3]):
            feats.append("said-after")
        if text[max(0, c.start - 40) : c.start].rstrip().endswith((",", "said", "says")):
            feats.append("after-comma-or-said")
        return feats


def load_model(path: Path) -> dict[str, object]:
    """Read a weights file written by bench/train_speaker.py."""
    return json.loads(path.read_text(encoding="utf-8"))


def score(weights: dict[str, float], features: list[str]) -> float:
    """The log-odds the weights give a list of features."""
    return sum(weights.get(f, 0.0) for f in features)


def pair_features(ruled: Candidate | None, alt: Candidate) -> list[str]:
    """Describe "put `alt` in place of the rules' choice": the rules' choice's features (how far
    it is to be trusted), the alternative's (how likely it spoke), and their kinds together."""
    mine = ruled.features if ruled is not None else ["none"]
    feats = [f"r:{f}" for f in mine] + [f"a:{f}" for f in alt.features]
    ruled_kind = ruled.kind if ruled is not None else "none"
    feats.append(f"x:{ruled_kind}>{alt.kind}")
    if ruled is not None:
        lowered = ruled.name[:1].islower() or not ruled.resolved
        feats.append(f"x:{'description' if lowered else 'name'}>{alt.kind}")
        if ruled.name.casefold() in alt.name.casefold():
            feats.append("x:alt-holds-ruled")  # "Saree" → "Yahya Sarea" is not this; "VA" is
        if alt.name.casefold() in ruled.name.casefold():
            feats.append("x:ruled-holds-alt")
    return feats


def override(
    candidates: list[Candidate], weights: dict[str, float], margin: float
) -> Candidate | None:
    """The candidate to put in place of the rules' choice, or None to keep it: the alternative
    whose swap the weights score highest, when that score (log-odds that the swap makes the
    speaker right) reaches `margin`."""
    ruled = next((c for c in candidates if c.ruled), None)
    best: tuple[float, int] | None = None
    for k, alt in enumerate(candidates):
        if alt.ruled:
            continue
        x = score(weights, pair_features(ruled, alt))
        if best is None or x > best[0]:
            best = (x, k)
    if best is None or best[0] < margin:
        return None
    return candidates[best[1]]


def choose_speakers(
    article: Article,
    registry: Registry,
    suggestions: list[Suggestion],
    model: dict[str, object],
) -> None:
    """Put the model's choice in place of the rules' speaker, in place, where it is confident."""
    weights: dict[str, float] = model["weights"]  # type: ignore[assignment]
    margin = float(model["margin"])  # type: ignore[arg-type]
    mentions = _mentions(registry)
    chosen = []
    for i, quote in enumerate(suggestions):
        if quote.kind != "quote":
            continue
        found = override(
            speaker_candidates(article, registry, suggestions, i, mentions), weights, margin
        )
        if found is not None:
            chosen.append((quote, found))
    # Applied after all are chosen, so each choice saw the rules' speakers around it.
    for quote, found in chosen:
        quote.speaker, quote.speaker_kind = found.name, found.kind
        quote.speaker_start, quote.speaker_end = found.start, found.end
        quote.speaker_rule, quote.speaker_resolved, quote.role = MODEL_RULE, found.resolved, None


@contextmanager
def switched_on(model: dict[str, object]) -> Iterator[None]:
    """Run the finder with the model's second opinion after the rules' speakers: the step
    after `resolve_speakers` in `engine.suggest`, where it would sit if it earned its place."""
    rules = engine.resolve_speakers

    def then_model(text: str, registry: Registry, suggestions: list[Suggestion]) -> None:
        rules(text, registry, suggestions)
        choose_speakers(Article(text), registry, suggestions, model)

    engine.resolve_speakers = then_model
    try:
        yield
    finally:
        engine.resolve_speakers = rules
