"""Split pasted news text into an article body and boilerplate, and recover its metadata.

The input is what news aggregators serve when a reader copies a page: a header of banners,
sponsors, navigation words, outlet names and dates, then the article, sometimes cut by a
paywall notice. The text is read as three zones:

* the header, every line before the first prose line: anything that is not prose there is
  metadata or boilerplate, and one plausible headline line becomes the title;
* the body zone: only lines matching an explicit boilerplate pattern are removed, so short
  subheadings survive;
* the tail, from a paywall notice on: all of it is removed and the article is truncated.

Nothing is dropped: every non-blank line ends up either in the body or in ``removed`` with a
reason, and the body is a pure function of the raw text and the removed line numbers
(:func:`build_body`), so a reviewer can move lines back and forth later.
"""

from __future__ import annotations

import datetime
import functools
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class RemovedLine:
    """A raw line kept out of the body, and why."""

    line: int  # index into raw.split("\n")
    text: str  # the line exactly as in raw
    reason: str  # short human label: "sponsor", "navigation", "paywall", ...


@dataclass
class Cleaned:
    """Normalized raw text, the body rebuilt from it, the removed lines and the metadata found."""

    raw: str
    body: str
    removed: list[RemovedLine]
    title: str
    title_is_provisional: bool
    outlet: str = ""
    byline: str = ""
    published: datetime.date | None = None
    syndicated_by: str = ""
    retrieved: datetime.date | None = None
    is_truncated: bool = False
    language: str = ""


EMPTY_INPUT_MESSAGE = "There is no text to clean: the input is empty or only whitespace."
EMPTY_BODY_MESSAGE = (
    "No article text is left after cleanup: every line looked like navigation, "
    "advertising, metadata or a paywall notice."
)

# ---------------------------------------------------------------------------------------
# Pattern tables. Every pattern runs on a "key": the line with all Unicode whitespace
# (NBSP and narrow NBSP included) squeezed to one space, so French typography matches.
# ---------------------------------------------------------------------------------------


class _Rule(NamedTuple):
    reason: str
    pattern: re.Pattern[str]
    # A prose paragraph may start like boilerplate ("Sponsored by the state, the plan..."):
    # a rule only applies to lines this short.
    max_words: int


