"""Inter-reviewer agreement: span F1, speaker agreement and chance-corrected coefficients.

Pure Python over plain rows, so that the figures can be checked by hand in tests and computed
from one `.values()` query per page. The definitions, as the agreement page states them:

- **Spans.** Two reviewers' spans on one article are compared kind by kind (a quote never
  matches a claim).
- **Exact F1** = 2·E / (|A| + |B|), where E is the number of spans both reviewers marked with the
  same kind, start and end (counted as a multiset intersection). It is symmetric: precision of A
  against B is recall of B against A.
- **Overlap F1** = 2·M / (|A| + |B|), where M is the size of a one-to-one matching between A's
  and B's spans of the same kind that share at least `MIN_OVERLAP` code points (1 by default:
  any overlap). The matching is greedy: candidate pairs are taken best first by Jaccard overlap
  (shared / combined code points), then by shared length, then by position, so identical spans
  pair before partial ones and the result does not depend on the order of the input.
- Both F1s are `None` when neither reviewer marked anything (nothing to agree on).
- **Speaker agreement** = the share of matched quote pairs in which at least one reviewer named a
  speaker that name the same speaker (a speaker named by one reviewer only is a disagreement).
- **Verdicts and check-worthiness** are compared on the matched claim pairs in which both
  reviewers gave a value. Cohen's kappa is computed for one pair of reviewers; Krippendorff's
  alpha (nominal) treats each matched pair as a unit of two values, so it also pools across pairs
  of reviewers (an article read by three, a week, the whole project). Both are computed here
  from label counts in one pass (they were `nltk.metrics.agreement.AnnotationTask`'s, which
  the tests still use as the reference: same figures, a fraction of the time). They are `None`
  with no items or when every value is the same category (the coefficient is 0/0 there,
  undefined).

When tallies from several articles or pairs are added, counts are summed (micro-averaging): a
project's F1 weighs each span equally, not each article.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from itertools import combinations
from typing import NamedTuple

from django.utils import timezone

KINDS = ("quote", "claim")
# The least number of code points two spans must share to be matched in overlap F1.
MIN_OVERLAP = 1


class Span(NamedTuple):
    """One reviewer's quote or claim on an article body, in code points, end exclusive.

    A named tuple rather than a frozen dataclass: a project's agreement builds one per counted
    annotation (8,000 at the scale bench), and a tuple is built in a fraction of the time.
    """

    kind: str
    start: int
    end: int
    speaker_id: int | None = None
    verdict: str = ""
    checkworthy: str = ""


# --- coefficients -----------------------------------------------------------------------------


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Return Cohen's kappa for two coders' labels on the same items, or None if undefined.

    (Ao − Ae) / (1 − Ae): Ao the share of items labelled alike, Ae the chance of a match from
    each coder's own label frequencies. With two or more labels in play Ae < 1.
    """
    if not pairs or len({label for pair in pairs for label in pair}) < 2:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum((first[label] / n) * (second[label] / n) for label in first)
    return _finite((observed - expected) / (1 - expected))


def krippendorff_alpha(units: Iterable[Sequence[Hashable | None]]) -> float | None:
    """Return Krippendorff's alpha (nominal) for units of coders' values, None where undefined.

    Each unit lists one value per coder position; None marks a coder who gave no value. Units with
    fewer than two values cannot be paired and are left out, as Krippendorff prescribes.
    alpha = 1 − Do / De from the coincidences of values: Do, the disagreeing pairs within units
    (a unit of m values weighing 1 / (m − 1)) over the n paired values, De those expected from
    the values' overall frequencies, n² − Σ n_c² over n (n − 1).
    """
    frequencies: Counter[Hashable] = Counter()
    disagreeing = 0.0
    for unit in units:
        present = [value for value in unit if value is not None]
        m = len(present)
        if m < 2:
            continue
        counts = Counter(present)
        frequencies.update(counts)
        disagreeing += (m * m - sum(c * c for c in counts.values())) / (m - 1)
    if len(frequencies) < 2:
        return None
    n = sum(frequencies.values())
    expected = (n * n - sum(c * c for c in frequencies.values())) / (n * (n - 1))
    return _finite(1.0 - (disagreeing / n) / expected)


def _finite(value: float) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def f1(matched: int, total: int) -> float | None:
    """Return 2·matched / total (the F1 of two sets of `total` spans together), None for none."""
    return 2 * matched / total if total else None


# --- comparing two reviewers ------------------------------------------------------------------


@dataclass
class KindTally:
    """Span counts of one kind for a pair of reviewers."""

    a: int = 0
    b: int = 0
    exact: int = 0
    overlap: int = 0

    def __add__(self, other: KindTally) -> KindTally:
        return KindTally(
            self.a + other.a,
            self.b + other.b,
            self.exact + other.exact,
            self.overlap + other.overlap,
        )

    @property
    def exact_f1(self) -> float | None:
        return f1(self.exact, self.a + self.b)

    @property
    def overlap_f1(self) -> float | None:
        return f1(self.overlap, self.a + self.b)


