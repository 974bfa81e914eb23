"""Speaker mentions: find the noun phrase beside a reporting verb, and resolve it to a name.

A mention is parsed from word tokens, backwards from a verb ("Renad Mansour, Iraq specialist at
the think tank Chatham House, said") or forwards after one ("said Michael Knights, Iraq expert
at …"). Resolution maps pronouns, surnames and titled surnames to the full name used earlier,
and common-noun sources ("the ministry") to the organisation named earlier.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from . import rules
from .lexicon import (
    CAPITALISED_STOPWORDS,
    CLAUSE_OPENERS,
    FEMALE_NAMES,
    FEMALE_TITLES,
    HONORIFICS,
    MALE_NAMES,
    MALE_TITLES,
    OFFICE_TITLES,
    ORG_SOURCE_NOUNS,
    ORG_WORDS,
    PRONOUNS,
    REPORTING_VERBS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    UNMARKED_PLURALS,
    split_words,
)
from .rules import Rule, Veto, decide

# Inside a word: combining marks ("José" decomposed) and the bytes of a mis-decoded letter
# ("FranÃ§ois", "FranÃ\x83Â§ois"), but not a no-break space or a guillemet.
_IN_WORD = "\u0300-\u036f\x80-\x9f\xa1-\xaa\xac-\xba\xbc-\xbf"
TOKEN = re.compile(
    # a name in capitals joined by "&" is one word: "PG&E", "AT&T"
    r"[A-Z]{1,4}&[A-Z]{1,4}(?![\w&])|(?:[A-Z]\.){1,}(?![a-z])|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Jr|Sr|St|Adm|Maj|Brig|Rev|Hon|Del|Corp|Inc|Ltd|Co|Bros)\."
    rf"|[^\W_](?:[\w’'\-{_IN_WORD}]*[^\W_])?[\u0300-\u036f]*(?:[’']s?)?|[^\w\s]",
)
# A web address as a source's name: "Znak.com", "News.com.au" is one token, not a sentence end
# (looked for in the span first, so the word pattern above stays as fast as it was).
_TLD = r"\.(?:com|org|net|info|news|gov|edu|ru|au|uk|in|co|io|de|fr|nz)(?![\w])"
_DOMAIN = re.compile(rf"[A-Za-z0-9][\w-]*(?:{_TLD})+(?:[’']s?)?")
_TLD_AT = re.compile(_TLD)
PARTICLES = frozenset(
    split_words("de van von der den al bin ibn da del dela della la le du dos di of for and y")
)
DETERMINERS = frozenset(
    split_words(
        "the a an one another several some two three four many his her their its our this that"
    )
)
AUXILIARIES = frozenset(
    split_words("""has have had was were is are be been would will could did does do also later then
    previously recently once repeatedly publicly quickly simply only further again reportedly
    initially first last finally privately already often never has n't not still always
    frequently separately earlier explicitly openly angrily flatly""")
)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        if self.text == "WHO":
            # The World Health Organization, a body that speaks ("WHO said …", "…, WHO
            # warned"), not the relative pronoun "who" that would open a clause.
            return "w.h.o"
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Mention:
    """A speaker mention: its span, how it was written, and what kind of thing it names."""

    start: int
    end: int
    text: str
    kind: str  # pronoun | name | org | common
    role: str = ""
    role_span: tuple[int, int] | None = None
    head_tokens: list[str] = field(default_factory=list)
    rule: str = field(default="", compare=False)  # the named rule that chose this mention


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Return the word and punctuation tokens of text[start:end] with absolute offsets."""
    tokens = [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
    if _TLD_AT.search(text, start, end) is None:
        return tokens
    for m in reversed(list(_DOMAIN.finditer(text, start, end))):
        inside = [k for k, t in enumerate(tokens) if m.start() <= t.start and t.end <= m.end()]
        if inside:
            tokens[inside[0] : inside[-1] + 1] = [Token(m.start(), m.end(), m.group())]
    return tokens


def abbreviation_dot(tokens: list[Token], k: int) -> bool:
    """Whether the full stop at tokens[k] ends an abbreviation, not a sentence: "(D-Nev.)
    said", "R-Ky., said", "Allentown, Pa., said", "the No. 2 in the leadership"."""
    if tokens[k].text != "." or k == 0 or k + 1 >= len(tokens):
        return False
    following = tokens[k + 1].text
    return (
        following in {",", ")"}
        or following[:1].islower()
        or following[:1].isdigit()
        or (len(following) == 2 and following[0].isupper() and following[1] == ".")
    )


def _strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


# A surname after a lowercase article or particle: "el-Sisi", "al-Assad", "ad-Din".
_PARTICLE_SURNAME = re.compile(
    r"(?:al|el|ad|ar|as|at|az|ash|ibn|bin|bint|abu|van|von|de|di|du|da|la|le|d|l)[-’'][A-Z]\w"
)


# Particles joined to a surname by a hyphen: "al-Sharaa", "el-Sisi".
_JOINED_PARTICLES = frozenset(split_words("al el ad ar as at az ash ibn bin bint abu"))


# The article particles a hyphen joins to an Arabic surname, for the patterns below.
_JOINED_ARTICLES = "al|el|ad|ash|as|ar|at|az"
_JOINED_SURNAME = re.compile(rf"(?:{_JOINED_ARTICLES})-[A-Z]")


def _without_joined_surname(words: list[str]) -> list[str]:
    """A name run without its last word when that is a surname joined to its particle and no
    given name comes before it: "Ahmed al-Sharaa" and "Iraqi Prime Minister Mohammed Shia
    al-Sudani" are people, "Ansar al-Sharia" no one's."""
    given = {_folded(word).lower() for word in words[:-1]}
    if _JOINED_SURNAME.match(words[-1]) and not given & (MALE_NAMES | FEMALE_NAMES):
        return words[:-1]
    return words


def _is_name_word(token: Token) -> bool:
    return (token.capitalised and token.text[0].isalpha()) or bool(
        _PARTICLE_SURNAME.match(token.text)
    )


_MONTHS = frozenset(
    split_words("""january february march april may june july august september october november
    december""")
)
_DAYS = frozenset(split_words("monday tuesday wednesday thursday friday saturday sunday"))
# The weekdays people are named ("Sunday Dare", "Monday Okpebholo", in Nigeria); any other
# weekday before a name is when ("Tuesday Obama said").
_DAYS_GIVEN_AS_NAMES = frozenset(split_words("sunday monday"))
# Words before a month or a weekday that make it a time: "In March Ann Lie said", "Last June
# Ann Lie said", "Late Monday Ann Lie said", "On 5 May Ann Lie said".
_TIME_BEFORE = frozenset(
    split_words("""on in at by since until till during from through to of before after last
    next this that every each early late mid past""")
)


def time_word_in_name(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k], a capitalised month or weekday, is the first word of the name after
    it ("April Ryan", "March Fong Eu", "Sunday Dare", "the reporter April Ryan", "said April
    Ryan"), not a time before a name: after a preposition, a time word or a number ("In March
    Ann Lie", "Last June Ann Lie", "On 5 May Ann Lie"), or a weekday before a first name
    ("Monday Ann Lie said": in news a weekday opening a sentence is when, and people called
    Monday are rarer than the time), or a weekday no one is named ("Tuesday Obama said")."""
    if k + 1 >= len(tokens) or not _is_name_word(tokens[k + 1]):
        return False
    if k > 0 and (tokens[k - 1].lower in _TIME_BEFORE or tokens[k - 1].text[0].isdigit()):
        return False
    return _time_word_before_name(tokens[k].text, tokens[k + 1].text)


def _time_word_before_name(word: str, after: str) -> bool:
    """Whether a month or weekday `word` opens a name with `after` (what time_word_in_name
    asks of the words themselves)."""
    lowered, next_lower = word.lower(), after.lower()
    return (
        word[:1].isupper()
        and lowered in _MONTHS | _DAYS
        and after[:1].isupper()
        and next_lower not in CAPITALISED_STOPWORDS | TITLES
        and not (lowered in _DAYS and next_lower in FEMALE_NAMES | MALE_NAMES)
        and lowered not in _DAYS - _DAYS_GIVEN_AS_NAMES
    )


# Plural nouns whose possessive sits inside a body's name: "the UN Children’s Fund", "the
# Pakistan People’s Party", "the Women’s Institute" (never the employer of a person after it).
_COLLECTIVE_POSSESSIVES = frozenset(
    f"{noun}{mark}s"
    for noun in (
        "children",
        "people",
        "women",
        "men",
        # an office's bureau: "the Alachua Sheriff's Office", "the Attorney General's Office"
        "sheriff",
        "attorney",
        "general",
        "governor",
        "mayor",
        "coroner",
        "prosecutor",
        "marshal",
        "examiner",
        "commissioner",
        "comptroller",
        "auditor",
    )
    for mark in "’'"
)


def _collective_possessive(tokens: list[Token], k: int, end: int) -> bool:
    """Whether tokens[k] is a capitalised "Children’s" (or "People’s", "Women’s", "Men’s")
    inside the name of a body that ends at tokens[end] with a word such as "Fund" or "Party"."""
    return (
        k < end
        and tokens[k].capitalised
        and tokens[k].lower in _COLLECTIVE_POSSESSIVES
        and _strip_possessive(tokens[end].lower) in ORG_WORDS
    )


# Offices that "First" opens: "First Lady", "First Minister", "First Deputy Prime Minister".
_AFTER_FIRST = frozenset(split_words("lady minister deputy secretary vice"))


def _name_start(tokens: list[Token], end: int) -> int:
    """Return the index where the capitalised name ending at tokens[end] begins."""
    i = end
    while i - 1 >= 0:
        prev = tokens[i - 1]
        if prev.text.endswith(("’s", "'s")) and i < end + 1 and i <= end:
            if not _collective_possessive(tokens, i - 1, end):
                break  # "Gallup’s Jeffrey M. Jones": the possessive is the employer, not the name
            i -= 1  # "the UN Children’s Fund", "the Pakistan People’s Party": one body's name
            continue
        if _is_name_word(prev) and prev.lower not in CAPITALISED_STOPWORDS - {
            "mr",
            "mrs",
            "ms",
            "dr",
        }:
            i -= 1
        elif time_word_in_name(tokens, i - 1):
            i -= 1  # "April Ryan", "March Fong Eu"
        elif (
            prev.lower in PARTICLES
            and i - 2 >= 0
            and _is_name_word(tokens[i - 2])
            and tokens[i - 2].lower not in CAPITALISED_STOPWORDS
            and not tokens[i - 2].text.endswith(("’s", "'s"))
        ):
            i -= 2
        elif prev.lower in TITLES and prev.text[0].isupper():
            i -= 1
        elif prev.text == "First" and tokens[i].lower in _AFTER_FIRST:
            i -= 1  # "the First Lady", "First Minister Ann Lie": an office, not "First, …"
        elif _number_in_body_name(tokens, i, end):
            i -= 2  # "The Lost 52 Project announced": the number is part of the name
        elif end - i >= 2 and (office := office_to(tokens, i)) >= 0:
            # "Former Ambassador to the United Nations Ann Lie": a body and a name after it
            i = office
        else:
            break
    return i


def _number_in_body_name(tokens: list[Token], i: int, end: int) -> bool:
    """Whether tokens[i - 1] is a number between two words of a body's name ("Lost 52
    Project"): the name ends with a body's word, and the word before the number is a name word
    that is no month, weekday or stopword ("On May 5 Norland Group", "In 2019 Harbour Trust")."""
    if i - 2 < 0 or not tokens[i - 1].text.isdigit() or tokens[end].lower not in ORG_WORDS:
        return False
    word = tokens[i - 2]
    return (
        _is_name_word(word)
        and word.lower not in CAPITALISED_STOPWORDS
        and word.lower not in _MONTHS | _DAYS
        and not word.text.endswith(("’s", "'s"))
    )


def office_to(tokens: list[Token], i: int) -> int:
    """The index of the office before "to (the)" and the body's name at tokens[i]
    ("Ambassador to the United Nations"), or -1."""
    j = i - 2 if i >= 1 and tokens[i - 1].lower == "the" else i - 1
    if j < 1 or tokens[j].lower != "to" or not tokens[i].capitalised:
        return -1
    office = tokens[j - 1]
    if office.capitalised and (_office(office.text) or _office_like(office.text)):
        return j - 1
    return -1


def office_to_ahead(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] is the "to" or "the" of an office before a body's name:
    "Ambassador to the United Nations"."""
    return any(k < len(tokens) and office_to(tokens, k) >= 0 for k in (i + 1, i + 2))


def _build(text: str, tokens: list[Token], first: int, last: int, kind: str) -> Mention:
    start, end = tokens[first].start, tokens[last].end
    words = [t.text for t in tokens[first : last + 1]]
    return Mention(start, end, text[start:end], kind, head_tokens=words)


_WEEKDAYS = frozenset(
    split_words("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")
)


_TIME_NOUNS = frozenset(split_words("week weekend month year morning afternoon evening night"))

_LY_NOUNS = frozenset(
    split_words("""family rally ally early only daily weekly monthly yearly quarterly supply
    assembly likely unlikely holy belly bully lily july elderly friendly""")
)


def _opens(tokens: list[Token], first: int, name: Mention) -> bool:
    """Whether the name opens the phrase at tokens[first], after at most two lowercase words of
    role ("state Sen. Ann Lie")."""
    k = first
    while k < len(tokens) and k - first < 2 and tokens[k].text.isalpha():
        if not tokens[k].text.islower():
            break
        k += 1
    return (
        k < len(tokens)
        and name.start == tokens[k].start
        and (k == first or bool(name.role) or _person_noun(tokens[k - 1].lower))
    )  # "her adviser, biologist Tom Berg, said": a person's noun before the name


def _person_noun(word: str) -> bool:
    """A lowercase noun of a person: "biologist", "partner", and those the endings miss
    ("(doctoral) candidate", "student", "chief")."""
    return word.endswith(_PERSON_ENDINGS) or _office(word) or word in _SOURCE_HEADS


def mention_before(text: str, tokens: list[Token], verb: int) -> Mention | None:
    """Return the speaker mention that ends just before tokens[verb], with any appositive role."""
    fired = None
    without, at = _without_acronym(tokens, verb)
    if without is not tokens:
        # "Tom Berg, an expert at Norland University (NU), said": read without the acronym first
        fired = decide(_BEFORE_RULES, _Before(text, without, at))
        if fired is not None and fired[1] is not None:
            tokens, verb = without, at
    if fired is None or fired[1] is None:
        fired = decide(_BEFORE_RULES, _Before(text, tokens, verb))
    placeless, at = _without_place(tokens, verb)
    if placeless is not tokens and (
        fired is None or fired[1] is None or fired[1].start >= tokens[at].start
    ):  # (tokens[at] is "in", or the place's first word when an adverb follows it)
        # "Ann Lie of the University of Norland in Ostia said": the subject, not the place
        again = decide(_BEFORE_RULES, _Before(text, placeless, at))
        if again is not None and again[1] is not None:
            fired, tokens, verb = again, placeless, at
    ownerless, at, body = _without_owner(tokens, verb)
    if ownerless is not tokens and (fired is None or fired[1] is None or fired[1].start >= body):
        # "Ann Lie of Norland's Vale University said": the subject, not the body
        again = decide(_BEFORE_RULES, _Before(text, ownerless, at))
        if again is not None and again[1] is not None and again[1].start < body:
            fired, tokens, verb = again, ownerless, at
    if (
        fired is not None
        and fired[1] is not None
        and fired[1].text.lower() in _NAME_SUFFIXES
        and verb >= 4
        and tokens[verb - 2].text == ","
        and tokens[verb - 3].capitalised
    ):
        # "Tom F. Berg, Jr. said": the name with its suffix, not the suffix alone
        joined = tokens[: verb - 2] + tokens[verb - 1 :]
        again = decide(_BEFORE_RULES, _Before(text, joined, verb - 1))
        if again is not None and again[1] is not None and again[1].end == tokens[verb - 1].end:
            heads = again[1].head_tokens
            if len(heads) >= 2 and heads[-2] == tokens[verb - 3].text:
                heads[-2] += ","  # the name as written: "Tom F. Berg, Jr."
            fired = again
    if (fired is None or fired[1] is None) and _stray_comma(tokens, verb):
        # "The harbour chair Ann Lie, said": a comma the sentence does not need
        tokens, verb = tokens[: verb - 1] + tokens[verb:], verb - 1
        fired = decide(_BEFORE_RULES, _Before(text, tokens, verb))
    fired = _closing_apposition(text, tokens, verb, fired)
    if fired is None or fired[1] is None:
        return None
    mention = _without_infinitive(text, tokens, fired[1])
    mention = _with_partitive(text, tokens, mention)
    mention.rule = fired[0]
    return _with_office_of_body(text, tokens, mention) if _finite(tokens[verb]) else mention


_OFFICE_MODIFIERS = frozenset(split_words("deputy vice acting managing executive assistant"))


def _with_office_of_body(text: str, tokens: list[Token], mention: Mention) -> Mention:
    """ "The Governor of the Central Bank of Norland warned", "The head of the Norland Rail
    Union said": the office's holder speaks, not the body; the mention takes in "the", the
    office and "of" before the body (a description, which resolve reads as the office's)."""
    if mention.kind not in {"org", "name"} or mention.text[:4].lower() != "the ":
        return mention
    k = next((i for i, t in enumerate(tokens) if t.start == mention.start), None)
    if k is None or k < 3 or tokens[k - 1].lower != "of" or not _office(tokens[k - 2].text):
        return mention
    first = k - 2
    if tokens[first - 1].lower in _OFFICE_MODIFIERS:
        first -= 1  # "The Deputy Governor of …"
    if first < 1 or tokens[first - 1].lower != "the":
        return mention
    found = _build(
        text,
        tokens,
        first - 1,
        next(i for i in range(k, len(tokens)) if tokens[i].end == mention.end),
        "name",
    )
    found.rule = mention.rule
    return found


_PARTITIVES = frozenset(split_words("one two three four five some several many most few none each"))
_PARTITIVE_OWNERS = frozenset(split_words("the them those these his her their its our"))
_PARTITIVE_STOPS = frozenset(split_words("even also then later who which that and"))


def _with_partitive(text: str, tokens: list[Token], mention: Mention) -> Mention:
    """ "One of the sons said", "One of them even went on to say": the quantifier with its
    "of" phrase (the group's noun, up to the verb, or "them"), not the bare "One"."""
    if mention.text.lower() not in _PARTITIVES:
        return mention
    k = next((i for i, t in enumerate(tokens) if t.start == mention.start), None)
    if k is None or k + 2 >= len(tokens) or tokens[k + 1].lower != "of":
        return mention
    if tokens[k + 2].lower not in _PARTITIVE_OWNERS:
        return mention
    last = k + 2
    if tokens[last].lower != "them":
        # the group's words, to the verb: "(One of the) young sons said"
        while (
            last + 1 < len(tokens)
            and last - k < 5
            and tokens[last + 1].text.isalpha()
            and tokens[last + 1].lower not in REPORTING_VERBS | AUXILIARIES | _PARTITIVE_STOPS
        ):
            last += 1
        if last == k + 2:
            return mention
    found = Mention(mention.start, tokens[last].end, "", "common", rule=mention.rule)
    found.text = text[found.start : found.end]
    found.head_tokens = [t.text for t in tokens[k : last + 1]]
    return found


_ACRONYM = re.compile(r"[A-Z][A-Za-z&]*[A-Z]")


def _without_acronym(tokens: list[Token], verb: int) -> tuple[list[Token], int]:
    """ "Tom Berg, an expert at Norland University (NU), said": the tokens without a body's
    acronym in parentheses in the subject (unchanged when there is none)."""
    for k in range(verb - 3, max(0, verb - 30), -1):
        if tokens[k].text in {".", "!", "?", "“", "”", '"'}:
            break
        if (
            tokens[k].text == "("
            and tokens[k + 2].text == ")"
            and _ACRONYM.fullmatch(tokens[k + 1].text)
            and tokens[k - 1].capitalised
        ):
            return tokens[:k] + tokens[k + 3 :], verb - 3
    return tokens, verb


def _stray_comma(tokens: list[Token], verb: int) -> bool:
    """Whether the only comma of the sentence before the verb stands right before it, after a
    capitalised word that ends the sentence's opening words: "The harbour chair Ann Lie,
    said"."""
    if verb < 3 or tokens[verb - 1].text != "," or not tokens[verb - 2].capitalised:
        return False
    if tokens[verb].lower.endswith("ing") or (
        verb + 1 < len(tokens) and tokens[verb + 1].capitalised
    ):
        return False  # "took to Twitter, writing", "for Clinton, said Kunin": not a subject's
    start = verb - 2
    while start > 0 and tokens[start - 1].text not in {".", "!", "?", ":", ";", "“", '"', ","}:
        start -= 1
    return start == 0 or tokens[start - 1].text in {".", "!", "?"}


def _finite(verb: Token) -> bool:
    """Whether a verb of saying is in a past or an -s form ("said", "stated", "warns"), which a
    singular subject takes; not "state" or "think", which may be nouns ("think tank")."""
    return verb.lower.endswith(("ed", "s")) or verb.lower in _IRREGULAR_PAST


_APPOSITION_STOPS = frozenset(split_words("who whom whose which that where when while as"))


def _closing_apposition(
    text: str, tokens: list[Token], verb: int, fired: tuple[str, Mention | None] | None
) -> tuple[str, Mention | None] | None:
    """ "Anthony Lane, president and CEO of the Norland Restaurant Association stated": read as
    if a comma closed the appositive before the verb, when what fired is inside it (or
    nothing fired)."""
    comma = _unclosed_apposition(text, tokens, verb)
    if comma is None or (fired is not None and fired[1] is not None and fired[1].start < comma):
        return fired
    closing = Token(tokens[verb - 1].end, tokens[verb - 1].end, ",")
    closed = [*tokens[:verb], closing, *tokens[verb:]]
    again = decide(_BEFORE_RULES, _Before(text, closed, verb + 1))
    if again is not None and again[1] is not None and again[1].end <= comma:
        return again
    return fired


def _unclosed_apposition(text: str, tokens: list[Token], verb: int) -> int | None:
    """The offset of the comma after a name that opens the sentence (or follows a quotation)
    when an appositive of a person's role runs from it to the verb with no comma to close it:
    "Anthony Lane, president and CEO of the Norland Restaurant Association stated"; else
    None."""
    if not _finite(tokens[verb]):
        return None  # "Ann Lie, the head of the Norland state (union)": no finite verb
    k = verb - 1
    while k > 0 and tokens[k].text != ",":
        word = tokens[k]
        if not word.text[:1].isalnum() or word.lower in _APPOSITION_STOPS:
            return None
        if word.text.islower() and (word.lower in REPORTING_VERBS or word.lower in AUXILIARIES):
            return None
        k -= 1
    first, last = tokens[k + 1], tokens[verb - 1]
    if k < 1 or not 2 <= verb - k - 1 <= 14:
        return None
    if not (first.lower in {"a", "an", "the"} or _person_noun(first.lower)):
        return None  # "American Samoans, unlike people born in the fifty states"
    if not (last.capitalised or _person_noun(last.lower)):
        return None
    if not any(_person_noun(t.lower) for t in tokens[k + 1 : verb]):
        return None
    start = k - 1
    while start > 0 and tokens[start - 1].text not in {".", "!", "?", "”", '"', "“", ",", ";"}:
        start -= 1
    if start > 0 and tokens[start - 1].text in {",", ";", "“"}:
        return None
    words = tokens[start:k]
    if len(words) < 2 or not all(t.text[:1].isupper() and t.text.isalpha() for t in words):
        return None  # "Significantly, the judge said", "In Norland City, the mayor said"
    name = _np_ending_at(text, tokens, k - 1)
    if name is None or name.kind != "name" or name.start != tokens[start].start:
        return None
    return tokens[k].start


def _without_place(tokens: list[Token], verb: int) -> tuple[list[Token], int]:
    """ "Ann Lie of the University of Norland in Ostia said": the tokens without "in" and a
    place of one to three capitalised words between a capitalised subject and its verb
    (unchanged when there is none); an adverb may follow the place ("in Ostia also said")."""
    end = verb - 1 if tokens[verb - 1].lower in _AFTER_PLACE else verb
    for k in range(end - 2, max(0, end - 5), -1):
        if (
            tokens[k].lower == "in"
            and tokens[k - 1].capitalised
            and all(t.capitalised and t.text.isalpha() for t in tokens[k + 1 : end])
        ):
            return tokens[:k] + tokens[end:], verb - (end - k)
    return tokens, verb


_AFTER_PLACE = frozenset(split_words("also later then again further"))


def _without_owner(tokens: list[Token], verb: int) -> tuple[list[Token], int, int]:
    """ "Ann Lie of Norland's Vale University said", "Ann Lie of the UK's Vale Agency said":
    the tokens without the place's possessive (and its "the") between "of" and a body's
    capitalised name after a capitalised subject, the verb's new index and the offset where
    the body's name starts (the tokens unchanged when there is none)."""
    for k in range(verb - 2, max(1, verb - 9), -1):
        owner = tokens[k].capitalised and tokens[k].text.endswith(("’s", "'s"))
        if not (owner and tokens[k + 1].capitalised):
            continue
        first = k - 1 if tokens[k - 1].lower == "the" else k
        if first < 2 or tokens[first - 1].lower not in {"of", "from", "at"}:
            break
        if not tokens[first - 2].capitalised:
            break
        return tokens[:first] + tokens[k + 1 :], verb - (k + 1 - first), tokens[k + 1].start
    return tokens, verb, -1


def _without_infinitive(text: str, tokens: list[Token], mention: Mention) -> Mention:
    """ "The rebels refused to (say)": the words of the predicate leave the mention."""
    if not mention.text.endswith(" to") or mention.kind == "pronoun":
        return mention
    last = next(k for k in range(len(tokens) - 1, -1, -1) if tokens[k].end == mention.end)
    first = speaker_start(tokens, mention)
    k = past_infinitive(tokens, last)
    if k == last or k < first:
        return mention
    trimmed = _build(text, tokens, first, k, mention.kind)
    trimmed.role = mention.role
    return trimmed


def _adverb_before_verb(tokens: list[Token], i: int) -> bool:
    """ "Experts are now warning", "Officials have long warned": "now" after the subject or an
    auxiliary, "long" after a perfect's auxiliary; adverbs, not the speaker's last word."""
    if i < 1 or not tokens[i - 1].text[:1].isalpha():
        return False
    word, before = tokens[i].lower, tokens[i - 1].lower
    if word == "long":
        return before in {"has", "have", "had"}
    # not "a policy maker who is now advising …": the relative clause's verb
    relative = before in _RELATIVE_NOW or (
        before in AUXILIARIES and i > 1 and tokens[i - 2].lower in _RELATIVE_NOW
    )
    return tokens[i].text == "now" and not relative  # not a headline's "Is Now Calling"


_RELATIVE_NOW = frozenset({"who", "which", "that"})
_RELATIVE_DAYS = frozenset(split_words("today tonight yesterday"))


def _named_today(tokens: list[Token], i: int) -> bool:
    """ "USA Today noted …": a capitalised "Today" after a name in capitals is part of the
    name (in running text the time is "today"; a weekday is capitalised either way)."""
    return (
        tokens[i].text[:1].isupper()
        and tokens[i].lower in _RELATIVE_DAYS
        and tokens[i - 1].text.isupper()
        and tokens[i - 1].text.isalpha()
    )


def _subject_end(tokens: list[Token], verb: int) -> int:
    """The token the subject of tokens[verb] ends at, past auxiliaries, adverbs and times
    ("Priebus later Thursday told", "Reince Priebus, the GOP chairman, this past week
    announced"); -1 when nothing is left."""
    i = verb - 1
    while i >= 0 and (
        tokens[i].lower in AUXILIARIES
        or _dated(tokens, i)
        or (i > 1 and tokens[i].lower in _MONTHS and _dated(tokens, i - 1))
        or (tokens[i].lower in _WEEKDAYS and i > 0 and not _named_today(tokens, i))
        # "The mayor has since said": the adverb after a perfect's auxiliary
        or (tokens[i].lower == "since" and i > 0 and tokens[i - 1].lower in {"has", "have", "had"})
        or _adverb_before_verb(tokens, i)
        or (
            # "Clinton emphatically proclaimed": an adverb, not the speaker.
            i > 0
            and tokens[i].text.islower()
            and tokens[i].text.endswith("ly")
            and len(tokens[i].text) > 4
            and tokens[i].text.isalpha()
            and tokens[i].lower not in _LY_NOUNS
        )
    ):
        i -= 1
    if i >= 2 and tokens[i].lower in _TIME_NOUNS and tokens[i].text.islower():
        # "this past week": a time, not a source
        k = i - 1
        while k >= 0 and tokens[k].lower in _TIME_LEADS:
            k -= 1
        if k < i - 1 and tokens[k + 1].lower in {"this", "last", "that", "next"}:
            i = k
            while i >= 0 and tokens[i].lower in AUXILIARIES:
                i -= 1
    if i >= 2 and tokens[i].text in {"”", '"', "'"} and tokens[i - 1].text in {",", "'"}:
        # "Akhil Amar, author of ''America's Unwritten Constitution,'' put it": the comma
        # that closes the appositive sits inside the title's closing marks.
        k = i - 1 if tokens[i - 1].text == "," else i - 2
        if k >= 1 and tokens[k].text == ",":
            i = k
    return max(i, -1)


_TIME_LEADS = frozenset(split_words("past last this next that early late"))
_DATE_PREPOSITIONS = frozenset(split_words("on in"))


def _dated(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] is the preposition of a date between a subject and its verb ("The
    agency on Monday said", "Tom Berg in May told"): the date is no part of the speaker."""
    if i < 1 or i + 2 >= len(tokens) or tokens[i].lower not in _DATE_PREPOSITIONS:
        return False
    day = tokens[i + 1]
    return day.capitalised and (day.lower in _WEEKDAYS or day.lower in _MONTHS)


# Verbs that take "to" and a reporting verb ("refused to say", "went on to say"): the
# predicate, not part of the subject.
_TO_VERBS = frozenset(
    split_words("""went goes go came comes began begins want wants need needs has have had
    got get gets is was were are decline declines refuse refuses continue continues try
    tries seem seems appear appears used""")
)


def past_infinitive(tokens: list[Token], i: int) -> int:
    """The token before "refused to" or "went on to" when tokens[i] is that "to": "The rebels
    refused to say", "Lie went on to say" (the subject is the rebels, Lie)."""
    if i < 2 or tokens[i].lower != "to":
        return i
    k = i - 1
    if tokens[k].lower in {"on", "up"} and k >= 2:
        k -= 1
    verb = tokens[k]
    if not (verb.text.isalpha() and verb.text.islower()):
        return i
    if verb.lower in _TO_VERBS or (verb.lower.endswith("ed") and len(verb.text) > 4):
        k -= 1
        while k >= 0 and tokens[k].lower in AUXILIARIES:
            k -= 1  # "The rebels had repeatedly refused to say"
        return k if k >= 0 else i
    return i


class _Before:
    """Where a mention-before rule looks: the verb, and the token the subject ends at."""

    def __init__(self, text: str, tokens: list[Token], verb: int) -> None:
        self.text = text
        self.tokens = tokens
        self.verb = verb
        self.i = _subject_end(tokens, verb)

    @cached_property
    def apposition(self) -> int | None:
        """The comma opening an appositive that ends with the comma at tokens[i] ("Renad
        Mansour, Iraq specialist at …, said"), or None."""
        tokens, i = self.tokens, self.i
        if tokens[i].text != ",":
            return None
        j = i - 1
        while j >= 0 and (
            tokens[j].text not in {",", ".", ";", ":", "“", "”", '"', "(", ")"}
            or (tokens[j].text == "." and j == i - 1)  # "Mitch McConnell, R-Ky., said"
            or abbreviation_dot(tokens, j)  # "John Cornyn, the No. 2 in the leadership, said"
        ):
            j -= 1
            if j > 0 and tokens[j].text == "”":
                # "Ann Lie, wearing “Vote Ida” pins, said": a short title inside the appositive
                k = next((k for k in range(j - 1, max(-1, j - 7), -1) if tokens[k].text == "“"), -1)
                if k > 0 and tokens[k - 1].text[:1].isalnum() and tokens[k + 1 : j]:
                    j = k - 1
        if j > 0 and tokens[j].text == "," and 1 <= i - j - 1 <= 30:
            return j
        return None

    @cached_property
    def head(self) -> tuple[Mention | None, tuple[int, int]]:
        """The phrase before the appositive, and the appositive's span as its role."""
        text, tokens, i, j = self.text, self.tokens, self.i, self.apposition
        if j is None:
            return None, (0, 0)
        role = (tokens[j + 1].start, tokens[i - 1].end)
        head = _np_ending_at(text, tokens, j - 1)
        if head is None and tokens[j - 1].text == ")":
            # "Rep. Ann Cole (D-Ore.), who chairs the panel, said"; "The head of the union
            # (National Union of Rail, Maritime and Transport Workers), Tom Berg, said"
            k = j - 2
            while k > 0 and j - k <= 16 and tokens[k].text != "(":
                k -= 1
            if k > 0 and tokens[k].text == "(":
                head = _np_ending_at(text, tokens, k - 1)
                if head is not None and head.kind == "name":
                    role = (tokens[k].start, tokens[i - 1].end)
        return head, role

    @cached_property
    def inner(self) -> Mention | None:
        """A name that opens the appositive and ends it: "her adviser, Jake Sullivan, said", "a
        rival union, the Norland Dockers Union, said"."""
        j = self.apposition
        inner = _np_ending_at(self.text, self.tokens, self.i - 1) if j is not None else None
        if inner is None or j is None or inner.kind not in {"name", "org"}:
            return None
        whole = inner.kind == "org" and inner.start == self.tokens[j + 1].start  # "the … Union"
        return inner if whole or _opens(self.tokens, j + 1, inner) else None


def _before_will(c: _Before) -> Mention | None:
    tokens, verb = c.tokens, c.verb
    if (
        verb >= 1
        and tokens[verb - 1].text == "Will"
        and (tokens[verb].lower.endswith("ed") or tokens[verb].lower in {"said", "wrote", "told"})
    ):
        return _build(c.text, tokens, verb - 1, verb - 1, "name")
    return None


# Singular words that, as a subject, take a verb in -s or a past form: "One reasons", "Each
# said"; before the bare form ("One reason", "Each answer") they open a noun phrase.
_SINGULAR_QUANTIFIERS = frozenset(split_words("one another each every either neither"))


def _before_quantifier_noun(c: _Before) -> bool:
    verb = c.tokens[c.verb]
    return (
        c.i == c.verb - 1
        and c.tokens[c.i].lower in _SINGULAR_QUANTIFIERS
        and verb.text.islower()
        and verb.lower in REPORTING_VERBS
        and not verb.text.endswith(("s", "ed", "ing"))
        and verb.lower not in _IRREGULAR_PAST
    )


_IRREGULAR_PAST = frozenset(split_words("said told wrote spoke thought felt knew put read"))


def _before_passive(c: _Before) -> bool:
    """ "Rubio was asked by the moderator …": the subject did not say it."""
    skipped = {t.lower for t in c.tokens[c.i + 1 : c.verb]}
    verb = c.tokens[c.verb].lower
    return bool(skipped & _PASSIVE_AUX) and (
        verb.endswith("ed") or verb in {"told", "asked", "said"}
    )


def _before_parenthesis(c: _Before) -> Mention | None:
    """ "Rep. Jim McDermott (D-Wash.) said": the parenthesis is a role."""
    tokens, i = c.tokens, c.i
    if tokens[i].text != ")":
        return None
    j = i - 1
    while j >= 0 and i - j <= 8 and tokens[j].text != "(":
        j -= 1
    if j > 0 and tokens[j].text == "(":
        head = _np_ending_at(c.text, tokens, j - 1)
        if head is not None and i - j == 2 and _ACRONYM.fullmatch(tokens[j + 1].text):
            # "Ann Lie of the Norland Health Agency (NHA), said": the person, not the body
            head = person_of_body(c.text, tokens, head) or head
        if head is not None and not head.role:
            head.role = c.text[tokens[j + 1].start : tokens[i - 1].end] if i - 1 > j else ""
        return head
    return None


def _before_comma_after_parenthesis(c: _Before) -> Mention | None:
    """ "Gov. Ann Lie (R-OH), said": the comma after a parenthesis closes nothing."""
    if c.tokens[c.i].text == "," and c.i > 1 and c.tokens[c.i - 1].text == ")":
        return mention_before(c.text, c.tokens, c.i)
    return None


def _asides(c: _Before) -> bool:
    j = c.apposition
    if j is None:
        return False
    return " ".join(t.lower for t in c.tokens[j + 1 : c.i]) in _ASIDES


# "The president, speaking at a rally in Lagos, said", "The minister, in a statement on
# Monday, said": where or how the speaker spoke, not who the speaker is.
_SPEAKING_PARTICIPLES = frozenset(
    split_words("""speaking addressing writing testifying responding appearing talking
    answering commenting reacting""")
)
_OCCASIONS = frozenset(
    split_words("""speech statement interview conference briefing rally meeting address post
    letter video hearing session summit broadcast""")
)


def _occasion(words: list[str]) -> bool:
    """Whether an appositive's words say where or how its subject spoke: "speaking at a rally",
    "in a statement on Monday", "at a news conference"."""
    if not words:
        return False
    if words[0] in _SPEAKING_PARTICIPLES:
        return True
    if words[0] in _ISSUED and len(words) > 1 and words[1] in {"by", "on", "in", "late", "to"}:
        return True  # "The report, released on Monday, said", "Her letter, seen by Reuters,"
    return words[0] in {"in", "at", "during"} and bool(_OCCASIONS & set(words[1:5]))


# How a document came out or to whom: "The statement, carried by the state news agency, said".
_ISSUED = frozenset(
    split_words("""carried seen obtained released issued published posted sent dated
    circulated""")
)


_DASHES = frozenset({"—", "–", "―"})


def _before_dash_occasion(c: _Before) -> Mention | None:
    """ "The mayor – speaking after the flood – said": the occasion of speaking between
    dashes, as between commas, is passed over to the speaker before it."""
    tokens, i = c.tokens, c.i
    if i < 3 or tokens[i].text not in _DASHES:
        return None
    k = next((k for k in range(i - 2, max(0, i - 14), -1) if tokens[k].text in _DASHES), 0)
    if k < 1 or not _occasion([t.lower for t in tokens[k + 1 : i]]):
        return None
    if not all(t.text[:1].isalnum() for t in tokens[k + 1 : i]):
        return None
    return mention_before(c.text, tokens, k)


def _before_aside(c: _Before) -> Mention | None:
    """ "Local officials, however, said", "The president, speaking at a rally, said": an aside
    or the occasion of speaking, not an appositive."""
    j = c.apposition
    if j is None or j < 1:
        return None
    occasion = _occasion([t.lower for t in c.tokens[j + 1 : c.i]])
    if not (_asides(c) or occasion):
        return None
    # An appositive before the aside is read as if the verb followed it: "Ann Lie, a nurse,
    # speaking from her home, said", "Sen. Ann Lie, R-Ohio, appearing on Fox News, said" (the
    # name, with the appositive as role); else what ends before the aside.
    spliced = mention_before(c.text, c.tokens[: j + 1] + c.tokens[c.i + 1 :], j + 1)
    if spliced is not None and spliced.role:
        return spliced
    return mention_before(c.text, c.tokens, j)


def _with_role(mention: Mention, text: str, role: tuple[int, int]) -> Mention:
    mention.role = text[role[0] : role[1]]
    mention.role_span = role
    return mention


def _body_then_person(c: _Before, head: Mention) -> bool:
    """ "the director of Norland's Civic Watch, Ann Lie, said", "a spokesman for Sen. Bo Berg,
    Ann Lie, said": the body or person a role is of, and the appositive is only the speaker's
    name (which the role-then-name rule takes)."""
    inner = c.inner
    words = inner.text.split() if inner is not None else []
    if len(words) < 2 or _looks_like_org(words):
        return False
    return _word_before(c.tokens, head) in {"of", "at", "for", "to"} or c.text[
        max(0, head.start - 3) : head.start
    ] in {"’s ", "'s "}


def _before_appositive(c: _Before) -> Mention | None:
    """ "Renad Mansour, Iraq specialist at …, said": the name, with the appositive as role."""
    if c.apposition is None:
        return None
    head, role = c.head
    if (
        head is not None
        and head.kind in {"name", "org"}
        and not _is_place(c.tokens, head)
        and not _body_then_person(c, head)
        and not _title_then_name(c, head)
    ):
        return _with_role(head, c.text, role)
    return None


_PARTIES = frozenset(
    split_words("republican democratic democrat labour conservative liberal green")
)


def _title_then_name(c: _Before, head: Mention) -> bool:
    """ "A Republican Assemblywoman, Jill Tolles, said": the phrase before the appositive is only
    a title (and a party), so the name between the commas is the speaker."""
    inner = c.inner
    if inner is None or inner.kind != "name" or _looks_like_org(inner.head_tokens):
        return False
    if _capitalised_office(head.head_tokens) and len(inner.head_tokens) >= 2:
        # "The Chief Minister of Punjab, Ann Lie, said", "The UN Secretary-General, Bo Berg,
        # said": an office written with its capitals, and the name between the commas
        return True
    if _word_before(c.tokens, head) not in {"a", "an"}:
        return False  # "The Senator, Ann Lie, said": the description resolves to her later
    words = [w for w in head.head_tokens if w.lower() not in DETERMINERS]
    return bool(words) and all(
        _office(w) or _office_like(w) or w.lower() in _PARTIES for w in words
    )


def _capitalised_office(words: list[str]) -> bool:
    """Whether capitalised words are an office and what it is of, with no person's name in
    them: "Chief Minister of Punjab", "UN Secretary-General", "Norland's Minister of
    Information" (an office word, capitalised words or "of", "for", "and", "the" around it, no
    first name)."""
    words = [w for w in words if w.lower() not in DETERMINERS]
    offices = [k for k, w in enumerate(words) if _office(_strip_possessive(w))]
    if not offices or len(words) > 8:
        return False
    return all(
        (w[:1].isupper() and (w.isupper() or not first_name(w)))  # ("UN" is no given name)
        or (k > offices[0] and w in _BODY_JOINS)
        for k, w in enumerate(words)
    )


def _before_name_title_body(c: _Before) -> Mention | None:
    """ "Tom Berg, Secretary, Ministry of Harbours, said": a title alone between commas, then
    the body, after the name; the name speaks, with title and body as its role."""
    if c.apposition is None:
        return None
    head, role = c.head
    if head is None or not all(
        w.lower().rstrip(".") in TITLES | _MORE_ROLES for w in head.head_tokens
    ):
        return None
    k = speaker_start(c.tokens, head) - 1
    if k < 1 or c.tokens[k].text != ",":
        return None
    name = _np_ending_at(c.text, c.tokens, k - 1)
    if name is None or name.kind != "name" or _looks_like_org(name.head_tokens):
        return None
    return _with_role(name, c.text, (head.start, role[1]))


def _role_segment(tokens: list[Token]) -> bool:
    """Whether an appositive's words are a role: an office or a role noun first, past an
    article ("Superintendent of Police (SP)", "the mayor of Vale", "General Secretary")."""
    words = [t for t in tokens if t.text not in {"(", ")"}]
    if words and words[0].lower in {"the", "a", "an"}:
        words = words[1:]
    if not words or len(words) > 8:
        return False
    first = words[0].text
    return _office(first) or _office_like(first) or _role_word(first.lower())


def _place_segment(tokens: list[Token]) -> bool:
    """Whether the words after a role name a place or a body: capitalised words, an acronym
    in parentheses, lowercase joins between them ("East Vale Hills", "Norland Farmers
    Union")."""
    words = [t for t in tokens if t.text not in {"(", ")"}]
    return (
        1 <= len(words) <= 6
        and words[0].capitalised
        and words[-1].capitalised
        and words[0].lower not in PRONOUNS
        and words[0].lower not in ORG_WORDS  # "Department of Roads": name-title-body's
        and all(t.capitalised or t.lower in _BODY_JOINS for t in words)
    )


def _before_name_role_place(c: _Before) -> Mention | None:
    """ "Ann Lie, Superintendent of Police (SP), East Vale said", "Tom Berg, the mayor of
    Vale, North Ostia, announced": a person's name, a role and the place or body the role is
    of, between commas; the name speaks (not the place before the verb)."""
    tokens = c.tokens
    end = c.i - 1 if tokens[c.i].text == "," else c.i
    b = end
    while b > 0 and end - b <= 7 and tokens[b].text != ",":
        b -= 1
    if b <= 0 or b == end or tokens[b].text != "," or not _place_segment(tokens[b + 1 : end + 1]):
        return None
    a = b - 1
    while a > 0 and b - a <= 10 and tokens[a].text not in _APPOSITIVE_STOPS - {"(", ")"}:
        a -= 1
    if a <= 0 or tokens[a].text != "," or not _role_segment(tokens[a + 1 : b]):
        return None
    if tokens[c.i].text == "," and tokens[a + 1].lower not in {"the", "a", "an"}:
        return None  # "Ann Lie, Secretary, Ministry of Harbours, said": name-title-body's
    name = _np_ending_at(c.text, tokens, a - 1)
    if (
        name is None
        or name.kind != "name"
        or _word_before(tokens, name) in _PREPOSITIONS | _ROLE_LINKS  # "a tribute to Ann Lie, …"
        or len(name.head_tokens) < 2
        or _looks_like_org(name.head_tokens)
        or _is_place(tokens, name)
    ):
        return None
    return _with_role(name, c.text, (tokens[a + 1].start, tokens[end].end))


def _before_source_who(c: _Before) -> Mention | None:
    """ "an intelligence source, who was not authorized to speak, said"."""
    if c.apposition is None:
        return None
    head = c.head[0]
    if (
        head is not None
        and head.kind == "common"
        and c.tokens[c.apposition + 1].lower == "who"
        and head.head_tokens[0].lower() in DETERMINERS
    ):
        return head
    return None


def _before_role_then_name(c: _Before) -> Mention | None:
    """ "her senior policy adviser, Jake Sullivan, said": the name is the speaker (not "Ann
    Lie, who served in Iran, Turkey and France, said": a list)."""
    if c.apposition is None:
        return None
    head, inner = c.head[0], c.inner
    if head is None or inner is None:
        return None
    if head.kind == "name" and _word_before(c.tokens, head) in {"in", "to"}:
        # "Ann Lie, who served in Iran, Turkey and France, said" is a list; "High
        # Commissioner to Norland, Ann Lie, said" names the envoy
        k = speaker_start(c.tokens, head) - 2
        if k < 0 or not _office(c.tokens[k].text):
            return None
        while k > 0 and c.tokens[k - 1].capitalised:
            k -= 1  # the role is the whole office: "British High Commissioner to Norland"
        return _with_role(inner, c.text, (c.tokens[k].start, head.end))
    start = _role_start(c.text, c.tokens, head)
    inner.role = c.text[start : head.end]
    inner.role_span = (start, head.end)
    return inner


# Words that tie a role to what it is of: "a spokesman for the ministry", "one of her aides".
_ROLE_LINKS = frozenset(split_words("of for at to"))


def _role_start(text: str, tokens: list[Token], head: Mention) -> int:
    """Where a role before an appositive name starts: the noun phrase it is of or for ("(A
    spokesman for) the ministry, Tom Berg, said", "(The head of) the union"), so the whole
    role, not its last part, stands before the name."""
    start, k = head.start, speaker_start(tokens, head)
    for _ in range(2):
        if k < 2 or tokens[k - 1].lower not in _ROLE_LINKS:
            break
        before = _np_ending_at(text, tokens, k - 2)
        if before is None or before.start >= tokens[k - 1].start:
            break
        start, k = before.start, speaker_start(tokens, before)
    return start


def _before_unparsed_role_then_name(c: _Before) -> Mention | None:
    """ "the mayor’s chief of staff, Joe Kasper, said": a role we cannot parse."""
    j = c.apposition
    if j is None or c.head[0] is not None or c.inner is None or j < 2:
        return None
    before = c.tokens[j - 1].text
    if not (before[:1].isalpha() and before.islower()):
        return None
    lead = c.tokens[:j]
    if len(lead) <= 8 and all(t.text[:1].isalnum() for t in lead) and lead[0].capitalised:
        # "The leader of the opposition, Tom Berg, said": the whole opening is the role
        return _with_role(c.inner, c.text, (lead[0].start, lead[-1].end))
    return c.inner


def _before_stacked_appositives(c: _Before) -> Mention | None:
    """ "Harry Bond, 30, of Raleigh, who was polled, said": two or three appositives."""
    tokens, i, j = c.tokens, c.i, c.apposition
    if j is None:
        return None
    for _ in range(2):
        k = j - 1
        while k >= 0 and tokens[k].text not in _APPOSITIVE_STOPS:
            k -= 1
        if k <= 0 or tokens[k].text != "," or i - k - 1 > 30:
            break
        head = _np_ending_at(c.text, tokens, k - 1)
        if head is not None and head.kind in {"name", "org"} and not _is_place(tokens, head):
            return _with_role(head, c.text, (tokens[k + 1].start, tokens[i - 1].end))
        j = k
    return None


# Words that tie a person to the body they speak for: "Ann Lie of the army's Western Command",
# "Ann Lie from the Norland Institute".
_BODY_LINKS = frozenset(split_words("of at from"))


def _a_body(body: Mention) -> bool:
    """A body's name, or a description ending in the kind of body ("the Ostia tribal historic
    preservation office")."""
    if body.kind in {"name", "org"}:
        return True
    return bool(body.head_tokens) and body.head_tokens[-1].lower() in ORG_WORDS


def person_of_body(text: str, tokens: list[Token], body: Mention) -> Mention | None:
    """ "Ann Lie of the army's Western Command said": the person before "of" (or "at") and the
    body's name, with "of …" as role; None when the words before the link are not a person's
    name ("The Bank of Norland", "Secretary of State")."""
    if not _a_body(body) or _body_run_into_person(body.head_tokens):
        return None  # "(Member of the) Chess Union of Norland Petra Vasko": she is the speaker
    k = speaker_start(tokens, body) - 1
    lead = 0
    # "(of) worldwide rights group (Free Rivers)": what the body is, its kind's noun last
    described = k > 0 and tokens[k].lower in ORG_WORDS and _LOWER_WORD.fullmatch(tokens[k].text)
    while k > 0 and lead < 3 and tokens[k].lower not in _BODY_LINKS:
        word = tokens[k].text
        if not (
            tokens[k].lower in {"the", "a", "an"}
            or (word.endswith(("’s", "'s")) and _POSSESSIVE_LOWER.fullmatch(word))
            or _LOWER_WORD.fullmatch(word)
            and ("-" in word or described)
        ):
            return None  # "the", "the army's", "state-run" may stand between; nothing else
        k -= 1
        lead += 1
    if k < 1 or tokens[k].lower not in _BODY_LINKS or tokens[k].text != tokens[k].lower:
        return None
    person = _np_ending_at(text, tokens, k - 1)
    if (
        person is None
        or person.kind != "name"
        or len(person.head_tokens) < 1
        or _looks_like_org(person.head_tokens)
        or all(t.lower().rstrip(".") in TITLES | _MORE_ROLES for t in person.head_tokens)
        or (body.kind == "common" and len(person.head_tokens) < 2)  # "Members of the council"
    ):
        return None
    return _with_role(person, text, (tokens[k].start, body.end))


def _before_person_of_body(c: _Before) -> Mention | None:
    body = _np_ending_at(c.text, c.tokens, c.i)
    return person_of_body(c.text, c.tokens, body) if body is not None else None


# People who speak for a body and stay a description with it: "a spokesperson for Ostia Buses".
_SPEAKING_FOR = frozenset(
    split_words("""spokesman spokeswoman spokesperson spokespeople representative
    representatives""")
)


def _before_spokesperson_for_body(c: _Before) -> Mention | None:
    """ "A spokesperson for Ostia Buses said", "representatives from Norland acknowledged": the
    description that names the body is the speaker, not the body (which did not speak)."""
    tokens = c.tokens
    body = _np_ending_at(c.text, tokens, c.i)
    if body is None or body.kind not in {"name", "org"}:
        return None
    k = speaker_start(tokens, body) - 1
    if k > 0 and tokens[k].lower == "the":
        k -= 1
    if (
        k < 1
        or tokens[k].text not in {"for", "from", "of"}
        or tokens[k - 1].lower not in _SPEAKING_FOR
    ):
        return None
    start = k - 1
    while start > 0 and k - start < 4 and _LOWER_WORD.fullmatch(tokens[start - 1].text):
        if tokens[start - 1].lower in _CLAUSE_WORDS:
            break
        start -= 1
    return _build(c.text, tokens, start, c.i, "common")


# The mention before a reporting verb, tried in order.
_BEFORE_RULES: tuple[Rule[_Before, Mention] | Veto[_Before], ...] = (
    Rule("mention-before/will-columnist", _before_will),  # "…,” Will wrote.": George Will
    Veto("mention-before/nothing-before", lambda c: c.i < 0),  # "“…,” said"
    Veto("mention-before/passive", _before_passive),  # "Rubio was asked by …"
    # "One reason “…,” he said": a noun after "One", not a verb ("One reasons")
    Veto("mention-before/quantifier-noun", _before_quantifier_noun),
    Rule("mention-before/parenthesis-role", _before_parenthesis),  # "Jim McDermott (D-Wash.) said"
    Veto("mention-before/unparsed-parenthesis", lambda c: c.tokens[c.i].text == ")"),
    # "Gov. Ann Lie (R-OH), said"
    Rule("mention-before/comma-after-parenthesis", _before_comma_after_parenthesis),
    Rule("mention-before/aside", _before_aside),  # "Local officials, however, said"
    Rule("mention-before/dash-occasion", _before_dash_occasion),  # "The mayor – speaking … –"
    Veto("mention-before/aside-alone", _asides),  # "And, however, said": no one before it
    # "Ann Lie, Superintendent of Police, East Vale said": the name, not the place
    Rule("mention-before/name-role-place", _before_name_role_place),
    # "Tom Berg, Secretary, Ministry of Harbours, said"
    Rule("mention-before/name-title-body", _before_name_title_body),
    Rule("mention-before/appositive", _before_appositive),  # "Renad Mansour, Iraq specialist, said"
    Rule("mention-before/source-who", _before_source_who),  # "a source, who was not …, said"
    Rule("mention-before/role-then-name", _before_role_then_name),  # "her adviser, Jake Sullivan,"
    # "the mayor’s chief of staff, Joe Kasper, said"
    Rule("mention-before/unparsed-role-then-name", _before_unparsed_role_then_name),
    Rule("mention-before/stacked-appositives", _before_stacked_appositives),  # "Bo Berg, 30, of …,"
    Veto("mention-before/unparsed-appositive", lambda c: c.tokens[c.i].text == ","),
    # "Ann Lie of the army's Western Command said": the person, not the body
    Rule("mention-before/person-of-body", _before_person_of_body),
    # "A spokesperson for Ostia Buses said": the description, not the body
    Rule("mention-before/spokesperson-for-body", _before_spokesperson_for_body),
    Rule("mention-before/noun-phrase", lambda c: _np_ending_at(c.text, c.tokens, c.i)),
    # "Another source familiar with Ann Lie’s thinking said"
    Rule("mention-before/familiar-source", lambda c: _familiar_source(c.text, c.tokens, c.i)),
)


def _familiar_source(text: str, tokens: list[Token], i: int) -> Mention | None:
    """ "Another source familiar with Ann Lie’s thinking (said)": the source before
    "familiar with" or "close to", with the phrase."""
    for k in range(i - 1, max(0, i - 8), -1):
        if tokens[k].lower in {"familiar", "close"} and tokens[k + 1].lower in {"with", "to"}:
            head = _np_ending_at(text, tokens, k - 1) if k >= 1 else None
            if head is None or head.kind != "common":
                return None
            if not all(t.text[:1].isalnum() for t in tokens[k + 2 : i + 1]):
                return None
            mention = _build(text, tokens, speaker_start(tokens, head), i, "common")
            mention.head_tokens = head.head_tokens
            return mention
    return None


_PASSIVE_AUX = frozenset(split_words("was were been being is are be"))

_ASIDES = frozenset(
    [
        "however",
        "though",
        "too",
        "meanwhile",
        "in turn",
        "for example",
        "for instance",
        "for their part",
        "for his part",
        "for her part",
        "for its part",
        "in particular",
        "in contrast",
        "by contrast",
        "nonetheless",
        "nevertheless",
        "instead",
        "likewise",
        "in response",
    ]
)

_APPOSITIVE_STOPS = frozenset({",", ";", ":", "“", "”", '"', "(", ")"})


def _word_before(tokens: list[Token], mention: Mention) -> str:
    """The lowercase word before a mention ("" at the start)."""
    k = speaker_start(tokens, mention)
    return tokens[k - 1].lower if k > 0 else ""


def _is_place(tokens: list[Token], mention: Mention) -> bool:
    """Whether a name is a place in an appositive: "Tove Lind, 44, of Bergen, said"."""
    for k, token in enumerate(tokens):
        if token.start == mention.start:
            return k > 0 and tokens[k - 1].lower in {"of", "in", "from", "at"}
    return False


# Capitalised words that open sentences but are neither names nor pronouns.
NOT_NAMES = frozenset(
    split_words("""of to back ever indeed perhaps maybe instead thus hence therefore otherwise
    again once finally sadly clearly yes ok okay oh overall besides regardless much nonetheless
    having being absent late following regarding including given looking facing continuing
    responding citing noting pointing calling insisting arguing referring reacting returning
    addressing inside outside beyond amid more usually shortly early soon recently currently
    it’s it's there’s there's that’s that's here’s here's what’s what's let’s let's
    nevertheless moreover furthermore additionally likewise similarly""")
)


def speaker_start(tokens: list[Token], mention: Mention) -> int:
    """The index of the token where a mention starts."""
    return next(k for k, t in enumerate(tokens) if t.start >= mention.start)


def _np_ending_at(
    text: str, tokens: list[Token], i: int, *, nested: bool = False
) -> Mention | None:
    """Return the noun phrase (a pronoun, a name, a source, a described person) ending at
    tokens[i], or None; `nested` stops a described person's place from nesting twice."""
    fired = decide(_NP_RULES, _At(text, tokens, i, nested=nested))
    if fired is None or fired[1] is None:
        return None
    fired[1].rule = fired[0]
    return fired[1]


@dataclass
class _At:
    """Where a noun-phrase rule looks: the text, its tokens, and the token the phrase ends at."""

    text: str
    tokens: list[Token]
    i: int
    nested: bool = False

    @property
    def token(self) -> Token:
        return self.tokens[self.i]

    @cached_property
    def described_start(self) -> int | None:
        """The determiner (or possessive) opening a described person ending here: "the man",
        "Obama's former campaign strategist", "the bespectacled, 71-year-old diplomat"."""
        tokens, i, token = self.tokens, self.i, self.token
        if (
            not (
                (token.text.isalpha() and token.text.islower())
                or _AGE.fullmatch(token.text)
                or _HYPHENATED_NOUN.fullmatch(token.text)  # "a voice-over in the ad"
            )
            or token.lower in DETERMINERS | _NOT_HEADS
        ):
            return None
        for k in range(i - 1, max(-1, i - 6), -1):
            word = tokens[k]
            if word.lower in DETERMINERS or (
                k < i - 1 and word.capitalised and word.text.endswith(("’s", "'s"))
            ):
                return k
            if _adjective_comma(tokens, k, i):
                continue  # "the bespectacled, 71-year-old diplomat"
            if word.text == "&" and 0 < k < i and tokens[k - 1].capitalised:
                continue  # "one P&G employee"
            if not (_modifier(word) or _hyphenated(word, token)) or word.lower in _CLAUSE_WORDS:
                return None
        return None


def _np_pronoun(c: _At) -> Mention | None:
    if c.token.lower in PRONOUNS and c.token.lower not in {"him", "her", "them"}:
        return _build(c.text, c.tokens, c.i, c.i, "pronoun")
    return None


def _np_contracted(c: _At) -> Mention | None:
    token = c.token
    if not _CONTRACTED.fullmatch(token.lower):
        return None
    cut = len(token.text) - 2 if token.text[-2] in "’'" else len(token.text) - 3
    return Mention(token.start, token.start + cut, token.text[:cut], "pronoun")


def _np_document_part(c: _At) -> Mention | None:
    before = c.tokens[c.i - 1] if c.i > 0 else None
    if c.token.text.isdigit() and before and before.lower in _DOCUMENT_PARTS and before.capitalised:
        return _build(c.text, c.tokens, c.i - 1, c.i, "org")
    return None


def _np_not_a_name(c: _At) -> bool:
    before = c.tokens[c.i - 1] if c.i > 0 else None
    return (
        c.token.lower in NOT_NAMES
        and c.token.capitalised
        and not (before and _is_name_word(before) and before.lower not in NOT_NAMES)
    )


def _np_name(c: _At) -> Mention | None:
    text, tokens, i = c.text, c.tokens, c.i
    if not _is_name_word(c.token) or c.token.lower in CAPITALISED_STOPWORDS:
        return None
    first = _name_start(tokens, i)
    mention = _build(text, tokens, first, i, "name")
    # Titles and preceding words give a role: "Spokeswoman Haley Morris".
    titles = []
    while first <= i and tokens[first].lower in TITLES:
        titles.append(tokens[first].text)
        first += 1
    if first > i:
        return mention
    if first > 0 and tokens[first - 1].lower == "the":
        mention = _build(text, tokens, first - 1, i, "org")
    mention.kind = (
        "org" if mention.kind == "org" or _looks_like_org(mention.head_tokens) else "name"
    )
    if titles and not mention.role:
        mention.role = " ".join(titles)
    return mention


def _np_source_noun(c: _At) -> Mention | None:
    tokens, i = c.tokens, c.i
    if c.token.lower not in SOURCE_NOUNS:
        return None
    first = i
    k = i - 1
    steps = 0
    while k >= 0 and steps < 4:
        word = tokens[k]
        if word.lower in DETERMINERS:
            first = k
            break
        if _adjective_comma(tokens, k, i):
            k -= 1  # "the bespectacled, 71-year-old diplomat"
            steps += 1
            continue
        if (
            not word.text[0].isalnum()
            or word.lower in {"and", "or", "but", "that", "which", "who"}
            # A sentence that opens with a preposition: "With council leaders worried, …"
            or (word.lower in _PREPOSITIONS and word.capitalised)
        ):
            break
        first = k
        k -= 1
        steps += 1
    if first < i and tokens[first].lower not in DETERMINERS and not tokens[first].capitalised:
        # Without a determiner, keep only the noun and its capitalised modifiers, or its
        # lowercase ones when a clause opens before them ("…, and local officials (said)").
        first = _lowercase_modifiers(tokens, i)
        while first - 1 >= 0 and _is_name_word(tokens[first - 1]):
            first -= 1
    return _build(c.text, tokens, first, i, "common")


# Punctuation that may open the clause of a described source.
_CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "(", "“", '"'})


def _lowercase_modifiers(tokens: list[Token], i: int) -> int:
    """Where a plural source noun's lowercase modifiers start ("local officials", "government
    officials", "hospital staff"): only when they open their clause (after a comma, "and",
    the sentence's start), so that no verb or preposition before them joins; else the noun."""
    head = tokens[i].lower
    if not (head.endswith("s") or head in UNMARKED_PLURALS):
        return i  # a singular noun with no determiner is a headline's or a title's
    k = i
    while (
        k - 1 >= 0
        and i - k < 2
        and _LOWER_WORD.fullmatch(tokens[k - 1].text)
        and tokens[k - 1].lower not in _NOT_MODIFIERS
        and not tokens[k - 1].lower.endswith(("ly", "ing"))
    ):
        k -= 1
    if k == i:
        return i
    opener = tokens[k - 1] if k > 0 else None
    if opener is None or opener.text in _CLAUSE_MARKS or opener.lower in _MODIFIED_OPENERS:
        return k  # "…, local officials said", "fires which state media said were …"
    return i


_MODIFIED_OPENERS = frozenset(split_words("and but which with"))


def _np_described(c: _At) -> Mention | None:
    k = c.described_start
    if k is None:
        return None
    before = c.tokens[k - 1].text.lower() if k > 0 else ","
    if (
        before in {",", "“", "”", '"', "'", "’", ":", ";", "—", "–"}
        or before in _CLAUSE_OPENING
        or (before in {"point", "moment", "time"} and k >= 2 and c.tokens[k - 2].lower == "which")
    ):  # "at which point the crowd (chanted)"
        return _build(c.text, c.tokens, k, c.i, "common")
    return None


def _np_described_in_place(c: _At) -> Mention | None:
    """ "a Democratic staffer in the room (wondered)": the phrase before the preposition is
    the source, the place belongs to it."""
    k = c.described_start
    if k is None or k < 3 or c.nested or c.tokens[k - 1].lower not in {"in", "at", "from", "with"}:
        return None
    head = _np_ending_at(c.text, c.tokens, k - 2, nested=True)
    if head is not None and head.kind == "common":
        return _build(c.text, c.tokens, speaker_start(c.tokens, head), c.i, "common")
    return None


# The noun phrase ending at a token, tried in order.
_NP_RULES: tuple[Rule[_At, Mention] | Veto[_At], ...] = (
    Veto("np/lowercase-i", lambda c: c.token.text == "i"),  # "i" in a handle, not "I"
    Rule("np/pronoun", _np_pronoun),  # "he", "they"
    Rule("np/contracted-pronoun", _np_contracted),  # "he's said", "they've told"
    Rule("np/document-part", _np_document_part),  # "Article 33 affirms: “…”"
    Veto("np/not-a-name", _np_not_a_name),  # "Of course, …", "Back in 1999, …"
    Rule("np/name", _np_name),  # "Spokeswoman Haley Morris", "the Pentagon"
    Rule("np/source-noun", _np_source_noun),  # "the ministry", "White House officials"
    Rule("np/described-person", _np_described),  # "the man", "the 46-year-old"
    Rule("np/described-in-place", _np_described_in_place),  # "a staffer in the room"
)


# Numbered parts of a text that can be quoted as saying something: "Article 33 affirms:".
_DOCUMENT_PARTS = frozenset(
    split_words("article section chapter rule amendment paragraph clause title resolution")
)
# Lowercase words that end no noun phrase: "One month after (announcing)".
_NOT_HEADS = frozenset(
    split_words("""after before since while until when because although though if unless
    whether than""")
)
# Words after which a determiner opens a clause: "when the crowd (chanted)".
_CLAUSE_OPENING = frozenset(
    split_words("""and but when as even while where after before because if once until since
    though although""")
)
_AGE = re.compile(r"\d+-year-old")
# Hyphenated heads of a described source: "a voice-over", "the front-runner", "a look-alike".
_HYPHENATED_NOUN = re.compile(r"[a-z]+-(?:[a-z]*(?:er|or|ist|ian|ant|ent|man|woman)|over|alike)")
_CONTRACTED = re.compile(r"(?:he|she)[’']s|(?:they|we)[’']ve")


def _modifier(token: Token) -> bool:
    """A word that may modify a described source: "the bespectacled, 71-year-old diplomat",
    "a 2008 Clinton veteran", "the ad's narrator"."""
    word = _strip_possessive(token.text).replace("&", "")  # "a P&G employee"
    return word.isalpha() or word.isdigit() or bool(_AGE.fullmatch(word))


def _adjective_comma(tokens: list[Token], k: int, head: int) -> bool:
    """Whether the comma at tokens[k] separates two adjectives before a noun: "the
    bespectacled, 71-year-old diplomat"."""
    if tokens[k].text != "," or not 0 < k < head - 1:
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    return (
        before.text.isalpha()
        and before.text.islower()
        and before.lower.endswith(("ed", "al", "ive", "ous", "ful", "ic", "ish", "less", "ant"))
        and before.lower not in _CLAUSE_WORDS
        and before.lower not in PRONOUNS
        and (bool(_AGE.fullmatch(after.text)) or (after.text.isalpha() and after.text.islower()))
        and after.lower not in _CLAUSE_WORDS
        and after.lower not in PRONOUNS
        and after.lower not in DETERMINERS
    )


def _hyphenated(word: Token, head: Token) -> bool:
    """A hyphenated modifier of a person: "the vice-presidential nominee" (not "a four-lane
    highway")."""
    parts = word.text.split("-")
    return (
        len(parts) > 1
        and all(part.isalpha() for part in parts)
        # "fact-finding", or a body or a place before the participle: "UN-backed"
        and all(part.islower() for part in parts[1:])
        and (parts[0].islower() or parts[-1].endswith(("ed", "led", "run")))
        and (
            head.lower in _SOURCE_HEADS | ORG_SOURCE_NOUNS | _BODY_HEADS
            or (head.lower.endswith(_PERSON_ENDINGS) and not head.lower.endswith(("ment", "ments")))
        )
    )


# Bodies a hyphenated modifier may describe: "a UN fact-finding mission", "the UN-backed panel".
_BODY_HEADS = frozenset(split_words("panel mission team board body inquiry tribunal"))


_PREPOSITIONS = frozenset(
    split_words("on in at during by to for with after before from about over under since")
)

_TIME_WORDS = frozenset(
    split_words(
        """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april june july august september october november december last
    this earlier later"""
    )
)

_CLAUSE_WORDS = frozenset(
    split_words(
        "and or but that which who whom whose was were is are has have had will would said says "
        "to of in on at for with by from"
    )
)


# Heads of a described source that the endings below miss.
_SOURCE_HEADS = frozenset(
    split_words("""person people employee employees veteran veterans friend friends colleague
    colleagues ally allies aide aides staff delegate delegates nominee resident residents
    source sources official officials email emails note letter message ad ads statement tweet
    memo passage release video sign caption headline transcript ruling decision opinion
    complaint lawsuit indictment verdict motion petition resolution platform website article
    study paper editorial column boy boys girl girls child children kid kids mother
    father wife husband son sons daughter daughters parent parents guy guys lady ladies
    student students host hosts guest guests couple crowd audience""")
)

# "As for Trump, he …": a topic named just before the pronoun's clause.
_TOPIC = re.compile(r"(?:^|[.!?”\"]\s+|\n)(?:As for|As to) ([A-Z][^,.;:]{0,40}),")
_PERSON_ENDINGS = tuple(
    split_words("er ers or ors ist ists ian ians ant ants ent ents man men woman women")
)


_MORE_ROLES = frozenset(
    split_words("""boss chief head czar envoy guru ally co-host staffer scholar scholars fellow
    analyst analysts expert experts academic attorney colleague advocate critic aide coach
    nominee""")
)
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# Lowercase words that are no modifier of a source noun (`_lowercase_modifiers`).
_NOT_MODIFIERS = frozenset({"these", "those", "this", "no", "not"}).union(
    _CLAUSE_WORDS,
    _CLAUSE_OPENING,
    PRONOUNS,
    DETERMINERS,
    _PREPOSITIONS,
    _TIME_WORDS,
    _NOT_HEADS,
    SOURCE_NOUNS,
)


def _role_word(word: str) -> bool:
    return (
        word in _ROLE_WORDS
        or word in _MORE_ROLES
        or word in TITLES
        or word in OFFICE_TITLES
        or word in _SOURCE_HEADS
        or (word.endswith(_PERSON_ENDINGS) and not word.endswith(("ment", "ments")))
    )


_POSSESSIVE_LOWER = re.compile(r"[a-z]+(?:-[a-z]+)*(?:[’']s)?")


def role_opening(words: str) -> str | None:
    """The role written before a name that opens a sentence, when it has lowercase words:
    capitalised words, then up to four lowercase ones ending in a person's role ("Union leader",
    "Fisheries minister", "Former union leader", "The union's chief negotiator"); None when the
    words are no role ("But critics say", "Meanwhile,"), or are all capitalised."""
    split = words.split()
    k = next((k for k, word in enumerate(split) if word[:1].islower()), len(split))
    lower = split[k:]
    if not lower or len(lower) > 4 or not all(_POSSESSIVE_LOWER.fullmatch(w) for w in lower):
        return None
    if any(word in _CLAUSE_WORDS for word in lower) or not all(
        word[:1].isupper() and word[-1:].isalpha() for word in split[:k]
    ):
        return None
    last = lower[-1]
    if not (
        last in _ROLE_WORDS
        or last in _MORE_ROLES
        or last in TITLES
        or last in OFFICE_TITLES
        or (last.endswith(_PERSON_ENDINGS) and not last.endswith(("ment", "ments")))
    ):
        return None
    return " ".join(split[1:] if split[0].lower() in {"the", "a", "an"} else split)


def _ends_in_role(tokens: list[Token], first: int, stop: int) -> bool:
    """Whether lowercase tokens[first:stop] end in a role (up to four words: "delegate",
    "senior policy adviser") or in a role and its portfolio ("rapporteur on transport",
    "envoy for the region")."""
    if stop - first <= 4 and _role_word(tokens[stop - 1].lower):
        return tokens[stop - 1].lower not in _PORTFOLIO_OPENERS
    for j in range(first, stop - 2):
        if tokens[j + 1].lower in _PORTFOLIO_OPENERS and _role_word(tokens[j].lower):
            portfolio = tokens[j + 2 : stop]
            return 1 <= len(portfolio) <= 3 and not any(
                t.lower in _CLAUSE_WORDS and t.lower not in DETERMINERS for t in portfolio
            )
    return False


def name_after_role(tokens: list[Token], last: int) -> tuple[int, int] | None:
    """The first and last token of a name that follows up to four lowercase words ending in a
    role after tokens[last] ("Virginia (delegate) Ann Lie", "Blaze (co-host) Ann Lie"), or
    None."""
    k = last + 1
    while (
        k < len(tokens)
        and k - last <= 6
        and _LOWER_WORD.fullmatch(tokens[k].text)
        and (tokens[k].lower not in _CLAUSE_WORDS or tokens[k].lower in _PORTFOLIO_OPENERS)
    ):
        k += 1
    if k == last + 1 or k >= len(tokens) or not _ends_in_role(tokens, last + 1, k):
        return None
    end = k
    while end + 1 < len(tokens) and _is_name_word(tokens[end + 1]):
        end += 1
    if end == k or not _is_name_word(tokens[k]) or tokens[k].lower in TITLES:
        return None  # a first and last name, not a capitalised word that opens a clause
    return k, end


def mention_after(text: str, tokens: list[Token], index: int) -> Mention | None:
    """Return the speaker mention starting at tokens[index] (after an inverted verb), with role."""
    fired = decide(_AFTER_RULES, _After(text, tokens, index))
    if fired is None or fired[1] is None:
        return None
    mention = _after_mention(text, tokens, fired[1])
    mention.rule = fired[0]
    named = _name_closing_role(text, tokens, mention)
    if named is not None:
        named.rule = _NAME_CLOSING_ROLE
        return named
    return mention


_NAME_CLOSING_ROLE = "mention-after/name-closing-role"
_NAME_JOINS = re.compile(r"(,\s+and\s+|\s+and\s+|,\s+|\s+&\s+)")


def _place_possessive_role(tokens: list[Token], k: int) -> int:
    """ "University of Ostia, Norland's chancellor,": past the place's possessive and the
    lowercase role after the comma at tokens[k] (k unchanged when they are not there)."""
    m = k + 1
    while m < len(tokens) and m - k <= 3 and tokens[m].capitalised:
        m += 1
    if m == k + 1 or tokens[k].text != "," or not tokens[m - 1].text.endswith(("’s", "'s")):
        return k
    lead = m
    while m < len(tokens) and m - lead < 4 and _LOWER_WORD.fullmatch(tokens[m].text):
        m += 1
    return m if m > lead else k


_NAME_ENDS = frozenset({".", ";", "!", "?", "”", '"'})  # the name ends the clause


def _described(mention: Mention) -> bool:
    """Whether a mention is a description ("the rector of Norland University") rather than a
    name, however capitalised its tail."""
    words = mention.head_tokens
    if mention.kind == "common":
        return True
    return len(words) > 1 and words[0].lower() in DETERMINERS and words[1].islower()


# A body's name written as its initials: "OCHA", "UNHCR", "FAO".
_ACRONYM_NAME = re.compile(r"[A-Z][A-Z&]{1,7}")
# The kinds of body a description names before the body's initials ("the UN refugee agency,
# UNHCR"): the lowercase heads of bodies, and a few more.
_BODY_KINDS = (
    ORG_SOURCE_NOUNS | _BODY_HEADS | frozenset(split_words("programme program fund watchdog"))
)


def _body_described(mention: Mention, tokens: list[Token], lead: int, k: int) -> bool:
    """ "the UN aid coordination office", "the UN food agency": a body named by what it is
    (a name, then lowercase words ending in the kind of body), not by its name."""
    return mention.kind == "org" and k > lead and tokens[k - 1].lower in _BODY_KINDS


def _name_closing_role(text: str, tokens: list[Token], mention: Mention) -> Mention | None:
    """ "said Norland University's rector, Tom Berg.", "said the rector of Norland University,
    Tom Berg.": the role comes first and the name after it closes the clause, so the name is
    the speaker and what came before is the role."""
    if mention.kind == "pronoun":
        return None
    k = bisect_left([t.start for t in tokens], mention.end)
    lead = k
    while k < len(tokens) and k - lead < 4 and _LOWER_WORD.fullmatch(tokens[k].text):
        k += 1
    possessive = mention.text.endswith(("’s", "'s"))
    if k == lead and mention.kind == "org":
        k, possessive = _place_possessive_role(tokens, k), True
    body = _body_described(mention, tokens, lead, k)
    if not ((possessive and k > lead) or (_described(mention) and k == lead) or body):
        return None
    if k + 2 >= len(tokens) or tokens[k].text != ",":
        return None
    if body and _ACRONYM_NAME.fullmatch(tokens[k + 1].text):
        if tokens[k + 2].text not in _NAME_ENDS:
            return None  # "said the UN agency, UNHCR and others"
        name = _build(text, tokens, k + 1, k + 1, "org")
        name.role_span = (mention.start, tokens[k - 1].end)
        name.role = text[mention.start : tokens[k - 1].end]
        return name
    last = k + 1
    while last < len(tokens) and last - k <= 4 and _is_name_word(tokens[last]):
        last += 1
    if last - k < 3 or (last < len(tokens) and tokens[last].text not in _NAME_ENDS):
        return None  # one word, or a name the clause goes on after
    name = _build(text, tokens, k + 1, last - 1, "name")
    if _looks_like_org(name.head_tokens) and possessive:
        return None  # "said the port's owner, Norland Ports" reads as a person's role only
    if _looks_like_org(name.head_tokens):
        name.kind = "org"
    name.role_span = (mention.start, tokens[k - 1].end)
    name.role = text[mention.start : tokens[k - 1].end]
    return name


@dataclass(frozen=True, slots=True)
class _Span:
    """The tokens a mention after the verb runs over, its kind, and a role read before it."""

    first: int
    last: int
    kind: str
    lead_role: str = ""
    how: str = ""  # "person-noun": found by its lowercase head alone; "after-role": moved on


@dataclass
class _After:
    """Where a mention-after rule looks: the token after the verb, and a role read before it."""

    text: str
    tokens: list[Token]
    index: int
    lead_role: str = ""

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    @cached_property
    def lowercase_lead(self) -> bool:
        """Whether a lowercase word (or a number) opens the phrase: "said master of ceremonies
        Asab Al-Tabchi", "said 9/11 widow Ann Lie"."""
        token = self.token
        return (token.text.islower() or token.text.isdigit()) and (
            token.lower not in DETERMINERS | SOURCE_NOUNS
        )

    @cached_property
    def determiner_span(self) -> _Span | None:
        """The phrase a determiner opens: "said the 46-year-old", "said a Trump campaign
        adviser", "said the actress Ida Holm", "said one councillor familiar with the talks"."""
        if self.token.lower not in DETERMINERS:
            return None
        tokens, index = self.tokens, self.index
        last = _determiner_head(tokens, index)
        how = "" if last is not None else "person-noun"
        if last is None:
            last = _person_noun_after(tokens, index)
            if last is None:
                return None
        for k in range(index + 1, min(last + 2, len(tokens))):
            owned = _owned_after(tokens, k)
            if owned is not None:  # "according to the Norland government's chief negotiator"
                return _Span(index, owned, "common", self.lead_role, "owned")
        kind = "org" if _is_name_word(tokens[last]) else "common"
        first_cap = next(
            (k for k in range(index + 1, last + 1) if _is_name_word(tokens[k])), last + 1
        )
        if (
            kind == "org"
            and first_cap > index + 1
            and last - first_cap >= 1
            and all(t.text.islower() and t.text.isalpha() for t in tokens[index + 1 : first_cap])
            and not _looks_like_org([t.text for t in tokens[first_cap : last + 1]])
        ):
            # "said the actress Ida Holm": a person, with a role before the name
            role = self.text[tokens[index + 1].start : tokens[first_cap - 1].end]
            return _Span(first_cap, last, "name", role)
        return _Span(index, last, kind, self.lead_role, how)

    @cached_property
    def name_span(self) -> _Span | None:
        """A run of names, titles and particles: "said Michael Knights", "said Sen. Ann Lie",
        "said officials"; a name after a role ("said Virginia delegate Ann Lie") moves on."""
        tokens, index = self.tokens, self.index
        last = None
        j = index
        while j < len(tokens) and (
            _is_name_word(tokens[j])
            or tokens[j].lower in TITLES
            or (
                tokens[j].lower in PARTICLES
                and j + 1 < len(tokens)
                and _is_name_word(tokens[j + 1])
                and last is not None
            )
            or (last is None and tokens[j].text.islower() and tokens[j].lower in SOURCE_NOUNS)
            or (last is not None and office_to_ahead(tokens, j))  # "Ambassador to the UN"
            or (  # "said Office of Roads & Bridges Director Ann Lie"
                last is not None
                and tokens[j].text == "&"
                and j + 1 < len(tokens)
                and _is_name_word(tokens[j + 1])
            )
        ):
            last = j
            j += 1
        if last is None:
            return None
        last = _person_before_body(tokens, index, last)
        group = _group_after_name(tokens, last)
        if group is not None:  # "according to Ukrainian officials", "said Pentagon officials"
            return _Span(index, group, "common", self.lead_role)
        words = [t.lower for t in tokens[index : last + 1]]
        kind = "common" if all(w in TITLES or w in SOURCE_NOUNS for w in words) else "name"
        named = name_after_role(tokens, last)
        if named is not None and kind == "name":
            role = self.text[tokens[index].start : tokens[named[0] - 1].end]
            return _Span(named[0], named[1], kind, role, "after-role")
        owned = _owned_after(tokens, last)
        if owned is not None:  # "according to Ann Lie's lawyer": the lawyer, not Ann Lie
            return _Span(index, owned, "common", self.lead_role, "owned")
        return _Span(index, last, kind, self.lead_role)


# Who or what a name's possessive may introduce as the one speaking: a body ("Erdogan's
# office", "Ann Lie's campaign") or a person ("Ann Lie's lawyer"); not a document, whose
# author speaks ("according to Erdogan's statement").
_OWNED = (ORG_SOURCE_NOUNS - frozenset(split_words("newspaper paper magazine network website"))) | (
    frozenset(
        split_words("""spokesman spokeswoman spokesperson spokesmen official officials lawyer
        lawyers attorney attorneys aide aides adviser advisers advisor advisors negotiator
        representative representatives envoy secretary manager director chief staff team family
        wife husband son daughter mother father brother sister widow widower""")
    )
)


def _owned_after(tokens: list[Token], last: int) -> int | None:
    """The index of the noun a name's possessive at tokens[last] owns, after at most two
    lowercase modifiers ("Erdogan's (press) office", "Ann Lie's (longtime) lawyer"), when no
    name follows it; None otherwise."""
    if not tokens[last].text.endswith(("'s", "’s", "s'", "s’")):
        return None
    k = last
    while (
        k + 1 < len(tokens)
        and k - last < 3
        and tokens[k + 1].text.isalpha()
        and tokens[k + 1].text.islower()
        and tokens[k + 1].lower not in _CLAUSE_WORDS
    ):
        k += 1
    if k == last or tokens[k].lower not in _OWNED:
        return None
    after = [t.text for t in tokens[k + 1 : k + 3]]
    if after[:1] and (
        _is_name_word(tokens[k + 1])
        or (after[0] == "," and len(after) > 1 and _is_name_word(tokens[k + 2]))
    ):
        return None  # "said Ann Lie's campaign manager(,) Bo Berg": the name speaks
    return k


# People a name or an adjective of a country may describe as a group: "Ukrainian officials",
# "Israeli military officials", "Western diplomats", "Pentagon officials".
_GROUP_NOUNS = frozenset(
    split_words("""officials sources analysts experts authorities prosecutors investigators
    researchers lawyers attorneys aides advisers advisors critics supporters residents
    witnesses observers diplomats officers leaders scientists doctors activists protesters
    voters campaigners representatives members executives media police forces troops
    lawmakers negotiators medics rebels militants""")
)


def _group_after_name(tokens: list[Token], last: int) -> int | None:
    """The index of a group noun that follows a run of names, at most two lowercase words
    after it ("Ukrainian (health) officials", "US (intelligence) officials"), or None: the run
    then only describes the group, as before a verb ("Ukrainian officials said")."""
    for k in range(last + 1, min(last + 4, len(tokens))):
        word = tokens[k]
        if not (word.text.isalpha() and word.text.islower()) or word.lower in _CLAUSE_WORDS:
            return None
        if word.lower in _GROUP_NOUNS:
            return k
    return None


def _person_before_body(tokens: list[Token], first: int, last: int) -> int:
    """ "said Berg of Centre for Oceans, …": a run of names that an "of" splits into a person
    and a body ends before the "of" (not "said Bank of Norland", one body)."""
    for k in range(first + 1, last):
        if tokens[k].lower != "of":
            continue
        before = [t.text for t in tokens[first:k]]
        after = [t.text for t in tokens[k + 1 : last + 1]]
        named = any(
            w.isalpha() and w.lower() not in TITLES and not _office(w) for w in before
        )  # not "said U.S. Secretary of Health and Human Services Ann Lie"
        if named and _looks_like_org(after) and not _looks_like_org(before):
            return k - 1
    return last


# People named by their work that no ending shows: "a court clerk", "a police detective".
_WORK_NOUNS = frozenset(split_words("clerk clerks detective detectives nurse nurses guard guards"))


def _person_of_body_noun(tokens: list[Token], last: int | None, word: Token) -> bool:
    """A person's noun right after a body's lowercase noun: "a court clerk", "a police
    detective", "a ministry adviser"."""
    return (
        last is not None
        and tokens[last].text.islower()
        and tokens[last].lower in ORG_SOURCE_NOUNS
        and word.text.islower()
        and (word.lower in _WORK_NOUNS or _role_word(word.lower))
    )


def _determiner_head(tokens: list[Token], index: int) -> int | None:
    """The last token of the names, source nouns and ages after the determiner at index."""
    last = None
    j = index + 1
    while j < len(tokens) and j - index <= 5:
        word = tokens[j]
        if word.lower in SOURCE_NOUNS or _is_name_word(word):
            last = j
        elif (
            last is not None
            and _is_name_word(tokens[last])
            and word.text.islower()
            and (word.lower in _SOURCE_HEADS or word.lower.endswith(_PERSON_ENDINGS))
        ):
            last = j  # "said a 2008 Clinton veteran", "said a Trump campaign adviser"
        elif _person_of_body_noun(tokens, last, word):
            last = j  # "according to a court clerk": the clerk, not the court
        elif _AGE.fullmatch(word.text):
            last = j  # "said the 46-year-old"
        elif not (
            ((word.text[0].isalpha() and word.text.islower()) or word.text.isdigit())
            and last is None
        ):
            break
        j += 1
    return last


def _person_noun_after(tokens: list[Token], index: int) -> int | None:
    """ "said one councillor familiar with the talks": the lowercase noun of a person before
    a preposition, a clause or "familiar/close", up to three words after the determiner."""
    k = index + 1
    while (
        k < len(tokens)
        and k - index <= 3
        and _modifier(tokens[k])
        and (tokens[k].text.islower() or tokens[k].text.isdigit())
        and tokens[k].lower not in _PREPOSITIONS
        and tokens[k].lower not in _CLAUSE_WORDS
        and tokens[k].lower not in {"familiar", "close", "involved", "speaking"}
    ):
        k += 1
    if k == index + 1 or k - index > 3:
        return None
    head = _strip_possessive(tokens[k - 1].lower)
    if head in _SOURCE_HEADS:
        return k - 1  # "said one person familiar with …", "read the email"
    if not head.endswith(_PERSON_ENDINGS) or head.endswith(("ment", "ments")):
        return None  # "said the fundamental threat …" names no one
    return k - 1


def _after_role_then_name(c: _After) -> _Span | None:
    """ "said master of ceremonies Asab Al-Tabchi", "said 9/11 widow Ann Lie": a lowercase role
    before the name; "said study lead author Ann Lie" (a source noun opening the role)."""
    if not (c.lowercase_lead or (c.token.text.islower() and c.token.lower in SOURCE_NOUNS)):
        return None
    tokens, index = c.tokens, c.index
    k = index
    while (
        k < len(tokens)
        and k - index < 5
        and (
            _LOWER_WORD.fullmatch(tokens[k].text)  # "lead author", "co-author"
            or tokens[k].text.isdigit()
            or (tokens[k].text == "/" and k > index)
        )
    ):
        k += 1
    if (
        k >= len(tokens)
        or not _is_name_word(tokens[k])
        or not any(t.text.isalpha() for t in tokens[index:k])
    ):
        return None
    if not c.lowercase_lead and any(t.lower in _PREPOSITIONS for t in tokens[index:k]):
        return None  # "said officials in Ostia": the source, then where
    numbered = _number_opening_name(tokens, index, k)
    lead_end = tokens[k - 1 - numbered].end
    lead_role = c.text[tokens[index].start : lead_end] if k - numbered > index else ""
    fired = decide(_AFTER_PHRASE_RULES, _After(c.text, tokens, k, lead_role))
    span = fired[1] if fired is not None else None
    if span is not None and numbered and span.first == k and span.kind in {"name", "org"}:
        span = replace(span, first=k - 1)
    return span


def _number_opening_name(tokens: list[Token], index: int, k: int) -> int:
    """1 when the number just before the name at tokens[k] opens the name: "information from
    24 Ghanta Nepal", "according to a report by 60 Minutes" (after a preposition, where a count
    would be followed by a lowercase noun, "from 24 countries"); else 0."""
    return int(
        k - 2 >= index
        and tokens[k - 1].text.isdigit()
        and tokens[k - 2].lower in _NUMBERED_NAME_AFTER
        and tokens[k - 1].end + 1 == tokens[k].start
    )


_NUMBERED_NAME_AFTER = frozenset(split_words("from by of"))


def _span_of(kind: str, how: str = "") -> Callable[[_Span | None], _Span | None]:
    """A picker of the span of that kind found that way, for a rule that names one reading."""

    def pick(span: _Span | None) -> _Span | None:
        return span if span is not None and span.kind == kind and span.how == how else None

    return pick


def _after_mention(text: str, tokens: list[Token], span: _Span) -> Mention:
    """Build the mention a span runs over, with the role before or after it."""
    mention = _build(text, tokens, span.first, span.last, span.kind)
    if span.kind == "name" and _looks_like_org(mention.head_tokens):
        mention.kind = "org"
    if span.lead_role:
        mention.role = span.lead_role
    if span.kind == "name":
        lead = []
        for word in mention.head_tokens:
            if word.lower() in TITLES or word.islower():
                lead.append(word)
            else:
                break
        if lead and len(lead) < len(mention.head_tokens):
            mention.role = " ".join(lead)
    if mention.kind in {"name", "org"}:
        _role_after_comma(text, tokens, mention, span.last)
    return mention


def _role_after_comma(text: str, tokens: list[Token], mention: Mention, last: int) -> None:
    """A role after a comma: "said Michael Knights, Iraq expert at the Washington Institute."."""
    k = last + 1
    if k >= len(tokens) or tokens[k].text != ",":
        return
    stop = k + 1
    while stop < len(tokens) and tokens[stop].text not in _ROLE_STOPS:
        stop += 1
    if (
        stop > k + 1
        and stop - k <= 20
        and tokens[k + 1].lower not in {"who", "which", "adding", "according", "in", "on"}
        and tokens[k + 1].lower not in CLAUSE_OPENERS
    ):
        mention.role_span = (tokens[k + 1].start, tokens[stop - 1].end)
        mention.role = text[mention.role_span[0] : mention.role_span[1]]


_ROLE_STOPS = frozenset({",", ".", ";", ":", "“", "”", '"', "(", ")"})


def _after_pronoun(c: _After) -> _Span | None:
    if c.token.lower in PRONOUNS and c.token.lower not in {"him", "her", "them", "it"}:
        return _Span(c.index, c.index, "pronoun")
    return None


_the_name = _span_of("name")
_the_org = _span_of("org")
_the_source = _span_of("common")
_the_person_noun = _span_of("common", "person-noun")
_name_after_role = _span_of("name", "after-role")
_owned_by_name = _span_of("common", "owned")

# The phrase after a verb (or after a lowercase role), tried in order.
_AFTER_PHRASE_RULES: tuple[Rule[_After, _Span] | Veto[_After], ...] = (
    # "said the actress Ida Holm"
    Rule("mention-after/the-role-name", lambda c: _the_name(c.determiner_span)),
    Rule("mention-after/the-org", lambda c: _the_org(c.determiner_span)),  # "said the Pentagon"
    # "said the 46-year-old", "said a Trump campaign adviser"
    Rule("mention-after/the-source", lambda c: _the_source(c.determiner_span)),
    # "said one councillor familiar with the talks"
    Rule("mention-after/the-person-noun", lambda c: _the_person_noun(c.determiner_span)),
    # "according to the government's chief negotiator": the negotiator, not the government
    Rule("mention-after/the-owned", lambda c: _owned_by_name(c.determiner_span)),
    # "said the fundamental threat …" names no one
    Veto("mention-after/determiner-without-source", lambda c: c.token.lower in DETERMINERS),
    # "said Virginia delegate Ann Lie"
    Rule("mention-after/name-after-role", lambda c: _name_after_role(c.name_span)),
    Rule("mention-after/title-or-source", lambda c: _the_source(c.name_span)),  # "said officials"
    # "according to Ann Lie's lawyer", "said Erdogan's office"
    Rule("mention-after/owned-by-name", lambda c: _owned_by_name(c.name_span)),
    Rule("mention-after/name", lambda c: _the_name(c.name_span)),  # "said Michael Knights"
)

# The mention after an inverted verb, tried in order.
_AFTER_RULES: tuple[Rule[_After, _Span] | Veto[_After], ...] = (
    Veto("mention-after/end-of-text", lambda c: c.index >= len(c.tokens)),
    Rule("mention-after/pronoun", _after_pronoun),  # "said he"
    # "said Thursday"; "said April Ryan" is a name
    Veto(
        "mention-after/time-word",
        lambda c: c.token.lower in _TIME_WORDS and not time_word_in_name(c.tokens, c.index),
    ),
    Veto("mention-after/preposition", lambda c: c.token.lower in _PREPOSITIONS),  # "said on"
    Rule("mention-after/role-then-name", _after_role_then_name),  # "said 9/11 widow Ann Lie"
    Veto("mention-after/lowercase-without-name", lambda c: c.lowercase_lead),  # "said it was"
    *_AFTER_PHRASE_RULES,
)


def _looks_like_org(words: list[str]) -> bool:
    for word in words:
        bare = _strip_possessive(word).lower().rstrip(".")
        if bare in ORG_WORDS:
            return True
    return len(words) == 1 and len(words[0]) >= 2 and words[0].isupper()


# --- resolution --------------------------------------------------------------------------------

_NAME_WORD = rf"[A-ZÀ-Þ][\w\-{_IN_WORD}]*(?:[’'][A-Z][\w\-]+)?"
_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"  # a space or one line break, no blank line
_PERSON_NAME = re.compile(
    rf"(?<![\w’'])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?{_GAP}|Del\.{_GAP})?"
    + _NAME_WORD
    # middle initials ("Donald J. Trump") and particles ("Charles de Gaulle")
    # (two of them: "Ursula von der Leyen", "Mark van den Berg")
    + rf"(?:{_GAP}(?:[A-Z]\.{_GAP})*"
    + rf"(?:(?:de|van|von|der|den|al|bin|ibn|da|del|la|le|du){_GAP}){{0,2}}"
    # a surname with its particle joined by a hyphen ("Ahmed al-Sharaa")
    + rf"(?:{_NAME_WORD}|(?:{_JOINED_ARTICLES})-{_NAME_WORD})"
    + r")+"
)


_ORG_NAME = re.compile(
    r"(?<![\w’'])[A-Z][\w\-&]*(?:\s+(?:(?:of|for|on|and|the|de)\s+)*[A-Z][\w\-&]*)*"
)


# Role words that may stand, capitalised, before a name ("Political Editor Matthew Boyle").
_ROLE_WORDS = frozenset(
    split_words("""editor correspondent reporter host anchor analyst strategist pollster
    adviser advisor aide manager chairman chairwoman founder executive ceo economist professor
    editor-in-chief secretary-general director-general attorney-general governor-general
    solicitor-general surgeon-general inspector-general auditor-general
    author
    columnist commentator writer nominee delegate member whip republican democrat democratic
    independent libertarian""")
) | frozenset(
    # Occupations written before a name like an office ("Actress Ann Lie", "singer Tom
    # Berg"): the role, and "the actress" later is that person.
    split_words("""actor actress singer songwriter musician comedian rapper novelist poet
    playwright filmmaker composer""")
)

# Departments after "Secretary of", left at the start of a name by the name pattern.
_DEPARTMENTS = frozenset(
    split_words("""state defense defence homeland labor labour commerce energy health treasury
    transportation agriculture education interior veterans""")
)

# Words no personal name contains: parties, verbs of a title-case headline, things.
_NOT_IN_NAMES = frozenset(
    split_words("""republican republicans democrat democrats democratic gop has have had is
    are was were take make war text legacy mall shoal pacific eastern western northern
    southern""")
)
# Last words of capitalised phrases that name days, places, events or laws, not people.
_NOT_PERSON_ENDINGS = frozenset(
    split_words("""day days week weekend month year street avenue road boulevard live online
    county city state states river park square island valley beach bay lake mountains coast
    airport station bridge tower building stadium arena museum act amendment program
    programme plan care security debate debates primary primaries caucus caucuses convention
    election war revolution movement summit conference festival awards prize cup games
    olympics series show tour league era region district province republic kingdom empire
    ocean sea gulf desert forest canyon falls heights village town""")
)


# Places of two words that the name pattern would take for people.
_PLACES = frozenset(
    place.replace("_", " ")
    for place in split_words("""capitol_hill new_york new_hampshire new_jersey new_mexico
    new_orleans new_england north_carolina south_carolina north_dakota south_dakota
    west_virginia rhode_island los_angeles san_francisco san_diego san_antonio las_vegas
    des_moines silicon_valley puerto_rico saudi_arabia united_states united_kingdom hong_kong
    costa_rica sri_lanka el_salvador great_britain north_korea south_korea new_zealand
    south_africa tel_aviv el_paso palm_beach long_island staten_island middle_east far_east
    west_bank gaza_strip new_delhi abu_dhabi kuala_lumpur buenos_aires sao_paulo cape_town
    north_korean south_korean""")
)


_SUBJECT_REACH = 400
_OPENERS = frozenset(
    split_words("""and but when as while because after before since although though if then so
    that""")
)
_OBJECT_WORDS = frozenset(split_words("than to with against for by about from"))


# Prepositions that open a sentence with an object, not a clause ("From Norland Tales to her
# own work, she said"); not "For Ann Lie, …" (whose view it is), "After Ann Lie left, …".
_OPENING_PREPOSITIONS = frozenset(
    split_words("""from with about like unlike despite by to on in at over under during against
    among beyond toward towards""")
)


_TITLE_ABBREVIATIONS = frozenset(
    split_words("gov rep sen lt gen col sgt capt adm maj rev prof dr mr mrs ms st del brig")
)
_SENTENCE_WORDS = frozenset(
    split_words("""like unlike see had has have does did do was were is are former fault then
    until whether despite about could would should might must""")
)


def _not_a_first_name(word: str) -> bool:
    """A capitalised word before a name that cannot begin one: "Like", "Had", "Entrusting"."""
    lowered = word.lower()
    if lowered in MALE_NAMES or lowered in FEMALE_NAMES:
        return False
    return lowered in _SENTENCE_WORDS or (lowered.endswith("ing") and len(lowered) > 5)


_APPOSITIVE_AFTER = re.compile(r",\s+(?:a|an|the|\d+)[\s,]")


# Lowercase nouns of who a person is, written before the name: "…, lawmaker Ann Lie called …".
_ROLES_BEFORE_NAMES = frozenset(
    split_words("lawmaker legislator lawyer researcher scientist activist biologist")
)


# A list of names after "including" or "such as", up to the name being read.
_LISTED_AFTER = re.compile(
    r"\b(?:including|such[ \t]+as)[ \t]+(?:[A-Z][\w\-’'&.]*(?:[ \t]+|,[ \t]*)|and[ \t]+)*\Z"
)


def _subject_at(text: str, start: int, end: int) -> bool:
    """Whether a name opens a clause: after a sentence break, a comma or a conjunction, and
    before a verb, a comma or a parenthesis (not "Bo Berg’s", not "backing Bo Berg")."""
    after = text[end : end + 20]
    if after[:1] in {"’", "'"}:
        return False  # a possessive
    if _LISTED_AFTER.search(text, max(0, start - 150), start):
        return False  # "… initiatives including Digital Norland, Startup Ostia and …": an item
    after = after.lstrip(" \t\u00a0")
    words = text[max(0, start - 80) : start].split()
    if _APPOSITIVE_AFTER.match(after) and not (words and words[-1].lower() in _OBJECT_WORDS):
        return True  # "Wes Nakagiri, a delegate from Michigan, …": the one described
    opening = words[-1:] + text[start:end].split()[:1]  # the word before, or the match's first
    if any(w[:1].isupper() and w.lower() in _OPENING_PREPOSITIONS for w in opening):
        return False  # "From Norland Tales to her own work, she said": a preposition's object
    role = 0
    while (
        words
        and role < 6
        and (
            words[-1].lower() in TITLES
            or words[-1].lower() in _ROLE_WORDS | _ROLES_BEFORE_NAMES
            or (words[-1][:1].isupper() and words[-1][-1:].isalpha())
        )
    ):
        words.pop()  # "Alabama Democratic Party chairwoman Nancy Worley": a role first
        role += 1
    before = " ".join(words)
    if before and before[-1] not in ".!?\n”\"':;,—–(" and words[-1].lower() not in _OPENERS:
        return False
    return after[:1] in {",", "("} or (after[:1].islower() and after[:1].isalpha())


# Titles before a name, and the role noun a later "the …" uses for the same person.
_TITLE_ROLES = {
    "sen": "senator",
    "senator": "senator",
    "gov": "governor",
    "governor": "governor",
    "president": "president",
    "mayor": "mayor",
    "judge": "judge",
    "rep": "congressman",
    "representative": "congressman",
    "congressman": "congressman",
    "congresswoman": "congressman",
    "adm": "admiral",
    "admiral": "admiral",
    "gen": "general",
    "general": "general",
}
_TITLE_BEFORE_NAME = re.compile(
    r"(?:(?P<before>[\w.\-]+)[ \t]+)?"
    rf"\b(?P<title>{'|'.join(title.capitalize() for title in _TITLE_ROLES)})\.?[ \t]+"
    r"(?:(?:[A-Z][\w.\-’']*|de|van|von|der|al|bin|la|le|du)[ \t]+){0,3}?"
    r"(?P<surname>[A-Z][a-z][\w\-]*)(?:[’']s)?"
    r"(?![\w\-’']|[ \t]+[A-Z]|[ \t]+(?:de|van|von|der|al|bin|la|le|du)[ \t])"
)


def _titled_people(text: str, excluded: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
    """(offset, role, surname) of each title before a name, for "the senator" and the like;
    not "Vice President Joe Biden" nor "World Bank President Jim Kim" (another body's)."""
    found = []
    for match in _TITLE_BEFORE_NAME.finditer(text):
        before = match.group("before") or ""
        if before.lower() in {"vice", "deputy"} or (
            before[:1].isupper() and _looks_like_org([before])
        ):
            continue
        if not _inside(excluded, match.start("title")):
            role = _TITLE_ROLES[match.group("title").lower()]
            found.append((match.start("title"), role, match.group("surname")))
    return found


_TITLED = re.compile(
    rf"(?<![\w’'])(?P<title>Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Adm|Rev|President|Senator|Governor|"
    rf"Secretary|Representative|Judge|Justice|Admiral|president|senator|governor)\.?"
    rf"[ \t]+(?P<surname>[A-Z][\w\-{_IN_WORD}]*[a-z][\w\-{_IN_WORD}]*)(?![\w’'\-]|[ \t]+[A-Z])"
)
_SURNAME = re.compile(
    rf"(?<![\w’'\-])([A-Z][\w\-{_IN_WORD}]*[a-z][\w\-{_IN_WORD}]*)(?:[’']s?)?(?![\w\-])"
)
# Conjunctions that open a clause, so a surname after them is its subject, not the end of a
# longer name: "When Lin visited the clinic, he …", "But Lin said".
_CLAUSE_LEADS = frozenset(
    split_words("""when while as if though although because since until unless after before
    and but so yet then once""")
)
_NEXT_CAPITALISED = re.compile(r"[ \t]+[A-Z][a-z]")
_SURNAME_TITLES = frozenset(
    split_words("mr mrs ms miss dr sen rep gov gen prof senator governor president")
)

# How much nearer a name of unknown gender that never spoke must be to win over a person
# of the pronoun's gender (or a speaker) before it.
_PLAUSIBLE_REACH = 1000
# A plural noun of people with up to two lowercase words before it: "local fishermen", "the
# militia leaders", "senior officials".
_PLURAL_PEOPLE = sorted(
    (
        {n for n in SOURCE_NOUNS if n.endswith("s") and n not in ORG_SOURCE_NOUNS}
        | set(split_words("fishermen farmers workers militants fighters"))
    )
    - set(split_words("witness statistics figures documents reports polls"))
)
_GROUP_STOPS = (
    DETERMINERS
    | _PREPOSITIONS
    | frozenset(split_words("of among between and or but what who which than"))
)
_SENTENCE_JUST_ENDED = re.compile(r"[.!?]\s+")
# The verb of a clause whose subject the group is: "officials say", "fishermen were furious".
_VERB_AFTER = re.compile(
    r"\s+(?:have\s+|had\s+|also\s+|later\s+)?(?:say|said|says|are|were|have|had|told|"
    r"warned|argued|insisted|claimed|believe|believed|fear|feared|want|wanted|plan|planned|"
    r"vowed|promised|complained|expect|expected|hope|hoped)\b"
)
_PLURAL_GROUP = re.compile(
    r"\b((?:[A-Za-z][\w\-]*[ \t\u00a0]+){0,2}(?:" + "|".join(_PLURAL_PEOPLE) + r"))\b(?![\w’'\-])"
)


# A hyphenated given name of two short syllables after the family name: "Kim Jong-un",
# "Bong Young-shik" (Korean names in English text).
_GIVEN_NAME_AFTER_FAMILY = re.compile(r"[A-Z][a-z]{1,4}-[A-Za-z][a-z]{1,4}")


def family_name_first(words: list[str]) -> bool:
    """Whether a name is written family name first ("Kim Jong-un"), so "Kim" alone is him."""
    return len(words) == 2 and bool(_GIVEN_NAME_AFTER_FAMILY.fullmatch(words[1]))


@dataclass
class Person:
    name: str
    gender: str | None
    first: int
    spoke: bool = False  # named as a speaker: a person, whatever the gender


@dataclass
class Resolved:
    name: str
    kind: str  # person | organisation | other
    rule: str = field(default="", compare=False)  # the named rule that resolved the mention
    # The title or office written before the name ("Minister of Finance" of "Minister of
    # Finance Ann Lie"), "" when none.
    role: str = field(default="", compare=False)


# Words for a woman or a man that may describe a person next to their name ("9/11 widow Ann
# Lie", "Ann Lie, whose husband …" does not count: only the word before the name or the
# appositive right after it).
_FEMALE_WORDS = frozenset(
    split_words("""widow wife mother daughter sister grandmother aunt niece actress
    congresswoman spokeswoman chairwoman businesswoman councilwoman assemblywoman
    stateswoman sportswoman waitress heiress duchess countess queen princess girl woman
    mom grandma""")
)
# Not "spokesman" or "chairman": "Trump spokesman Hope Hicks" is said of women too.
_MALE_WORDS = frozenset(
    split_words("""widower husband father son brother grandfather uncle nephew congressman
    businessman councilman assemblyman statesman sportsman waiter duke king prince boy man
    dad grandpa""")
)
_BESIDE_NAME = re.compile(
    r",\s+(?:a|an|the|his|her|their|\w+['’]s)\s+(?:[\w\-/]+\s+){0,2}?(?P<word>[a-z]+)\b(?!['’])"
)


def _gender_beside(text: str, start: int, end: int) -> str | None:
    """The gender a word right before a name or in the appositive after it gives."""
    before = text[max(0, start - 30) : start].split()
    # lowercase words only: "the King Country, Ann Lie" says nothing of her
    words = [w for w in before[-2:] if w.islower()]
    after = _BESIDE_NAME.match(text, end, min(len(text), end + 60))
    if after is not None:
        words.append(after.group("word"))
    for word in words:
        if word in _FEMALE_WORDS:
            return "f"
        if word in _MALE_WORDS:
            return "m"
    return None


# A Korean given name written after the family name: "Kim Jong-un", "Moon Jae-in", "Lee
# Jae-myung" (the family name is no English first name: Kim, Lee, Moon say nothing of gender).
_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,4}-[A-Za-z][a-z]{1,4}")


def _gender_of(words: list[str]) -> str | None:
    for word in words:
        lowered = word.lower()
        if lowered in FEMALE_TITLES:
            return "f"
        if lowered in MALE_TITLES:
            return "m"
    for k, word in enumerate(words):
        if k + 1 < len(words) and _HYPHENATED_GIVEN_NAME.fullmatch(words[k + 1]):
            return None  # "Kim Jong-un": a family name first
        lowered = word.lower()
        if lowered in CAPITALISED_STOPWORDS or lowered in TITLES or lowered in _ROLE_WORDS:
            continue  # "Republican Donald Trump": the first name after the role
        if len(word) > 1 and word.isupper() and k + 2 < len(words):
            continue  # "UN Spokesperson Tom Lie": a body's acronym, not the first name "Un"
        if lowered in FEMALE_NAMES:
            return "f"
        if lowered in MALE_NAMES:
            return "m"
        return None
    return None


def _person_after_role(words: list[str], cleaned: list[str]) -> bool:
    """Whether an organisation and a role lead up to a person's name: "CNN President Jeff
    Zucker", "BuzzFeed Editor-in-Chief Ben Smith"."""
    lead = words[: len(words) - len(cleaned)]
    return (
        len(cleaned) >= 2
        and bool(lead)
        and not _looks_like_org(cleaned)
        and lead[-1].lower().rstrip(".") in TITLES | _ROLE_WORDS
    )


# An age written before a name, in figures or in words: "14-year-old", "Fourteen-year-old",
# "Twenty-one-year-old".
_AGE_WRITTEN = re.compile(r"(?:\d+|[A-Za-z]+(?:-[a-z]+)?)-year-old", re.I)


# A word before a body's name that says who leads or owns it: "Kurdish-led", "state-owned".
_DESCRIPTOR = re.compile(
    r"[\w’']+-(?:led|backed|based|owned|run|funded|allied|linked|aligned|controlled|affiliated|"
    r"sponsored|dominated|supported)"
)


def clean_name(words: list[str]) -> list[str]:
    """Drop leading stop words, titles and determiners, and a trailing possessive."""
    out = list(words)
    while out and (
        (
            out[0].lower() in CAPITALISED_STOPWORDS
            and not (len(out) > 1 and _time_word_before_name(out[0], out[1]))  # "April Ryan"
        )
        or out[0].lower() in TITLES
        or out[0].lower().rstrip(".") in TITLES
        or out[0].lower() in NOT_NAMES
        or out[0].lower() in {"neither", "either"}
        or (len(out) > 1 and _AGE_WRITTEN.fullmatch(out[0]) is not None)  # "Fourteen-year-old Ann"
        or (len(out) > 1 and _DESCRIPTOR.fullmatch(out[0]) is not None)  # "Kurdish-led Forces"
    ):
        out.pop(0)
    if len(out) >= 3 and out[0].lower() in _DEPARTMENTS:
        out.pop(0)  # "(Secretary of) State Hillary Clinton"
    # A role before the name: "Senate Majority Leader Mitch McConnell", "Secretary of State
    # Hillary Clinton", "Washington Political Editor Matthew Boyle".
    for k in range(len(out) - 3, -1, -1):
        word = out[k].lower().rstrip(".")
        if word in TITLES or word in _ROLE_WORDS:
            rest = out[k + 1 :]
            if rest[0].lower() in _COLLECTIVE_POSSESSIVES:
                break  # "(Norland) Attorney General's Office": the title is in the bureau's name
            if len(rest) >= 3 and rest[0].lower() == "of":
                rest = rest[2:]  # "Secretary of State Hillary Clinton"
            if len(rest) >= 2:
                out = rest
            break
    if out:
        out[-1] = _strip_possessive(out[-1])
    return out


@dataclass(frozen=True)
class Canonical:
    """A person's name as a registry keeps it, the role words written before it, and the
    `name/…` rule that cut them apart."""

    name: list[str]
    role: list[str]
    rule: str = ""


# Words after a name's last word that end it ("Jr."), and words that open a portfolio after
# a title ("Minister of Finance", "Envoy for Regional Affairs", "rapporteur on transport").
_NAME_SUFFIXES = frozenset(split_words("jr jr. sr sr. ii iii iv"))
# Letters after a name for an office or an honour: "Ann Lie MP", "Ann Lie QC".
_POST_NOMINALS = frozenset(
    split_words("mp mep mla msp mpp td qc kc obe mbe cbe kbe dbe ao ac phd cmg kcmg gcmg dcmg cvo")
)
_PORTFOLIO_OPENERS = frozenset(split_words("of for on"))
# What opens a portfolio inside a name's words: also an office "to" a body or a place
# ("Ambassador to Norway Ann Lie").
_NAME_PORTFOLIO_OPENERS = _PORTFOLIO_OPENERS | {"to"}
_INITIAL = re.compile(r"[A-Z]\.")


def first_name(word: str) -> bool:
    """Whether a word is a first name the lexicon knows ("Ann")."""
    lowered = word.lower()
    return lowered in MALE_NAMES or lowered in FEMALE_NAMES


def _named_by(words: list[str], k: int) -> bool:
    """Whether words[k] follows a first name or an initial, so is a surname however much it
    looks like a title: "Peter T. King", "Ann King"."""
    return k >= 1 and (first_name(words[k - 1]) or bool(_INITIAL.fullmatch(words[k - 1])))


def _office(word: str) -> bool:
    """A title, an office or an honorific: "Minister", "Sen.", "Shri", "Treasurer"."""
    lowered = word.lower()
    bare = lowered.rstrip(".")
    return (
        lowered in TITLES
        or bare in TITLES
        or lowered in HONORIFICS
        or bare in OFFICE_TITLES
        or bare in _ROLE_WORDS
        or bare in _MORE_ROLES
    )


def _office_like(word: str) -> bool:
    """A capitalised noun of a person's office that no list holds: "Administrator",
    "Prosecutor", "Co-developer" (not a first name such as "Tyler", nor "Development")."""
    lowered = word.lower()
    if lowered.startswith("co-"):
        lowered = lowered[3:]  # "Co-founder", "Co-developer": a share of the office
        return _office(lowered) or _office_like(lowered.capitalize())
    return (
        word[:1].isupper()
        and len(word) > 5
        and lowered.isalpha()
        and lowered.endswith(_PERSON_ENDINGS)
        and not lowered.endswith(("ment", "ments"))
        and not first_name(word)
    )


def _portfolio_name(rest: list[str]) -> list[str]:
    """The name after a portfolio ("Finance Ann Lie", "Health and Human Services Ann Lie"):
    from its first name or initial on, else its last two words (one when two are left)."""
    for j in range(1, len(rest) - 1):
        if (first_name(rest[j]) or _INITIAL.fullmatch(rest[j])) and rest[j + 1][:1].isupper():
            return rest[j:]
    if len(rest) < 2:
        return []  # "President of Norland": the portfolio, and no name after it
    return rest[-2:] if len(rest) >= 3 else rest[-1:]


def _name_after(words: list[str], k: int) -> list[str] | None:
    """The name after the office at words[k], past any portfolio; None when none follows."""
    rest = words[k + 1 :]
    if rest and rest[0].lower() in _NAME_PORTFOLIO_OPENERS:
        rest = _portfolio_name(rest[1:]) if len(rest) >= 2 else []
    while rest and rest[0].lower() in HONORIFICS:
        rest = rest[1:]  # "Minister Hon Ann Lie"
    if not rest or rest[0].lower() in _NAME_SUFFIXES or not rest[0][:1].isupper():
        return None
    return rest


def _plain_name(name: list[str]) -> bool:
    """A first and last name, or a known first name and two more: what may follow an office
    no list holds ("Port Administrator Ann Lie", not "Border Wall Contract Tor Vikan")."""
    if _INITIAL.fullmatch(name[0]):
        return False  # "Sander M. Levin": the office-looking word is his first name
    return len(name) == 2 or (len(name) == 3 and first_name(name[0]))


def _listed_portfolio_end(before: list[str], name: list[str]) -> bool:
    """Whether the office-looking word before `name` closes a list of portfolios ("Ports and
    Major (Projects Tom Ridge)"), so the name is the first name and the surname that end it
    (not "Professor Mehmet Ali Yıldız", whose first name the lexicon does not know)."""
    return (
        "and" in before
        and len(name) >= 3
        and not first_name(name[0])
        and first_name(name[-2])
        and name[0][:1].isupper()
    )


def _cut_after_office(words: list[str], portfolio: bool) -> Canonical | None:
    """Cut at the office nearest the name (the last one with a name after it)."""
    for k in range(len(words) - 2, -1, -1):
        word = words[k]
        opens_portfolio = words[k + 1].lower() in _NAME_PORTFOLIO_OPENERS
        if opens_portfolio != portfolio:
            continue
        listed = _office(word)
        if (not listed and not _office_like(word)) or _named_by(words, k):
            continue
        name = _name_after(words, k)
        if name is not None and not listed and k > 0 and not first_name(name[0]):
            continue  # "World Wonder Ring Stardom": a body's words, no office and a name
        if name is not None and (listed or _plain_name(name)):
            if _listed_portfolio_end(words[:k], name):
                name = name[-2:]  # "(Ports and Major) Projects Tom Ridge": "Major" a portfolio
            role = words[: len(words) - len(name)]
            while role and role[-1].lower() in HONORIFICS:
                role = role[:-1]
            return Canonical(name, role)
    return None


# Lowercase words that may join a body's capitalised words: "Fire and Rescue".
_BODY_JOINS = frozenset(split_words("and of for the on"))


def _body_words(after: list[str], before: list[str]) -> bool:
    """Whether the words after "of" name a place or a body: all capitalised, or capitalised at
    both ends with lowercase joins between ("Norland Fire and Rescue") when the words before
    are no body's ("Department of Health and Human Services" stays whole)."""
    if all(w[:1].isupper() for w in after):
        return True
    return (
        len(after) >= 3
        and after[0][:1].isupper()
        and after[-1][:1].isupper()
        and all(w[:1].isupper() or w in _BODY_JOINS for w in after)
        and not any(w.lower().rstrip(".") in ORG_WORDS for w in before)
    )


def _place_after(words: list[str]) -> list[str] | None:
    """ "Ann Lie of Ohio", "Ann Lie from Ohio": the name before a place (not "Minister of
    Finance Ann Lie", where a first name follows, nor "Deputy Minister of Finance")."""
    for p in range(2, len(words) - 1):
        if words[p].lower() not in {"of", "from"}:
            continue
        before, after = words[p - 1], words[p + 1 :]
        if (
            (before[:1].isupper() or _PARTICLE_SURNAME.match(before))
            and (_named_by(words, p - 1) or not (_office(before) or _office_like(before)))
            and _body_words(after, words[:p])
            # "Ann Lie of Georgia", but not "(Head) of Finance Tor Vikan": a name after "of"
            # (a first name with a surname after it; "of Ostia Marine" ends with a body's word)
            and not (len(after) >= 2 and any(first_name(w) for w in after[:-1]))
        ):
            return words[:p]
    return None


def _body_then_name(words: list[str]) -> Canonical | None:
    """ "(director of) Civic Watch International Kei-lun Tam", "(Ambassador to the) United
    Nations Ann Lie": a body's name run into the person's, who is the last two words after the
    body's last organisation word (three when a first name opens them)."""
    last = max(
        (k for k, w in enumerate(words) if _strip_possessive(w).lower().rstrip(".") in ORG_WORDS),
        default=-1,
    )
    tail = _after_body_portfolio(words[last + 1 :])
    if last < 0 or not (len(tail) == 2 or (len(tail) == 3 and first_name(tail[0]))):
        return None
    if not (first_name(tail[0]) or "-" in tail[0]):
        return None  # a person's first name ("Ann", "Kei-lun"), not "(Church) Shooting Survivors"
    if not all(w[:1].isupper() and w.lower() not in _PLACES for w in tail) or any(
        w.lower().rstrip(".") in ORG_WORDS | _NAME_SUFFIXES or _INITIAL.fullmatch(w) for w in tail
    ):
        return None
    return Canonical(tail, words[: len(words) - len(tail)])


def _after_body_portfolio(tail: list[str]) -> list[str]:
    """The words after a body's last organisation word without the place or the field the body
    is "of" ("(Union) of Norland Petra Vasko", "(Association) of Vale Farmers Tomas Berg"):
    from the first name that opens the last two or three words on (the tail unchanged when no
    "of" opens it, or no first name follows a capitalised run)."""
    if len(tail) < 4 or tail[0] != "of":
        return tail
    for j in (len(tail) - 2, len(tail) - 3):
        lead = tail[1:j]
        if (
            j >= 2
            and first_name(tail[j])
            and lead
            and not first_name(lead[-1])
            and all(w[:1].isupper() or w == "the" for w in lead)
        ):
            return tail[j:]
    return tail


def _body_run_into_person(words: list[str]) -> bool:
    """Whether a run of capitalised words is a body's name and then a person's: "Norland Rowing
    Federation Maria Tollen", "National Chess Union of Norland Petra Vasko" (what a press
    release writes after "Leader of the", with no comma)."""
    cut = rules.first(_BODY_NAME_RULES, words)
    if cut is None:
        return False
    rule, found = cut
    lead = words[: len(words) - len(found.name)]
    return (
        len(found.name) >= 2
        and bool(lead)
        and not _looks_like_org(found.name)
        # the body's name ends with its kind ("Federation"), not "Navy SEAL (Ty Woods)"
        and (
            rule.name == "name/body-then-name"
            or _strip_possessive(lead[-1]).lower().rstrip(".") in ORG_WORDS
        )
    )


def _office_then_person(cut: Canonical, words: list[str]) -> bool:
    """Whether an organisation's words lead up to a person's name through an office or an
    honorific: "Health and Human Services Secretary Ann Lie", "Secretary of Health and Human
    Services Ann Lie", "the Hon Ann Lie MP"."""
    return (
        len(cut.name) >= 2
        and not _looks_like_org(cut.name)
        and (
            cut.rule == "name/body-then-name"
            or _body_run_into_person(words)
            or any(_office(w) for w in cut.role)
            or any(w.lower() in HONORIFICS for w in words[: len(words) - len(cut.name)])
        )
    )


# Particles that open a surname and are also first names: "(Tarek) Al Sayed", "(Yosef) Ben Ami".
_NAME_PARTICLES = frozenset(split_words("al el ben"))


def _lead_then_first_name(words: list[str]) -> Canonical | None:
    """Capitalised words before a first and last name (a middle name between them, or not)
    that are not names themselves: the end of a portfolio, a place or a company the name
    pattern ran into ("Argentina Ann Lie" of "President of Argentina Ann Lie", "Kesta Jose
    Manuel Berg"); not "Mary Ann Lie" (a first name opens it) nor "Ann Marie Lie"."""
    if len(words) < 3 or first_name(words[0]) or _INITIAL.fullmatch(words[0]):
        return None
    j = len(words) - 2
    if len(words) >= 4 and first_name(words[j - 1]) and first_name(words[j]):
        # "(Spanish investor) Acciona Jose Manuel Entrecanales": two given names (not "Sayyid
        # Ali Hosseini Khamenei", whose second word is a family name)
        j -= 1
    if not first_name(words[j]) or any(first_name(w) for w in words[:j]):
        return None
    if not all(w[:1].isupper() for w in words[:j]):
        return None
    lead = words[:j]
    if len(lead) == 1 and words[j].lower() in _NAME_PARTICLES and not _office(lead[0]):
        return None  # "Tarek Al Sayed": "Al" is a particle of the surname here
    # a place or the tail of a portfolio is no role: "Argentina", "State Development"
    return Canonical(words[j:], lead if any(_office(w) for w in lead) else [])


def _post_nominal(words: list[str]) -> list[str] | None:
    """ "the Hon Ann Lie MP": letters after the name, not part of it (not "Ann LIE", a
    surname in capitals)."""
    cut = list(words)
    while len(cut) >= 3 and cut[-1].isupper() and cut[-1].lower().rstrip(".") in _POST_NOMINALS:
        cut.pop()  # "Ann Lie CMG OBE": each set of letters
    return cut if len(cut) < len(words) else None


# What a name drops at its end, then where its role ends and the name begins; tried in order.
_NAME_TAIL_RULES: tuple[Rule[list[str], list[str]], ...] = (
    Rule("name/place-after", _place_after),  # "Sen. Ann Lie of Ohio"
    Rule("name/post-nominal", _post_nominal),  # "the Hon Ann Lie MP"
)


def _several_people(words: list[str]) -> Canonical | None:
    """ "Health Minister Ann Lie and Roads Minister Tor Vikan": each name cut on its own and
    joined as the article gives them ("Ann Lie and Tor Vikan"), the roles joined by "; "."""
    if "and" not in words:
        return None
    parts: list[list[str]] = [[]]
    for word in words:
        if word in {"and", ","}:
            parts.append([])
        else:
            parts[-1].append(word)
    cuts = [rules.first(_NAME_RULES[1:], part) for part in parts if part]
    if len(cuts) < 2 or len(cuts) != len(parts):
        return None
    names = [cut[1] for cut in cuts if cut is not None]
    if len(names) != len(cuts) or any(
        len(c.name) < 2
        or not all(w[:1].isupper() for w in c.name)
        or _looks_like_org(c.name)
        or not (c.role or first_name(c.name[0]))
        for c in names
    ):
        return None
    joined = [" ".join(c.name) for c in names]
    text = ", ".join(joined[:-1]) + " and " + joined[-1]
    roles = "; ".join(" ".join(c.role) for c in names) if any(c.role for c in names) else ""
    return Canonical(text.split(" "), roles.split())


_NAME_RULES: tuple[Rule[list[str], Canonical], ...] = (
    # "Health Minister Ann Lie and Roads Minister Tor Vikan"
    Rule("name/several-people", _several_people),
    # "Minister of Finance Ann Lie", "Special Envoy for Regional Affairs Ann Lie"
    Rule("name/portfolio-then-name", lambda w: _cut_after_office(w, portfolio=True)),
    # "Associate Health Minister Hon Ann Lie", "Raksha Mantri Shri Ann Lie", "Dr. Ann Lie"
    Rule("name/role-then-name", lambda w: _cut_after_office(w, portfolio=False)),
    # "(President of) Argentina Ann Lie", "(Minister for) State Development Ann Lie"
    Rule("name/lead-then-first-name", _lead_then_first_name),
    # "(director of) Civic Watch International Kei-lun Tam"
    Rule("name/body-then-name", _body_then_name),
    Rule("name/as-written", lambda w: Canonical(w, [])),  # "Ann Lie"
)


# The two rules that find a person's name run on after a body's (`_body_run_into_person`).
_BODY_NAME_RULES = tuple(
    r for r in _NAME_RULES if r.name in {"name/lead-then-first-name", "name/body-then-name"}
)


def _office_of(words: list[str]) -> bool:
    """An office and its portfolio with no name after them: "President of Norland", "Prime
    Minister of Ostia", "Foreign Minister of Norland" (up to three words of the office, the
    last an office's, no first name among them)."""
    k = next((k for k, w in enumerate(words[:4]) if w.lower() in _PORTFOLIO_OPENERS), 0)
    return (
        k >= 1
        and len(words) >= k + 2
        and _office(words[k - 1])
        and not any(first_name(w) for w in words[:k])
    )


def canonical(words: list[str]) -> Canonical:
    """Cut a person's mention into the name a registry keeps and the role written before it:
    "Minister of Finance Ann Lie" is Ann Lie, Minister of Finance; "Sen. Ann Lie of Ohio" is
    Ann Lie, Sen.; "Shri Ann Lie" is Ann Lie."""
    if words and words[0].lower() == "the":
        words = words[1:]
    tail = rules.first(_NAME_TAIL_RULES, words)
    if tail is not None:
        words = tail[1]
    rule, cut = rules.first(_NAME_RULES, words) or (_NAME_RULES[-1], Canonical(words, []))
    if _office_of(words) and rule.name == "name/as-written":
        return Canonical(words, [], rule.name)  # "President of Norland": a description
    name = clean_name(cut.name)
    return Canonical(name, cut.role, tail[0].name if tail is not None else rule.name)


def _time_word_opens_name(text: str, start: int, words: list[str]) -> bool:
    """Whether the month or weekday opening a name run found at or after `start` is the
    name's first word ("April Ryan"), not a time ("In March Ann Lie", "On 5 May Ann Lie"):
    time_word_in_name on the words of the text."""
    if len(words) < 2 or not _time_word_before_name(words[0], words[1]):
        return False
    at = text.find(words[0], start)
    before = text[max(0, at - 20) : at].split()[-1:] if at >= 0 else []
    return not (before and (before[0].lower() in _TIME_BEFORE or before[0][0].isdigit()))


def _with_office_before(text: str, start: int, words: list[str]) -> list[str]:
    """The words of a name run with the office and "of" or "for" just before it, which the
    name pattern leaves out: "(President of) Argentina Ann Lie" is Ann Lie, not Argentina Ann
    Lie."""
    before = text[max(0, start - 40) : start].split()[-2:]
    if len(before) == 2 and before[1] in {"of", "for"} and _office(before[0]):
        return before + words
    return words


# Letters that lose no accent under NFKD but are written plain in other outlets' spelling.
_PLAIN_LETTERS = str.maketrans("ıłøđŁØĐ", "ilodLOD")


def _folded(word: str) -> str:
    """A word without its diacritics ("Erdoğan" is "Erdogan", "Peña" is "Pena"): outlets
    write the same surname with and without them."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _surname_key(word: str) -> str:
    return _folded(word).lower()


_PORTFOLIO_AFTER = re.compile(r"[ \t]+(?:for|of)[ \t]+[A-Z]")


# An office and the portfolios before the last one: "Minister for Environment, Forest and ",
# "Secretary of State for Culture, Media and ".
_PORTFOLIOS_BEFORE = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Department|Commissioner|Committee)[ \t]+(?:of|for)"
    r"(?:[ \t]+(?:State[ \t]+(?:of|for)[ \t]+)?[A-Z][\w\-’'&]*,?)+[ \t]+(?:and|&)[ \t]+\Z"
)
_AFTER_PORTFOLIO = re.compile(r"[ \t]*[,.;)]")


def _last_portfolio(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether a capitalised run is the last portfolio of an office ("Minister for Environment,
    Forest and Climate Change, Government of …"): a list of portfolios before it, and a comma
    or a full stop after it (not "… and Industry Shri Ann Lie urged"), with no title or first
    name in it ("Department of Health and (Human Services Secretary Ann Lie), Jr.")."""
    return (
        not any(
            w.lower().rstrip(".") in TITLES or w.lower() in OFFICE_TITLES or first_name(w)
            for w in words
        )
        and _AFTER_PORTFOLIO.match(text, end) is not None
        and _PORTFOLIOS_BEFORE.search(text[max(0, start - 120) : start]) is not None
    )


def _office_before_portfolio(text: str, end: int, words: list[str]) -> bool:
    """Whether a capitalised run is an office before its portfolio ("Special Representative
    (for Iran)"), not a name that ends with an office's word ("John Major")."""
    last = words[-1].lower()
    return (
        (last in TITLES or last in OFFICE_TITLES)
        and not first_name(words[0])
        and _PORTFOLIO_AFTER.match(text, end) is not None
    )


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether offset falls in one of the sorted, non-overlapping spans."""
    k = bisect_left(spans, (offset + 1,)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


# A suffix after a name's last word, as written: "Tom Berg, Jr.", "Ann Lie Sr.", "Tom Berg III".
_SUFFIX_AFTER = re.compile(r"(,?[ \t]+(?:Jr\.|Sr\.|Jr|Sr|II|III|IV))(?![\w’'])")


# Words before a character's name: "the character of (Anya Jenkins)", "the role of", "a
# character named".
_CHARACTER_BEFORE = re.compile(
    r"\b(?:character|characters|role)(?:[ \t]+(?:of|named|called))?[ \t]+$", re.I
)


def _with_suffix(text: str, end: int, name: str) -> str:
    """The name with the suffix written right after it ("Tom A. Berg, Jr."); a suffix that
    the name's own words end with ("Ann Lie Sr") gets its full stop as written."""
    last = name.split()[-1]
    if last.lower() in _NAME_SUFFIXES:
        return name + "." if text[end : end + 1] == "." and not last.endswith(".") else name
    found = _SUFFIX_AFTER.match(text, end)
    return name + found.group(1) if found is not None else name


def _family_word(name: str) -> str:
    """A person's last name word, past a suffix ("Berg" of "Tom Berg, Jr.")."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _NAME_SUFFIXES:
        words.pop()
    return words[-1].rstrip(",")


def _first_family_names(name: str) -> list[str]:
    """The first of two family names ("Ortega" of "Marisol Ortega Quiñones"): a middle word
    of a three-word name that opens with a known given name, the middle word being no given
    name, initial or particle itself."""
    words = name.split()
    given = first_name(words[0]) or first_name(_folded(words[0]))
    if len(words) != 3 or not given or family_name_first(words):
        return []
    middle = words[1]
    if (
        first_name(middle)
        or first_name(_folded(middle))
        or middle.lower() in PARTICLES
        or middle.endswith(".")
        or len(middle) < 3
        or not middle[:1].isupper()
        or words[2].lower() in _NAME_SUFFIXES
    ):
        return []
    return [middle]


def _an_office(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether the run of capitalised words at text[start:end] is an office, not a person."""
    if words[-1].lower().rstrip(".") in _TITLE_ABBREVIATIONS:
        return True  # "Wisconsin Gov" of "Wisconsin Gov. Scott Walker"
    if _office_before_portfolio(text, end, words):
        return True  # "US Special Representative (for Iran Ann Lie)": an office
    # "Minister for Environment, Forest (and Climate Change),": no one
    return _last_portfolio(text, start, end, words)


# "Joko Widodo, (popularly) known as Jokowi,": the name a person goes by.
_KNOWN_AS = re.compile(
    r",?\s+(?:(?:popularly|commonly|widely|better|also|simply)\s+)?known\s+as\s+[“\x22‘']?"
    r"(?P<alias>[A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+)?)(?=[”\x22’']?[,.;:)\s])"
)


class Registry:
    """The people and organisations an article names, in order, to resolve later mentions."""

    def __init__(self, text: str, excluded: list[tuple[int, int]]) -> None:
        self.text = text
        self.people: dict[str, Person] = {}
        self.by_surname: dict[str, list[tuple[int, str]]] = {}
        # Family names written first ("Kim" of "Kim Jong-un"), for a later "Kim said".
        self.by_family: dict[str, list[tuple[int, str]]] = {}
        # The first of two family names ("Ortega" of "Marisol Ortega Quiñones"), for a later
        # "Ortega said".
        self.by_inner: dict[str, list[tuple[int, str]]] = {}
        self.mentions: list[tuple[int, str]] = []  # (offset, canonical) for pronoun resolution
        self.subjects: set[int] = set()  # offsets of mentions that open a clause
        self.orgs: list[tuple[int, str]] = []
        excluded = sorted(excluded)
        for match in _PERSON_NAME.finditer(text):
            if _inside(excluded, match.start()):
                continue  # names inside quotations are seldom the speaker
            words = _without_joined_surname(match.group().split())
            start = match.start()
            if _not_a_first_name(words[0]):
                # "Like Allen, …", "Entrusting Donald Trump with …": a word opening the sentence
                start += len(words[0]) + 1
                words = words[1:]
                if len(words) < 2:
                    continue
            if _an_office(text, start, match.end(), words):
                continue
            cleaned = clean_name(words)
            if (
                _looks_like_org(words)
                and not _person_after_role(words, cleaned)
                and not _body_run_into_person(words)
            ):
                self.orgs.append((match.start(), " ".join(cleaned)))
                continue
            gender = (
                _gender_beside(text, match.start(), match.end())
                or _gender_of(words)
                or _gender_of(cleaned)
            )
            name = canonical(_with_office_before(text, match.start(), words)).name
            if name and len(name) < len(cleaned) and name[0] in match.group():
                # "Wall Contract Ann Lie", "Minister for Roads Ann Lie": the name's own start
                # and first name tell where she is and who
                start = match.start() + match.group().rindex(name[0])
                gender = gender or _gender_of(name)
            words = name
            if sum(len(w) > 2 and w.lower() not in PARTICLES for w in words) > 4:
                # A title-case headline run: "Cruz Hints Trump Would Get Wall Contract Ann Lie"
                # keeps only the name that ends it, when it opens with a first name.
                if words[-2].lower() not in MALE_NAMES | FEMALE_NAMES:
                    continue
                start = match.start() + match.group().rindex(words[-2])
                words = words[-2:]
                gender = _gender_of(words)
            kept = words[1:] if _time_word_opens_name(text, start, words) else words
            if len(words) < 2 or any(w.lower() in CAPITALISED_STOPWORDS for w in kept):
                continue
            first_name = words[0].lower() in MALE_NAMES or words[0].lower() in FEMALE_NAMES
            if (words[-1].lower() in _NOT_PERSON_ENDINGS and not first_name) or (
                " ".join(words).lower() in _PLACES
            ):
                continue  # "Election Day", "Wall Street", "HuffPost Live" (not "Doris Day")
            if any(w.lower() in _NOT_IN_NAMES for w in words):
                # "World War II", "Wisconsin Republican", "Trump Instantly Has …"; but
                # "(Democrats) Hillary Clinton" is a name after a label
                last = max(k for k, w in enumerate(words) if w.lower() in _NOT_IN_NAMES)
                rest = words[last + 1 :]
                if len(rest) < 2 or rest[0].lower() not in MALE_NAMES | FEMALE_NAMES:
                    continue
                start = match.start() + match.group().index(rest[0], start - match.start())
                words = rest
            name = " ".join(words)
            if _CHARACTER_BEFORE.search(text, max(0, start - 30), start):
                continue  # "the character of Anya Jenkins": a role, not a person in the news
            if words[-1] == match.group().split()[-1]:
                name = _with_suffix(text, match.end(), name)
            self._add_person(name, gender, start)
            if _subject_at(text, start, match.end()):
                self.subjects.add(start)
        self._add_titled(text, excluded)
        self._add_surnames(text, excluded)
        self.titled = _titled_people(text, excluded)
        self._add_orgs(text, excluded)
        self.aliases = self._known_as(text)

    def _known_as(self, text: str) -> dict[str, tuple[int, str]]:
        """The names a person is "known as" ("Joko Widodo, known as Jokowi,", "Mohammed bin
        Salman, widely known as MBS"), each with where it is given and the full name."""
        aliases: dict[str, tuple[int, str]] = {}
        if "known as" not in text:
            return aliases
        for match in _KNOWN_AS.finditer(text):
            before = text[max(0, match.start() - 80) : match.start()]
            owners = [full for full in self.people if before.endswith(full)]
            if len(owners) == 1 and match.group("alias") not in self.people:
                aliases[match.group("alias")] = (match.start(), owners[0])
        return aliases

    def _add_titled(self, text: str, excluded: list[tuple[int, int]]) -> None:
        """People the text only ever names by title and surname ("Mr. Obama", "President
        Obama", "Ms. Lynch"): the surname is their name, the title may give their gender."""
        for match in _TITLED.finditer(text):
            surname = match.group("surname")
            if _inside(excluded, match.start()):
                continue
            if surname.lower() in CAPITALISED_STOPWORDS or surname.lower() in NOT_NAMES:
                continue
            title = match.group("title").lower()
            gender = "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else None
            if any(
                gender is None or self.people[name].gender in {None, gender}
                for _, name in self.by_surname.get(_surname_key(surname), [])
            ):
                continue  # a person named in full already ("Ms. Lynch" after "Loretta Lynch")
            if any(at < match.start() for at, _ in self.by_inner.get(_surname_key(surname), [])):
                continue  # "Governor Ortega" after "Marisol Ortega Quiñones": her first family name
            if self._given_name_before(surname, match.start()):
                continue  # "Dr Meruna" after "Dr Meruna Sabita Lorn": her given name
            self._add_person(surname, gender, match.start("surname"))

    def _given_name_before(self, word: str, offset: int) -> bool:
        """Whether a word after a title is the given name of a person named in full before
        `offset` ("Dr Meruna" after "Dr Meruna Sabita Lorn", as South Asian reports write):
        not a family name written first, a person the article gives a title or a gender, and
        no known first name, which may be someone else's surname ("Mr. James" after
        "James Berg")."""
        if first_name(word):
            return False
        return any(
            full.split()[0] == word
            and len(full.split()) >= 2
            and not family_name_first(full.split())  # "Mr. Ban" after "Ban Ki-moon"
            and self.a_person(full)  # not "Obama Speech", a headline's run
            for named in self.by_surname.values()
            for at, full in named
            if at < offset
        )

    def _add_surnames(self, text: str, excluded: list[tuple[int, int]]) -> None:
        """Later mentions by surname ("Fiorina defended …", "Ms. Brainard said") count for
        pronoun resolution too; a gendered title tells the person's gender."""
        for match in _SURNAME.finditer(text):
            surname = match.group(1)
            key = _surname_key(surname)
            if (key not in self.by_surname and key not in self.by_inner) or _inside(
                excluded, match.start()
            ):
                continue
            before = text[max(0, match.start() - 12) : match.start()].split()
            title = before[-1].rstrip(".").lower() if before else ""
            if (
                before
                and before[-1][:1].isupper()
                and title not in _SURNAME_TITLES
                and before[-1].lower() not in _CLAUSE_LEADS
            ):
                continue  # part of a longer name, counted already (not "When Lin visited")
            if before and before[-1].lower() in DETERMINERS:
                continue  # "the Trump campaign": a modifier, not the person
            if _NEXT_CAPITALISED.match(text, match.end()):
                continue  # "Trump Tower", "Clinton Foundation"
            gender = "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else None
            full = self._full_name(surname, match.start(), gender)
            if full is None:
                continue
            person = self.people[full]
            if gender and not person.gender:
                person.gender = gender
            self.mentions.append((match.start(), full))
            if gender is None:
                # "Lazar" after "Marcel Lazar" and "Gabriela Lazar": either of them, and a
                # pronoun's gender will tell which
                for at, name in self.by_surname.get(_surname_key(surname), []):
                    other = self.people[name]
                    if (
                        at < match.start()
                        and name != full
                        and other.gender
                        and person.gender
                        and other.gender != person.gender
                    ):
                        self.mentions.append((match.start(), name))
            opening = match.start() - len(before[-1]) - 1 if title in _SURNAME_TITLES else 0
            possessive = match.end() > match.end(1)  # "Trump's campaign manager": not him
            if not possessive and _subject_at(text, opening or match.start(), match.end()):
                self.subjects.add(match.start())

    def _add_orgs(self, text: str, excluded: list[tuple[int, int]]) -> None:
        for match in _ORG_NAME.finditer(text):
            words = match.group().split()
            if len(words) >= 3 and _looks_like_org(words) and not _inside(excluded, match.start()):
                self.orgs.append((match.start(), " ".join(clean_name(words))))
        self.orgs.sort()

    def _add_person(self, name: str, gender: str | None, offset: int) -> None:
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = Person(name, gender, offset)
            surname = _surname_key(_family_word(name))
            self.by_surname.setdefault(surname, []).append((offset, name))
            if family_name_first(name.split()):
                self.by_family.setdefault(name.split()[0].lower(), []).append((offset, name))
            for word in _first_family_names(name):
                self.by_inner.setdefault(_surname_key(word), []).append((offset, name))
        elif gender and not person.gender:
            person.gender = gender
        self.mentions.append((offset, name))

    def note_speaker(self, name: str, offset: int, pronoun: str | None = None) -> None:
        """Remember a resolved speaker, and the gender its pronoun reveals."""
        person = self.people.get(name)
        if person is not None and pronoun in {"m", "f"} and not person.gender:
            person.gender = pronoun
        if person is not None:
            self.mentions.append((offset, name))
            self.subjects.add(offset)

    def resolve(self, mention: Mention, *, quotes: list[tuple[int, int]] | None = None) -> Resolved:
        """Return the canonical name and kind of the entity a mention refers to."""
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention)
        if mention.kind == "common":
            return self._surname_alone(mention) or self._resolve_common(mention)
        alias = self.aliases.get(" ".join(mention.head_tokens))
        if alias is not None and alias[0] < mention.start:  # "Jokowi" after "…, known as Jokowi"
            self.people[alias[1]].spoke = True
            return Resolved(alias[1], "person")
        cut = canonical(mention.head_tokens)
        if self._office_alone(mention.head_tokens, cut.name):
            # "The Prime Minister of Ostia said": an office and what it is of, no name in it
            return Resolved(" ".join(mention.text.split()), "other")
        # "Ann Lie of Norland Equality Coalition": a person of a body, not the body
        of_body = cut.rule == "name/place-after" and bool(cut.name) and first_name(cut.name[0])
        if mention.kind == "org" and not (_office_then_person(cut, mention.head_tokens) or of_body):
            words = clean_name(mention.head_tokens)
            return Resolved(" ".join(words) or mention.text, "organisation" if words else "other")
        words, role = cut.name, " ".join(cut.role)
        if not words:
            return Resolved(mention.text, "other")
        name = " ".join(words)
        if cut.rule == "name/several-people" or _office_of(words):
            return Resolved(name, "other", role=role)
        if "and" in words and len(words) > 2:
            joined = self._each_in_full(name, mention.start)
            if joined != name:
                return Resolved(joined, "other", role=role)
        if len(words) == 1 or (len(words) == 2 and words[0].endswith(".")):
            title = mention.head_tokens[0].lower() if mention.head_tokens else ""
            gender = "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else None
            full = self._full_name(words[-1], mention.start, gender)
            if full:
                self.people[full].spoke = True
                if gender and not self.people[full].gender:
                    self.people[full].gender = gender  # "Mr. Rubel" is a man
                return Resolved(full, "person", role=role)
            if name in self.people:
                self.people[name].spoke = True
                return Resolved(name, "person", role=role)
            full = self._full_from_given_name(name, mention.start) or self._short_form(
                name, mention.start
            )
            if full:
                self.people[full].spoke = True
                return Resolved(full, "person", role=role)
            for _, org in self.orgs:
                if org.lower() == name.lower() or org.lower().endswith(name.lower()):
                    return Resolved(org, "organisation")

            org = self._named_with_kind(name, mention.start)
            if org is not None:
                return Resolved(org, "organisation")  # "Kesta" after "Kesta Group"
            return Resolved(name, "person", role=role)
        return self._resolve_full(name, mention.start, role)

    def _office_alone(self, words: list[str], name: list[str]) -> bool:
        """Whether a mention is an office and what it is of with no one's name in it ("The
        Prime Minister of Ostia"; not "Head of the Office of the President Andriy Lie", whose
        name the registry holds)."""
        bare = [w for w in words if w.lower() != "the"]
        return (
            _office_of(bare)
            and not any(first_name(w) for w in bare)
            and " ".join(name) not in self.people
        )

    def _resolve_full(self, name: str, offset: int, role: str) -> Resolved:
        """A name of several words: the longer name it is a short form of, or itself."""
        if name[:1].isupper():  # (the registry may hold "Bin Salman" as written)
            full = self._short_form(name, offset)
            if full is not None:
                self.people[full].spoke = True
                return Resolved(full, "person", role=role)
        if name in self.people:
            self.people[name].spoke = True
        return Resolved(name, "person", role=role)

    def _short_form(self, name: str, offset: int) -> str | None:
        """A later short form of the one name given in full before `offset`: its particle
        and surname, capitalised at a sentence's start ("Von der Leyen", "Bin Salman",
        "Al-Sharaa" after "Ursula von der Leyen", "Mohammed bin Salman", "Ahmed al-Sharaa"), or
        a middle word of a name of four words or more ("Lula" after "Luiz Inácio Lula da
        Silva"). None when no one, or more than one person, was named so."""
        words = name.split()
        folded = _surname_key(name)
        if len(words) == 1:
            if words[0].lower() in PARTICLES or len(words[0]) < 3:
                return None
            found = {
                full
                for full, person in self.people.items()
                if person.first < offset
                and len(full.split()) >= 4
                and folded in {_surname_key(w) for w in full.split()[1:-1] if w[:1].isupper()}
            }
        else:
            # The last words of a longer name: opening with a particle ("Von der Leyen"), or
            # with no given name ("López Obrador" after "Andrés Manuel López Obrador")
            lead = words[0].split("-")[0].lower()
            if first_name(words[0]) and lead not in PARTICLES | _JOINED_PARTICLES:
                return None
            found = {
                full
                for full, person in self.people.items()
                if person.first < offset
                and full != name
                and _surname_key(full).endswith(" " + folded)
            }
        return found.pop() if len(found) == 1 else None

    def _surname_alone(self, mention: Mention) -> Resolved | None:
        """ "Lie went on to say …": a bare subject that is one capitalised word, the surname
        of a person named in full before it, is that person."""
        words = mention.head_tokens
        if len(words) != 1 or not words[0][:1].isupper():
            return None
        full = self._full_name(_strip_possessive(words[0]), mention.start)
        if full is None or len(full.split()) < 2:
            return None
        self.people[full].spoke = True
        return Resolved(full, "person")

    def person_by_surname(self, surname: str, offset: int) -> str | None:
        """The person named in full before `offset` whose surname this is ("Tom Berg" for
        "Berg"), or None."""
        full = self._full_name(surname, offset)
        return full if full is not None and len(full.split()) >= 2 else None

    def _named_with_kind(self, name: str, offset: int) -> str | None:
        """The one fuller name the article gives a body before `offset` as the name and the
        words for its kind ("Kesta Group", "Kesta Holdings Corporation" for "Kesta")."""
        found = set()
        for match in re.finditer(re.escape(name) + r"((?:[ \t]+[A-Z][a-z]+){1,2})\b", self.text):
            rest = match.group(1).split()
            if match.start() < offset and all(w.lower() in ORG_WORDS for w in rest):
                found.add(f"{name} {' '.join(rest)}")
        return found.pop() if len(found) == 1 else None

    def _each_in_full(self, names: str, offset: int) -> str:
        """ "Berg and Lie" after "Tom Berg and Ann Lie": each surname of a group as the
        fullest name the article gave it before (kept as written when it gave none)."""
        parts = _NAME_JOINS.split(names)
        full = [" " in part for part in parts[::2]]
        if all(full) or any(" " in part and not self._a_name(part) for part in parts[::2]):
            return names  # "Norland Ports and Lie": not people's names alone
        for k in range(0, len(parts), 2):
            if " " not in parts[k]:  # "Berg and Ann Lie": Berg in full, Ann Lie as written
                parts[k] = self._full_name(parts[k], offset) or parts[k]
        return "".join(parts)

    def _a_name(self, words: str) -> bool:
        """Whether words written in full are a person's name: one the registry knows, or a
        known first name and a surname ("Ann Lie")."""
        split = words.split()
        return words in self.people or (len(split) == 2 and first_name(split[0]))

    def _full_from_given_name(self, given: str, offset: int) -> str | None:
        """ "Ivan told lawmakers" after "Ivan Yustiavandana": the one person named before with
        that given name (None when none is, or two are). A given name the lexicon does not know
        ("Taufa" after "Chief Justice Taufa Lemalu Seiuli") needs a person the article gives a
        title or a gender, so "Peabody" is not "Peabody Energy"."""
        known = given.lower() in MALE_NAMES | FEMALE_NAMES
        found = {
            full
            for named in self.by_surname.values()
            for at, full in named
            if at < offset
            and full.split()[0] == given
            and len(full.split()) >= 2
            and (known or self.a_person(full))
        }
        return found.pop() if len(found) == 1 else None

    def a_person(self, name: str) -> bool:
        """Whether the article gives the person a gender or writes a title just before them."""
        person = self.people[name]
        at = self.text.find(name, person.first)  # the run may open with the title
        at = person.first if at < 0 else at
        before = self.text[max(0, at - 30) : at].split()[-1:]
        titled = bool(before) and before[0].lower().rstrip(".") in TITLES | OFFICE_TITLES
        return person.gender is not None or titled

    def _full_name(self, surname: str, offset: int, gender: str | None = None) -> str | None:
        candidates = self.by_surname.get(_surname_key(surname), [])
        if gender is not None:
            # "Mr. Bush" is not Laura Bush: a gendered title excludes the other gender.
            matching = [
                (at, name) for at, name in candidates if self.people[name].gender in {None, gender}
            ]
            if not matching and candidates:
                return None  # "Mr. Obama" where only Michelle Obama is named: someone else
            candidates = matching
        earlier = [
            name
            for at, name in candidates
            if at < offset and _folded(_family_word(name)) == _folded(surname)
        ]
        if earlier:
            return earlier[-1]
        family = [name for at, name in self.by_family.get(surname.lower(), []) if at < offset]
        if family:
            return family[-1]  # "Kim said" after "Kim Jong-un" (not "Su Kim", named later)
        if candidates:
            return candidates[0][1]
        inner = {name for at, name in self.by_inner.get(_surname_key(surname), []) if at < offset}
        if len(inner) == 1 and (gender is None or self.people[min(inner)].gender in {None, gender}):
            return inner.pop()  # "Ortega said" after "Marisol Ortega Quiñones"
        return None

    def _resolve_pronoun(self, mention: Mention) -> Resolved:
        context = _Pronoun(self, mention)
        # The table ends with a rule that always decides.
        rule, resolved = rules.first(_PRONOUN_RULES, context) or (
            _PRONOUN_RULES[-1],
            _pronoun_unresolved(context),
        )
        resolved.rule = rule.name
        return resolved

    def _plural_group(self, before: int) -> tuple[int, str] | None:
        """The nearest plural group of people that is the subject of a clause in the sentence
        or two before "they": "The strike angered militia leaders, and the leaders say …" or
        "Local fishermen were furious. They said …" (not an organisation named further back)."""
        window = max(0, before - 300, self.text.rfind("\n\n", 0, max(0, before - 2)))
        found = last = None
        for match in _PLURAL_GROUP.finditer(self.text, window, before):
            last = match
            if _VERB_AFTER.match(self.text, match.end(1)):
                found = match
        paragraph = self.text.rfind("\n", 0, before)
        previous = self.text.rfind("\n", 0, max(0, paragraph))
        # A group ending the sentence just before ("… provoked the ire of militia leaders.
        # They …") is the group meant unless an organisation was named since the paragraph
        # before.
        if (
            found is None
            and last is not None
            and last.start() > paragraph
            and _SENTENCE_JUST_ENDED.fullmatch(self.text, last.end(1), before)
            and not any(previous < offset < before for offset, _ in self.orgs)
        ):
            found = last
        if found is None:
            return None
        words = found.group(1).split()
        keep = [words[-1]]
        for word in reversed(words[:-1]):
            lowered = word.lower()
            if (
                lowered in _GROUP_STOPS
                or lowered in SPEECH_VERBS
                or lowered.endswith(("ed", "ing", "ly"))
            ):
                break
            keep.insert(0, word)
        return found.end(1) - len(" ".join(keep)), " ".join(keep)

    def _resolve_common(self, mention: Mention) -> Resolved:
        words = mention.head_tokens
        head = _strip_possessive(words[-1]).lower()
        role = _TITLE_ROLES.get(head)
        if role and words[0].lower() == "the" and len(words) <= 4:
            # "the senator said" after "Sen. Ann Lie": the person last named with that title
            for offset, titled, surname in reversed(self.titled):
                if offset < mention.start and mention.start - offset < 3000 and titled == role:
                    names = {name for _, name in self.by_surname.get(_surname_key(surname), [])}
                    longest = max(names, key=len, default=surname)
                    # one person of that surname ("De Blasio" is "Bill de Blasio"), or the
                    # surname alone ("President Bush" where Jeb Bush is named too)
                    one = all(name.lower() in longest.lower() for name in names)
                    return Resolved(longest if one else surname, "person")
                if offset < mention.start - 3000:
                    break
        caps = [w for w in words if w[:1].isupper() and w.lower() not in CAPITALISED_STOPWORDS]
        if caps and head in ORG_SOURCE_NOUNS:
            # "Erdogan's office", "South Korea's Defense Ministry": the body as written, the
            # owner's possessive kept (only the head's own is dropped)
            kept = [w for w in words if w.lower() not in DETERMINERS]
            return Resolved(" ".join([*kept[:-1], _strip_possessive(kept[-1])]), "organisation")
        if head in ORG_SOURCE_NOUNS:
            for offset, name in reversed(self.orgs):
                if offset < mention.start and head in name.lower():
                    return Resolved(name, "organisation")
                if offset < mention.start and _company_named(words, name):
                    return Resolved(self._as_written(offset, name), "organisation")
            described = self._described_as(mention, head, words)
            if described is not None:
                return Resolved(described, "organisation")
            return Resolved(mention.text, "organisation")
        return Resolved(mention.text, "other")

    def _described_as(self, mention: Mention, head: str, words: list[str]) -> str | None:
        """The organisation the mention's noun introduced earlier: "the space agency" after
        "the American space agency NASA", "the company" after "software company Vexor" (the
        last such name before the mention, within 3,000 characters; only "the" and lowercase
        words in the mention, and no person's first name opening the name)."""
        if words[0].lower() != "the" or not all(w.islower() for w in words[1:]):
            return None
        window = self.text[max(0, mention.start - 3000) : mention.start]
        found = None
        for match in re.finditer(rf"\b{re.escape(head)}[ \u00a0]+({_DESCRIBED_NAME})", window):
            found = match
        if found is None:
            return None
        name = found.group(1).rstrip(".")
        if name.split()[0].lower() in MALE_NAMES | FEMALE_NAMES | CAPITALISED_STOPWORDS:
            return None
        return name

    def _as_written(self, offset: int, name: str) -> str:
        """An organisation's name with the full stop of its abbreviation ("Acme Corp.")."""
        at = self.text.find(name, offset)
        end = at + len(name)
        if at >= 0 and self.text[end : end + 1] == "." and name.split()[-1].lower() in _CORPORATE:
            return name + "."
        return name