def _alternation(phrases: Iterable[str]) -> str:
    """Return a regex alternation of literal phrases, longest first so none is cut short."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def _wordset(words: str) -> frozenset[str]:
    """Split a whitespace-separated word list (kept as text so it reads as a list)."""
    return frozenset(words.split())


def _phrases(table: str) -> tuple[str, ...]:
    """Split a "|"-separated table of phrases (kept as text so it reads as a list)."""
    return tuple(p.strip() for p in table.split("|") if p.strip())


_I = re.IGNORECASE

_PAYWALL = re.compile(
    r"you have \d+ ?% of (?:this|the) (?:article|story) left to read"
    r"|the rest (?:of (?:this|the) (?:article|story) )?is (?:reserved )?for subscribers"
    r"|il vous reste \d+ ?% de (?:cet|l') ?article à lire"
    r"|la suite (?:de (?:cet|l') ?article )?est réservée aux abonnés"
    r"|(?:subscribe|sign up|register|log in|sign in) (?:now |today )?to (?:continue|keep) reading"
    r"|(?:subscribe|log in|sign in) to (?:read|unlock|access) (?:the (?:full|rest of the) |this )"
    r"(?:article|story)"
    r"|this (?:article|story|content) is (?:only )?(?:available |reserved )?(?:for|to) "
    r"(?:paying )?(?:subscribers|members)"
    r"|to continue reading,? (?:please )?(?:subscribe|sign in|log in|register)"
    r"|continue reading (?:your article )?with an? [\w .&'-]{1,40}(?:subscription|membership)"
    r"|cet article est réservé aux abonnés"
    r"|abonnez-vous pour (?:lire|continuer|accéder à) (?:la suite|l'article|cet article)",
    _I,
)

_TEASER_PREFIX = re.compile(
    r"^(?:read (?:more|also|next)|also read|see also|more on this(?: story| topic)?"
    r"|you (?:may|might) also (?:like|be interested in)|further reading|editor'?s picks"
    r"|most (?:read|popular|viewed)|(?:à |a )?lire aussi|(?:à |a )?lire également"
    r"|(?:à )?voir aussi|sur le même sujet|en savoir plus|les plus lus|notre sélection)"
    r"\b(?:\s|[:|»›>–—-]|$)"
    # These also open ordinary sentences ("More from the same family..."), so they need a
    # colon, a separator or nothing after them.
    r"|^(?:related(?: (?:articles?|stories|coverage|content|reading|topics|news|links))?"
    r"|recommended(?: for you| stories| reading)?|trending(?: now| stories)?"
    r"|more from [\w .'-]{1,40}?)\s*(?:[:|»›>–—-]|$)",
    _I,
)
_TEASER_LABEL = re.compile(r"réservé (?:à nos|aux) abonnés|subscribers?[- ]only article", _I)

_SPONSOR_WORDS = _phrases(
    """advertisement | advertising | ad | ads | sponsored | sponsored content | sponsored links
    | promoted | promoted content | promoted stories | paid content | paid post | partner content
    | publicité | pub | contenu sponsorisé | contenu partenaire | anzeige | publicidad
    | story continues below advertisement | article continues below advertisement
    | continue reading below | scroll to continue with content"""
)
_SPONSOR_LINE = re.compile(rf"^[\W_]*(?:{_alternation(_SPONSOR_WORDS)})[\W_]*$", _I)
_SPONSOR_PREFIX = (
    r"^(?:sponsor(?:ed)?(?: by)?|promoted by|presented by|paid (?:post|content|partnership)"
    r"(?: by)?|in partnership with|sponsorisé par|en partenariat avec"
    r"|contenu (?:sponsorisé|partenaire))"
)
# "Sponsor: QWIKET AI: Interactive Sports Knowledge." is a label even when long; without
# a colon only a short line is ("Sponsored by Acme Bank", not "Sponsored by the state, ...").
_SPONSOR_LABEL = re.compile(_SPONSOR_PREFIX + r"\s*[:|–—-]\s*\S", _I)
_SPONSOR_CREDIT = re.compile(_SPONSOR_PREFIX + r"\s+\S", _I)

_NAV_PHRASES = _phrases(
    """back | go back | topic | topics | top | home | homepage | menu | main menu | share
    | share this | share this article | share this story | share article | next | previous
    | prev | next article | previous article | next story | skip to content
    | skip to main content | skip to navigation | back to top | tags | tag | print | email
    | e-mail | search | close | open | log in | login | sign in | sign up | subscribe
    | register | comments | comment | more | see more | show more | load more | view comments
    | copy link | link copied | save | saved | save article | bookmark | listen | follow
    | accueil | retour | partager | partager l'article | suivant | précédent | imprimer
    | envoyer | rechercher | fermer | se connecter | s'abonner | connexion | commentaires
    | commenter | sommaire | haut de page | retour en haut | offrir
    | ajouter à vos sélections"""
)
_NAV = _alternation(_NAV_PHRASES)
_NAVIGATION = re.compile(rf"^[\W_]*(?:{_NAV})(?:\s*[|·•/,]\s*(?:{_NAV}))*[\W_]*$", _I)
_NAV_LABEL = re.compile(r"^(?:tags|topics|filed under|mots-clés|sujets)\s*:\s*\S", _I)
_SOCIAL = _alternation(
    _phrases(
        """share | share on | share via | facebook | twitter | x | linkedin | whatsapp | email
        | e-mail | mail | print | reddit | pinterest | telegram | flipboard | messenger
        | bluesky | threads | copy link | partager | partager sur | imprimer"""
    )
)
_SHARE_BAR = re.compile(rf"^[\W_]*(?:{_SOCIAL})(?:[\s|·•/,]+(?:{_SOCIAL}))+[\W_]*$", _I)
_BREADCRUMB = re.compile(r"^(?:home|accueil|news|actualités?)\s*[>›»/|]\s*\S", _I)
_COUNTER = re.compile(
    r"^\d+\s*(?:comments?|commentaires?|shares?|partages?|reactions?|réactions?)$", _I
)

_CAPTION_WORDS = _phrases(
    """inline image | image | images | photo | photos | photograph | picture | video
    | play video | watch video | watch | audio | gallery | view gallery | photo gallery
    | enlarge this image | enlarge image | expand image | toggle caption | hide caption
    | show caption | listen to this article | open image in full screen | agrandir l'image
    | voir la vidéo | vidéo | diaporama | écouter cet article"""
)
_CAPTION_LINE = re.compile(rf"^[\W_]*(?:{_alternation(_CAPTION_WORDS)})[\W_]*$", _I)
_CAPTION_PREFIX = re.compile(
    r"^(?:photo|photograph|image|picture|pictured|video|vidéo|illustration|credit|crédit"
    r"(?: photo)?|photo credit|image credit|play video|watch|listen to this article|écouter)"
    r"\s*[:|–—-]",
    _I,
)
_CAPTION_CREDIT = re.compile(
    r"(?:getty images|via getty|shutterstock|alamy(?: stock photo)?|ap photo(?:/[\w .'-]+)?"
    # A credit names someone: "Photo: Jane Doe/AFP", not "a tax credit: $500".
    r"|(?:photo|image|credit|crédit)\s*:\s*(?-i:[A-ZÀ-Þ])[^.]{0,60})\)?\.?$",
    _I,
)

_READING_TIME = re.compile(
    r"^(?:\d+\s*(?:min(?:ute)?s?\.?)\s*(?:read|de lecture)|lecture\s*:?\s*\d+\s*min\.?"
    r"|(?:temps de lecture|reading time)\s*:?\s*\d+\s*min\w*\.?)$",
    _I,
)
_COOKIE = re.compile(
    r"\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies"
    r"|manage (?:cookies|cookie (?:settings|preferences))|cookie (?:settings|preferences)"
    r"|nous utilisons des cookies|accepter (?:les|tous les) cookies|gérer les cookies)\b",
    _I,
)
_FOOTER = re.compile(
    r"^©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})|all rights reserved|tous droits réservés"
    r"|droits de reproduction",
    _I,
)
_NEWSLETTER = re.compile(
    r"\b(?:sign up|subscribe|register) (?:for|to) (?:our|the|my) [\w' -]{0,30}newsletters?\b"
    r"|\bget (?:our|the) [\w' -]{0,30}newsletters?\b|\bnewsletter sign[- ]?up\b|^newsletters?$"
    r"|\b(?:inscrivez-vous|abonnez-vous) à (?:notre|nos|la) (?:lettre|newsletter)"
    r"|\brecevez (?:notre|nos|la) newsletter",
    _I,
)
_FOLLOW = re.compile(
    r"^(?:follow us|suivez-nous|join us on|like us on|retrouvez-nous sur)\b"
    r"|^follow [\w .'@-]{1,40} on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky)\b",
    _I,
)
_SITE_LINKS = re.compile(
    r"^(?:terms (?:of (?:use|service)|and conditions)|privacy (?:policy|notice)|cookie policy"
    r"|contact us|about us|advertise with us|accessibility|careers|mentions légales"
    r"|politique de confidentialité|conditions générales|nous contacter|qui sommes-nous)\b",
    _I,
)

# Order matters: the first match names the reason. Paywall comes before the teaser label
# because "Cet article est réservé aux abonnés" is a notice, while a "Read more" line that
# mentions "réservé à nos abonnés" is a teaser (the prefix rule comes first for that).
_BOILERPLATE: tuple[_Rule, ...] = (
    _Rule("teaser", _TEASER_PREFIX, 40),
    _Rule("paywall", _PAYWALL, 80),
    _Rule("sponsor", _SPONSOR_LINE, 6),
    _Rule("sponsor", _SPONSOR_LABEL, 15),
    _Rule("sponsor", _SPONSOR_CREDIT, 6),
    _Rule("navigation", _NAVIGATION, 12),
    _Rule("navigation", _SHARE_BAR, 12),
    _Rule("navigation", _BREADCRUMB, 12),
    _Rule("navigation", _NAV_LABEL, 25),
    _Rule("navigation", _COUNTER, 3),
    _Rule("image caption", _CAPTION_LINE, 6),
    _Rule("image caption", _CAPTION_PREFIX, 40),
    _Rule("image caption", _CAPTION_CREDIT, 40),
    _Rule("teaser", _TEASER_LABEL, 40),
    _Rule("reading time", _READING_TIME, 8),
    _Rule("cookie notice", _COOKIE, 80),
    _Rule("footer", _FOOTER, 40),
    _Rule("footer", _NEWSLETTER, 30),
    _Rule("footer", _FOLLOW, 20),
    _Rule("footer", _SITE_LINKS, 15),
)

# Aggregator wording. "Shared via X" names the aggregator; "Originally published by X"
# names the outlet the aggregator copied from.
_SYNDICATED = re.compile(
    r"^(?:(?:this )?(?:article|story) (?:was )?(?:shared|syndicated|curated) (?:via|by|from|on)"
    r"|shared (?:via|from|on)|syndicated (?:by|from|via)|curated by|distributed by"
    r"|retrieved from|partagé via|relayé par)\s*:?\s+(?P<rest>\S.*)$",
    _I,
)
_ORIGINAL = re.compile(
    r"^(?:(?:this )?(?:article|story|piece) )?(?:was |is )?(?:originally|first) "
    r"(?:published|appeared|posted|ran) (?:by|in|on|at)\s+(?P<rest>\S.*)$"
    r"|^(?:cet article a été )?publié (?:initialement|à l'origine|d'abord) (?:par|dans|sur)"
    r"\s+(?P<rest_fr>\S.*)$",
    _I,
)
_SOURCE = re.compile(r"^source\s*:\s*(?P<rest>\S.*)$", _I)

_BYLINE = re.compile(
    r"^(?i:by|par|written by|words by|text by|story by|texte|authors?|auteurs?)\s*:?\s+"
    r"(?P<rest>[A-ZÀ-ÖØ-Þ].*)$"
)
_SEGMENTS = re.compile(r"\s*[|·•]\s*")
_BYLINE_PARTS = re.compile(r"\s*[|·•]\s*|\s+[–—-]\s+")

# A wire dateline credits the outlet in brackets: "WASHINGTON, March 3 (Reuters) - ...".
_DATELINE_CREDIT = re.compile(r"\((?P<name>[^()]{2,40})\)\s*[-–—]")

# One outlet per line: its name as shown, then the other ways it is written.
_KNOWN_OUTLETS = """
Le Monde
Reuters | Thomson Reuters
AP | Associated Press | The Associated Press
AFP | Agence France-Presse | Agence France Presse
BBC | BBC News
The Guardian | Guardian
The New York Times | New York Times | NYT | NYTimes
The Washington Post | Washington Post
Al Jazeera | Al Jazeera English
Le Figaro
Libération | Liberation
CNN
Bloomberg | Bloomberg News
Financial Times | FT
The Wall Street Journal | Wall Street Journal | WSJ
The Economist
NPR
Politico
Axios
The Telegraph
The Independent
Sky News
ABC News
CBS News
NBC News
Fox News
USA Today
Los Angeles Times | LA Times
The Atlantic
Newsweek
The Hill
Deutsche Welle | DW
Der Spiegel | Spiegel
El País | El Pais
Le Parisien
Les Echos | Les Échos
Mediapart
France 24
RFI
franceinfo | France Info
Ouest-France
La Croix
L'Express
Le Point
L'Obs
Courrier international
Euronews
Haaretz
The Times of Israel | Times of Israel
Middle East Eye
The Conversation
"""
_OUTLET_BY_ALIAS = {
    alias.casefold(): names[0]
    for names in map(_phrases, _KNOWN_OUTLETS.strip().splitlines())
    for alias in names
}

# ---------------------------------------------------------------------------------------
# Dates: small English and French month tables, no parsing library.
# ---------------------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2,
    "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "déc": 12,
}  # fmt: skip
_MONTH = rf"(?P<month>{_alternation(_MONTHS)})\.?"
_DAY = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ISO_DATE = r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"
_ISO_TIME = r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
_NUMERIC_DATE = (
    r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)"
)
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(_ISO_DATE + _ISO_TIME),
    re.compile(rf"(?<!\w){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?!\d)", _I),
    re.compile(rf"(?<!\w){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", _I),
    re.compile(_NUMERIC_DATE + r"(?!\d)"),
)
_PUBLISHED_CUE = re.compile(r"publi|posted|created|créé|paru", _I)
_UPDATED_CUE = re.compile(r"updat|mis à jour|mise à jour|modifi|actualis|edited|revised", _I)
_TIME = re.compile(
    r"(?<!\d)\d{1,2}\s*(?:[:h]\s*\d{2}|\.\d{2}(?=\s*[ap]\.?m))?\s*(?:[ap]\.?\s?m\.?)?(?!\d)"
    r"(?:\s*\((?:utc|gmt)[+-]?\d*\))?",
    _I,
)
# Words that may surround a date on a date line without making it anything else.
_DATE_FILLER = _wordset(
    """
    published updated posted modified last on at le la à the date dated first
    publié publiée mis mise à jour modifié actualisé créé paru il y a ago hours hour
    gmt utc et est edt cet cest bst pt pst pdt cst heure heures de paris am pm h
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun lundi mardi mercredi jeudi vendredi samedi dimanche
    """
)

# ---------------------------------------------------------------------------------------
# Shape of lines and blocks.
# ---------------------------------------------------------------------------------------

_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_ENDS_STATEMENT = re.compile(r"[.!…:][\"'”’»)\]]*$")
_ENDS_QUESTION = re.compile(r"\?[\"'”’»)\]]*$")
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_STARTS_WITH_SEPARATOR = re.compile(r"^[|•·/\\>»›<«–—-]")
_NAME_PARTICLES = _wordset("and et & de da del der di du la le van von al bin ibn")
_SMALL_WORDS = _wordset("a an and at by de des du et for in la le les of on or the to")

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _wordset(
        "the and of to is that was for with on said by his her have has it are were from "
        "this which who not but they been an would their"
    ),
    "fr": _wordset(
        "le la les des et est une du que qui dans pour pas sur au aux avec ce il elle ont été "
        "sont mais plus par se son sa ses leur cette"
    ),
    "de": _wordset("der die das und ist nicht mit von den dem ein eine zu auf für sich auch wird"),
    "es": _wordset("el los las y del por con una para es su al lo como más pero sus fue"),
}


def normalize_text(text: str) -> str:
    """NFC, \\r\\n and \\r -> \\n, strip a BOM; keep non-breaking spaces (they are text)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def build_body(raw: str, removed_lines: AbstractSet[int]) -> str:
    """Rebuild the body from raw lines minus removed ones.

    Deterministic: clean_text's body equals build_body(raw, {r.line for r in removed}).
    """
    paragraphs: list[str] = []
    for block in _blocks(raw.split("\n")):
        kept = [line.strip(" \t") for index, line in block if index not in removed_lines]
        if not kept:
            continue
        if _looks_hard_wrapped(kept):
            paragraphs.append("\n".join(kept))
        else:
            paragraphs.extend(kept)
    return "\n\n".join(paragraphs).strip()


