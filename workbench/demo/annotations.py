"""The demo's annotations on the seed article: three attributed quotes and three checked claims.

Spans are found by their text in the imported body, so they stay right if the cleaner changes
how it joins paragraphs. Sources are labelled as demo sources: they illustrate the workflow and
are not real fact-checks.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from workbench.annotations.models import Annotation
from workbench.annotations.services import (
    Span,
    annotation_create,
    comment_add,
    entity_find_or_create,
    entity_update,
    evidence_add,
    source_get_or_create,
)
from workbench.articles.models import Article

ENTITIES = {
    "Michael Knights": (
        "person",
        ["Knights", "Mr. Knights"],
        "Iraq expert, Washington Institute for Near East Policy",
    ),
    "Renad Mansour": ("person", ["Mansour"], "Iraq specialist, Chatham House"),
    "The Pentagon": ("organisation", ["Pentagon", "US Department of Defense"], ""),
}

QUOTES = [
    {
        "speaker": "Michael Knights",
        "text": "On the day after the anniversary of the death of Qassem Soleimani",
        "through": "a senior leader will be next on the list,",
        "mention": "Michael Knights",
        "cue": "said Michael",
        "role": "Iraq expert at the Washington Institute for Near East Policy",
        "quote_type": "direct",
    },
    {
        "speaker": "Renad Mansour",
        "text": "The US has noticed an increase in attacks on their bases so this is, in their "
        "eyes, a justified response,",
        "mention": "Renad Mansour",
        "cue": "said Renad",
        "role": "Iraq specialist at the think tank Chatham House",
        "quote_type": "direct",
    },
    {
        "speaker": "The Pentagon",
        "text": 'Washington was behind the "act of self-defense" against Al-Saidi',
        "through": 'attacks against US troops."',
        "mention": "The Pentagon",
        "cue": "confirmed",
        "role": "",
        "quote_type": "mixed",
    },
    {
        "speaker": "Michael Knights",
        "text": "Al-Saidi, PMF's deputy commander for Baghdad operations, was responsible for "
        "drone logistics and sophisticated weaponry",
        "mention": "Knights",
        "cue": "according to",
        "role": "",
        "quote_type": "indirect",
    },
]

CLAIMS = [
    {
        "text": "pro-Iran Shiite militias have carried out more than a hundred attacks on US "
        "bases in Iraq and Syria",
        "outlet": True,
        "verdict": "Mostly true",
        "rationale": "Official counts for the period are in the low hundreds; the count depends "
        "on whether failed launches are included.",
        "evidence": [
            (
                "https://example.org/demo/pentagon-briefing-2024-01-04",
                "Pentagon press briefing, 4 January 2024 (demo source)",
                "US Department of Defense",
                "statement",
                "supports",
                "US and coalition forces have been attacked more than 100 times since mid-October.",
            ),
        ],
    },
    {
        "text": "was placed on Washington's list of terrorist organizations in 2019",
        "outlet": True,
        "verdict": "True",
        "rationale": "The designation is in the public register of foreign terrorist "
        "organisations.",
        "evidence": [
            (
                "https://example.org/demo/state-department-designations",
                "Foreign terrorist organisations: designations (demo source)",
                "US Department of State",
                "dataset",
                "supports",
                "Harakat al-Nujaba, designated 2019.",
            ),
        ],
    },
    {
        "text": "The US has noticed an increase in attacks on their bases",
        "speaker": "Renad Mansour",
        "verdict": "Mostly true",
        "rationale": 'The rise is documented; "noticed" understates that it was announced.',
        "evidence": [
            (
                "https://example.org/demo/pentagon-briefing-2024-01-04",
                "Pentagon press briefing, 4 January 2024 (demo source)",
                "US Department of Defense",
                "statement",
                "context",
                "",
            ),
        ],
    },
]


def annotate_seed(*, article: Article, reviewer: AbstractBaseUser, lead: AbstractBaseUser) -> int:
    """Annotate the seed article unless it has annotations already; return how many were made."""
    if article.annotations.exists():
        return 0
    team = article.project.team
    entities = {}
    for name, (kind, aliases, description) in ENTITIES.items():
        entity = entity_find_or_create(team=team, actor=reviewer, name=name, kind=kind)
        entities[name] = entity_update(
            entity=entity,
            actor=reviewer,
            name=name,
            kind=kind,
            aliases=aliases,
            description=description,
        )
    quotes = {}
    for spec in QUOTES:
        quotes[spec["text"]] = _quote(article, reviewer, entities, spec)
    for spec in CLAIMS:
        _claim(article, reviewer, entities, quotes, spec)
    first = next(iter(quotes.values()))
    comment_add(
        annotation=first,
        author=lead,
        text="Good catch on the role; it is his title at the Washington Institute.",
    )
    return article.annotations.count()


def _span(body: str, text: str, *, after: int = 0, through: str = "") -> Span:
    start = body.index(text, after)
    end = body.index(through, start) + len(through) if through else start + len(text)
    return Span(start, end, body[start:end])


def _quote(article: Article, reviewer: AbstractBaseUser, entities: dict, spec: dict) -> Annotation:
    body = article.body
    span = _span(body, spec["text"], through=spec.get("through", ""))
    mention = _span(body, spec["mention"], after=max(0, span.start - 200))
    if spec["cue"].startswith("said "):
        cue = _span(body, "said", after=span.end)
    else:
        cue = _span(body, spec["cue"], after=max(0, span.start - 200))
    return annotation_create(
        article=article,
        author=reviewer,
        kind="quote",
        start=span.start,
        end=span.end,
        exact=span.exact,
        speaker=entities[spec["speaker"]],
        mention=mention,
        cue=cue,
        role=spec["role"],
        quote_type=spec["quote_type"],
    )


def _claim(
    article: Article, reviewer: AbstractBaseUser, entities: dict, quotes: dict, spec: dict
) -> Annotation:
    span = _span(article.body, spec["text"])
    enclosing = next(
        (q for q in quotes.values() if q.start <= span.start and span.end <= q.end), None
    )
    claim = annotation_create(
        article=article,
        author=reviewer,
        kind="claim",
        start=span.start,
        end=span.end,
        exact=span.exact,
        claimant=entities.get(spec.get("speaker", "")),
        claimant_is_outlet=spec.get("outlet", False),
        quote=enclosing,
        checkworthy="yes",
        verdict=spec["verdict"],
        rationale=spec["rationale"],
    )
    for url, title, publisher, kind, stance, excerpt in spec["evidence"]:
        source = source_get_or_create(
            team=article.project.team,
            actor=reviewer,
            url=url,
            title=title,
            publisher=publisher,
            kind=kind,
        )
        evidence_add(claim=claim, actor=reviewer, source=source, stance=stance, excerpt=excerpt)
    return claim