# A body's name after the noun that introduces it ("space agency NASA", "company Vexor Labs").
_DESCRIBED_NAME = r"[A-Z][\w’'&\-]*(?:[ \u00a0]+[A-Z][\w’'&\-]*){0,3}"

# The last word of a company's name ("Acme Corp.", "Norland Steel Ltd"): "the company" or "the
# firm" after it is that company.
_CORPORATE = frozenset(
    split_words("""corp corporation inc incorporated co ltd limited llc plc ag gmbh sa nv
    holdings""")
)
_COMPANY_NOUNS = frozenset(split_words("company firm"))


def _company_named(words: list[str], name: str) -> bool:
    """Whether the mention, "the company" or "the firm" (not "his company", "company
    leaders"), may stand for the organisation `name`."""
    return (
        len(words) == 2
        and words[0].lower() == "the"
        and words[1].lower() in _COMPANY_NOUNS
        and name.split()[-1].lower().rstrip(".") in _CORPORATE
    )


# Words that narrow an office without naming anyone: "Joint Secretary", "Union Minister".
_OFFICE_QUALIFIERS = frozenset(
    split_words("joint additional union deputy assistant acting vice prime principal special")
)


def _bare_office(name: str) -> bool:
    """ "Secretary", "Joint Secretary": an office title with no name in it, which a pronoun
    does not stand for (the person holding it is named elsewhere)."""
    words = [w.lower().rstrip(".") for w in name.split()]
    return (
        bool(words)
        and all(w in TITLES or w in OFFICE_TITLES or w in _OFFICE_QUALIFIERS for w in words)
        and words[-1] not in _OFFICE_QUALIFIERS
    )