def provisional_title(body: str, limit: int = 80) -> str:
    """Return the body's first sentence, cut at a word boundary with "…" past `limit` chars."""
    # A sentence longer than the first 1,000 characters is cut at `limit` anyway.
    first_paragraph = body.strip()[:1000].split("\n\n", 1)[0]
    text = re.sub(r"[ \t\n]+", " ", first_paragraph).strip()
    sentence = _first_sentence(text)
    if len(sentence) <= limit:
        return sentence.removesuffix(".") if not sentence.endswith("..") else sentence
    cut = sentence[: limit + 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[:limit]
    return cut.rstrip(" ,;:–—-") + "…"


def guess_language(text: str) -> str:
    """Return "en", "fr", "de" or "es" from a stopword count, or "" when unsure."""
    # The first 150 words or so decide as well as the whole text, at a fraction of the cost.
    counts = Counter(_WORD.findall(text[:1000].casefold()))
    # Set intersections over distinct words: five times faster than testing every word.
    scores = {
        lang: sum(counts[w] for w in stop.intersection(counts)) for lang, stop in _STOPWORDS.items()
    }
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, best_score), (_, runner_up) = ranked[0], ranked[1]
    # A few hits prove nothing, and close scores mean mixed or unlisted languages.
    if best_score < 5 or best_score < 1.5 * runner_up:
        return ""
    return best


