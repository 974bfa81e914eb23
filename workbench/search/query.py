"""What a person types in the search box, made safe for either full-text engine, and snippets.

The query language is deliberately small and the same on SQLite and PostgreSQL: every word must
appear (in any order, accents and case ignored on SQLite, case on both), "a quoted phrase"
must appear as written, and the last word also matches longer words (live search: "escal"
finds "escalation"). Nothing a person types is passed through as engine syntax: words are
runs of letters and digits, so `"`, `*`, `NEAR(`, `AND`, `-` or `:` are plain text or ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"[^\W_]+")
MAX_GROUPS = settings.WORKBENCH_SEARCH_MAX_TERMS
MAX_QUERY_CHARS = settings.WORKBENCH_SEARCH_MAX_QUERY_CHARS
# Shorter prefixes match too much to be worth it (and FTS5 walks every term they start).
MIN_PREFIX = 3


@dataclass(frozen=True)
class Query:
    """Word groups (one word, or a phrase of several) that must all match; maybe a prefix last."""

    groups: tuple[tuple[str, ...], ...]
    prefix: bool

    def __bool__(self) -> bool:
        return bool(self.groups)

    def fts5(self) -> str:
        """Return the query in SQLite FTS5 syntax: quoted strings only, so never an operator."""
        parts = [f'"{" ".join(group)}"' for group in self.groups]
        if self.prefix:
            parts[-1] += "*"
        return " ".join(parts)

    def tsquery(self) -> str:
        """Return the query for PostgreSQL's to_tsquery: words joined by & and <-> only."""
        parts = [
            f"({' <-> '.join(group)})" if len(group) > 1 else group[0] for group in self.groups
        ]
        if self.prefix:
            parts[-1] += ":*"
        return " & ".join(parts)

    def words(self) -> set[str]:
        return {word for group in self.groups for word in group}


def parse(text: str) -> Query:
    """Return the word groups of a search box's text."""
    text = unicodedata.normalize("NFC", text[:MAX_QUERY_CHARS])
    groups: list[tuple[str, ...]] = []
    for index, part in enumerate(text.split('"')):
        words = tuple(word.casefold() for word in WORD.findall(part))
        if index % 2 and words:
            groups.append(words)
        else:
            groups.extend((word,) for word in words)
    groups = groups[:MAX_GROUPS]
    # Typing the last word: it may be incomplete (not when followed by a space or a quote).
    prefix = (
        bool(groups)
        and len(groups[-1]) == 1
        and len(groups[-1][0]) >= MIN_PREFIX
        and not text[-1:].isspace()
        and not text.rstrip().endswith('"')
    )
    return Query(groups=tuple(groups), prefix=prefix)


def fold(text: str) -> str:
    """Return text without accents and case, as the index compares words."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def matches(word: str, query: Query) -> bool:
    return _matcher(query)(word)


def _matcher(query: Query) -> Callable[[str], bool]:
    """Return a test for one word of text, with the query's words folded once.

    `highlight` tests every word of an article body (700 of them), 20 results a page: folding
    the query again for each word cost most of a search page's time.
    """
    words = {fold(w) for w in query.words()}
    prefix = fold(query.groups[-1][0]) if query.prefix else None

    def test(word: str) -> bool:
        folded = word.casefold() if word.isascii() else fold(word)
        return folded in words or (prefix is not None and folded.startswith(prefix))

    return test


def highlight(text: str, query: Query, *, around: int | None = None) -> SafeString:
    """Return the text, escaped, with the query's words in <mark>; with `around`, a snippet.

    The snippet is about `around` characters from a little before the first matching word.
    User text is escaped piece by piece, and only the <mark> tags this function writes are
    markup.
    """
    test = _matcher(query)
    start, end = 0, len(text)
    if around is not None and len(text) > around:
        # Only the first match and the snippet's window are read, not the whole body.
        found_first = next((m for m in WORD.finditer(text) if test(m.group())), None)
        first = found_first.start() if found_first else 0
        start = max(0, first - around // 4)
        if start:
            space = text.rfind(" ", 0, start + 1)
            start = space + 1 if space > 0 and start - space < 20 else start
        end = min(len(text), start + around)
        if end < len(text):
            space = text.find(" ", end)
            end = space if 0 <= space - end < 20 else end
    # A little either side of the window, so that a word cut by its edges is seen whole.
    window = WORD.finditer(text, max(0, start - 64), min(len(text), end + 64))
    found = [m for m in window if test(m.group())]
    pieces = ["…" if start else ""]
    at = start
    for match in found:
        if match.start() < start or match.end() > end:
            continue
        pieces += [escape(text[at : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        at = match.end()
    pieces += [escape(text[at:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of user text is escaped above