@dataclass
class Tally:
    """What two reviewers agreed on, over one article or summed over several (see module doc)."""

    quote: KindTally = field(default_factory=KindTally)
    claim: KindTally = field(default_factory=KindTally)
    speaker_same: int = 0
    speaker_total: int = 0
    # (A's value, B's value) for each matched claim pair where both gave one.
    verdicts: list[tuple[str, str]] = field(default_factory=list)
    checkworthy: list[tuple[str, str]] = field(default_factory=list)
    articles: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            quote=self.quote + other.quote,
            claim=self.claim + other.claim,
            speaker_same=self.speaker_same + other.speaker_same,
            speaker_total=self.speaker_total + other.speaker_total,
            verdicts=self.verdicts + other.verdicts,
            checkworthy=self.checkworthy + other.checkworthy,
            articles=self.articles + other.articles,
        )

    @property
    def spans(self) -> KindTally:
        return self.quote + self.claim

    @property
    def exact_f1(self) -> float | None:
        return self.spans.exact_f1

    @property
    def overlap_f1(self) -> float | None:
        return self.spans.overlap_f1

    @property
    def speaker_agreement(self) -> float | None:
        return self.speaker_same / self.speaker_total if self.speaker_total else None

    @property
    def verdict_agreement(self) -> float | None:
        """Return the raw share of matched claims with the same verdict."""
        if not self.verdicts:
            return None
        return sum(a == b for a, b in self.verdicts) / len(self.verdicts)

    @cached_property
    def kappa_verdict(self) -> float | None:
        return cohen_kappa(self.verdicts)

    @cached_property
    def alpha_verdict(self) -> float | None:
        return krippendorff_alpha(self.verdicts)

    @cached_property
    def kappa_checkworthy(self) -> float | None:
        return cohen_kappa(self.checkworthy)

    @cached_property
    def alpha_checkworthy(self) -> float | None:
        return krippendorff_alpha(self.checkworthy)

    @property
    def disagreements(self) -> int:
        """Return how many matched pairs differ on speaker or verdict (what a lead settles)."""
        return (self.speaker_total - self.speaker_same) + sum(a != b for a, b in self.verdicts)