def explain_line(line: str) -> str | None:
    """Return the reason a line is boilerplate or metadata on its own, without context.

    Used for lines an HTML extractor dropped, to label them better than "page boilerplate".
    """
    key = _key(line)
    reason = _boilerplate_reason(key)
    if reason:
        return reason
    if _aggregator(key, in_header=False):
        return "aggregator banner"
    if _date_line(key):
        return "date"
    if _byline(key):
        return "byline"
    return None


def clean_text(text: str) -> Cleaned:
    """Split pasted article text into body and removed lines and recover its metadata."""
    raw = normalize_text(text)
    if not raw.strip():
        raise ValueError(EMPTY_INPUT_MESSAGE)
    return clean_normalized(raw)


def clean_normalized(raw: str, *, pre_removed: Mapping[int, str] | None = None) -> Cleaned:
    """Clean already-normalized raw text, treating `pre_removed` lines as decided already.

    The HTML extractor passes the lines the page extractor dropped, so the same rules
    then run on what is left.
    """
    lines = raw.split("\n")
    reasons: dict[int, str] = dict(pre_removed or {})
    open_lines = [i for i, line in enumerate(lines) if line.strip() and i not in reasons]
    start = _first_prose_index(lines, open_lines)
    header = [i for i in open_lines if start is not None and i < start]
    body_zone = [i for i in open_lines if start is None or i >= start]

    found = _Found()
    _classify_header(lines, header, reasons, found)
    _classify_body(lines, body_zone, reasons, found)
    body = build_body(raw, reasons.keys())
    if not body:
        raise ValueError(EMPTY_BODY_MESSAGE)
    if not found.outlet:
        found.outlet = _dateline_outlet(body)
    return Cleaned(
        raw=raw,
        body=body,
        removed=[RemovedLine(i, lines[i], reasons[i]) for i in sorted(reasons)],
        title=found.title or provisional_title(body),
        title_is_provisional=not found.title,
        outlet=found.outlet,
        byline=found.byline,
        published=found.published or found.updated,
        syndicated_by=found.syndicated_by,
        retrieved=found.retrieved,
        is_truncated=found.truncated,
        language=guess_language(body),
    )