# A possessive pronoun that stands for its holder ("In his view, …"): resolved as "he".
_POSSESSIVE_GENDERS = {"his": "m"}


class _Pronoun:
    """A pronoun to resolve, and the registry's candidates for it, each worked out once."""

    def __init__(self, registry: Registry, mention: Mention) -> None:
        self.registry = registry
        self.mention = mention
        said = mention.text.lower()
        self.gender = PRONOUNS.get(said, _POSSESSIVE_GENDERS.get(said))

    @cached_property
    def candidates(self) -> tuple[tuple[int, str] | None, ...]:
        """(nearest, nearest plausible, nearest subject) earlier mention of the pronoun's gender.

        The nearest earlier person of that gender (or of unknown gender); speakers noted
        while resolving are appended out of text order, so the offsets decide. A capitalised
        phrase of unknown gender that never spoke ("Middle East", "Great Depression") is not
        plausible; the subject of a clause outranks a name inside an appositive or an object
        ("Ann Lie, a supporter of Bo Berg, … she said")."""
        best: tuple[int, str] | None = None
        sure: tuple[int, str] | None = None
        subject: tuple[int, str] | None = None
        at, gender, people = self.mention.start, self.gender, self.registry.people
        for offset, name in self.registry.mentions:
            if offset >= at or at - offset > 3000:
                continue
            person = people.get(name)
            if person is not None and person.gender not in {None, gender}:
                continue
            if _bare_office(name):
                continue  # "Secretary" alone: the office, not a person "he" can mean
            if best is None or offset > best[0]:
                best = (offset, name)
            plausible = person is None or person.gender == gender or person.spoke
            if plausible and (sure is None or offset > sure[0]):
                sure = (offset, name)
            if offset in self.registry.subjects and (subject is None or offset > subject[0]):
                subject = (offset, name)
        return best, sure, subject

    @cached_property
    def plausible(self) -> tuple[int, str] | None:
        """The nearest plausible person, unless a name of unknown gender is much nearer."""
        best, sure, _ = self.candidates
        if sure is not None and best is not None and best[0] - sure[0] < _PLAUSIBLE_REACH:
            return sure
        return None

    @cached_property
    def subject(self) -> tuple[int, str] | None:
        """The nearest subject of a clause, unless the person chosen so far is well after it."""
        best = self.plausible or self.candidates[0]
        subject = self.candidates[2]
        if subject is not None and best is not None and best[0] - subject[0] < _SUBJECT_REACH:
            return subject
        return None

    @cached_property
    def org_or_group(self) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
        """The nearest earlier organisation within reach, and the plural group "they" may mean."""
        at = self.mention.start
        group = self.registry._plural_group(at) if self.gender == "p" else None
        org = next(
            ((o, n) for o, n in reversed(self.registry.orgs) if o < at and at - o < 3000), None
        )
        return org, group


