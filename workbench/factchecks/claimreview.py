"""Reading schema.org ClaimReview as fact-checkers publish it: JSON-LD or JSON Lines, any shape.

A document is a JSON-LD object, an array of them, an object with an `@graph`, JSON Lines (one
object, or array, per line), or a web page whose `<script type="application/ld+json">` blocks
hold them. Records are numbered from 1 in the order they come (for JSON Lines, by line), so a
bad one can be reported by its number while the others are kept. Objects of other types in a
graph (the page, the publisher's Organization) are not records and are left out silently.

Shapes seen in the wild and accepted: `itemReviewed` as an object or an array, its `author` as
an object, an array or a plain name, `reviewRating` without numbers (a name only) or with
numbers given as strings, `author`/`publisher` as an object or an array, dates with a time.
Text is kept as written, HTML included: it is text, and every page escapes it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import orjson
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from workbench.articles.jsonl import UNSTORABLE, check_depth, iter_lines, too_deep

LD_JSON_BLOCK = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
MAX_APPEARANCES = 20


@dataclass
class Record:
    """One ClaimReview, its number in the document, and the fields the workbench keeps."""

    number: int
    raw: dict
    url: str = ""
    claim_reviewed: str = ""
    rating: str = ""
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    publisher: str = ""
    publisher_url: str = ""
    date_published: date | None = None
    claimant: str = ""
    appearances: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RecordError:
    number: int
    message: str
    code: str


def read_document(text: str) -> Iterator[Record | RecordError]:
    """Yield every ClaimReview of a document, checked, or the error that keeps it out."""
    text = text.removeprefix("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("<"):
        blocks = [match.group(1) for match in LD_JSON_BLOCK.finditer(text)]
        values = (_load(block, number) for number, block in enumerate(blocks, 1))
    elif stripped.startswith("[") or _is_single_object(stripped):
        values = iter([_load(text, 1)])
    else:
        values = (_load(line, number) for number, line in iter_lines(text))
    number = 0
    for value in values:
        if isinstance(value, RecordError):
            number += 1
            yield RecordError(number, value.message, value.code)
            continue
        for item in _claim_reviews(value):
            number += 1
            yield read_record(item, number)


def _is_single_object(text: str) -> bool:
    """Tell one JSON object (maybe pretty-printed) from JSON Lines: only the latter has `}\\n{`."""
    return text.startswith("{") and re.search(r"\}\s*\n\s*\{", text) is None


def _load(text: str, number: int) -> object:
    try:
        value = _loads(text)
        # Only a text with that many brackets can nest that deep: most records skip the walk.
        if text.count("{") + text.count("[") > settings.WORKBENCH_MAX_JSON_DEPTH:
            check_depth(value)
    except json.JSONDecodeError as error:
        return RecordError(
            number, _("Not valid JSON (%(error)s).") % {"error": error.msg}, "bad_json"
        )
    except (RecursionError, ValidationError):
        return RecordError(number, " ".join(too_deep().messages), "too_deep")
    return value


def _loads(text: str) -> object:
    """Parse JSON with orjson (a fifth of the time), or the standard library for what it refuses.

    orjson refuses integers past 64 bits, which are valid JSON.
    """
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _claim_reviews(value: object) -> Iterator[dict]:
    """Yield the ClaimReview objects of a JSON-LD value: itself, its items, its @graph."""
    stack = [value]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            if "@graph" in item:
                stack[:0] = _as_list(item["@graph"])
            elif _is_claim_review(item):
                yield item


def _is_claim_review(item: dict) -> bool:
    types = _as_list(item.get("@type", item.get("type")))
    return "ClaimReview" in [str(t).rsplit("/", 1)[-1] for t in types] or (
        not types and "claimReviewed" in item
    )


def read_record(item: dict, number: int) -> Record | RecordError:
    """Return the record's fields, or the first reason it cannot be kept."""
    try:
        return _fields(item, number)
    except ValidationError as error:
        return RecordError(number, " ".join(error.messages), error.code or "invalid")


def _fields(item: dict, number: int) -> Record:
    record = Record(number=number, raw=item)
    record.claim_reviewed = _text(item.get("claimReviewed"))
    if not record.claim_reviewed:
        raise ValidationError(_("The record has no claimReviewed."), code="no_claim")
    record.url = _text(item.get("url"))
    if not record.url:
        raise ValidationError(_("The record has no url."), code="no_url")
    if not _is_web_address(record.url):
        raise ValidationError(
            _("The url is not an http(s) address: %(url)s") % {"url": record.url[:200]},
            code="bad_url",
        )
    _read_rating(record, _first(item.get("reviewRating")))
    names, urls = _names(item.get("author") or item.get("publisher"))
    record.publisher, record.publisher_url = names[:300], _first_url(urls)
    record.date_published = _date(item.get("datePublished"))
    reviewed = _first(item.get("itemReviewed"))
    if isinstance(reviewed, dict):
        record.claimant = _names(reviewed.get("author"))[0][:300]
        found = [*_urls(reviewed.get("appearance")), *_urls(reviewed.get("firstAppearance"))]
        record.appearances = list(dict.fromkeys(found))[:MAX_APPEARANCES]
    return record


def _read_rating(record: Record, rating: object) -> None:
    if not isinstance(rating, dict):
        return
    record.rating = _text(_first(rating.get("alternateName")) or rating.get("name"))[:200]
    value = _number(rating.get("ratingValue"))
    if value is None and not record.rating:
        # Some publishers put the label itself in ratingValue.
        record.rating = _text(rating.get("ratingValue"))[:200]
    best, worst = _number(rating.get("bestRating")), _number(rating.get("worstRating"))
    ranged = best is not None and worst is not None
    if ranged and value is not None:
        low, high = min(best, worst), max(best, worst)
        if not low <= value <= high:
            raise ValidationError(
                _("The rating %(value)g is outside its own range %(low)g–%(high)g.")
                % {"value": value, "low": low, "high": high},
                code="rating_out_of_range",
            )
    record.rating_value = value
    record.best_rating, record.worst_rating = (best, worst) if ranged else (None, None)


def _is_web_address(url: str) -> bool:
    """Whether the text is an http(s) URL with a host, no spaces, at most 2,000 characters.

    The check Django's URLValidator makes costs 50 µs a record (5 s in an import of 100,000);
    this one keeps what matters here: a link a reader can follow, never `javascript:`.
    """
    if len(url) > 2000 or " " in url:
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _first(value: object) -> object:
    items = _as_list(value)
    return items[0] if items else None


def _text(value: object) -> str:
    """Return a JSON string as one line of storable text; anything else is no text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return ""
    return " ".join(UNSTORABLE.sub("", value).split())


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            return None
        return number if number == number and abs(number) != float("inf") else None
    return None


def _names(value: object) -> tuple[str, list[str]]:
    """Return the names of people or organisations (objects, strings or a list), and URLs."""
    names: list[str] = []
    urls: list[str] = []
    for item in _as_list(value):
        if isinstance(item, dict):
            name = _text(item.get("name") or item.get("legalName"))
            urls.extend(_urls(item.get("url")))
        else:
            name = _text(item)
        if name and name not in names:
            names.append(name)
    return ", ".join(names), urls


def _urls(value: object) -> list[str]:
    found = []
    for item in _as_list(value):
        url = _text(item.get("url") if isinstance(item, dict) else item)
        if url.startswith(("http://", "https://")) and len(url) <= 2000:
            found.append(url)
    return found


def _first_url(urls: list[str]) -> str:
    return urls[0] if urls else ""


def _date(value: object) -> date | None:
    text = _text(value)
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