# ---------------------------------------------------------------------------------------
# Zones.
# ---------------------------------------------------------------------------------------


@dataclass
class _Found:
    """Metadata collected while classifying lines; the first value found wins."""

    title: str = ""
    outlet: str = ""
    byline: str = ""
    published: datetime.date | None = None
    updated: datetime.date | None = None
    syndicated_by: str = ""
    retrieved: datetime.date | None = None
    truncated: bool = False
    undated_dates: list[datetime.date] = field(default_factory=list)

    def fill(self, name: str, value: object) -> None:
        """Set a field unless an earlier, more trusted line already set it."""
        if value and not getattr(self, name):
            setattr(self, name, value)


def _first_prose_index(lines: list[str], open_lines: list[int]) -> int | None:
    """Return the index of the first line that reads as article prose, or None."""
    wrapped = _hard_wrapped_lines(lines, set(open_lines))
    for i in open_lines:
        key = _key(lines[i])
        if _is_metadata(key):
            continue
        if i in wrapped or _is_prose(key):
            return i
    return None


def _classify_header(
    lines: list[str], header: list[int], reasons: dict[int, str], found: _Found
) -> None:
    """Label every header line; nothing before the first prose line stays in the body."""
    keys = {i: _key(lines[i]) for i in header}
    dates: dict[int, list[tuple[datetime.date, str]]] = {}
    for i in header:
        reason = _header_line_reason(keys[i], found, dates, i)
        if reason:
            reasons[i] = reason
    _find_banner(header, keys, reasons, found, dates)
    _find_outlet(header, keys, reasons, found, dates)
    for i in header:
        if i in reasons:
            continue
        if not found.title and _is_headline(keys[i]):
            # A Markdown file's headline comes as "# Headline".
            found.title = _MARKDOWN_HEADING.sub("", keys[i])
            reasons[i] = "headline"
        else:
            reasons[i] = "section label" if _word_count(keys[i]) <= 3 else "header"
    _assign_dates(header, reasons, found, dates)


def _header_line_reason(
    key: str, found: _Found, dates: dict[int, list[tuple[datetime.date, str]]], index: int
) -> str | None:
    """Return the reason for a header line that is recognisable on its own."""
    reason = _boilerplate_reason(key)
    if reason:
        return reason
    aggregator = _aggregator(key) or _segmented_aggregator(key)
    if aggregator:
        _record_aggregator(aggregator, found)
        return "aggregator banner"
    date_line = _date_line(key)
    if date_line:
        found_dates, outlet = date_line
        found.fill("outlet", outlet)
        # A date sharing its line with the outlet ("Le Monde · 5 Jan 2024") is its own.
        dates[index] = [
            (value, cue or ("published" if outlet else "")) for value, cue in found_dates
        ]
        return "date"
    byline = _byline(key)
    if byline:
        name, outlet, byline_dates = byline
        found.fill("byline", name)
        found.fill("outlet", outlet)
        if byline_dates:
            dates[index] = [(value, cue or "published") for value, cue in byline_dates]
        return "byline"
    if not _LETTERS.search(key) or _STARTS_WITH_SEPARATOR.match(key):
        return "fragment"
    return None


