"""ClaimReview records in the shapes several publishers use, written for these tests."""

from __future__ import annotations

import json

# A page's graph: the review nested among the page's other objects (as WordPress plugins write).
POLITIFACT_STYLE = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebPage", "url": "https://checker.example/page"},
        {
            "@type": "ClaimReview",
            "url": "https://checker.example/2024/unemployment-fell",
            "claimReviewed": "Unemployment fell to 3.1 percent last year",
            "datePublished": "2024-03-02T10:00:00+00:00",
            "author": {
                "@type": "Organization",
                "name": "Checker",
                "url": "https://checker.example",
            },
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": "2",
                "bestRating": "6",
                "worstRating": "1",
                "alternateName": "Mostly False",
            },
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": "Jane Minister"},
                "appearance": [{"@type": "CreativeWork", "url": "https://news.example/a"}],
            },
        },
    ],
}
# An array item: itemReviewed as an array, author as an array, rating without numbers.
FULLFACT_STYLE = {
    "@context": "https://schema.org",
    "@type": ["ClaimReview"],
    "url": "https://fullfact.example/health/nurses-numbers/",
    "claimReviewed": "There are 50,000 more nurses than in 2019",
    "datePublished": "2023-11-20",
    "author": [{"@type": "Organization", "name": "Full Fact"}],
    "reviewRating": {"@type": "Rating", "alternateName": "Needs context"},
    "itemReviewed": [
        {
            "@type": "Claim",
            "author": [{"@type": "Person", "name": "A Politician"}, "Party Press Office"],
            "firstAppearance": "https://social.example/post/1",
        }
    ],
}
# The label in ratingValue, a plain-name author, no itemReviewed at all.
AFP_STYLE = {
    "@type": "ClaimReview",
    "url": "https://factcheck.example/vaccine-microchips",
    "claimReviewed": "Vaccines contain microchips",
    "author": "AFP Fact Check",
    "reviewRating": {"ratingValue": "False"},
}


def jsonl(*records: dict) -> str:
    return "\n".join(json.dumps(record) for record in records) + "\n"