def _pronoun_topic(c: _Pronoun) -> Resolved | None:
    if c.gender not in {"m", "f"}:
        return None
    best = c.subject or c.plausible or c.candidates[0]
    text, at = c.registry.text, c.mention.start
    window = max(0, at - 300, text.rfind("\n", 0, at))
    topics = list(_TOPIC.finditer(text, window, at))
    if not topics or best is None or best[0] > topics[-1].start(1):
        return None
    found = None
    for offset, name in c.registry.mentions:
        if offset == topics[-1].start(1):
            person = c.registry.people.get(name)
            if person is None or person.gender in {None, c.gender}:
                found = name
    return Resolved(found, "person") if found is not None else None


# A paragraph that opens with a person's name, or its possessive: "Lee’s victory is …".
_OPENING_NAME = re.compile(r"\n[ \t]*(?P<name>[A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+){0,2})(?:[’']s)?\b")


def _pronoun_paragraph_topic(c: _Pronoun) -> Resolved | None:
    """ "Lee’s victory is a product of years of work. “…,” she said.": the person a paragraph
    opens with is who its "he" or "she" means, when no one else of that gender is named in
    the paragraph before it (not the speaker of the paragraph before)."""
    if c.gender not in {"m", "f"}:
        return None
    text, at = c.registry.text, c.mention.start
    opening = _OPENING_NAME.match(text, max(0, text.rfind("\n", 0, at)))
    if opening is None:
        return None
    surname = opening.group("name").split()[-1]
    full = c.registry._full_name(surname, opening.start("name"), c.gender)
    person = c.registry.people.get(full) if full is not None else None
    if person is None or person.gender not in {None, c.gender}:
        return None
    people = c.registry.people
    since = {
        name
        for offset, name in c.registry.mentions
        if opening.start() <= offset < at and name in people
    }
    if any(people[name].gender in {None, c.gender} for name in since - {full}):
        return None  # someone else of that gender named since
    return Resolved(full, "person")