def _find_banner(
    header: list[int],
    keys: dict[int, str],
    reasons: dict[int, str],
    found: _Found,
    dates: Mapping[int, object],
) -> None:
    """Take an all-caps site name on the very first line as the aggregator's banner."""
    if len(header) < 2 or header[0] in reasons:
        return
    key = keys[header[0]]
    # An all-caps headline is longer; a dated banner may be a little longer too.
    short = _word_count(key) <= 4 or (_word_count(key) <= 6 and header[1] in dates)
    if _is_all_caps(key) and short and not _known_outlet(key):
        # "Shared via X" on a later line names the aggregator more exactly than its banner.
        found.fill("syndicated_by", _title_case(key))
        reasons[header[0]] = "aggregator banner"


def _find_outlet(
    header: list[int],
    keys: dict[int, str],
    reasons: dict[int, str],
    found: _Found,
    dates: Mapping[int, object],
) -> None:
    """Pick the outlet among header lines: a known name, a repeated line, a line before a date."""
    open_lines = [i for i in header if i not in reasons and _could_be_outlet(keys[i])]
    counts = Counter(keys[i].casefold() for i in open_lines)
    scores: dict[int, int] = {}
    for i in open_lines:
        following = header[header.index(i) + 1] if i != header[-1] else None
        known = 3 if _known_outlet(keys[i]) else 0
        repeated = 2 if counts[keys[i].casefold()] > 1 else 0
        before_date = 1 if following in dates else 0
        if known + repeated + before_date:
            scores[i] = known + repeated + before_date
    if not scores:
        return
    best = max(scores, key=lambda i: (scores[i], -i))
    found.fill("outlet", _known_outlet(keys[best]) or keys[best])
    for i, score in scores.items():
        # A line that only sits before a date may be a short headline: keep it unless chosen.
        if score >= 2 or keys[i].casefold() == keys[best].casefold():
            reasons[i] = "outlet"


def _assign_dates(
    header: list[int],
    reasons: Mapping[int, str],
    found: _Found,
    dates: Mapping[int, list[tuple[datetime.date, str]]],
) -> None:
    """Tell the publication date from the aggregator's retrieval date by their neighbours."""
    for position, i in enumerate(header):
        if i not in dates:
            continue
        previous = reasons.get(header[position - 1], "") if position else ""
        for value, cue in dates[i]:
            if previous == "aggregator banner":
                found.fill("retrieved", value)
            elif cue == "updated":
                found.fill("updated", value)
            elif cue == "published" or previous in {"outlet", "byline", "headline"}:
                found.fill("published", value)
            else:
                found.undated_dates.append(value)
    if found.undated_dates:
        found.fill("published", found.undated_dates[0])


def _classify_body(
    lines: list[str], body_zone: list[int], reasons: dict[int, str], found: _Found
) -> None:
    """Remove only explicit boilerplate from the body zone, and everything after a paywall."""
    for i in body_zone:
        key = _key(lines[i])
        if found.truncated:
            reasons[i] = _boilerplate_reason(key) or "after paywall"
        elif _word_count(key) <= 80 and _PAYWALL.search(key) and not _TEASER_PREFIX.search(key):
            reasons[i] = "paywall"
            found.truncated = True
        elif reason := _body_line_reason(key, found):
            reasons[i] = reason


def _body_line_reason(key: str, found: _Found) -> str | None:
    """Return the reason for a body-zone line that matches an explicit pattern."""
    reason = _boilerplate_reason(key)
    if reason:
        return reason
    aggregator = _aggregator(key, in_header=False)
    if aggregator:
        _record_aggregator(aggregator, found)
        return "aggregator banner"
    date_line = _date_line(key)
    if date_line:
        for value, cue in date_line[0]:
            found.fill("updated" if cue == "updated" else "published", value)
        return "date"
    return None


# ---------------------------------------------------------------------------------------
# Line recognisers.
# ---------------------------------------------------------------------------------------


class _Aggregator(NamedTuple):
    role: str  # "syndicated" or "outlet"
    name: str
    date: datetime.date | None


def _aggregator(key: str, *, in_header: bool = True) -> _Aggregator | None:
    """Recognise aggregator wording ("Shared via X", "Originally published by X on DATE")."""
    if _word_count(key) > 20:
        return None
    if match := _ORIGINAL.match(key):
        role, rest = "outlet", match.group("rest") or match.group("rest_fr")
    elif match := _SYNDICATED.match(key):
        role, rest = "syndicated", match.group("rest")
    elif match := _SOURCE.match(key):
        rest = match.group("rest")
        role = "outlet" if _known_outlet(rest) else "syndicated"
        # Below a chart, "Source: Ministry of Health" credits data, not an aggregator.
        if role == "syndicated" and not in_header:
            return None
    else:
        return None
    found = _find_dates(rest)
    name = _strip_name(rest[: found[0][0]] if found else rest)
    if not _is_name_like(name):
        return None
    return _Aggregator(role, _known_outlet(name) or name, found[0][2] if found else None)