def match_spans(
    spans_a: Sequence[Span], spans_b: Sequence[Span], *, min_overlap: int = MIN_OVERLAP
) -> list[tuple[Span, Span]]:
    """Return a one-to-one matching of A's and B's spans of the same kind that overlap enough."""
    need = max(min_overlap, 1)
    # B's spans by kind, sorted by start: the scan for an A span stops at the first B span that
    # starts too late to share `need` code points with it (the candidates are the same as
    # comparing every pair, so is the matching).
    starts: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for j, b in enumerate(spans_b):
        starts[b.kind].append((b.start, b.end, j))
    for rows in starts.values():
        rows.sort()
    candidates = []
    for i, a in enumerate(spans_a):
        a_start, a_end = a.start, a.end
        for b_start, b_end, j in starts.get(a.kind, ()):
            if a_end - b_start < need:
                break
            shared = min(a_end, b_end) - max(a_start, b_start)
            if shared < need:
                continue
            union = max(a_end, b_end) - min(a_start, b_start)
            candidates.append((-shared / union, -shared, a_start, a_end, b_start, b_end, i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched = []
    for *_, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        matched.append((spans_a[i], spans_b[j]))
    return matched


def compare(
    spans_a: Sequence[Span], spans_b: Sequence[Span], *, min_overlap: int = MIN_OVERLAP
) -> Tally:
    """Return the agreement tally of two reviewers' spans on one article."""
    tally = Tally(articles=1)
    exact = Counter((s.kind, s.start, s.end) for s in spans_a) & Counter(
        (s.kind, s.start, s.end) for s in spans_b
    )
    for kind in KINDS:
        counts = getattr(tally, kind)
        counts.a = sum(s.kind == kind for s in spans_a)
        counts.b = sum(s.kind == kind for s in spans_b)
        counts.exact = sum(n for (k, _, _), n in exact.items() if k == kind)
    for a, b in match_spans(spans_a, spans_b, min_overlap=min_overlap):
        getattr(tally, a.kind).overlap += 1
        if a.kind == "quote" and (a.speaker_id is not None or b.speaker_id is not None):
            tally.speaker_total += 1
            tally.speaker_same += a.speaker_id == b.speaker_id
        if a.kind == "claim":
            if a.verdict and b.verdict:
                tally.verdicts.append((a.verdict, b.verdict))
            if a.checkworthy and b.checkworthy:
                tally.checkworthy.append((a.checkworthy, b.checkworthy))
    return tally


def total(tallies: Iterable[Tally]) -> Tally:
    """Return the sum of tallies (counts added, items pooled)."""
    result = Tally()
    for tally in tallies:
        result = result + tally
    return result


# --- a project ---------------------------------------------------------------------------------


@dataclass
class Reviewer:
    id: int
    name: str


@dataclass
class PairRow:
    a: Reviewer
    b: Reviewer
    tally: Tally


@dataclass
class ArticleRow:
    id: int
    title: str
    reviewers: list[Reviewer]
    tally: Tally
    submitted: datetime | None = None


@dataclass
class WeekRow:
    week: date
    tally: Tally


@dataclass
class ProjectAgreement:
    pairs: list[PairRow]
    articles: list[ArticleRow]
    weeks: list[WeekRow]
    overall: Tally
    min_overlap: int = MIN_OVERLAP


def week_start(moment: datetime | date) -> date:
    """Return the Monday of the (local) week a moment falls in, as TruncWeek does."""
    if isinstance(moment, datetime):
        day = timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
    else:
        day = moment
    return day - timedelta(days=day.weekday())


def project_agreement(
    *,
    reviews: Iterable[dict],
    annotations: Iterable[dict],
    titles: dict[int, str] | None = None,
    min_overlap: int = MIN_OVERLAP,
) -> ProjectAgreement:
    """Return agreement per reviewer pair, per article and per week from plain rows.

    `reviews` holds one row per submitted review of an article: `article_id`, `reviewer_id`,
    `reviewer_name`, `submitted_at`; `annotations` the submitted spans of those reviewers:
    `article_id`, `annotator_id`, `kind`, `start`, `end`, `speaker_id`, `verdict`,
    `checkworthy`. Articles reviewed by fewer than two reviewers are left out. A pair's week is
    the week the later of the two reviews came in.
    """
    reviewers: dict[int, Reviewer] = {}
    submitted: dict[int, dict[int, datetime | None]] = defaultdict(dict)
    for row in reviews:
        reviewers.setdefault(row["reviewer_id"], Reviewer(row["reviewer_id"], row["reviewer_name"]))
        previous = submitted[row["article_id"]].get(row["reviewer_id"])
        moment = row.get("submitted_at")
        if previous is None or (moment is not None and moment > previous):
            submitted[row["article_id"]][row["reviewer_id"]] = moment
    spans: dict[tuple[int, int], list[Span]] = defaultdict(list)
    for row in annotations:
        spans[row["article_id"], row["annotator_id"]].append(
            Span(
                kind=row["kind"],
                start=row["start"],
                end=row["end"],
                speaker_id=row.get("speaker_id"),
                verdict=row.get("verdict") or "",
                checkworthy=row.get("checkworthy") or "",
            )
        )
    by_pair: dict[tuple[int, int], list[Tally]] = defaultdict(list)
    by_week: dict[date, list[Tally]] = defaultdict(list)
    articles = []
    for article_id, who in submitted.items():
        if len(who) < 2:
            continue
        tallies = []
        for a, b in combinations(sorted(who), 2):
            tally = compare(spans[article_id, a], spans[article_id, b], min_overlap=min_overlap)
            tallies.append(tally)
            by_pair[a, b].append(tally)
            moments = [m for m in (who[a], who[b]) if m is not None]
            if moments:
                by_week[week_start(max(moments))].append(tally)
        article_tally = total(tallies)
        # An article counts once however many pairs read it.
        article_tally.articles = 1
        moments = [m for m in who.values() if m is not None]
        articles.append(
            ArticleRow(
                id=article_id,
                title=(titles or {}).get(article_id, f"#{article_id}"),
                reviewers=sorted((reviewers[r] for r in who), key=_reviewer_key),
                tally=article_tally,
                submitted=max(moments) if moments else None,
            )
        )
    pairs = [
        PairRow(reviewers[a], reviewers[b], total(tallies)) for (a, b), tallies in by_pair.items()
    ]
    pairs.sort(key=lambda p: (_reviewer_key(p.a), _reviewer_key(p.b)))
    articles.sort(key=lambda r: (_sort_low(r.tally.overlap_f1), r.title.casefold(), r.id))
    weeks = [WeekRow(week, total(tallies)) for week, tallies in sorted(by_week.items())]
    overall = total(row.tally for row in articles)
    return ProjectAgreement(pairs, articles, weeks, overall, min_overlap)


def _reviewer_key(reviewer: Reviewer) -> tuple[str, int]:
    return (reviewer.name.casefold(), reviewer.id)


def _sort_low(value: float | None) -> float:
    # Worst agreement first; an article with nothing marked (None) sorts after the rest.
    return 2.0 if value is None else value