def _person(found: tuple[int, str] | None) -> Resolved | None:
    return Resolved(found[1], "person") if found is not None else None


def _pronoun_subject(c: _Pronoun) -> Resolved | None:
    return _person(c.subject) if c.gender in {"m", "f"} else None


def _pronoun_plausible(c: _Pronoun) -> Resolved | None:
    return _person(c.plausible) if c.gender in {"m", "f"} else None


def _pronoun_nearest(c: _Pronoun) -> Resolved | None:
    return _person(c.candidates[0]) if c.gender in {"m", "f"} else None


def _pronoun_org(c: _Pronoun) -> Resolved | None:
    org, group = c.org_or_group if c.gender in {"n", "p"} else (None, None)
    if org is None or (group is not None and group[0] > org[0]):
        return None
    return Resolved(org[1], "organisation")


def _pronoun_group(c: _Pronoun) -> Resolved | None:
    group = c.org_or_group[1] if c.gender == "p" else None
    return Resolved(group[1], "other") if group is not None else None


def _pronoun_unresolved(c: _Pronoun) -> Resolved:
    return Resolved(c.mention.text, "other" if c.gender in {"n", "p"} else "person")


# Who a pronoun means, tried in order.
_PRONOUN_RULES: tuple[Rule[_Pronoun, Resolved], ...] = (
    Rule("pronoun/as-for-topic", _pronoun_topic),  # "As for Trump, he said …"
    # "Lee’s victory is a product of … “…,” she said."
    Rule("pronoun/paragraph-topic", _pronoun_paragraph_topic),
    Rule("pronoun/clause-subject", _pronoun_subject),  # "Ann Lie, a fan of Bo Berg, … she"
    Rule("pronoun/last-person", _pronoun_plausible),  # "Ann Lie … she said"
    Rule("pronoun/last-name", _pronoun_nearest),  # "Lake Ida … she": no one likelier near
    Rule("pronoun/last-org", _pronoun_org),  # "The Ministry of Defence acted. It said"
    Rule("pronoun/plural-group", _pronoun_group),  # "Local fishermen were furious. They said"
    Rule("pronoun/unresolved", _pronoun_unresolved),  # the pronoun itself
)