def _segmented_aggregator(key: str) -> _Aggregator | None:
    """Recognise aggregator wording beside dates on one line ("Mar 3, 2025 | Shared via X")."""
    parts = [part for part in _SEGMENTS.split(key) if part.strip()]
    if len(parts) < 2:
        return None
    aggregator, dates = None, []
    for part in parts:
        if aggregator is None and (found := _aggregator(part)):
            aggregator = found
        elif (date_line := _date_line(part)) and not date_line[1]:
            dates += [value for value, _cue in date_line[0]]
        else:
            return None
    if aggregator is not None and aggregator.date is None and dates:
        aggregator = aggregator._replace(date=dates[0])
    return aggregator


def _record_aggregator(aggregator: _Aggregator, found: _Found) -> None:
    """Store what an aggregator line says about the outlet or the aggregator."""
    if aggregator.role == "outlet":
        found.fill("outlet", aggregator.name)
        found.fill("published", aggregator.date)
    else:
        found.fill("syndicated_by", aggregator.name)
        found.fill("retrieved", aggregator.date)


def _date_line(key: str) -> tuple[list[tuple[datetime.date, str]], str] | None:
    """Return the dates on a line made of dates and date words only, and an outlet named on it.

    Other words are allowed only when they name a known outlet ("Le Monde · 5 Jan 2024").
    """
    # Count words first: the date patterns are costly on a long prose line.
    if _word_count(key) > 16:
        return None
    matches = _find_dates(key)
    if not matches:
        return None
    dated: list[tuple[datetime.date, str]] = []
    leftover_parts: list[str] = []
    position = 0
    for start, end, value in matches:
        before = key[position:start]
        cue = "updated" if _UPDATED_CUE.search(before) else ""
        cue = cue or ("published" if _PUBLISHED_CUE.search(before) else "")
        dated.append((value, cue))
        leftover_parts.append(before)
        position = end
    leftover_parts.append(key[position:])
    leftover = _TIME.sub(" ", " ".join(leftover_parts))
    words = [w for w in _WORD.findall(leftover) if w.casefold() not in _DATE_FILLER]
    outlet = _known_outlet(leftover) if words else ""
    if words and not outlet:
        return None
    return dated, outlet


