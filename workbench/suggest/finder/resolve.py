"""Descriptions and pronouns that stand for a named speaker of the article (issue 15).

After the speakers are chosen, a speaker that is still a description ("the President", "The
Head of State", "a defence ministry spokesman", "the minister") is resolved to the person or
organisation the article names with that role, before or after the quote: "President of Ukraine
Ann Lie" makes a later (or earlier) "the President" Ann Lie. A person named nearby who holds
no such role (the object of the sentence, someone the quote mentions) is never chosen, since
the match is by role, not by distance. A description nothing in the article ties to a name
stays as written ("a military spokesman") and is marked unresolved
(`Suggestion.speaker_resolved`), as a pronoun the speaker finder could not resolve is.

The rules form a table (family ``resolve/…``), tried in order on each description.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, cached_property
from typing import TYPE_CHECKING

from .lexicon import (
    CAPITALISED_STOPWORDS,
    OFFICE_TITLES,
    ORG_SOURCE_NOUNS,
    ORG_WORDS,
    POSSESSIVE_DETERMINERS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    split_words,
)
from .rules import Rule, first
from .speakers import (
    _FEMALE_WORDS,
    _MALE_WORDS,
    _ROLE_WORDS,
    DETERMINERS,
    NOT_NAMES,
    Mention,
    Person,
    Registry,
    _office_of,
    canonical,
    first_name,
)

if TYPE_CHECKING:
    from .engine import Suggestion

# Nouns that head a role ("the minister", "Foreign Minister Ann Lie", "AU trade commissioner").
_ROLE_NOUNS = (
    TITLES | _ROLE_WORDS | frozenset(split_words("archbishop premier head envoy secretary-general"))
) - frozenset(
    split_words("""mr mr. mrs mrs. ms ms. dr dr. sir lady lord dame del. prime vice deputy
    acting chief republican democrat democratic independent libertarian member""")
)
# Words that narrow a role to another office: "Prime Minister Ann Lie" is not "the minister".
_NARROWING = frozenset(split_words("prime vice deputy assistant acting former"))
# A description that names an office by another name.
_SYNONYMS = (
    (re.compile(r"\bhead of (?:the )?state\b", re.I), "president"),
    (re.compile(r"\bhead of (?:the )?government\b", re.I), "prime minister"),
)
# Heads of a description that speaks for a body: "a defence ministry spokesman".
_SPOKESPEOPLE = frozenset(
    split_words("spokesman spokeswoman spokesperson official officials representative source")
)
_SPEAKING_FOR = frozenset(split_words("spokespeople representative representatives"))
_WORD = re.compile(r"[\w\-]+(?:[’'][\w]+)?")
_POSSESSIVE = re.compile(r"[’']s?$")
# Where the words leading up to a name (its role) stop.
_LEAD_STOPS = frozenset(
    split_words("""and or but by with said says told to from at as that which who when while
    after before under met between for on in according than""")
) | frozenset(split_words("for"))
_ROLE_CONNECTORS = frozenset(split_words("of the for and on de"))
_LEAD_BOUNDARY = re.compile(r"[.;:!?()“”\"\n,—–]")
# ", the country's president," or ", a spokesman for the ministry," after a name.
_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an|[A-Z][\w\-]*[’']s)\s+(?P<role>[^,.;:()“”\"\n]{1,60}?)"
    r"(?=[,.;:)]|\s+(?:said|says)\b)"
)
_NAME_AFTER = re.compile(
    r",\s+(?P<name>(?:[A-Z][\w\-’']*\s+){1,3}[A-Z][\w\-’']*)(?=[,.]|\s+(?:said|says)\b)"
)
_PRONOUN_UNRESOLVED = "pronoun/unresolved"
_NAMED_IN = re.compile(
    r"\b(?:named|called|nicknamed|pseudonym|identified as|known as|gave (?:his|her) name as)"
    r"\s+(?P<name>[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){0,2})"
)
# Where a body's name after its document ends: at a full stop ("by Ann Lie."), but "Acme Corp."
# keeps its own, and "U.S." or "Gov." inside a name is no end.
_BODY_END = re.compile(
    r"(?:(?<=\bCorp\.)|(?<=\bInc\.)|(?<=\bLtd\.)|(?<=\bCo\.)|(?<=\bBros\.))(?=\s)"
    r"|(?<!\bCorp)(?<!\bInc)(?<!\bLtd)(?<!\bBros)(?:(?<=\w{4})\.(?=\s)|(?<=[a-z]{2})\.$)"
)
_OBJECT_PRONOUNS = frozenset(split_words("him her them"))
# What a body issues, and the body named right after it: "data from the Ann Lie Archive". Not
# a transcript (it records someone else's words).
_DOCUMENTS = frozenset(
    split_words("""statement statements report reports data ruling study survey letter letters
    figures analysis release document documents filing filings email emails memo complaint
    lawsuit affidavit motion notice announcement communique post tweet""")
)
# The document written as the speaker, from its determiner to its noun: "a court document",
# "court documents", "a joint press release" (the noun lowercase: "the Post" is a newspaper).
_PLATFORMS = r"(?:Twitter|Facebook|Instagram|YouTube|LinkedIn|Telegram|WhatsApp|Weibo|TikTok)"
_DOCUMENT_PHRASE = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+)?(?:(?:[a-z][\w\-]*|"
    + _PLATFORMS
    + r")\s+){0,3}?(?:"
    + "|".join(sorted(_DOCUMENTS, key=len, reverse=True))
    + r")(?![\w\-])"
)
# Who made it: the authoring verbs only ("a letter obtained by Reuters" is not Reuters' word),
# and not "of" ("his survey of Republicans" is the survey's subject).
# When it was put out, between the document and its author: "a tweet on Monday by Ann Lie".
_WHEN = r"(?:\s+(?:on|last|this|late|early)\s+[A-Za-z]+|\s+(?:earlier|yesterday|today))?"
_MADE_BY = re.compile(
    _WHEN
    + r"\s+(?:(?:released|published|issued|compiled|gathered|sent|filed|signed|written|posted|"
    r"submitted|put\s+out)\s+)?(?:by|from)\s+"
    r"(?:the\s+)?(?P<body>[A-Z][\w\-.&]*(?:[ \t]+(?:(?:of|and|for)[ \t]+)?[A-Z][\w\-.&]*)*"
    r"(?:[’']s[ \t]+(?:office|ministry|government|campaign|spokesman|team))?)"
)
_DESCRIPTION_WORDS = _ROLE_NOUNS | _NARROWING | {"of", "state"}
# Or a description that made it, in lowercase: "a statement from the company", "documents filed
# by prosecutors", "a letter signed by the mayor" (up to three words, to the first that names a
# body or people who issue things; not "a letter from prison", "a statement from last week").
_MADE_BY_DESCRIBED = re.compile(
    r"\s+(?:(?:released|published|issued|compiled|gathered|sent|filed|signed|written|posted|"
    r"submitted|put\s+out)\s+)?(?:by|from)\s+(?P<body>(?:the\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})"
)
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*")
_ISSUERS = (ORG_SOURCE_NOUNS | SOURCE_NOUNS | ORG_WORDS | _ROLE_NOUNS) - (
    _DOCUMENTS
    | frozenset(
        split_words("""statistics polls poll paper people news post times white who un daily
        weekly review press front unit exchange reserve house""")
    )
)


def _words(phrase: str) -> list[str]:
    return [_POSSESSIVE.sub("", w).lower() for w in _WORD.findall(phrase)]


def _head(words: list[str]) -> str | None:
    """The role noun a phrase is about: the first one, before any "of" ("Head of the Office of
    the President" is a head)."""
    for k, word in enumerate(words):
        if word == "of":
            return None
        if word in _ROLE_NOUNS or (word == "chief" and _last_role_word(words, k)):
            return word
    return None


def _last_role_word(words: list[str], k: int) -> bool:
    """ "chief" is a role's head where no role word follows it ("the UN rights chief", "police
    chief Ann Lie"), not in "chief executive", "Chief Justice"."""
    return not any(w in _ROLE_NOUNS or w in _SPOKESPEOPLE for w in words[k + 1 :])


# Words of a role that name one body two ways: "a military spokesman" is "the army's
# spokesman"; "defense" is "defence".
_SAME_BODY = {"army": "military", "defense": "defence"}


def _same_body(words: Iterable[str]) -> set[str]:
    return {_SAME_BODY.get(w, w) for w in words}


@dataclass(frozen=True, slots=True)
class _Holder:
    """A named person and the role the article gives them at one place."""

    offset: int
    name: str
    head: str
    words: frozenset[str]
    lead: tuple[str, ...] = ()  # the words before the role's head


# An honorific between an office and the name: "Prime Minister the Hon (Ann Lie MP)".
_HONORIFIC_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?\b(?:Hon\.?|Honourable|Honorable)\s+$")


def _lead(text: str, start: int) -> list[str]:
    """The words just before a name that may be its role: "Indian Prime Minister", "President
    of Ukraine", "AU trade and industry commissioner"."""
    window = _HONORIFIC_BEFORE.sub("", text[max(0, start - 120) : start])
    cut = max((m.end() for m in _LEAD_BOUNDARY.finditer(window)), default=0)
    words = _WORD.findall(window[cut:])
    keep: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        lowered = words[k].lower()
        if lowered in _LEAD_STOPS:
            break
        if lowered in DETERMINERS and (k == 0 or words[k - 1].lower() != "of"):
            break
        keep.insert(0, words[k])
    lowered = [_POSSESSIVE.sub("", w).lower() for w in keep]
    head = _head(lowered)
    if head is not None:
        # after the role only its body: "President of Ukraine", not "prince called" (a verb)
        after = keep[lowered.index(head) + 1 :]
        if any(w[:1].islower() and w not in _ROLE_CONNECTORS for w in after):
            return []
    return lowered


def _trimmed(words: list[str], registry: Registry) -> str:
    """The name without a word its role left at its start, where the article names the person
    without it too ("Shri Ann Lie" and "Ann Lie")."""
    while len(words) > 2 and " ".join(words[1:]) in registry.people:
        words = words[1:]
    return " ".join(words)


# "The army spokesman, Colonel Ann Lie, added …" and "Colonel Ann Lie is the army's
# spokesman": a role and a name tied by apposition or by "is", anywhere in the article.
_ROLE_COMMA_NAME = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?P<role>[^,.;:()“”\"\n]{1,60}?),\s+"
    r"(?P<name>(?:[A-Z][\w\-’'.]*\s+){1,3}[A-Z][\w\-’']*),"
)
_NAME_IS_ROLE = re.compile(
    r"(?P<name>[A-Z][\w\-’'.]*(?:\s+[A-Z][\w\-’']*){1,3})\s+(?:is|was|has been|serves as)\s+"
    r"(?:the|an?|[A-Z][\w\-]*[’']s)\s+(?P<role>[^,.;:()“”\"\n]{1,60}?)(?=[,.;:]|\s+(?:for|of|at|in)\b)"
)


def _tied_holders(text: str, registry: Registry) -> list[_Holder]:
    """The people the article ties to a role by apposition or by "is" (see above)."""
    found = []
    for pattern in (_ROLE_COMMA_NAME, _NAME_IS_ROLE):
        for match in pattern.finditer(text):
            role = _words(match.group("role"))
            head = _head(role)
            name = _trimmed(canonical(match.group("name").split()).name, registry)
            if head is not None and name in registry.people:
                found.append(_Holder(match.start("name"), name, head, frozenset(role)))
    return found


def _holders(text: str, registry: Registry) -> list[_Holder]:
    """Every place the article names a person with a role, before the name or after it."""
    found = []
    seen: set[int] = set()
    for offset, name in registry.mentions:
        person = registry.people.get(name)
        if person is None:
            continue
        at = text.find(name.split()[-1], offset, offset + 160)
        first_word = text.find(name.split()[0], offset, at + 1) if at >= 0 else -1
        if at < 0 or first_word < 0 or first_word in seen:
            continue
        seen.add(first_word)
        lead, words = _lead(text, first_word), name.split()
        while len(words) > 2 and lead[-1:] == ["of"]:
            lead.append(words.pop(0).lower())  # "President of Ukraine Ann Lie"
        head = _head(lead)
        if head is not None:
            before = tuple(lead[: lead.index(head)])
            name = _trimmed(words, registry)
            found.append(_Holder(first_word, name, head, frozenset(lead), before))
        after = _APPOSITIVE.match(text, at + len(name.split()[-1]))
        role = _words(after.group("role")) if after is not None else []
        head = _head(role)
        if head is not None:
            found.append(_Holder(first_word, name, head, frozenset(role)))
    found.extend(h for h in _tied_holders(text, registry) if h.offset not in seen)
    found.sort(key=lambda h: h.offset)
    return found


class _Description:
    """A speaker that is a description, and what the article offers to resolve it."""

    def __init__(
        self,
        text: str,
        registry: Registry,
        suggestion: Suggestion,
        holders: Callable[[], list[_Holder]] | None = None,
    ) -> None:
        """`holders` gives the article's holders of roles, worked out once for all its
        descriptions (by default, once for this one)."""
        self.text = text
        self.registry = registry
        self.suggestion = suggestion
        self._holders = holders or cache(lambda: _holders(text, registry))
        self.start = suggestion.speaker_start or 0
        self.end = suggestion.speaker_end or self.start
        phrase = text[self.start : self.end]
        # "the Head" of "the Head of the President's Office": the mention stops at "of"
        more = re.match(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w\-]*(?:[’']s)?\s*)+", text[self.end :])
        if more is not None:
            phrase += more.group().rstrip()
        for pattern, office in _SYNONYMS:
            phrase = pattern.sub(office, phrase)
        self.words = [w for w in _words(phrase) if w not in DETERMINERS and w != "of"]
        self.indefinite = _indefinite(phrase)
        # The names in it ("Norland's governor"), which another mention of the role may leave out
        self.proper = {
            _POSSESSIVE.sub("", w).lower()
            for w in _WORD.findall(phrase)
            if w[:1].isupper() and _POSSESSIVE.sub("", w).lower() not in _DESCRIPTION_WORDS
        }

    @cached_property
    def head(self) -> str | None:
        return _head(self.words)

    @property
    def holders(self) -> list[_Holder]:
        return self._holders()

    def holds(self, holder: _Holder, names: bool = True, bodies: bool = True) -> bool:
        """Whether a named holder of a role fits the description (with `names` false, whatever
        the names in the description; with `bodies` false, whatever body the holder's role
        names before it: "UN Secretary-General Ann Lie" for "the Secretary-General")."""
        words = set(self.words) if names else set(self.words) - self.proper
        if holder.head != self.head or not _same_body(words) <= _same_body(holder.words):
            return False
        # "Vice President Bo Berg" and "World Bank President Ed Moe" are not "the president"
        return not any(
            (w in _NARROWING or (bodies and w in ORG_WORDS)) and w not in self.words
            for w in holder.lead
        )


def _role_before(c: _Description) -> tuple[str, str] | None:
    """ "President Ann Lie … The President said": the nearest holder of the role before (near
    it, for "a spokesman": an indefinite description may be someone new)."""
    if c.head is None:
        return None
    reach = _NEAR if c.indefinite else len(c.text)
    for holder in reversed(c.holders):
        if c.start - reach < holder.offset < c.start and c.holds(holder):
            return holder.name, "person"
    return None


def _role_after(c: _Description) -> tuple[str, str] | None:
    """ "The minister said …" where only a later sentence names "Minister Ann Lie"."""
    if c.head is None:
        return None
    for holder in c.holders:
        if c.start < holder.offset < c.start + _NEAR and c.holds(holder):
            return holder.name, "person"
    return None


def _only_holder(c: _Description) -> tuple[str, str] | None:
    """ "Chelyabinsk's governor" where the one governor the article names is "Regional governor
    Ann Lie": the only person holding the role, the place aside."""
    if c.head is None or not c.proper or c.indefinite:
        return None
    return _one_person({holder.name for holder in c.holders if c.holds(holder, names=False)})


def _one_person(people: set[str]) -> tuple[str, str] | None:
    return (people.pop(), "person") if len(people) == 1 else None


def _sole_office_holder(c: _Description) -> tuple[str, str] | None:
    """ "UN Secretary-General Ann Lie … “…,” the Secretary-General said": an office written
    with its capitals is the one person the article names with it, whatever body stands
    before the office (not "Vice President Bo Berg" for "the President")."""
    phrase = c.text[c.start : c.end]
    if c.head is None or c.indefinite or not any(w[:1].isupper() for w in phrase.split()[-1:]):
        return None
    return _one_person({holder.name for holder in c.holders if c.holds(holder, bodies=False)})


# "the UN chief", "the WHO chief": a body's head named by the body's short name, and the
# body's top office (its head word, the words that must go with it, how the article writes the
# body, and whether the office alone may stand for it: a Secretary-General of no stated body
# is the UN's).
_BODY_CHIEF = re.compile(r"(?:[Tt]he\s+)?(?P<body>UN|U\.N\.|United Nations|WHO|IMF)\s+chief")
_CHIEF_OFFICES = {
    "UN": ("secretary-general", frozenset(), r"\bU\.?N\.?\s|United Nations", True),
    "WHO": ("director-general", frozenset(), r"\bWHO\b|World Health Organi[sz]ation", False),
    "IMF": ("director", frozenset({"managing"}), r"\bIMF\b|International Monetary Fund", False),
}
# "Bo Berg, Director-General of the World Health Organization,": a name and its office of a
# body, with no article before the office (which the holders of roles leave out).
_NAME_OFFICE_OF = re.compile(
    r"(?P<name>(?:[A-Z][\w\-’']*\s+){1,2}[A-Z][\w\-’']*),\s+(?:the\s+)?"
    r"(?P<office>(?:Managing\s+)?[A-Z][\w]*(?:-[A-Z][\w]*)?)\s+of\s+(?:the\s+)?(?P<body>[^,.;]+)"
)


def _chief_of_body(c: _Description) -> tuple[str, str] | None:
    """ "UN Secretary-General Ann Lie … “…,” the UN chief said": the one person the article
    gives the body's top office, tied to the body in the same sentence (or, for the UN, to no
    other body)."""
    match = _BODY_CHIEF.fullmatch(c.text, c.start, c.end)
    if match is None:
        return None
    body = match.group("body").replace(".", "").replace("United Nations", "UN")
    head, needed, written, alone = _CHIEF_OFFICES[body]
    people = set()
    for holder in c.holders:
        if holder.head != head or not needed <= holder.words:
            continue
        others = holder.words - needed - {head, "the", "of"}
        if _tied(c.text, holder.offset, written) or (alone and not others):
            people.add(holder.name)
    for found in _NAME_OFFICE_OF.finditer(c.text):
        office = _words(found.group("office"))
        if office[-1:] == [head] and needed <= set(office) and re.match(written, found["body"]):
            name = " ".join(found.group("name").split())
            if name in c.registry.people:
                people.add(name)
    return _one_person(people)


def _tied(text: str, offset: int, written: str) -> bool:
    """Whether the body is written in the words leading up to a name at `offset`, in its
    sentence ("WHO Director-General Bo Berg")."""
    lead = text[max(0, offset - 60) : offset]
    lead = re.split(r"[.;!?“”\n]\s", lead)[-1]
    return re.search(written, lead) is not None


def _named_in_description(c: _Description) -> tuple[str, str] | None:
    """ "a protester using the pseudonym Ann", "a resident named Ann Lie": the name it gives."""
    match = _NAMED_IN.search(c.text, c.start, c.end)
    return (match.group("name"), "person") if match is not None else None


def _name_in_apposition(c: _Description) -> tuple[str, str] | None:
    """ "the city's mayor, Ann Lie, said": the name right after the description."""
    match = _NAME_AFTER.match(c.text, c.end)
    if match is None or c.head is None:
        return None
    name = match.group("name")
    for known in c.registry.people:
        if known == name or name.endswith(" " + known) or known.endswith(" " + name):
            return known, "person"
    return None


# A relative named right after the description: "(his wife), Anna,", "(her brother), Piet Lund,".
_RELATIVE_NAMED = re.compile(
    r",[ \t]+(?P<name>[A-Z][\w\-’']+(?:[ \t]+[A-Z][\w\-’']+){0,2})(?=,|[ \t]*\.)"
)


def _relative_named(c: _Description) -> tuple[str, str] | None:
    """ "According to his wife, Anna, …": a relative ("his wife", "her brother") named in
    apposition right after, by a name the registry gives in full or by a first name alone."""
    words = _words(c.text[c.start : c.end])
    if len(words) != 2 or words[0] not in POSSESSIVE_DETERMINERS:
        return None
    if words[1] not in _FEMALE_WORDS | _MALE_WORDS:
        return None
    match = _RELATIVE_NAMED.match(c.text, c.end)
    if match is None:
        return None
    name = match.group("name")
    for known in c.registry.people:
        if known == name or known.endswith(" " + name):
            return known, "person"
    if " " not in name and first_name(name):
        return name, "person"
    return None


_RELATIVES = frozenset(
    split_words("""wife husband widow widower son daughter mother father brother sister
    spouse partner""")
)
_HOLDERS_RELATIVE = re.compile(r"(?P<owner>[A-Za-z\-]+)[’']s\s+(?P<relative>[a-z]+)$")


def _relative_of_office(c: _Description) -> tuple[str, str] | None:
    """ "The President's wife" where the article wrote "President Ann Lie's wife, Eva Berg":
    the relative of the office's holder, named in apposition before (the one so named)."""
    phrase = _ARTICLE.sub("", " ".join(c.text[c.start : c.end].split()))
    match = _HOLDERS_RELATIVE.fullmatch(phrase)
    if match is None or match.group("relative") not in _RELATIVES:
        return None
    office, relative = match.group("owner"), match.group("relative")
    if office.lower() not in _ROLE_NOUNS:
        return None  # "Lie's wife": a surname, the relative-named rule's
    return _office_relative(c.text, c.registry, office, relative, c.start)


# The spouse of a president by the title the article gives her: "First Lady Ann Lie".
_FIRST_LADY = re.compile(
    r"\bFirst[ \t]+Lady[ \t]+(?P<name>[A-Z][\w\-’']*(?:[ \t]+[A-Z][\w\-’']*){1,2})"
)


def _office_relative(
    text: str, registry: Registry, office: str, relative: str, before: int
) -> tuple[str, str] | None:
    """The one relative of an office's holder the article names before `before`: "President Ann
    Lie's wife, Eva Berg", "President Tor Vikan and his wife Ann Lie"; the president's wife
    also by her title, "First Lady Ann Lie"."""
    holder = (
        rf"\b(?:{re.escape(office)}|{re.escape(office.capitalize())})\s+"
        rf"(?:[A-Z][\w\-]*\.?\s+){{0,3}}[A-Z][\w\-]*"
    )
    named = re.compile(
        holder + rf"(?:[’']s\s+|\s+and\s+(?:his|her)\s+){relative},?\s+"
        rf"(?P<name>[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){{0,2}})",
    )
    found = {
        m.group("name")
        for m in named.finditer(text, 0, before)
        if m.group("name") in registry.people
    }
    if office.lower() == "president" and relative == "wife":
        found |= {
            m.group("name")
            for m in _FIRST_LADY.finditer(text, 0, before)
            if m.group("name") in registry.people
        }
    return (found.pop(), "person") if len(found) == 1 else None


def _spokesperson_of_body(c: _Description) -> tuple[str, str] | None:
    """ "a defence ministry spokesman" after (or before) "South Korea's Defence Ministry": the
    body the article names, whose name ends in the description's words (named only after
    it, for "the ministry spokesman": "a hospital spokesperson" may speak for another)."""
    if not c.words or c.words[-1] not in _SPOKESPEOPLE or len(c.words) < 2:
        return None
    body = [w for w in c.words[:-1] if w.isalpha()]
    if not any(w in ORG_WORDS for w in body):
        return None  # "a Turkish official", "a Woolworths spokesperson": no body named
    pattern = re.compile(
        r"(?:[A-Z][\w\-]*(?:[’']s)?\s+){0,3}"
        + r"\s+".join(re.escape(w[0].upper()) + re.escape(w[1:]) for w in body)
        + r"(?![\w\-])"
    )
    # not the description's own words ("Police officials" is no name of the police)
    matches = [m for m in pattern.finditer(c.text) if m.end() <= c.start or m.start() >= c.end]
    if not matches:
        return None
    before = [m for m in matches if m.start() < c.start]
    if not before and c.indefinite:
        return None  # "a hospital spokesperson" with a hospital named only later: maybe another
    match = before[-1] if before else matches[0]
    words = match.group().split()
    while words and words[0].lower() in DETERMINERS | {"a", "an"}:
        words.pop(0)
    return " ".join(words), "organisation"


def _object_pronoun(c: _Description) -> tuple[str, str] | None:
    """ "according to him": the pronoun the speaker finder left as it was, resolved as "he"."""
    said = c.text[c.start : c.end]
    if said.lower() not in _OBJECT_PRONOUNS:
        return None  # ("her" is a determiner too, so not among the description's words)
    mention = Mention(c.start, c.end, said, "pronoun")
    resolved = c.registry.resolve(mention)
    if resolved.rule == _PRONOUN_UNRESOLVED:
        return None
    return resolved.name, resolved.kind


def _document_of_body(
    text: str, registry: Registry, suggestion: Suggestion
) -> tuple[str, str, bool] | None:
    """ "According to data from the Ann Lie Archive", "according to a court document filed by
    the Ministry of Justice", "a statement released by Lie's office said": the person or body
    that made the document speaks, with whether it is resolved ("a statement from the company"
    is the company's, a description unless the article names it). Tried on every speaker
    mention that opens with a document, since the speaker finder may have run the mention on
    into the body's name ("a press release from the Ministry") or stopped before the
    document's noun ("court" of "court documents")."""
    start = suggestion.speaker_start
    if start is None:
        return None
    document = _DOCUMENT_PHRASE.match(text, start)
    if document is None:
        return None
    words = document.group().lower().split()
    if words[0] in POSSESSIVE_DETERMINERS or any(w in _LEAD_STOPS for w in words):
        return None  # "his survey" is his; "officials said in statements" is no document
    match = _MADE_BY.match(text, document.end())
    if match is None:
        return _described_maker(text, registry, suggestion, document.end())
    body = match.group("body")
    end = _BODY_END.search(body)
    body = body[: end.start()] if end is not None else body
    named = _person_ending(registry, body)
    if named is not None:
        return named, "person", True
    return body, "person" if body in registry.people else "organisation", True


def _person_ending(registry: Registry, body: str) -> str | None:
    """The person the registry knows whose name ends the author's words, the office written
    before it: "US Secretary of State Ann Lie" is Ann Lie."""
    return next(
        (name for name in registry.people if body.endswith(" " + name) and " " in name), None
    )


# A body's name written before its statement or website: "The WHO statement said", "the
# Ministry's website says", "A Kesta Holdings statement said" (the medium as the speaker).
_MEDIA = sorted(
    _DOCUMENTS
    # a court's: "The Supreme Court decision stated", "the High Court judgment said"
    | frozenset(split_words("website site account page blog decision judgment judgement verdict")),
    key=len,
)
_BODY_BEFORE_DOCUMENT = re.compile(
    r"(?P<body>[A-Z][\w\-&]*(?:[ \t]+(?:(?:of|for|and)[ \t]+)?[A-Z][\w\-&]*){0,5})"
    r"(?:[’']s[ \t]+(?:[a-z][\w\-]*[ \t]+){0,2}|[ \t]+)(?:" + "|".join(_MEDIA[::-1]) + r")\Z"
)


def _body_before_document(
    text: str, registry: Registry, suggestion: Suggestion
) -> tuple[str, str, bool] | None:
    """The body written before the statement or website that is the speaker's mention: "The
    WHO statement said" is the WHO's word (a platform, "a Twitter account", is no body)."""
    start, end = suggestion.speaker_start, suggestion.speaker_end
    if start is None or end is None:
        return None
    found = _BODY_BEFORE_DOCUMENT.search(text, max(0, start - 60), end)
    if found is None or found.start("body") > start:
        return None
    words = found.group("body").split()
    while words and words[0].lower() in _NOT_IN_ORG_NAMES and not _ACRONYM.fullmatch(words[0]):
        words = words[1:]  # "The" opening the sentence, not "WHO"
    if not words or re.fullmatch(_PLATFORMS, words[0]):
        return None
    if len(words) == 1 and not _ACRONYM.fullmatch(words[0]):
        # "Berg's statement read": the person named in full before, by the surname
        full = registry.person_by_surname(_POSSESSIVE.sub("", words[0]), start)
        if full is not None and re.match(r"[’']s\b", text[found.end("body") :]):
            return full, "person", True
        return None  # "The Turkish statement", "Local media reports": a word, not a name
    body = " ".join(words)
    return body, "person" if body in registry.people else "organisation", True


_THEY_PUT_OUT = re.compile(
    r"\b(?:[Tt]hey|[Ii]t)\s+(?:issued|released|published|posted|put\s+out|sent\s+out)\s+\Z"
)


def _document_they_put_out(
    text: str, registry: Registry, suggestion: Suggestion
) -> tuple[str, str, bool] | None:
    """ "The Norland Rivers Council criticised the plan. They released a statement which said
    …": the body named last before "they" (in the paragraph or the one before) made it."""
    speaker = suggestion.speaker or ""
    document = _DOCUMENT_PHRASE.fullmatch(speaker)
    if document is None or speaker.split()[0].lower() not in {"a", "an"}:
        return None
    # the mention may be the "which" after the document ("a statement which said")
    near = suggestion.speaker_start if suggestion.speaker_start is not None else suggestion.start
    at = text.rfind(speaker, max(0, near - 300), near + len(speaker))
    if at < 0 or _THEY_PUT_OUT.search(text, max(0, at - 40), at) is None:
        return None
    paragraph = text.rfind("\n\n", 0, at)
    floor = text.rfind("\n\n", 0, paragraph) if paragraph > 0 else 0
    org = next(((o, n) for o, n in reversed(registry.orgs) if max(floor, 0) <= o < at), None)
    if org is None:
        return None
    start = text.find(org[1].split()[0], org[0], at)
    body = _BODY_AT.match(text, start) if start >= 0 else None
    name = body.group() if body is not None else org[1]
    acronym = re.match(r"[ \t]*\((" + _ACRONYM.pattern + r")\)", text[start + len(name) :])
    full = _spelled_out(text, acronym.group(1)) if acronym is not None else None
    return full or name, "organisation", True


_ISSUED = re.compile(
    r"\s+(?:issued|released|published|put\s+out|read\s+out)\s+(?:the\s+following|an?|its)\s+"
    r"(?:[a-z][\w\-]*\s+){0,2}?(?:" + "|".join(sorted(_DOCUMENTS, key=len, reverse=True)) + r")\b"
)


def _issued_from(
    text: str, registry: Registry, suggestion: Suggestion
) -> tuple[str, str, bool] | None:
    """ "The palace issued the following statement from the king:": the maker of the words
    the speaker only put out (named, or a description resolved as the speaker finder's are)."""
    end = suggestion.speaker_end
    issued = _ISSUED.match(text, end) if end is not None else None
    if issued is None:
        return None
    match = _MADE_BY.match(text, issued.end())
    if match is None:
        return _described_maker(text, registry, suggestion, issued.end())
    body = match.group("body")
    named = _person_ending(registry, body)
    return (named, "person", True) if named else (body, "organisation", True)


def _described_maker(
    text: str, registry: Registry, suggestion: Suggestion, at: int
) -> tuple[str, str, bool] | None:
    """ "a statement from the company", "documents filed by prosecutors": the description that
    made the document, resolved as a description the speaker finder found would be (the
    ministry the article names, the mayor it names), else kept as written and unresolved."""
    match = _MADE_BY_DESCRIBED.match(text, at)
    if match is None:
        return None
    words = match.group("body").split()
    lead = 1 if words[0] == "the" else 0
    head = next((k for k in range(lead, len(words)) if words[k] in _ISSUERS), None)
    if head is None:
        return None
    start = match.start("body")
    end = start + len(" ".join(words[: head + 1]))
    # the body the role is of: "an email from the president of the Norland Dockers Union"
    of_body = _OF_BODY.match(text, end)
    end = of_body.end() if of_body is not None else end
    phrase = text[start:end]
    resolved = registry.resolve(Mention(start, end, phrase, "common", head_tokens=phrase.split()))
    if resolved.name[:1].isupper():
        return resolved.name, resolved.kind, True  # "the ministry": the one the article names
    context = _Description(
        text, registry, replace(suggestion, speaker=phrase, speaker_start=start, speaker_end=end)
    )
    fired = first(_RULES, context)
    if fired is not None:
        _, (name, kind) = fired
        return name, kind, True
    return phrase, resolved.kind, False


# Plural nouns for people a sentence may list by name first: "the lawmakers", "the two leaders".
_GROUP_NOUNS = frozenset(
    split_words("""lawmakers legislators senators representatives ministers leaders members
    mps meps officials envoys governors mayors presidents candidates authors researchers
    scientists experts co-authors founders owners parents""")
)
_COUNTS = frozenset(split_words("two three four five six both"))
# The words a subject that lists people may hold besides the names and their roles.
_LIST_WORDS = frozenset(split_words("and along with as well together of the for"))
# (not after an abbreviation: "U.S. Senators Ann Lie and …" is one sentence)
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9]{2}[.!?])\s+(?=[A-Z“\"])|\n+")
_GROUP_REACH = 3000


def _listed_subject(c: _Description, start: int, end: int) -> list[str]:
    """The people a sentence's subject lists by name ("Senators Ann Lie (D-NL) and Bo Berg,
    along with Representative Tor Vikan, wrote …"): the names before its first lowercase
    word that is not part of a list, outside parentheses."""
    depth, stop = 0, end
    for match in re.finditer(r"[()]|[\w\-’'.]+", c.text[start:end]):
        word = match.group()
        depth += {"(": 1, ")": -1}.get(word, 0)
        if depth == 0 and word[:1].islower() and word.lower() not in _LIST_WORDS:
            stop = start + match.start()
            break
    names: list[str] = []
    for offset, name in c.registry.mentions:
        if start <= offset < stop and name in c.registry.people and name not in names:
            names.append(name)
    return names


def _named_group(c: _Description) -> tuple[str, str] | None:
    """ "the lawmakers wrote" after "Senators Ann Lie and Bo Berg, along with Representative
    Tor Vikan, wrote …": the people the nearest sentence before lists as its subject, joined
    as the article gives them."""
    said = [w.lower() for w in c.text[c.start : c.end].split()]
    if c.indefinite or len(said) < 2 or said[0] != "the" or said[-1] not in _GROUP_NOUNS:
        return None
    if any(w not in _COUNTS for w in said[1:-1]):
        return None  # "the Vermont senators", "the Democratic leaders": a narrower group
    reach = max(0, c.start - _GROUP_REACH)
    bounds = [reach, *(m.end() for m in _SENTENCE_BREAK.finditer(c.text, reach, c.start))]
    for k in range(len(bounds) - 1, 0, -1):
        names = _listed_subject(c, bounds[k - 1], bounds[k])
        if len(names) >= 2:
            return ", ".join(names[:-1]) + " and " + names[-1], "other"
    return None


# How many sentences back "they" may find the people it stands for.
_THEY_REACH = 2


def _people_together(text: str, registry: Registry, suggestion: Suggestion) -> str | None:
    """ "Ann Lie and her counterpart, Tom Berg, met on Monday. … They agreed that …": the
    people the nearest sentence naming two or more (of the two before "they", in its paragraph
    or the one before) names, joined as the article gives them."""
    start, end = suggestion.speaker_start, suggestion.speaker_end
    if start is None or end is None or text[start:end].lower() != "they":
        return None
    floor = text.rfind("\n", 0, max(0, text.rfind("\n", 0, start) - 1)) + 1
    bounds = [floor, *(m.end() for m in _SENTENCE_BREAK.finditer(text, floor, start))]
    for k in range(len(bounds) - 1, max(0, len(bounds) - 1 - _THEY_REACH), -1):
        named = _listed_people(text, registry, bounds[k - 1], bounds[k])
        if len(named) >= 2:
            return ", ".join(named[:-1]) + " and " + named[-1]
    return None


# A hyphenated given name the registry may leave out before a name ("Jean-Yves (Le Drian)").
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+[ \t]+\Z")
# How far apart two names of one list may be: "Ann Lie and her Veskan counterpart, Tom Berg".
_LIST_GAP = 60


def _listed_people(text: str, registry: Registry, start: int, end: int) -> list[str]:
    """The people named in full between start and end, one after another as a list (no more
    than a short phrase between two names), each as the article writes them; half of them at
    least known as people (a first name, a title, a gender), so not "Hurricane Katrina" and
    a "Presidential Medal"."""
    named: list[tuple[int, str]] = []
    last = -1
    for offset, name in sorted(registry.mentions):
        if not start <= offset < end or name not in registry.people or len(name.split()) < 2:
            continue
        if any(name == other for _, other in named):
            continue
        if named and offset - last > _LIST_GAP:
            if len(named) >= 2:
                break
            named = []
        named.append((offset, name))
        last = offset + len(name)
    people = sum(first_name(n.split()[0]) or registry.a_person(n) for _, n in named)
    if 2 * people < len(named):
        return []
    return [_with_hyphenated_given(text, start, offset, name) for offset, name in named]


def _with_hyphenated_given(text: str, start: int, offset: int, name: str) -> str:
    given = _HYPHENATED_GIVEN.search(text, max(start, offset - 30), offset)
    return f"{given.group().strip()} {name}" if given is not None else name


_POSSESSOR = re.compile(r"(?P<owner>[A-Z][\w\-]*)[’']s\s+(?P<rest>[a-z][a-z\s\-]*)$")


def _body_of_possessor(c: _Description) -> tuple[str, str] | None:
    """ "Ann Lie's animal foundation said" where the article names the "Ann Lie Animal
    Foundation": the body whose name is the owner's and the description's words."""
    match = _POSSESSOR.match(c.text[c.start : c.end])
    if match is None:
        return None
    rest = match.group("rest").split()
    if not rest or rest[-1] not in ORG_WORDS:
        return None
    name = r"\s+".join(re.escape(w[:1].upper() + w[1:]) for w in rest)
    found = re.search(
        r"(?:[A-Z][\w\-]*\s+){0,3}" + re.escape(match.group("owner")) + r"\s+" + name + r"\b",
        c.text,
    )
    if found is None:
        return None
    words = found.group().split()
    while words[0].lower() in _NOT_IN_ORG_NAMES:
        words = words[1:]  # "The Ann Lie Animal Foundation" opening a sentence
    return " ".join(words), "organisation"


# A document that someone named nearby put out: "Acme Corp. issued a statement on Monday. …
# The statement said, “…”" (the verbs of putting out, and a document of the same noun), or
# spoke in: "Acme Corp., in a statement, announced …".
_PUT_OUT = re.compile(
    r"(?:\b(?:issued|released|published|posted|put\s+out|sent\s+out)|(?<=,\s)in)\s+"
    r"(?:an?|its|his|her|their)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?P<document>"
    + "|".join(sorted(_DOCUMENTS, key=len, reverse=True))
    + r")(?![\w\-])"
)
_BODY_AT = re.compile(r"[A-Z][\w\-.&]*(?:[ \t]+(?:(?:of|and|for)[ \t]+)?[A-Z][\w\-.&]*)*")


def _issuer_in(c: _Description, start: int, end: int) -> tuple[str, str] | None:
    """The first person or body the registry knows between start and end (the subject of a
    sentence that put a document out), as the article names it."""
    person = next(
        ((o, n) for o, n in c.registry.mentions if start <= o < end and n in c.registry.people),
        None,
    )
    org = next(((o, n) for o, n in c.registry.orgs if start <= o < end), None)
    if org is not None and (person is None or org[0] < person[0]):
        at = c.text.find(org[1].split()[0], org[0], end)
        body = _BODY_AT.match(c.text, at) if at >= 0 else None
        if body is None:
            return org[1], "organisation"
        cut = _BODY_END.search(body.group())
        return (body.group()[: cut.start()] if cut else body.group()), "organisation"
    return (person[1], "person") if person is not None else None


_DOCUMENT_OPENERS = frozenset(split_words("the its their"))


def _document_put_out_before(c: _Description) -> tuple[str, str] | None:
    """ "Acme Corp. issued a statement on Monday. The statement said, “…”" (or "Its statement
    said", or "Acme Corp., in a statement, announced …"): the one person or body that the same
    paragraph, or the one before, says put out a document of that noun."""
    said = _words(c.text[c.start : c.end])
    if said[:1] != ["the"] and c.text[max(0, c.start - 4) : c.start].lower() == "the ":
        said = ["the", *said]  # the mention left out a capital "The" opening the paragraph
    if len(said) != 2 or said[0] not in _DOCUMENT_OPENERS or said[1] not in _DOCUMENTS:
        return None  # "the statement", and "its statement", "their statement" that point back
    paragraph = c.text.rfind("\n\n", 0, c.start)
    before = c.text.rfind("\n\n", 0, paragraph) if paragraph >= 0 else -1
    reach = max(before + 2 if before >= 0 else 0, c.start - _GROUP_REACH)
    issuers = set()
    for match in _PUT_OUT.finditer(c.text, reach, c.start):
        if match.group("document") != said[1]:
            continue
        breaks = [m.end() for m in _SENTENCE_BREAK.finditer(c.text, reach, match.start())]
        issuer = _issuer_in(c, breaks[-1] if breaks else reach, match.start())
        if issuer is None:
            return None  # put out by someone the registry does not know
        issuers.add(issuer)
    return issuers.pop() if len(issuers) == 1 else None


# How a description becomes a name, tried in order.
_PARENTS = {"father": "m", "husband": "m", "mother": "f", "wife": "f"}


def _parent_of_couple(c: _Description) -> tuple[str, str] | None:
    """ "The father said" where the article names one couple, a man and a woman with one
    surname ("Peter and Maria Lund"): the one of them of that gender."""
    gender = _PARENTS.get(c.words[0]) if len(c.words) == 1 else None
    if gender is None or c.indefinite:
        return None
    families: dict[str, list[Person]] = {}
    for person in c.registry.people.values():
        if len(person.name.split()) >= 2:
            families.setdefault(person.name.split()[-1], []).append(person)
    couples = [
        family
        for family in families.values()
        if len(family) == 2 and {p.gender for p in family} == {"m", "f"}
    ]
    if len(couples) != 1:
        return None
    return next(p.name for p in couples[0] if p.gender == gender), "person"


# Units of local government a place is named with: "the East Hills district".
_PLACE_UNITS = frozenset(
    split_words("district county province region state city municipality municipal town")
)
_CAPITALISED_RUN = r"((?:[A-Z][\w\-]*[ \t]+){1,4})"


def _body_of_place(c: _Description) -> tuple[str, str] | None:
    """ "the district administration" where the article names "the East Hills district" and
    "East Hills administration": the body of that place, as the article spells it (only when
    one place fits)."""
    if c.indefinite or len(c.words) != 2 or c.words[0] not in _PLACE_UNITS:
        return None
    unit, body = c.words
    found = set()
    for match in re.finditer(_CAPITALISED_RUN + "(?i:" + re.escape(body) + r")\b", c.text):
        if c.start <= match.start() < c.end:
            continue
        place = [w for w in match.group(1).split() if w.lower() not in DETERMINERS]
        unit_after = r"\b" + r"\s+".join(map(re.escape, place)) + r"\s+(?i:" + unit + r")\b"
        if place and re.search(unit_after, c.text):
            found.add(" ".join(place) + " " + c.text[match.end(1) : match.end()])
    return (found.pop(), "organisation") if len(found) == 1 else None


# "X and Y, with the latter saying …": the two named just before, joined by "and".
_PAIR_REACH = 300
# the two joined by "and", a role of the second between: "Ann Lie and the fire chief Bo Berg"
_PAIR_JOIN = re.compile(r"[\s,]+and\s+[a-z\s\-]{0,40}$")


def _latter_or_former(c: _Description) -> tuple[str, str] | None:
    """ "the FAA and the NTSB, with the latter confirming …": the second of the pair named just
    before ("the former": the first), when the two are joined by "and"."""
    if c.words not in (["latter"], ["former"]):
        return None
    named = sorted(
        [(at, name, "person") for at, name in c.registry.mentions]
        + [(at, name, "organisation") for at, name in c.registry.orgs]
    )
    # (the registry also keeps "X and the Y" run together as one body: not one of the two)
    before = [n for n in named if c.start - _PAIR_REACH <= n[0] < c.start and " and " not in n[1]]
    if len(before) < 2:
        return None
    (first_at, first, first_kind), (second_at, second, second_kind) = before[-2:]
    gap = c.text[first_at + len(first) : second_at]
    if _PAIR_JOIN.match(gap) is None:
        return None
    return (second, second_kind) if c.words == ["latter"] else (first, first_kind)


_RULES: tuple[Rule[_Description, tuple[str, str]], ...] = (
    Rule("resolve/latter-or-former", _latter_or_former),  # "X and Y, with the latter saying"
    Rule("resolve/object-pronoun", _object_pronoun),  # "Ann Lie … According to her, …"
    Rule("resolve/named-in-description", _named_in_description),  # "a resident named Ann"
    Rule("resolve/name-in-apposition", _name_in_apposition),  # "the mayor, Ann Lie, said"
    Rule("resolve/relative-named", _relative_named),  # "according to his wife, Anna,"
    # "President Ann Lie's wife, Eva Berg, … The President's wife said"
    Rule("resolve/relative-of-office", _relative_of_office),
    Rule("resolve/role-before", _role_before),  # "President Ann Lie … the President said"
    Rule("resolve/role-after", _role_after),  # "the minister said … Minister Ann Lie"
    Rule("resolve/only-holder", _only_holder),  # "Norland's governor": the one governor named
    # "UN Secretary-General Ann Lie … the Secretary-General said"
    Rule("resolve/sole-office-holder", _sole_office_holder),
    Rule("resolve/chief-of-body", _chief_of_body),  # "WHO Director-General Bo Berg … the WHO chief"
    Rule("resolve/spokesperson-of-body", _spokesperson_of_body),  # "a ministry spokesman"
    Rule("resolve/named-group", _named_group),  # "Ann Lie and Bo Berg wrote … the lawmakers"
    Rule("resolve/parent-of-couple", _parent_of_couple),  # "Peter and Maria Lund … The father"
    Rule("resolve/body-of-possessor", _body_of_possessor),  # "Lie's foundation": its full name
    Rule("resolve/body-of-place", _body_of_place),  # "the district administration"
    # "Acme Corp. issued a statement. … The statement said"
    Rule("resolve/document-put-out-before", _document_put_out_before),
)
# A document written as the speaker: "a statement by the ministry" (tried on every speaker
# mention, before any other, so outside the table of descriptions).
_DOCUMENT_OF_BODY = Rule("resolve/document-of-body", lambda _c: None)
# A description nothing ties to a name: kept, without its article, and marked unresolved.
_UNRESOLVED = Rule("resolve/unresolved", lambda _c: None)
# A title written alone where the article writes it before a name elsewhere: "Raksha Mantri
# Shri Ann Lie … Raksha Mantri added that …" (tried on capitalised mentions the speaker finder
# took for a name, so outside the table of descriptions).
_TITLE_AS_WRITTEN = Rule("resolve/title-as-written", lambda _c: None)
# An organisation named in short ("Parliament") where the article writes its full name.
_FULL_ORG = "resolve/full-org-name"
_PEOPLE_TOGETHER = "resolve/they-named-people"
# "President of Ukraine Ann Lie … the Ukrainian President said"
_PLACE_OFFICE = "resolve/place-office-holder"
# An acronym the article spells out: "the Food and Agriculture Organization (FAO)".
_SPELLED_OUT_RULE = "resolve/acronym-spelled-out"
RULE_NAMES: tuple[str, ...] = (
    _DOCUMENT_OF_BODY.name,
    *(rule.name for rule in _RULES),
    _UNRESOLVED.name,
    "resolve/previous-speaker",
    _TITLE_AS_WRITTEN.name,
    _FULL_ORG,
    _SPELLED_OUT_RULE,
    "resolve/title-after-name",
    _PEOPLE_TOGETHER,
    _PLACE_OFFICE,
    "resolve/agency-that-spoke",
    "resolve/institution-named",
    "resolve/body-named-before",
    "resolve/group-described-before",
    "resolve/pronoun-continues-description",
)


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_INDEFINITE = re.compile(r"^(?:a|an|one|another)\s", re.I)
# How far an indefinite description ("a spokesman") and a later holder of its role may be apart.
_NEAR = 600


def _indefinite(phrase: str) -> bool:
    """Whether a description may introduce someone new: "a spokesman", "one aide"."""
    return bool(_INDEFINITE.match(phrase.strip()))


def _unarticled(phrase: str) -> str:
    return _ARTICLE.sub("", " ".join(phrase.split())).casefold()


def _place_then_office(text: str, suggestion: Suggestion, words: list[str]) -> bool:
    """ "the Ukrainian President", "the Norland Prime Minister": "the", a place or its
    adjective, and an office, kept as written: a description of whoever holds the office
    there, not a name."""
    start = suggestion.speaker_start or 0
    if words[:1] in (["the"], ["The"]):
        words = words[1:]
    elif text[max(0, start - 4) : start].lower() != "the ":
        return False
    if not 2 <= len(words) <= 3:
        return False
    lead = words[0]
    return (
        lead[:1].isupper()
        and lead.lower() not in _ROLE_NOUNS | _NARROWING
        and not first_name(lead)
        and all(_POSSESSIVE.sub("", w).lower() in _ROLE_NOUNS | _NARROWING for w in words[1:])
        and _POSSESSIVE.sub("", words[-1]).lower() in _ROLE_NOUNS
        and _unarticled(suggestion.speaker or "") == _unarticled(" ".join(words))
    )


def _place_office_holder(
    text: str, registry: Registry, suggestion: Suggestion, holders: Callable[[], list[_Holder]]
) -> str | None:
    """ "President of Ukraine Ann Lie … the Ukrainian President said": the person the article
    names with the office and the place (its adjective sharing the place's first four letters:
    "Ukrainian", "Ukraine"), nearest before the mention, else first after it, near."""
    words = _WORD.findall(text[suggestion.speaker_start or 0 : suggestion.speaker_end or 0])
    if not _place_then_office(text, suggestion, words):
        return None
    return _placed_holder(_Description(text, registry, suggestion, holders))


def _placed_holder(c: _Description) -> str | None:
    stems = {w[:4] for w in c.proper if len(w) >= 4}
    if c.head is None or not stems:
        return None
    fits = [
        h
        for h in c.holders
        if c.holds(h, names=False) and stems <= {w[:4] for w in h.words if len(w) >= 4}
    ]
    before = [h.name for h in fits if h.offset < c.start]
    after = [h.name for h in fits if c.start < h.offset < c.start + _NEAR]
    return before[-1] if before else after[0] if after else None


def _is_description(text: str, suggestion: Suggestion) -> bool:
    """Whether the suggested speaker is a description rather than a name: its mention opens
    with a determiner or a lowercase word, or is only role words ("President")."""
    if suggestion.speaker_start is None or suggestion.speaker_end is None:
        return False
    if suggestion.speaker_kind == "person" and suggestion.speaker_rule.startswith("pronoun/"):
        return False
    mention = text[suggestion.speaker_start : suggestion.speaker_end]
    words = _WORD.findall(mention)
    if not words or words[0].lower() in {"he", "she", "they", "it", "we", "i"}:
        return False
    if suggestion.speaker_kind == "person" and words[0][:1].isupper():
        return False  # a name, or a name with its role
    if _unarticled(suggestion.speaker or "") != _unarticled(mention):
        return False  # the speaker finder named it already ("the senator" is Ann Lie)
    if words[-1][:1].islower() or _NAMED_IN.search(mention):
        return True  # "the El Paso mayor", "a defence ministry spokesman"
    if words[0].lower() in _SPOKESPEOPLE | _SPEAKING_FOR:
        return True  # "spokesperson for Ostia Buses", "representatives from Norland"
    if _office_of([w for w in words if w.lower() not in DETERMINERS]):
        return True  # "The Prime Minister of Ostia", "the Governor of the Central Bank"
    before = text[max(0, suggestion.speaker_start - 4) : suggestion.speaker_start]
    if words[0].lower() not in DETERMINERS and before.lower() != "the ":
        return False  # "King said": a surname, not "the King"
    # "the President", "The Head of State"; not "the Kremlin"
    return all(
        w.lower() in DETERMINERS or _POSSESSIVE.sub("", w).lower() in _DESCRIPTION_WORDS
        for w in words
    )


# "“…,” said a ministry spokesman. He said that …": a pronoun continues the description that
# spoke last, when no one the registry knows was named since.
_PREVIOUS_SPEAKER = Rule("resolve/previous-speaker", lambda _c: None)
_PRONOUN_GENDER = {"he": "m", "she": "f"}
# Heads of a description of one person ("a spokesman", "a local fisherman"), not of a body.
_PERSON_HEADS = (
    _ROLE_NOUNS
    | _SPOKESPEOPLE
    | (SOURCE_NOUNS - ORG_SOURCE_NOUNS)
    | _FEMALE_WORDS
    | _MALE_WORDS
    | frozenset(split_words("fisherman resident witness farmer student teacher worker"))
)


def _gender_clash(suggestion: Suggestion, gender: str, text: str) -> bool:
    """Whether a description cannot be a "he" (or a "she"): "a spokeswoman", "officials"."""
    start, end = suggestion.speaker_start or 0, suggestion.speaker_end or 0
    words = _words(text[start:end])
    other = _MALE_WORDS if gender == "f" else _FEMALE_WORDS
    last = words[-1] if words else ""
    plural = last.endswith("s") and not last.endswith("ss")
    return plural or any(w in other for w in words)


def _continue_descriptions(
    text: str, registry: Registry, suggestions: list[Suggestion], described: list[Suggestion]
) -> None:
    """Give a "he" or "she" the speaker of the description that spoke just before it, when
    the name the pronoun was resolved to was last mentioned before that description."""
    if not described:
        return
    for suggestion in suggestions:
        start = suggestion.speaker_start
        if start is None or not suggestion.speaker_rule.startswith("pronoun/"):
            continue
        gender = _PRONOUN_GENDER.get(text[start : suggestion.speaker_end or start].lower())
        before = [d for d in described if (d.speaker_end or 0) <= start]
        if gender is None or not before:
            continue
        last = max(before, key=lambda d: d.speaker_end or 0)
        named = max(
            (o for o, n in registry.mentions if n == suggestion.speaker and o < start), default=-1
        )
        near = (
            start - (last.speaker_end or 0) < 400 and "\n\n" not in text[last.speaker_end : start]
        )
        said = text[last.speaker_start or 0 : last.speaker_end or 0]
        fits = _indefinite(said) and not _gender_clash(last, gender, text)
        fits = fits and _words(said)[-1:] != [] and _words(said)[-1] in _PERSON_HEADS
        if near and fits and named < (last.speaker_start or 0):
            suggestion.speaker, suggestion.speaker_kind = last.speaker, last.speaker_kind
            suggestion.speaker_resolved = last.speaker_resolved
            suggestion.speaker_rule = _PREVIOUS_SPEAKER.name


_REPEATED = re.compile(r"(?:the|this|that)\s+(?P<head>[a-z]+)", re.I)
# Heads that repeat any person described before: "this person", "the man".
_ANY_PERSON = frozenset(split_words("person man woman"))
_REPEAT_REACH = 400


def _repeated_descriptions(text: str, described: list[Suggestion]) -> None:
    """ "… a Norland Rail spokesperson stated. The spokesperson added …", "One of the miners
    said … this person also said": a definite description of one noun that repeats the head
    of the description that spoke just before it in the paragraph is that speaker."""
    last: Suggestion | None = None
    for suggestion in sorted(described, key=lambda d: d.speaker_start or 0):
        start, end = suggestion.speaker_start or 0, suggestion.speaker_end or 0
        repeated = _REPEATED.fullmatch(text[start:end])
        if repeated is not None and last is not None and not suggestion.speaker_resolved:
            head = repeated.group("head").lower()
            said = _words(text[last.speaker_start or 0 : last.speaker_end or 0])
            near = start - (last.speaker_end or 0) < _REPEAT_REACH
            near = near and "\n\n" not in text[last.speaker_end or 0 : start]
            if near and said and (head in _ANY_PERSON or said[-1].lower() == head):
                suggestion.speaker, suggestion.speaker_kind = last.speaker, last.speaker_kind
                suggestion.speaker_resolved = last.speaker_resolved
                suggestion.speaker_rule = _PREVIOUS_SPEAKER.name
                continue
        last = suggestion


_CAPITALISED_AFTER = r"((?:[ \t]+[A-Z][\w\-’'.]*){1,5})"


def _titled(text: str, registry: Registry, title: str) -> list[tuple[int, str]]:
    """Where the article writes `title` right before a person's name, with the name: "Raksha
    Mantri" before "Shri Ann Lie" (the words after it cut by `canonical` to that title and a
    name the article's registry knows)."""
    words = title.split()
    office = words[-1].lower() in TITLES | OFFICE_TITLES if words else False
    if len(words) >= 3 and words[0] in {"The", "the"} and office:
        words = words[1:]  # "The First Lady": the office as the article writes it before names
        title = " ".join(words)
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or first_name(words[0]):
        return []
    found = []
    for match in re.finditer(re.escape(title) + _CAPITALISED_AFTER, text):
        cut = canonical(words + match.group(1).split())
        name = " ".join(cut.name)
        if cut.role == words and len(cut.name) >= 2 and name in registry.people:
            found.append((match.start(), name))
    return found


def _title_as_written(titled: list[tuple[int, str]], at: int) -> str | None:
    """The holder of a title written alone at `at`: the nearest named before it, else the first
    named after it, near."""
    before = [name for offset, name in titled if offset < at]
    if before:
        return before[-1]
    after = [name for offset, name in titled if at < offset < at + _NEAR]
    return after[0] if after else None


# Members standing for their body: "MEPs call on the Council" is the Parliament speaking.
_MEMBERS_OF = {"meps": "Parliament", "mps": "Parliament"}
_NOT_IN_ORG_NAMES = CAPITALISED_STOPWORDS | NOT_NAMES


_OFFICE_LEADS = TITLES | _NARROWING | {"interim"}
_PERSONAL = re.compile(r"[\w’']+-[a-z]|(?:[A-Z]\.)+$")  # "Clinton-endorsing", "B."
_CAPITALISED_BEFORE = re.compile(r"((?:[A-Z][\w\-’'&.]*[ \t]+){1,4})\Z")


def _said(word: str) -> bool:
    """A verb of saying in the past ("Remarked", "Explained"), which no name opens with."""
    return word.endswith("ed") and word.lower() in SPEECH_VERBS


_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")


def _fullest_org(text: str, speaker: str) -> str:
    """The fullest form of an organisation's name the article writes: "European Parliament"
    for "Parliament", "The Guardian" where the article writes the title with its capital
    "The" mid-sentence ("according to The Guardian")."""
    words = speaker.split()
    best, title = words, False
    # Found by the name itself, then the capitalised words just before it (a pattern that
    # starts with them would be tried at every offset of the text).
    for match in re.finditer(re.escape(speaker) + r"(?![\w\-])", text):
        before = _CAPITALISED_BEFORE.search(text, max(0, match.start() - 80), match.start())
        if match.start() > 0 and text[match.start() - 1].isalnum():
            continue  # inside a longer word
        if _NAME_GOES_ON.match(text, match.end()):
            continue  # "Togus VA Medical Center" is another body than the VA
        lead = before.group(1).split() if before is not None else []
        if lead == ["The"]:
            previous = text[max(0, match.start() - 40) : match.start() - 4].rstrip()
            title = title or (previous[-1:].isalnum() or previous[-1:] == ",")
        # only the words after any small word ("Remain In European Union" of a headline)
        # and after a verb of saying opening the sentence ("Remarked Center for …")
        small = [k for k, w in enumerate(lead) if w.lower() in _NOT_IN_ORG_NAMES or _said(w)]
        lead = lead[small[-1] + 1 :] if small else lead
        if any(_PERSONAL.match(w) or first_name(w) or w.lower() in _OFFICE_LEADS for w in lead):
            continue  # "Mayor Don Guardian", "Clinton-endorsing": a person, or a phrase
        if any(w.endswith(("’s", "'s", ".", "’", "'")) for w in lead):
            continue  # "Norland's Parliament", "U.S. Parliament": not one name
        if len(lead) + len(words) > len(best):
            best = lead + words
    if best == words and words[-1][:1].isupper():  # not "UN agency": a description
        tail = _org_word_after(text, speaker) or _of_tail(text, speaker)
        if tail is not None:
            return f"{speaker} {tail}"
    name = " ".join(best)
    return f"The {name}" if title and best == words else name


_OF_TAIL = (
    r"[ \t]+((?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w\-’']*"
    r"(?:[ \t]+(?:and[ \t]+)?[A-Z][\w\-’']*)*)"
)


def _of_tail(text: str, speaker: str) -> str | None:
    """What the article writes after a body's short name that ends with its kind ("Norland
    Ministry"): the one "of" or "for" phrase it is named with in full ("… of Foreign
    Affairs"); none where it writes two ("Ministry of Defence", "Ministry of Finance")."""
    if speaker.split()[-1].lower() not in ORG_WORDS:
        return None
    tails = {
        re.sub(r"[’']s?$", "", match.group(1))
        for match in re.finditer(re.escape(speaker) + _OF_TAIL, text)
        if match.start() == 0 or not text[match.start() - 1].isalnum()
    }
    return tails.pop() if len(tails) == 1 else None


# Capitalised words after a name that end with a company's or a club's word: "(Norland
# United) Football Club", "(Kesta Holdings) Corporation"; not a body a place or a person
# heads ("California Democratic Party", "U.S. Senate", "Ann Lie Foundation").
_ORG_TAIL = r"((?:[ \t]+[A-Z][\w\-’'&.]*){1,3})"
_COMPANY_WORDS = frozenset(split_words("club corporation corp company inc ltd llc plc holdings"))
_ABBREVIATED_ORG_WORDS = frozenset(split_words("inc. corp. ltd. co."))


def _org_word_after(text: str, speaker: str) -> str | None:
    """The words the article writes after a body's short name that make its full name, where
    they end with a company's or a club's word ("Norland United Football Club" for "Norland
    United"); none where the article lengthens the name into more than one body ("Norland
    City Council", "Norland City Football Club")."""
    tails = set()
    for match in re.finditer(re.escape(speaker) + _ORG_TAIL + r"(?![\w\-])", text):
        if match.start() > 0 and text[match.start() - 1].isalnum():
            continue  # inside a longer word
        tail = match.group(1).split()
        # a full stop after a word other than "Inc." ends the sentence, and the name with it
        stop = next(
            (
                k
                for k, w in enumerate(tail)
                if w.endswith(".") and w.lower() not in _ABBREVIATED_ORG_WORDS
            ),
            None,
        )
        if stop is not None:
            tail = tail[: stop + 1]
        while tail and tail[-1].lower().rstrip(".") not in ORG_WORDS:
            tail.pop()
        if tail and tail[-1].lower() not in _ABBREVIATED_ORG_WORDS:
            tail[-1] = tail[-1].rstrip(".")  # "… Football Club." ending a sentence
        if tail:
            tails.add(" ".join(tail))
    if len(tails) != 1:
        return None
    tail = tails.pop()
    return tail if tail.split()[-1].lower().rstrip(".") in _COMPANY_WORDS else None


# An acronym, and the name the article spells it out with: "the Women’s National Basketball
# Association (WNBA)", "the Food and Agriculture Organization (FAO)".
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
_FULL_NAME = (
    r"(?P<name>[A-Z][\w\-’'.&]*(?:,?[ \t]+(?:(?:of|for|on|and|de|to|the)[ \t]+)*[A-Z][\w\-’'.&]*)+)"
)
_SPELLED_OUT = re.compile(_FULL_NAME + r"[ \t]+\((?P<acronym>[A-Z][A-Z0-9&]{1,7})\)")
_FULL_NAME_ENDING = re.compile(_FULL_NAME + r"[ \t]+$")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _spelled_out(text: str, acronym: str) -> str | None:
    """The name the article writes before "(ACRONYM)": its longest end whose initials make the
    acronym ("the Alliance to Reclaim Our Schools (AROS)"), else the part after its last "and"
    ("The Committee and the Federal Security Service (FSB)" is the Federal Security Service),
    without the words that open a sentence ("The")."""
    letters = acronym.replace("&", "")
    for match in _SPELLED_OUT.finditer(text):
        if match.group("acronym") != acronym:
            continue
        words = match.group("name").split()
        ends = [k for k, w in enumerate(words) if w[:1].isupper()]
        fitting = next((k for k in ends if _initials(words[k:]) == letters), None)
        if fitting is not None:
            words = words[fitting:]
        elif "and" in words:
            words = words[len(words) - words[::-1].index("and") :]
        while words and words[0].lower() in _NOT_IN_ORG_NAMES:
            words = words[1:]
        if len(words) >= 2:
            return " ".join(words)
    return None


# A short name the article gives in brackets after the full one, not made of its initials:
# "the California Department of Forestry and Fire Protection (CalFire)", "Pacific Gas and
# Electric Company (PG&E)".
_SHORT_NAME = re.compile(r"[A-Z][a-z]+[A-Z][\w\-]*|[A-Z]{1,4}&[A-Z]{1,4}")
# A country's initials and the name the article may write in full.
_COUNTRY_INITIALS = {
    "U.S.": "United States",
    "US": "United States",
    "U.S": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
}


def _named_by_short_name(text: str, short: str) -> str | None:
    """The full name the article writes right before "(CalFire)", without an opening "The"."""
    at = text.find(f"({short})")
    found = _FULL_NAME_ENDING.search(text, max(0, at - 160), at)
    if found is None:
        return None
    words = found.group("name").split()
    while words and words[0].lower() in _NOT_IN_ORG_NAMES:
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else None


def _short_or_initials_in_full(text: str, speaker: str) -> str | None:
    """The full name of a body named by a short name the article brackets after it
    ("CalFire"), or of a country named by its initials ("the U.S.") where the article writes
    the country's name in full ("United States")."""
    country = _COUNTRY_INITIALS.get(speaker)
    if country is not None:
        return country if re.search(rf"\b{country}\b", text) else None
    if _SHORT_NAME.fullmatch(speaker) and f"({speaker})" in text:
        return _named_by_short_name(text, speaker)
    return None


def _spelled_out_after(text: str, acronym: str) -> str | None:
    """The name the article brackets after the acronym, "AEW (All Elite Wrestling)": its
    capitalised words' initials make the acronym."""
    letters = acronym.replace("&", "")
    for match in re.finditer(rf"\b{re.escape(acronym)}[ \t]+\(([^()\n]{{3,80}})\)", text):
        words = match.group(1).split()
        if words[:1] == ["the"]:
            words = words[1:]  # ("All" is a stop word, but opens "All Elite Wrestling")
        if len(words) >= 2 and words[0][:1].isupper() and _initials(words) == letters:
            return " ".join(words)
    return None


# A body's name that opens with its country's initials: "(the) U.S. Geological Survey".
_COUNTRY_OPENING = re.compile(r"(?P<initials>U\.S\.|US|U\.K\.|UK)[ \t]+(?P<rest>[A-Z].*)")


def _country_in_full(text: str, speaker: str) -> str | None:
    """ "U.S. Geological Survey" where the article writes "United States Geological Survey":
    the body's name with its country written in full."""
    match = _COUNTRY_OPENING.fullmatch(speaker)
    if match is None or len(match.group("rest").split()) < 2:
        return None
    full = f"{_COUNTRY_INITIALS[match.group('initials')]} {match.group('rest')}"
    return full if re.search(rf"\b{re.escape(full)}\b", text) else None


def _org_named_in_full(text: str, suggestion: Suggestion) -> None:
    """Give an organisation (or members standing for their body) its fullest name: the name an
    acronym stands for where the article spells it out (in brackets after the name, or after
    the acronym), or its country written in full where the article writes it so."""
    speaker = suggestion.speaker or ""
    acronym = _ARTICLE.sub("", speaker)  # "According to the WHO"
    if _ACRONYM.fullmatch(acronym) and f"({acronym})" in text:
        full = _spelled_out(text, acronym)
        if full is not None:
            suggestion.speaker, suggestion.speaker_kind = full, "organisation"
            suggestion.speaker_rule = _SPELLED_OUT_RULE
            return
    full = _spelled_out_after(text, acronym) if _ACRONYM.fullmatch(acronym) else None
    if full is None:
        full = _country_in_full(text, acronym)
    if full is not None:  # "AEW (All Elite Wrestling)", "U.S. Geological Survey"
        suggestion.speaker, suggestion.speaker_kind = full, "organisation"
        suggestion.speaker_rule = _SPELLED_OUT_RULE
        return
    full = _short_or_initials_in_full(text, acronym)
    if full is not None:  # "CalFire", "the U.S."
        suggestion.speaker, suggestion.speaker_kind = full, "organisation"
        suggestion.speaker_rule = _SPELLED_OUT_RULE
        return
    if not speaker[:1].isupper():
        return  # "the court": a description
    body = _MEMBERS_OF.get(speaker.lower())
    if body is not None and re.search(rf"\b{body}\b", text):
        speaker, suggestion.speaker_kind = body, "organisation"
    elif suggestion.speaker_kind != "organisation":
        words = speaker.split()
        if len(words) < 2 or first_name(words[0]) or not all(w[:1].isupper() for w in words):
            return
        tail = _org_word_after(text, speaker)
        if tail is not None:  # "Norland United", named in full "Norland United Football Club"
            suggestion.speaker, suggestion.speaker_kind = f"{speaker} {tail}", "organisation"
            suggestion.speaker_rule = _FULL_ORG
        return
    full = _fullest_org(text, speaker)
    if full != suggestion.speaker:
        suggestion.speaker, suggestion.speaker_rule = full, _FULL_ORG


# A quantifier opening a group that stays a description, which the group is written without,
# as it is without its article: "Some economists", "A number of senators" are economists and
# senators.
_QUANTIFIED_GROUP = re.compile(
    r"(?:some|many|several|numerous|various|a\s+number\s+of|a\s+few|a\s+group\s+of)\s+"
    r"(?=[A-Za-z]+s$)",
    re.I,
)


def _without_quantifier(speaker: str) -> str:
    """An unresolved group without the quantifier that opens it ("Some economists":
    economists); a description with more words after the quantifier stays as written."""
    cut = _QUANTIFIED_GROUP.match(speaker)
    return speaker[cut.end() :] if cut is not None else speaker


_BODY_NAMED_BEFORE = "resolve/body-named-before"
# Common nouns a report calls a company, a club or an association by once it has named it.
_BODY_NOUNS = frozenset(
    split_words("""company firm airline carrier club federation association league bank lender
    insurer retailer carmaker automaker operator manufacturer miner startup conglomerate group
    broadcaster""")
)
_THE_BODY = re.compile(r"[Tt]he\s+(?P<noun>[a-z]+)")
# How far back the body "the company" stands for may have spoken.
_BODY_REACH = 1500
_BODY_WINDOW = 600
_LISTENER_BEFORE = "".join(f"(?<!{word} )" for word in split_words("telling told via to on with"))
_NAME_RUN = r"[A-Z][\w\-’'&.]*(?:[ \t]+(?:(?:of|and|&)[ \t]+)?[A-Z][\w\-’'&.]*){0,5}"


def _body_named_before(
    text: str, registry: Registry, earlier: list[Suggestion], suggestion: Suggestion
) -> str | None:
    """ "Norland Steel said … The company added": what "the company" (an airline, a club, a
    federation …) stands for: the one name before it that ends in its noun ("the Norland
    Football Federation … The federation said") or that it is set beside ("The club, Bergen
    United, confirmed"); else the last body before it, within 1,500 characters, that spoke
    under a name no person has (no first name, no title or gender the article gives it)."""
    found = _THE_BODY.fullmatch(suggestion.speaker or "")
    if found is None or found.group("noun") not in _BODY_NOUNS:
        return None
    noun = found.group("noun")
    at = suggestion.speaker_start if suggestion.speaker_start is not None else suggestion.start
    window = text[max(0, at - 3000) : at]
    ending = {
        m.group().rstrip()
        for m in re.finditer(rf"\b(?!The\b){_NAME_RUN}[ \t]+{noun.capitalize()}\b", window)
        if m.group().split()[0].lower() not in CAPITALISED_STOPWORDS
    }
    beside = {
        m.group(1)
        for m in re.finditer(rf"\b[Tt]he[ \t]+{noun},[ \t]+({_NAME_RUN}),", window)
        if not first_name(m.group(1).split()[0])
    }
    if len(ending | beside) == 1:
        return (ending | beside).pop()
    if ending or beside:
        return None
    # The paragraph so far and the one before it: the body must be named there, and not as
    # whom someone told or what something came through ("telling Fox 35", "via Facebook").
    lines = [line for line in text[max(0, at - _BODY_WINDOW) : at].split("\n") if line.strip()]
    near = "\n".join(lines[-2:])
    for before in reversed(earlier):
        if suggestion.start - before.start > _BODY_REACH:
            break
        name = before.speaker or ""
        if not before.speaker_resolved or not name[:1].isupper() or name == suggestion.speaker:
            continue
        cue = str((before.cue or {}).get("text", "")).lower()
        if cue.startswith("report"):
            continue  # "…, BFMTV reported": an outlet, not the body
        if not re.search(rf"{_LISTENER_BEFORE}\b{re.escape(name)}\b", near):
            continue
        if before.speaker_kind == "organisation" or (
            before.speaker_kind == "person"
            and not first_name(name.split()[0])
            and not (name in registry.people and registry.a_person(name))
            and name.split()[0].lower() not in CAPITALISED_STOPWORDS
        ):
            return name
    return None


# An outlet named after the words that say what it is: "semi-official news agency NORA",
# "state broadcaster Radio Norland" (the name, the words before it its role).
_DESCRIBED_OUTLET = re.compile(
    r"(?:(?:the|a|an)\s+)?(?P<role>(?:[a-z][\w\-]*\s+){0,3}(?:agency|broadcaster|newspaper|daily|"
    r"channel|network|outlet|magazine|tabloid|weekly|broadsheet))\s+"
    r"(?P<name>[A-Z][\w\-&.]*(?:\s+[A-Z][\w\-&.]*){0,3})"
)


def _named_outlet(suggestion: Suggestion) -> None:
    """Name an outlet written after its description by its name, the description its role."""
    found = _DESCRIBED_OUTLET.fullmatch(suggestion.speaker or "")
    if found is None:
        return
    suggestion.speaker, suggestion.speaker_kind = found.group("name"), "organisation"
    suggestion.role = suggestion.role or found.group("role")


# Bodies a report names by their common noun, one to a country: "the army said" is the army,
# an organisation's name written without its article, as LABELLING.md names organisations.
_INSTITUTIONS = frozenset(
    ("army", "navy", "air force", "military", "police", "fire service", "fire brigade")
    + ("coast guard", "government")
)


def _institution(speaker: str) -> str:
    """ "The army": army; any other description stays as written."""
    bare = _unarticled(speaker)
    return bare if bare.lower() in _INSTITUTIONS and bare != speaker else speaker


_INSTITUTION_NAMED = "resolve/institution-named"


def _institution_named(text: str, suggestion: Suggestion) -> str | None:
    """ "The fire service said" after "East Norland Fire and Rescue Service": the one body
    named before whose capitalised name holds the institution's words and ends with its last
    word ("… Service", "Vale Coast Guard"); None when there is none, or two."""
    bare = _unarticled(suggestion.speaker or "")
    if bare.lower() not in _INSTITUTIONS or bare == suggestion.speaker:
        return None
    words = bare.lower().split()
    before = suggestion.speaker_start if suggestion.speaker_start is not None else suggestion.start
    last = re.escape(words[-1].capitalize())
    # At most twelve words before the last: an unbounded run made a text in capitals quadratic.
    found = {
        match.group().rstrip()
        for match in re.finditer(
            rf"\b(?:[A-Z][\w\-’']*[ \t]+(?:(?:and|of|&)[ \t]+)?){{1,12}}{last}\b", text[:before]
        )
    }
    found = {
        name
        for name in found
        if len(name.split()) > len(words)
        and all(w in name.lower().split() for w in words)
        and name.split()[0].lower() not in CAPITALISED_STOPWORDS
    }
    return found.pop() if len(found) == 1 else None


# The rest of a body's name after the mention stopped: up to the acronym it is given ("News
# (from Kestania) (NFK)"), or "and" one or two capitalised words after a name with "of" or
# "for" ("Office for Roads (and Bridges)", not "… and Finance Minister Ann Lie").
_TO_ACRONYM = re.compile(
    r"((?:[ \t]+(?:of|for|from|on|and|de|the|in)[ \t]+[A-Z][\w\-’']*(?:[ \t]+[A-Z][\w\-’']*)*)+)"
    r"[ \t]+\((?P<acronym>[A-Z][A-Z0-9&]{1,7})\)"
)
_AND_MORE = re.compile(
    r"[ \t]+and[ \t]+([A-Z][\w\-’']*(?:[ \t]+[A-Z][\w\-’']*)?)(?=[,.;:)]|[ \t]+[a-z])"
)
_OF_OR_FOR = re.compile(r"\s(?:of|for)\s")
# "of" or "for" and the capitalised words of a body's name after its kind ("(Department) of
# Defense", "(Directorate General) of Civil Aviation", "… of Roads and Bridges"), not before a
# possessive ("of Norland’s …") or another capitalised word after "and" and a name.
_OF_WORDS = r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)*"
_NAME_ENDS = r"(?=[,.;:)]|[ \t]+[a-z(]|$)"
_OF_NAME = (
    re.compile(rf"({_OF_WORDS}[ \t]+and[ \t]+[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)*){_NAME_ENDS}"),
    re.compile(rf"({_OF_WORDS}){_NAME_ENDS}"),
)


def _name_runs_on(text: str, suggestion: Suggestion) -> None:
    """Give a body its name's end where the mention stopped at a small word inside it."""
    end, speaker = suggestion.speaker_end, suggestion.speaker or ""
    if end is None or not text[:end].endswith(speaker) or not speaker[:1].isupper():
        return
    more = _TO_ACRONYM.match(text, end)
    if more is not None:
        full = speaker + more.group(1)
        every = "".join(w[0].upper() for w in full.split())  # "News from Kestania": NFK
        if more.group("acronym") in {_initials(full.split()), every}:
            suggestion.speaker, suggestion.speaker_kind = full, "organisation"
        return
    more = _AND_MORE.match(text, end)
    if more is not None and _OF_OR_FOR.search(speaker):
        suggestion.speaker = f"{speaker} and {more.group(1)}"
        suggestion.speaker_kind = "organisation"
        return
    if _OF_OR_FOR.search(speaker) or not any(
        w.lower() in ORG_WORDS | {"directorate"} for w in speaker.split()
    ):
        return
    for pattern in _OF_NAME:
        more = pattern.match(text, end)
        if more is not None and not any(
            first_name(w) or w.lower() in TITLES | OFFICE_TITLES for w in more.group(1).split()
        ):
            # "the United States Department (of Defense) justified …": the name runs on
            suggestion.speaker = speaker + more.group(1)
            suggestion.speaker_kind = "organisation"
            return


# The media a one-word adjective stands before: "(Kestanian) state media", "(Norlandic) public
# radio" (the mention stopped at the capitalised adjective).
_MEDIA_AFTER = re.compile(
    r"[ \t]+((?:[a-z][\w\-]*[ \t]+){0,2}(?:media|television|tv|radio|press|broadcaster|"
    r"newspapers?|outlets?))(?=[,.;:]|[ \t]+(?:reported|said|says)\b)"
)


# An institution after a one-word adjective: "according to (Norlandic) military", "(Vale)
# police said".
_INSTITUTION_AFTER = re.compile(
    r"[ \t]+(military|police|army|navy|government|coast[ \t]+guard|fire[ \t]+service)"
    r"(?=[,.;:]|[ \t]+(?:reported|said|says|told|announced)\b)"
)

_MEDIA_DESCRIBED = re.compile(
    r"(?:[a-z][\w\-]*[ \t]+){0,2}(?:media|television|tv|radio|press|broadcaster|newspapers?)"
)


def _media_as_first_named(text: str, suggestion: Suggestion) -> None:
    """ "according to state media" after "according to Kestanian state media": the media as
    the article named them before, with the one capitalised word it wrote before them."""
    speaker = suggestion.speaker or ""
    if not _MEDIA_DESCRIBED.fullmatch(speaker):
        return
    before = suggestion.speaker_start if suggestion.speaker_start is not None else suggestion.start
    named = {
        m.group(1)
        for m in re.finditer(r"\b([A-Z][\w\-]+)[ \t]+" + re.escape(speaker) + r"\b", text)
        if m.start() < before and m.group(1).lower() not in _NOT_IN_ORG_NAMES
    }
    if len(named) == 1:
        suggestion.speaker = f"{named.pop()} {speaker}"
        suggestion.speaker_kind, suggestion.speaker_resolved = "organisation", True


def _adjective_of_media(text: str, suggestion: Suggestion) -> None:
    """Name the media, not the adjective before them: "according to Kestanian state media"."""
    _media_as_first_named(text, suggestion)
    end, speaker = suggestion.speaker_end, suggestion.speaker or ""
    if (
        end is None
        or " " in speaker
        or not speaker[:1].isupper()
        or not text[:end].endswith(speaker)
    ):
        return
    media = _MEDIA_AFTER.match(text, end) or _INSTITUTION_AFTER.match(text, end)
    if media is not None:
        suggestion.speaker = f"{speaker} {media.group(1)}"
        suggestion.speaker_kind = "organisation"


# A body's possessive before a person's name: "University of Norland’s Tom Berg".
_OWNED_PERSON = re.compile(
    r"(?P<owner>[A-Z][^’']*?)[’']s[ \t]+"
    r"(?P<name>[A-Z][\w\-’']+(?:[ \t]+(?:[A-Z]\.[ \t]+)*[A-Z][\w\-’']+)+)"
)


# A person's name and "of" a described body: "Tom Berg of the town's water board".
_PERSON_OF_DESCRIBED = re.compile(
    r"(?P<name>[A-Z][\w\-’']+(?:[ \t]+(?:[A-Z]\.[ \t]+)*[A-Z][\w\-’']+)+)[ \t]+of[ \t]+"
    r"(?P<body>(?:the|a|an|its|his|her|their)[ \t]+[a-z][\w\-’' \t]*)"
)


# A person's name after a comma that ends an office, past the rest of its portfolio where the
# mention stopped before it: "(… Secretary)( of State for Harbours), Tom Berg." / ":"
_NAME_AFTER_COMMA = re.compile(
    r"(?:[ \t]+(?:of|for|and)[ \t]+(?:the[ \t]+)?[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)*)*"
    r",[ \t]+(?P<name>[A-Z][\w\-’']+(?:[ \t]+(?:[A-Z]\.[ \t]+)*[A-Z][\w\-’']+){1,2})"
    r"(?=[ \t]*[.:;]|[ \t]*$)"
)
# How far back the office before the speaker may start ("Under Secretary of State for …").
_OFFICE_BACK = 80


def _name_after_office(text: str, registry: Registry, suggestion: Suggestion) -> None:
    """ "said Norland Under Secretary of State for Harbours and Coastal Security, Tom Berg":
    the mention stopped inside a long office's portfolio; the person is the name after the
    comma that ends the office."""
    start, end = suggestion.speaker_start, suggestion.speaker_end
    speaker = suggestion.speaker or ""
    if start is None or end is None or not speaker or first_name(speaker.split()[0]):
        return
    found = _NAME_AFTER_COMMA.match(text, end)
    if found is None:
        return
    name = found.group("name")
    if not (name in registry.people or first_name(name.split()[0])):
        return
    before = text[max(0, start - _OFFICE_BACK) : end]
    before = re.split(r"[.;:!?\n]", before)[-1]
    if any(w.lower() in OFFICE_TITLES | TITLES for w in re.findall(r"[A-Za-z\-]+", before)):
        suggestion.speaker, suggestion.speaker_kind = name, "person"


def _person_of_owner(registry: Registry, suggestion: Suggestion) -> None:
    """ "said University of Norland’s Tom Berg", "Tom Berg of the town's water board said":
    the person, not the body that owns them (a name the article gives a person, or one that
    opens with a known first name)."""
    found = _OWNED_PERSON.fullmatch(suggestion.speaker or "") or _PERSON_OF_DESCRIBED.fullmatch(
        suggestion.speaker or ""
    )
    if found is None:
        return
    name = found.group("name")
    if name in registry.people or first_name(name.split()[0]):
        suggestion.speaker, suggestion.speaker_kind = name, "person"


# "the agency", "The space agency", "the U.S. space agency": a body a report names by its
# acronym and then calls an agency.
_AN_AGENCY = re.compile(r"(?:[Tt]he[ \t]+)?(?:[A-Z][\w.]*[ \t]+)?(?:space[ \t]+)?agency")
_ACRONYM = re.compile(r"[A-Z]{3,6}")
_ACRONYM_IN_TEXT = re.compile(r"(?<![\w.&\-])([A-Z]{3,6})(?![\w.&\-])")
_AGENCY_THAT_SPOKE = "resolve/agency-that-spoke"
# How far back the body "the agency" stands for may have spoken.
_AGENCY_REACH = 3000


def _agency_that_spoke(text: str, earlier: list[Suggestion], suggestion: Suggestion) -> str | None:
    """ "NORSA said … The space agency said": the body named by its acronym that spoke last
    before the description (within 3,000 characters), when the article ties the description
    to no name; else the one body the text names by an acronym in that reach ("NORSA has
    found … The space agency said")."""
    if not _AN_AGENCY.fullmatch(suggestion.speaker or ""):
        return None
    for before in reversed(earlier):
        if suggestion.start - before.start > _AGENCY_REACH:
            break
        if before.speaker and _ACRONYM.fullmatch(before.speaker):
            return before.speaker
    # No such speaker: the one body the text names by an acronym before the description
    at = suggestion.speaker_start if suggestion.speaker_start is not None else suggestion.start
    named = set(_ACRONYM_IN_TEXT.findall(text, max(0, at - _AGENCY_REACH), at))
    return named.pop() if len(named) == 1 else None


def _title_holder(
    text: str,
    registry: Registry,
    suggestion: Suggestion,
    titles: dict[str, list[tuple[int, str]]],
) -> None:
    """A title written alone ("Raksha Mantri added"): the person the article writes it before
    (`_titled`, cached per title in `titles`); "The First Lady" is the President's wife the
    article names ("President Tor Vikan and his wife Ann Lie")."""
    speaker = suggestion.speaker or ""
    if speaker not in titles:
        titles[speaker] = _titled(text, registry, speaker)
    said_at = suggestion.speaker_start or suggestion.start
    titled = _title_as_written(titles[speaker], said_at)
    if titled is not None:
        suggestion.role = suggestion.role or speaker
        suggestion.speaker, suggestion.speaker_kind = titled, "person"
        suggestion.speaker_rule = _TITLE_AS_WRITTEN.name
    elif _unarticled(speaker) == "first lady":
        wife = _office_relative(text, registry, "President", "wife", said_at)
        if wife is not None:
            suggestion.role = suggestion.role or _ARTICLE.sub("", speaker)
            suggestion.speaker, suggestion.speaker_kind = wife
            suggestion.speaker_rule = "resolve/relative-of-office"


def resolve_speakers(text: str, registry: Registry, suggestions: list[Suggestion]) -> None:
    """Resolve, in place, each speaker that is a description to the named person or body the
    article gives that role; mark those that stay descriptions (or pronouns) unresolved; a
    pronoun right after a description continues it."""
    holders = cache(lambda: _holders(text, registry))  # worked out once per article, if asked
    described: list[Suggestion] = []
    titles: dict[str, list[tuple[int, str]]] = {}
    for at, suggestion in enumerate(suggestions):
        if suggestion.speaker_rule == _PRONOUN_UNRESOLVED:
            together = _people_together(text, registry, suggestion)
            if together is None:
                suggestion.speaker_resolved = False
                continue
            suggestion.speaker, suggestion.speaker_kind = together, "other"
            suggestion.speaker_rule = _PEOPLE_TOGETHER
            continue
        if not suggestion.speaker:
            continue
        _named_outlet(suggestion)
        _person_of_owner(registry, suggestion)
        _name_after_office(text, registry, suggestion)
        _name_runs_on(text, suggestion)
        _adjective_of_media(text, suggestion)
        made = (
            _document_of_body(text, registry, suggestion)
            or _body_before_document(text, registry, suggestion)
            or _document_they_put_out(text, registry, suggestion)
            or _issued_from(text, registry, suggestion)
        )
        if made is not None:
            suggestion.speaker, suggestion.speaker_kind, suggestion.speaker_resolved = made
            suggestion.speaker_rule = _DOCUMENT_OF_BODY.name
            _org_named_in_full(text, suggestion)
            continue
        _org_named_in_full(text, suggestion)
        if not _is_description(text, suggestion):
            agency = _agency_that_spoke(text, suggestions[:at], suggestion)
            if agency is not None:  # "The American space agency said"
                suggestion.role = suggestion.role or _unarticled(suggestion.speaker)
                suggestion.speaker, suggestion.speaker_kind = agency, "organisation"
                suggestion.speaker_rule, suggestion.speaker_resolved = _AGENCY_THAT_SPOKE, True
                continue
            placed = _place_office_holder(text, registry, suggestion, holders)
            if placed is not None:  # "the Ukrainian President said"
                suggestion.role = suggestion.role or _unarticled(suggestion.speaker).title()
                suggestion.speaker, suggestion.speaker_kind = placed, "person"
                suggestion.speaker_rule = _PLACE_OFFICE
                continue
            suggestion.speaker = _without_quantifier(suggestion.speaker)  # "Some Democrats"
            _title_holder(text, registry, suggestion, titles)
            continue
        described.append(suggestion)
        fired = first(_RULES, _Description(text, registry, suggestion, holders))
        if fired is None:
            agency = _agency_that_spoke(text, suggestions[:at], suggestion)
            if agency is not None:
                suggestion.role = suggestion.role or _unarticled(suggestion.speaker)
                suggestion.speaker, suggestion.speaker_kind = agency, "organisation"
                suggestion.speaker_rule = _AGENCY_THAT_SPOKE
                continue
            named = _institution_named(text, suggestion)
            if named is not None:
                suggestion.role = suggestion.role or _unarticled(suggestion.speaker)
                suggestion.speaker, suggestion.speaker_kind = named, "organisation"
                suggestion.speaker_rule = _INSTITUTION_NAMED
                continue
            body = _body_named_before(text, registry, suggestions[:at], suggestion)
            if body is not None:  # "Norland Steel said … The company added"
                suggestion.speaker, suggestion.speaker_kind = body, "organisation"
                suggestion.speaker_rule = _BODY_NAMED_BEFORE
                continue
            suggestion.speaker_resolved = False
            suggestion.speaker = _institution(_without_quantifier(suggestion.speaker))
            continue
        rule, (name, kind) = fired
        suggestion.speaker, suggestion.speaker_kind = name, kind
        suggestion.speaker_rule = rule.name
    _continue_descriptions(text, registry, suggestions, described)
    _repeated_descriptions(text, described)
    _groups_described_before(text, suggestions)
    _pronouns_continue_descriptions(text, suggestions)
    _titles_after_names(text, suggestions)


# A capitalised office alone as a speaker: "the President", "The Governor", "The President of
# Russia" (no name anywhere with that title, or `_title_as_written` would have named it).
_BARE_OFFICE = re.compile(
    r"(?:[Tt]he\s+)?(?P<title>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s+of\s+(?:the\s+)?[A-Z][\w\-]+)*"
)
_PREVIOUS_SUBJECT = "resolve/title-after-name"
# How far back the named speaker a bare office continues may be.
_OFFICE_REACH = 500


# How far back, over paragraph breaks, the sole holder of the office may be.
_OFFICE_REACH_PARAGRAPHS = 1500
_HOLDER_REACH = 160


def _sole_holder(text: str, title: str, name: str, people: set[str]) -> bool:
    """Whether `name` holds the office `title` ("Minister") wherever the article writes it
    with a person (not as "the Minister"): the person whose surname comes first within a line
    after it ("Union Minister of Commerce Shri Ann Lie", "Minister of State for X, Y and the
    Prime Minister’s Office, Dr. Ann Lie") or, with none after, the last one just before it
    ("Ann Lie, Minister for Trade"); `people` are the persons the article quotes."""
    surnames = {person: person.split()[-1] for person in people}
    holders = set()
    for match in re.finditer(rf"\b{re.escape(title)}\b(?![’'])", text):
        if text[max(0, match.start() - 4) : match.start()].lower() == "the ":
            continue  # "the Minister": the office alone, which is what is being resolved
        after = text[match.end() : match.end() + _HOLDER_REACH]
        firsts = [(after.find(s), p) for p, s in surnames.items() if after.find(s) >= 0]
        if firsts:
            holders.add(min(firsts)[1])
            continue
        before = text[max(0, match.start() - _HOLDER_REACH // 2) : match.start()]
        lasts = [(before.rfind(s), p) for p, s in surnames.items() if before.rfind(s) >= 0]
        if lasts:
            holders.add(max(lasts)[1])
    return holders == {name}


def _titles_after_names(text: str, suggestions: list[Suggestion]) -> None:
    """ "At the meeting Ann Lie noted that … At the same time, the President noted that …": a
    capitalised office alone as the speaker continues the named person who spoke just before
    it in the same paragraph (the wire style of naming a person, then their office)."""
    previous: Suggestion | None = None
    people = {
        s.speaker
        for s in suggestions
        if s.speaker and s.speaker_kind == "person" and len(s.speaker.split()) >= 2
    }
    for suggestion in suggestions:
        start, end = suggestion.speaker_start, suggestion.speaker_end
        if start is None or end is None:
            continue
        mention = text[start:end]
        bare = _BARE_OFFICE.fullmatch(mention)
        office = bare is not None and all(
            w.lower() in _ROLE_NOUNS | OFFICE_TITLES for w in bare.group("title").split()
        )
        if office and _unarticled(suggestion.speaker or "") == _unarticled(mention):
            gap = text[previous.speaker_end or 0 : start] if previous is not None else ""
            near = previous is not None and (
                (len(gap) < _OFFICE_REACH and "\n\n" not in gap)
                # "Minister Ann Lie said … / The Minister added …": across paragraphs only when
                # the article gives the previous person that office and no one else
                or (
                    len(gap) < _OFFICE_REACH_PARAGRAPHS
                    and _sole_holder(text, bare.group("title"), previous.speaker or "", people)
                )
            )
            if near and previous is not None:
                suggestion.role = suggestion.role or _unarticled(mention).title()
                suggestion.speaker, suggestion.speaker_kind = previous.speaker, "person"
                suggestion.speaker_resolved = True
                suggestion.speaker_rule = _PREVIOUS_SUBJECT
            continue
        named = (suggestion.speaker or "").split()
        if suggestion.speaker_kind == "person" and len(named) >= 2 and named[0][:1].isupper():
            previous = suggestion  # a person named in full


_GROUP_DESCRIBED = "resolve/group-described-before"
# Groups a science or accident report introduces with where they work ("researchers from the
# University of Norland", "Engineers from the Norland Space Agency") and then calls by the same
# noun ("the researchers") or "they". Another noun ("the team", "the scientists" after
# "researchers from …") is not taken for the group: reports and labels often keep it apart.
_WORKERS_NOUNS = frozenset(
    split_words("researchers scientists engineers astronomers investigators")
)
_GROUP_INTRO = re.compile(
    r"\b(?P<noun>[Rr]esearchers|[Ss]cientists|[Ee]ngineers|[Aa]stronomers|[Ii]nvestigators)"
    r"[ \t]+(?:(?:mostly|mainly|largely|chiefly)[ \t]+)?(?:from|at)[ \t]+"
)
_GROUP_LINKS = frozenset(split_words("of the at in and for de del da von on &"))
_GROUP_AGAIN = re.compile(
    r"(?:[Tt]he[ \t]+)?(?P<noun>researchers|scientists|astronomers|engineers|investigators)"
)
_WORKERS_REACH = 4000
_PRONOUN_REACH = 1500


def _group_intros(text: str) -> list[tuple[int, str, str]]:
    """ "researchers from the University of Norland (UN) and Berg College, both in …": each
    group the text introduces by where its members work, as (offset, description, noun): the
    noun and the capitalised names after "from" or "at", with the small words between them,
    up to the first other lowercase word, comma or full stop."""
    intros = []
    for found in _GROUP_INTRO.finditer(text):
        end, kept, bracket = found.end(), found.end(), False
        for token in re.finditer(r"\S+", text[found.end() : found.end() + 300]):
            word = token.group()
            if "\n" in text[end : found.end() + token.start()]:
                break
            stop = word[-1] in ",;:" or (word.endswith(".") and not bracket)
            if stop and word[-1] in ",;:":
                word = word[:-1]
            if word.endswith(".") and not bracket:
                break
            fits = bracket or word.startswith("(") or word[:1].isupper() or word in _GROUP_LINKS
            if not fits:
                break
            bracket = (bracket or word.startswith("(")) and not word.endswith(")")
            end = found.end() + token.start() + len(word)
            if word not in _GROUP_LINKS:
                kept = end
            if stop:
                break
        said = text[found.start() : kept]
        if kept > found.end() and not bracket:
            intros.append((found.start(), said, found.group("noun").lower()))
    return intros


def _groups_described_before(text: str, suggestions: list[Suggestion]) -> None:
    """ "researchers from the University of Norland reported … The researchers said", "…
    They said": a group the report introduced by where its members work, then calls by its
    noun again ("the researchers", not "the team"), or "they" right after it
    spoke, is that group as first described (a description, unresolved); "researchers from
    the University of Norland said" are the researchers, not the university."""
    intros = _group_intros(text) if "rom " in text or "at " in text else []
    if not intros:
        return
    for at, suggestion in enumerate(suggestions):
        start, end = suggestion.speaker_start, suggestion.speaker_end
        if start is None or end is None or suggestion.speaker_kind == "person":
            continue
        before = [i for i in intros if i[0] <= start and start - i[0] < _WORKERS_REACH]
        if not before:
            continue
        offset, said, noun = before[-1]
        mention = text[start:end]
        again = _GROUP_AGAIN.fullmatch(mention)
        if start < offset + len(said) and end <= offset + len(said) + 1:
            # "researchers from the University of Norland reported": the researchers spoke
            fits = suggestion.speaker_kind != "person"
        elif again is not None:
            fits = again.group("noun") == noun and not suggestion.speaker_resolved
        elif mention.lower() == "they" and suggestion.speaker_rule.startswith("pronoun/"):
            # "they" just after the group spoke, or taken for a body the group is "from"
            between = [s for s in suggestions[:at] if (s.speaker_start or 0) > offset]
            fits = bool(between) and all(s.speaker == said for s in between)
            fits = fits or (suggestion.speaker_resolved and (suggestion.speaker or "") in said)
        else:
            continue
        if fits:
            suggestion.speaker, suggestion.speaker_kind = said, "other"
            suggestion.speaker_resolved = False
            suggestion.speaker_rule = _GROUP_DESCRIBED


_PRONOUN_CONTINUES = "resolve/pronoun-continues-description"
_SINGLE_AGAIN = re.compile(r"(?:the|this|that)[ \t]+(?:woman|man|person)", re.I)
# What a report cites that is no person: "a report", "the survey" is never a "she".
_THINGS_SAID = frozenset(
    split_words("""statement report reports study survey poll document documents letter filing
    memo data figures statistics polls newspaper paper magazine network website book interviews
    interview conversations""")
)
# Where the head of a description ends: "the wife [of a retired miner who …]".
_HEAD_ENDS = frozenset(split_words("of who whose from in at with on for that which"))


def _description_head(words: list[str]) -> str:
    for k, word in enumerate(words):
        if word in _HEAD_ENDS and k:
            return words[k - 1]
    return words[-1] if words else ""


def _pronouns_continue_descriptions(text: str, suggestions: list[Suggestion]) -> None:
    """ "The wife of a retired miner told reporters … Her husband, she said, …": a pronoun the
    article ties to no name ("she", "he", "they"), or "the woman" (man, person), right after a
    description that spoke and stayed unresolved, continues it when number and gender fit."""
    previous: Suggestion | None = None
    reached = 0
    for suggestion in suggestions:
        start, end = suggestion.speaker_start, suggestion.speaker_end
        if start is None or end is None:
            continue
        mention = text[start:end]
        pronoun = suggestion.speaker_rule == _PRONOUN_UNRESOLVED or (
            _SINGLE_AGAIN.fullmatch(mention) is not None and not suggestion.speaker_resolved
        )
        last, since = previous, reached
        if suggestion.speaker_rule != _PRONOUN_UNRESOLVED:
            previous, reached = suggestion, end
        if not pronoun or last is None or last.speaker_resolved or not last.speaker:
            continue
        said = text[last.speaker_start or 0 : last.speaker_end or 0]
        words = _words(said)
        if not words or words[0] in {"he", "she", "they", "it", "we", "i"}:
            continue
        if start < (last.speaker_end or 0) or start - since >= _PRONOUN_REACH:
            continue
        if text.count("\n\n", since, start) + text.count("\n\n", last.speaker_end or 0, since) > 1:
            continue  # more than the next paragraph away
        head = _description_head(words)
        plural = head.endswith("s") and not head.endswith("ss")
        said_word = _words(mention)[-1] if _words(mention) else ""
        if said_word == "they":
            fits = plural
        elif said_word in ("she", "woman"):
            fits = not plural and not any(w in _MALE_WORDS for w in words[: words.index(head) + 1])
        elif said_word in ("he", "man"):
            fits = not plural and not any(
                w in _FEMALE_WORDS for w in words[: words.index(head) + 1]
            )
        elif said_word == "person":
            fits = not plural
        else:
            continue  # "I", "we", "it": not a description's continuation
        person = head in _PERSON_HEADS or plural and said_word == "they"
        fits = fits and person and head not in _THINGS_SAID
        if fits:
            suggestion.speaker, suggestion.speaker_kind = last.speaker, last.speaker_kind
            suggestion.speaker_resolved = False
            suggestion.speaker_rule = _PRONOUN_CONTINUES
            previous, reached = last, end
