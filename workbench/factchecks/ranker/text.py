"""Text cleaning and tokenising for claims, tweets and fact-check titles.

Pure Python: no Django. Stems come from the Snowball English stemmer (`snowballstemmer`,
pure Python, BSD licence), cached per word because the same words recur in every query.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
# "— Name (@handle) Month D, YYYY": the signature a pasted or embedded tweet ends with.
_TWEET_FOOTER = re.compile(
    r"[—–-]+\s*(?P<author>[^()—–]{1,80}?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, (?P<year>\d{4}))\s*$"
)
_HANDLE = re.compile(r"@(\w{1,30})")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z]|\d|\b)|[A-Z]?[a-z]+|[A-Z]+|\d+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d{3})*(?:\.\d+)?(?![\w])|(?<![\w.])\d+(?=[a-zA-Z%])")
_SPACES = re.compile(r"\s+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})

STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each few for from further had hadn't has hasn't
    have haven't having he he'd he'll he's her here here's hers herself him himself his
    how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more
    most mustn't my myself no nor not of off on once only or other ought our ours
    ourselves out over own same shan't she she'd she'll she's should shouldn't so some
    such than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those through to too under until up very was
    wasn't we we'd we'll we're we've were weren't what what's when when's where where's
    which while who who's whom why why's with won't would wouldn't you you'd you'll you're
    you've your yours yourself yourselves s t just also via rt amp im u ur say says said
    will""".split()  # noqa: SIM905 (a word list reads better as prose)
)

_STEMMER = snowballstemmer.stemmer("english")


def _split_compound(word: str) -> str:
    """Split a handle or hashtag such as `realDonaldTrump` or `covid_19` into words."""
    parts = [p for chunk in word.split("_") for p in _CAMEL.findall(chunk)]
    return " ".join(parts) if parts else word


def _is_symbol(char: str) -> bool:
    """Tell emoji, pictographs, their joiners and variation selectors from text."""
    if char in "\u200d\ufe0f\ufe0e\u20e3":
        return True
    return unicodedata.category(char) in {"So", "Sk", "Cs", "Co", "Cn"}


@lru_cache(maxsize=16384)
def clean(text: str) -> str:
    """Return text with URLs dropped, @handles and #hashtags split into words, emoji removed.

    HTML entities are decoded and curly quotes straightened; the words themselves (and their
    case, which `entities()` reads) are kept. Cached: tokens, numbers and names all start here.
    """
    text = html.unescape(text).translate(_QUOTES)
    text = _URL.sub(" ", text)
    text = _HANDLE.sub(lambda m: _split_compound(m.group(1)), text)
    text = _HASHTAG.sub(lambda m: _split_compound(m.group(1)), text)
    text = _NON_ASCII.sub(lambda m: " " if _is_symbol(m.group()) else m.group(), text)
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class TweetParts:
    """A text split into its body and, when it ends with a tweet's signature, author and year."""

    body: str
    author: str = ""
    year: str = ""


def split_tweet(text: str) -> TweetParts:
    """Split off a pasted tweet's "— Name (@handle) Month D, YYYY" signature, if it has one."""
    text = html.unescape(text).translate(_QUOTES).strip()
    match = _TWEET_FOOTER.search(text)
    if not match:
        return TweetParts(body=text)
    author = f"{match.group('author')} {_split_compound(match.group('handle'))}"
    return TweetParts(body=text[: match.start()], author=author, year=match.group("year"))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Snowball stem of one lower-cased word (apostrophes dropped)."""
    return _STEMMER.stemWord(word.replace("'", ""))


def words(text: str) -> list[str]:
    """Return the lower-cased words of a cleaned text, numbers without thousands separators."""
    return [w.lower().replace("’", "'").replace(",", "") for w in _WORD.findall(text)]


def tokens(text: str) -> list[str]:
    """Return the stems of the content words of a text, in order (stop words dropped)."""
    return [stem(w) for w in words(clean(text)) if w not in STOPWORDS]


def query_words(text: str, limit: int = 32) -> list[str]:
    """Return a text's distinct content words (unstemmed, letters and digits only), in order.

    For building a database first stage over the same words the re-ranker reads: OR them in
    an FTS5 MATCH (`"w1" OR "w2"`) or a tsquery (`w1 | w2`); the database stems them itself.
    """
    seen: dict[str, None] = {}
    for word in words(clean(text)):
        if word not in STOPWORDS and len(seen) < limit:
            seen.setdefault(word.replace("'", ""), None)
    return list(seen)


def numbers(text: str) -> set[str]:
    """Return the numbers in a text, normalised ("1,000" and "1000" match; "4.0" is "4")."""
    found = set()
    for raw in _NUMBER.findall(clean(text)):
        value = raw.replace(",", "")
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        found.add(value.lstrip("0") or "0")
    return found


def entities(text: str) -> set[str]:
    """Return the stems of name-like words: capitalised mid-sentence, or acronyms.

    A word that opens a sentence is capitalised anyway, so it counts only when it is all
    capitals (an acronym). Case is all this reads; no model, no gazetteer.
    """
    found = set()
    sentence_start = True
    for match in re.finditer(r"[^\W_]+(?:'[^\W_]+)*|[.!?:\"]", clean(text)):
        word = match.group()
        if word in '.!?:"':
            sentence_start = True
            continue
        lower = word.lower()
        acronym = len(word) >= 2 and word.isupper() and word.isalpha()
        named = word[0].isupper() and not sentence_start and not word.isupper()
        if acronym or (named and lower not in STOPWORDS):
            found.add(stem(lower))
        sentence_start = False
    return found