def _find_dates(text: str) -> list[tuple[int, int, datetime.date]]:
    """Return (start, end, date) for every date written in the text, in order."""
    found: list[tuple[int, int, datetime.date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _date_from_match(match)
            overlaps = any(s < match.end() and match.start() < e for s, e, _ in found)
            if value and not overlaps:
                found.append((match.start(), match.end(), value))
    return sorted(found, key=lambda item: item[0])


def _date_from_match(match: re.Match[str]) -> datetime.date | None:
    """Build a date from a regex match, or None when it names no real day."""
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("a"):
        first, second = int(parts["a"]), int(parts["b"])
        if first > 12:
            day, month = first, second
        elif second > 12 or parts["sep"] == "/":
            # 03/04/2025 is April 3 in Paris and March 4 in New York: trust only the
            # unambiguous ones.
            if second <= 12:
                return None
            month, day = first, second
        else:
            day, month = first, second  # dotted dates are day-first in Europe
    else:
        raw_month = parts["month"]
        month = int(raw_month) if raw_month.isdigit() else _MONTHS[raw_month.casefold()]
        day = int(parts["day"])
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _byline(key: str) -> tuple[str, str, list[tuple[datetime.date, str]]] | None:
    """Return (names, outlet, dates) from a "By Jane Doe, Reuters" line, or None."""
    match = _BYLINE.match(key)
    if not match or _word_count(key) > 15 or not _looks_like_names(match.group("rest")):
        return None
    names: list[str] = []
    outlet = ""
    dates: list[tuple[datetime.date, str]] = []
    for part in _BYLINE_PARTS.split(match.group("rest")):
        date_line = _date_line(part)
        if date_line:
            dates.extend(date_line[0])
        elif _known_outlet(part):
            outlet = outlet or _known_outlet(part)
        elif part.strip():
            names.append(part)
    text = ", ".join(names)
    head, _, tail = text.rpartition(",")
    if head and _known_outlet(tail):
        outlet, text = outlet or _known_outlet(tail), head
    text = _strip_name(text)
    if not text:
        return None
    return text, outlet, dates


def _looks_like_names(text: str) -> bool:
    """Tell "Jane Doe and John Roe, Reuters" from "Tuesday, the troops had left."."""
    if _ENDS_STATEMENT.search(text) and _word_count(text) > 4:
        return False
    first = _BYLINE_PARTS.split(text, maxsplit=1)[0].split(",", 1)[0]
    words = re.sub(r"\([^)]*\)", " ", first).split()
    return bool(words) and all(
        word[:1].isupper() or word.casefold() in _NAME_PARTICLES for word in words
    )


def _boilerplate_reason(key: str) -> str | None:
    """Return the reason of the first pattern-table rule the line matches."""
    words = _word_count(key)
    for rule in _BOILERPLATE:
        if words <= rule.max_words and rule.pattern.search(key):
            return rule.reason
    return None


def _is_metadata(key: str) -> bool:
    """Tell whether a line is boilerplate or metadata however prose-like it looks."""
    return bool(
        _boilerplate_reason(key)
        or _aggregator(key)
        or _date_line(key)
        or _byline(key)
        or (_word_count(key) <= 80 and _PAYWALL.search(key))
    )


def _is_prose(key: str) -> bool:
    """Tell whether a line reads as a sentence of running text rather than a label."""
    words = _word_count(key)
    if words >= 20:
        return True
    if words >= 6 and _ENDS_STATEMENT.search(key):
        return True
    # Headlines often end in a question mark; a prose question is usually longer.
    return words >= 12 and bool(_ENDS_QUESTION.search(key))


def _is_headline(key: str) -> bool:
    """Tell whether a header line could be the article's headline."""
    words = _word_count(key)
    if not 3 <= words <= 30 or len(key) > 250:
        return False
    # A short all-caps line is a site or section banner; a line with a date is a date line.
    if (_is_all_caps(key) and words <= 5) or _find_dates(key):
        return False
    return not re.search(r"[.,;:]$", key) and len(_LETTERS.findall(key)) >= 2


def _is_all_caps(key: str) -> bool:
    letters = [c for c in key if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _is_name_like(text: str) -> bool:
    """Tell "NewsNow Digest" from "UNICEF, the kits reached families": capitalised words only."""
    words = text.split()
    if _known_outlet(text):
        return True
    return 0 < len(words) <= 6 and all(
        word[:1].isupper() or word[:1].isdigit() or word.casefold() in _SMALL_WORDS
        for word in words
    )


def _could_be_outlet(key: str) -> bool:
    """Tell whether a line is short and name-like enough to be an outlet's name."""
    if _known_outlet(key):
        return True
    # Outlet names are short; a longer repeated line is more likely a repeated headline.
    return (
        _word_count(key) <= 4
        and not _ENDS_SENTENCE.search(key)
        and (key[:1].isupper() or key[:1].isdigit())
    )


def _known_outlet(text: str) -> str:
    """Return the canonical name of a known outlet the text is exactly, or ""."""
    return _OUTLET_BY_ALIAS.get(_strip_name(text).casefold(), "")


def _dateline_outlet(body: str) -> str:
    """Return a known outlet credited in a wire dateline at the top of the body, or ""."""
    first_paragraph = body.split("\n\n", 1)[0][:200]
    match = _DATELINE_CREDIT.search(first_paragraph)
    return _known_outlet(match.group("name")) if match else ""


# ---------------------------------------------------------------------------------------
# Small helpers.
# ---------------------------------------------------------------------------------------


# The recognisers ask for the same line's key and word count many times; a long prose line
# makes each call costly, so remember recent answers.
@functools.lru_cache(maxsize=4096)
def _key(line: str) -> str:
    """Return the line with all Unicode whitespace squeezed, for matching only."""
    # str.split() splits on exactly the characters \s matches, three times faster than a regex.
    return " ".join(line.split())


@functools.lru_cache(maxsize=4096)
def _word_count(key: str) -> int:
    return len(key.split())


def _strip_name(text: str) -> str:
    """Trim separators, trailing prepositions and punctuation around a name."""
    text = _WHITESPACE.sub(" ", text).strip(" ,.;:|·•–—-()")
    text = re.sub(r"\s+(?:on|le|at|à|the|dated?)$", "", text, flags=_I)
    return text.strip(" ,.;:|·•–—-()")


def _title_case(text: str) -> str:
    """Title-case an all-caps banner, keeping small words low and apostrophes intact."""
    words = text.lower().split()
    return " ".join(
        word if position and word in _SMALL_WORDS else word[:1].upper() + word[1:]
        for position, word in enumerate(words)
    )


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Group non-blank lines into blank-line-separated blocks of (index, line)."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if line.strip():
            current.append((index, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _hard_wrapped_lines(lines: list[str], candidates: set[int]) -> set[int]:
    """Return the candidate lines that sit in a hard-wrapped block of candidates."""
    wrapped: set[int] = set()
    for block in _blocks(lines):
        members = [(i, line.strip(" \t")) for i, line in block if i in candidates]
        if _looks_hard_wrapped([line for _, line in members]):
            wrapped.update(i for i, _ in members)
    return wrapped


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Tell whether lines are one paragraph wrapped at a fixed width (e.g. e-mail text)."""
    if len(lines) < 3:
        return False
    # The last line of a wrapped paragraph is as short as it likes.
    heads = [len(line) for line in lines[:-1]]
    middle = statistics.median(heads)
    if not 45 <= middle <= 110:
        return False
    similar = sum(abs(length - middle) <= 20 for length in heads)
    open_ended = sum(not _ENDS_SENTENCE.search(line) for line in lines[:-1])
    return similar >= 0.75 * len(heads) and open_ended > len(heads) / 2


def _first_sentence(text: str) -> str:
    """Return the first sentence of a paragraph, skipping abbreviations like "U.S." or "Mr."."""
    for match in re.finditer(r"[.!?…][\"'”’»)]*(?=\s+[\"'“‘«(]?[A-ZÀ-Þ0-9])", text):
        before = text[: match.start() + 1].rsplit(" ", 1)[-1]
        if re.fullmatch(r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|No|M)\.", before):
            continue
        return text[: match.end()]
    return text
