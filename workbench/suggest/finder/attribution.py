"""Who said it: find the cue and speaker of each quotation, and indirect speech in sentences.

Each decision is an ordered table of named rules and vetoes (see `rules.py`), in four families:
`cue-before/…` and `cue-after/…` (the cue of a quotation, in `Cue.rule`), `indirect/…`
(reported speech, in `Indirect.rule`) and `subject/…` (the subject of a line before a colon,
from `subject_and_rule`, and a bare subject, in its `Mention.rule`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .lexicon import (
    CLAUSE_OPENERS,
    COGNITION_VERBS,
    OFFICE_TITLES,
    ORG_SOURCE_NOUNS,
    ORG_WORDS,
    POSSESSIVE_DETERMINERS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    TITLES,
    UNMARKED_PLURALS,
    split_words,
)
from .rules import Rule, Veto, first, vetoed
from .speakers import (
    _ASIDES,
    AUXILIARIES,
    CAPITALISED_STOPWORDS,
    DETERMINERS,
    Mention,
    Token,
    _np_ending_at,
    abbreviation_dot,
    mention_after,
    mention_before,
    name_after_role,
    office_to_ahead,
    past_infinitive,
    tokenize,
)

# Words that may sit between a verb and its content: "told reporters on Tuesday that …".
_FILLER = frozenset(
    split_words("""that on in at during to reporters journalists the a an interview statement press
    conference news release radio television tv last week weekend month year monday tuesday
    wednesday thursday friday saturday sunday morning afternoon evening night earlier later
    this today yesterday recently also ,""")
)
_ADVERBIAL_START = frozenset(split_words("on in at during last this earlier later today yesterday"))
DETERMINERS_OPENING = frozenset(split_words("the a an"))
_OBJECT_VERBS = frozenset(
    split_words("told tells tell telling informed informs warned warns urged reminded")
)


_CALL = frozenset(split_words("call calls called calling"))
_PHRASAL_VERBS = frozenset(
    [(verb, "to") for verb in split_words("point points pointed pointing")]
    + [("put", "it"), ("puts", "it"), ("went", "on"), ("goes", "on"), ("shot", "back")]
)

# A noun of stance after a verb of expressing, then "that": a cue of two words.
_EXPRESSING = frozenset(split_words("expressed expresses expressing voiced voices voicing"))
_STANCES = frozenset(split_words("concern concerns hope hopes fear fears confidence doubt doubts"))

_ADJUNCT_STARTS = frozenset(
    split_words("""in on at during to of after before when while as with from last this just
    yesterday today tonight later earlier then also again recently monday tuesday wednesday
    thursday friday saturday sunday morning afternoon evening night""")
)

_NEXT_QUOTE = re.compile(r"[\s,]*(?:[\w’'-]+\s*){0,2}[,:]?\s*(?:[“\"]|'')")
_LATER_THAT = re.compile(r"(?!\s*,\s*\w+ing\b)[\s,]*(?:[\w’'-]+[\s,]+){0,2}that\b")

# Reporting words that are more often nouns ("the state union", "a text message").
_NOUN_LIKE_CUES = frozenset(
    split_words("""state states report reports note notes comment comments claim claims post
    posts call calls order orders answer answers reply replies promise promises demand demands
    email emails text texts tweet tweets offer offers charge charges pledge pledges joke jokes
    remark remarks signal protest protests counter forecast estimate estimates cry""")
)

# Two-word cues after a quotation: "…,” Trump shot back.", "…,” he went on."
_PHRASAL_AFTER = frozenset(
    [("went", "on"), ("goes", "on"), ("shot", "back"), ("fired", "back"), ("chimed", "in")]
    + [("cut", "in"), ("hit", "back"), ("pushed", "back"), ("wrote", "back")]
)
# The words that may be the verb of a name after a quotation.
_MAY_DECIDE_AFTER = REPORTING_VERBS | {verb for verb, _ in _PHRASAL_AFTER}

# "As X put it, “…”", "Trump went on: “…”": cues for a quotation, not for indirect speech.
_QUOTE_ONLY = frozenset(split_words("put puts went goes shot"))


# Verbs whose object is moved to speak: "prompted the Atlas to state, “…”".
_MOVING_VERBS = frozenset(
    split_words("""prompted prompting prompts led leads leading urged urges forced forces
    caused causes inspired inspires encouraged encourages invited invites pushed pressed
    challenged moved""")
)
_PASSIVE_BE = frozenset(split_words("was were is are been being"))


@dataclass
class Cue:
    start: int
    end: int
    speaker: Mention | None
    cognition: bool = False
    rule: str = field(default="", compare=False)  # the named rule that found this cue


# Cognition words that are more often nouns after a determiner and a modifier.
_NOUNISH_COGNITION = frozenset(
    split_words("""figure figures hope hopes fear fears doubt doubts worry worries estimate
    estimates guess""")
)
_OF_LIKE = frozenset(split_words("of in on with for by"))


def content_end(tokens: list[Token]) -> int:
    """The index after a sentence's last token that is not final punctuation (". ! ? ; :"):
    where reported content ends at the latest. A narrator's comment closing the sentence
    ("…, a claim that could not be independently verified.") is not the speaker's."""
    last = len(tokens)
    while last > 0 and tokens[last - 1].text in {".", "!", "?", ";", ":"}:
        last -= 1
    commas = [k for k in range(2, last - 2) if tokens[k].text == ","]
    if commas and _narrator_comment(tokens, commas[-1] + 1):
        return commas[-1]  # the comment closes the sentence: after the last comma
    return last


# "…, a claim that could not be verified", "…, a figure which the ministry disputes"
_COMMENT_NOUNS = frozenset(split_words("claim figure number toll account assertion allegation"))


def _narrator_comment(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k:] open a narrator's comment on what was reported: "a claim that …",
    "an account which …", "which could not be independently verified"."""
    words = [t.lower for t in tokens[k : k + 5]]
    if len(words) >= 3 and words[0] in {"a", "an"} and words[1] in _COMMENT_NOUNS:
        return words[2] in {"that", "which"}
    return words[:3] == ["which", "could", "not"] and "verified" in [
        t.lower for t in tokens[k : k + 6]
    ]


_CLAIM = frozenset(split_words("claim claims claimed claiming"))


def _claimed_lives(tokens: list[Token], i: int) -> bool:
    """ "claimed the lives of six children", "has claimed 300 lives": "lives" (or "life")
    within four words as the object, with no clause after it ("claimed the lives of the crew
    were never at risk" is reported speech)."""
    k = next((k for k in range(i + 1, min(i + 5, len(tokens))) if tokens[k].lower in _LIVES), -1)
    return k > 0 and not any(t.lower in _PASSIVE_BE for t in tokens[k + 1 : k + 7])


def _plural_then_that(tokens: list[Token], i: int) -> bool:
    """ "The researchers estimate that …": a verb of thinking without -s after a plural noun
    and before "that" is the plural's verb, not a noun ("the budget estimate")."""
    if i < 1 or i + 1 >= len(tokens) or tokens[i + 1].lower != "that":
        return False
    before = tokens[i - 1].text
    return (
        not tokens[i].lower.endswith("s")
        and before.isalpha()
        and before.islower()
        and before.endswith("s")
        and not before.endswith(("ss", "us", "is"))
    )


_LIVES = frozenset(split_words("life lives"))
# Marks that close an aside: a reporting word right before one ends a noun phrase.
_ASIDE_CLOSERS = frozenset({"—", "–", "--", ")"})


def _verb_at(tokens: list[Token], i: int) -> int:
    """Return how many tokens make a reporting cue at tokens[i] (0 if none)."""
    word = tokens[i].lower
    if _no_cue_here(tokens, i, word):
        return 0
    following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if word in _ADD and following in {"up", "to"}:
        return 0  # "the efforts added up to …", "adding to the confusion": no saying
    if (word, following) in _PHRASAL_VERBS or (word in _CALL and following in {"for", "on"}):
        return 2  # "called for a boycott", "pointed to the deficit"
    if (
        word in _EXPRESSING
        and following in _STANCES
        and i + 2 < len(tokens)
        and tokens[i + 2].lower == "that"
    ):
        return 2  # "expressed concern that …", "voiced hope that …"
    if word in REPORTING_VERBS:
        return _reporting_verb_at(tokens, i, word)
    if word in _THAT_VERBS and _then_that(tokens, i):
        return 1  # "The ministry highlighted that …", "She shared that …"
    return 0


# Verbs of press releases and UN news that report only with "that" right after them (or
# after a place or time): "highlighted the need", "shared a photo", "requested a meeting" and
# "alerted the police" are no reported speech. ("requested that" was taken out again: its
# one find, a country's request in UN news, came with a speaker the labels disagree on.)
_THAT_VERBS = frozenset(
    split_words("""highlight highlights highlighted highlighting alert alerts alerted alerting
    share shares shared sharing propose proposes proposed proposing""")
)


# Nouns "state" modifies ("state media", "state television"): no verb "state" has them as its
# object before what it reports.
_STATE_OWNED = frozenset(
    split_words("""media television tv radio broadcaster broadcasters news agency newspaper
    press outlets officials department prosecutors investigators""")
)


def _inside_name(tokens: list[Token], i: int) -> bool:
    """Whether the capitalised word at tokens[i] stands between two capitalised words of a
    name in running text ("the Norland Rail Union said"), not a headline's words (whose words
    around it are all capitalised: "Minister Warns Norland Faces Crisis")."""
    if not (0 < i < len(tokens) - 1 and tokens[i].capitalised):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if not (before.capitalised and before.text.isalpha() and after.text.isalpha()):
        return False
    running = any(t.text.islower() for t in tokens[:i] + tokens[i + 2 : i + 3])
    return after.capitalised and running


def _no_cue_here(tokens: list[Token], i: int, word: str) -> bool:
    """Whether the word at tokens[i] is no cue here, though it can be one: a noun, an adjective,
    a headline's word in capitals, or "claimed" of "claimed the lives of"."""
    if tokens[i].text.isupper() and len(word) > 1:
        return True  # a headline in capitals ("… THAN EXPECTED - Name:")
    if tokens[i].capitalised and word in {"state", "states", "note", "notes"}:
        return True  # "the United States", "Editor's Note"
    if _inside_name(tokens, i):
        return True  # "the Norland Rail Union said": a word of the union's name
    if word == "state" and i + 1 < len(tokens) and tokens[i + 1].lower in _STATE_OWNED:
        return True  # "Chinese state media reported that …": whose media, not a verb
    if (
        word in _NOUN_LIKE_CUES
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].lower in {"media", "news", "press"}
        and is_cue_word(tokens[i + 1].text)
    ):
        return True  # "Media reports said …", "social media posts claimed …": nouns
    if word.endswith("ing") and i > 0 and tokens[i - 1].lower in {"most", "more", "very"}:
        return True  # "The most telling promise": an adjective
    if (
        word in _NOUN_LIKE_CUES
        and i > 0
        and tokens[i - 1].text.endswith(("’s", "'s", "s’", "s'"))
        and tokens[i - 1].lower not in {"he’s", "he's", "she’s", "she's", "it’s", "it's"}
    ):
        return True  # "Editor’s note", "Lazar’s claims": a noun after a possessive
    if (
        word in _NOUNISH_COGNITION
        and (
            (i > 0 and tokens[i - 1].lower in DETERMINERS)
            or (i > 1 and tokens[i - 2].lower in DETERMINERS | _OF_LIKE)
        )
        and not _plural_then_that(tokens, i)
    ):
        return True  # "A rumpled figure with …", "the world of Bush-era figures": nouns
    if word.endswith("ing") and i + 1 < len(tokens) and tokens[i + 1].text in _ASIDE_CLOSERS:
        return True  # "two days after the Court of Appeal ruling — he said …": a noun
    # "The storm claimed the lives of six children": it killed, no one spoke
    return word in _CLAIM and _claimed_lives(tokens, i)


def _reporting_verb_at(tokens: list[Token], i: int, word: str) -> int:
    """How many tokens make a cue of the reporting verb at tokens[i]."""
    if word in {
        "post",
        "posted",
        "call",
        "called",
        "put",
        "order",
        "orders",
        "ordered",
        "begin",
        "began",
        "read",
        "reads",
        "sang",
        "sing",
        "sings",
    }:
        if word in {"post", "posted", "order", "orders", "ordered"} and _then_that(tokens, i):
            return 1  # "posted on social media last week that …", "ordered that …"
        # (without "that", "Half-filled orders will …" is the plural noun)
        return 0  # too often not reporting; only after quotations (see quote_cue_after)
    if word == "point" or word == "pointed":
        return 2 if i + 1 < len(tokens) and tokens[i + 1].lower == "out" else 0
    return 1


def _listener_then_that(tokens: list[Token], k: int) -> int | None:
    """The index of "that" after the listener of "explained to (the BBC) that …" starting at
    tokens[k]: "the" and capitalised words ("Wikinews", "the Norland Herald"), or filler words
    such as "reporters" (not "agreed to a deal that …", a relative clause)."""
    start = k
    while k < len(tokens) and k - start < 6:
        token = tokens[k]
        if token.lower == "that":
            return k if k > start and k + 1 < len(tokens) else None
        if not ((token.capitalised and token.text[0].isalpha()) or token.lower in _FILLER):
            return None
        k += 1
    return None


_ADD = frozenset(split_words("add adds added adding"))


def _then_that(tokens: list[Token], i: int) -> bool:
    """Whether "that" follows tokens[i] right away or after a place or a time with no
    punctuation: "posted that …", "posted on social media last week that …"."""
    if i + 1 < len(tokens) and tokens[i + 1].lower == "that":
        return True
    if i + 1 < len(tokens) and tokens[i + 1].lower == "to":
        return _listener_then_that(tokens, i + 2) is not None
    if i + 1 >= len(tokens) or tokens[i + 1].lower not in {"on", "in", "at"}:
        return False
    for k in range(i + 2, min(len(tokens) - 3, i + 9)):
        if tokens[k].lower == "that":
            return True  # (with a clause after it, not "about that visit.")
        if not tokens[k].text.isalnum() or tokens[k].lower in {"about", "of", "for"}:
            return False
    return False


def is_cue_word(word: str) -> bool:
    return word.lower() in REPORTING_VERBS


def cue_after_quote(text: str, start: int, end: int) -> Cue | None:
    """Attribution right after a closing mark: "…,” he said" or "…,” said Renad Mansour, …".

    After a quotation that ends its sentence ("…end.”"), a cue that introduces more words of
    its own ("He added that …", "Mr. Zahed said: “…”") opens the next sentence: not this one's.
    """
    cue = _cue_after_quote(text, start, end)
    if cue is None or cue.speaker is None:
        return cue
    closing = text[max(0, start - 3) : start].rstrip("\"”’'»")[-1:]
    if closing in {".", "!", "?"} and vetoed(_NEXT_SENTENCE, _Next(text, end, cue, closing)):
        return None
    return cue


class _Next:
    """A cue after a quotation that ends its sentence, and the words after the cue."""

    __slots__ = ("closing", "cue", "rest", "word")

    def __init__(self, text: str, end: int, cue: Cue, closing: str) -> None:
        self.rest = text[max(cue.end, cue.speaker.end) : end].lstrip()
        self.word = self.rest.split(maxsplit=1)[0] if self.rest.strip() else ""
        self.cue, self.closing = cue, closing

    @property
    def new_clause(self) -> bool:
        """The words after the cue run on: not an adjunct of the cue."""
        return self.word.lower().strip(",.") not in _ADJUNCT_STARTS


def _opener_sentence(n: _Next) -> bool:
    """ "“…?” Her critics cited it as evidence that …": a new sentence."""
    speaker = n.cue.speaker
    return (
        speaker.start < n.cue.start
        and speaker.text.split()[0] in _CAPITALISED_OPENERS
        and n.word[:1].isalnum()
        and n.new_clause
        and len(_SENTENCE_END.split(n.rest, maxsplit=1)[0].split()) >= 4
    )


# A cue after "…end.”" that belongs to the next sentence.
_NEXT_SENTENCE = (
    # "He added that …", "Mr. Zahed said: “…”"
    Veto(
        "cue-after/introduces-more",
        lambda n: n.word.lower() == "that" or n.rest[:1] in {":", "“", '"'} or n.rest[:2] == "''",
    ),
    # "“…?” Mills then writes back, “You look cute.”"
    Veto(
        "cue-after/next-quote",
        lambda n: bool(_NEXT_QUOTE.match(n.rest) or _LATER_THAT.match(n.rest)),
    ),
    # "“…end.” He mentioned a long list of candidates …"
    Veto(
        "cue-after/runs-on",
        lambda n: n.closing == "." and n.word[:1].islower() and n.new_clause,
    ),
    Veto("cue-after/opener-sentence", _opener_sentence),
)


# Capitalised words that open a sentence, not an attribution carried on from a quotation.
_CAPITALISED_OPENERS = frozenset(
    w.capitalize()
    for w in CAPITALISED_STOPWORDS
    if w.isalpha() and w not in {"mr", "mrs", "ms", "dr"}
)
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?](?:\s|$)")


_MODALS = frozenset(
    split_words("could would will should may might must can cannot is was are were has had")
)


def _subject_of_content(tokens: list[Token], speaker: Mention) -> bool:
    """Whether the mention after an inverted verb opens the reported clause instead: "…,''
    said the candidate could win" (the candidate is the clause's subject, not the speaker)."""
    end = speaker.role_span[1] if speaker.role_span else speaker.end
    k = next((k for k, t in enumerate(tokens) if t.start >= end), len(tokens))
    return k < len(tokens) and tokens[k].lower in _MODALS


def _cue_after_quote(text: str, start: int, end: int) -> Cue | None:
    """The cue after a closing mark: an inverted verb first ("said Ann Lie"), then a name and
    its verb ("Ann Lie, …, said"), then the late readings (`_LATE_AFTER`)."""
    tokens = tokenize(text, start, min(end, start + 400))
    i = 0
    while i < len(tokens) and tokens[i].text in {",", "—", "–", "-"}:
        i += 1
    if i >= len(tokens):
        return None
    after = _After(text, start, tokens, i)
    fired = first(_OPENING_AFTER, after) or _name_then_verb(after) or first(_LATE_AFTER, after)
    if fired is None:
        return None
    rule, cue = fired
    cue.rule = rule.name
    return cue


@dataclass(slots=True)
class _After:
    """The words after a closing mark; tokens[i] is the first word."""

    text: str
    start: int
    tokens: list[Token]
    i: int

    @property
    def lead(self) -> Token:
        return self.tokens[self.i]

    @property
    def mid_sentence(self) -> bool:
        """The quotation ends mid-sentence: "…,” Kelly charged."."""
        return self.text[max(0, self.start - 3) : self.start].rstrip("\"”’'»")[-1:] in {
            ",",
            "?",
            "!",
        }


def _said_name(a: _After) -> Cue | None:
    """Inverted: "…,” said Michael Knights"."""
    verb = a.lead
    if (
        verb.lower not in REPORTING_VERBS
        or verb.lower in {"according"}
        or verb.lower.endswith("ing")  # "…,” promising the club will return"
        or verb.lower in _OBJECT_VERBS  # "…,” told Reuters": the listener
    ):
        return None
    speaker = mention_after(a.text, a.tokens, a.i + 1)
    if speaker is not None and not _subject_of_content(a.tokens, speaker):
        return Cue(verb.start, verb.end, speaker, verb.lower in COGNITION_VERBS)
    return None


def _quoted_after(a: _After) -> Cue | None:
    """ "…,” Xinhua quoted Bo Berg as saying.", "…,” Bo Berg was quoted as saying.": the one
    quoted said it, not the one who quotes."""
    tokens, start = a.tokens, a.i
    stops = {".", "!", "?", ";", "“", '"'}
    last = next(
        (k for k in range(start, min(len(tokens), start + 16)) if tokens[k].text in stops),
        min(len(tokens), start + 16),
    )
    q = next((k for k in range(start + 1, last) if tokens[k].lower in _QUOTING), -1)
    span = _quoting_span(tokens, q, last) if q > start else None
    if span is None:
        return None
    q, saying = span
    found = _quoted_one(a.text, tokens, q, saying, start)
    if found is None or found[1] is None:
        return None  # (nothing names who quoted)
    speaker, subject = found
    if speaker is subject and speaker.start != tokens[start].start:
        return None  # "Bo Berg was quoted as saying": he opens the words after the mark
    return Cue(tokens[saying - 1].start, tokens[saying].end, speaker)


_OPENING_AFTER: tuple[Rule[_After, Cue], ...] = (
    Rule("cue-after/said-name", _said_name),
    Rule("cue-after/quoted-as-saying", _quoted_after),  # "…,” Xinhua quoted Bo Berg as saying."
)


class _NameVerb:
    """A word after a closing mark that may be the verb of the name before it: "…,” Renad
    Mansour, a fellow at Chatham House, said"."""

    __slots__ = ("_speaker", "a", "embedded", "j", "phrasal", "word")

    def __init__(self, a: _After, j: int, embedded: set[int]) -> None:
        self.a, self.j, self.embedded = a, j, embedded
        tokens = a.tokens
        self.word = tokens[j].lower
        following = tokens[j + 1].lower if j + 1 < len(tokens) else ""
        self.phrasal = (self.word, following) in _PHRASAL_AFTER
        self._speaker: Mention | None | bool = False

    @property
    def speaker(self) -> Mention | None:
        """The mention before the verb (found once)."""
        if self._speaker is False:
            self._speaker = mention_before(self.a.text, self.a.tokens, self.j)
        return self._speaker  # type: ignore[return-value]

    @property
    def opens(self) -> bool:
        """The speaker is the first word after the quotation."""
        return self.speaker is not None and self.speaker.start == self.a.lead.start

    @property
    def verb(self) -> Token:
        return self.a.tokens[self.j]

    def cue(self) -> Cue:
        return Cue(self.verb.start, self.verb.end, self.speaker, self.word in COGNITION_VERBS)


def _name_then_verb(a: _After) -> tuple[Rule[_NameVerb, Cue], Cue] | None:
    """Subject first, the verb within the next few tokens: "…,” Renad Mansour, …, said"."""
    tokens, i = a.tokens, a.i
    embedded = _embedded_titles(tokens, i)
    for j in range(i + 1, min(len(tokens), i + 36)):
        if tokens[j].lower not in _MAY_DECIDE_AFTER and tokens[j].text not in _END_MARKS:
            continue  # most words: nothing below applies (kept out for speed)
        at = _NameVerb(a, j, embedded)
        if vetoed(_PASS_OVER_AFTER, at):
            continue
        if vetoed(_END_AFTER, at):
            break
        if not at.phrasal and at.word not in REPORTING_VERBS:
            continue
        fired = first(_NAME_THEN_VERB, at)
        if fired is not None:
            return fired
        if not vetoed(_NOUN_AFTER_NAME, at):
            break
    return None


def _noun_reading(at: _NameVerb) -> bool:
    """ "…,” the note says", "the campaign's email read", "the United States"."""
    tokens, j = at.a.tokens, at.j
    return (
        at.word in REPORTING_VERBS
        and (
            tokens[j - 1].lower in DETERMINERS
            or tokens[j - 1].lower == "to"  # "…, who was not authorized to speak, said"
            or tokens[j - 1].text.endswith(("’s", "'s"))
            or tokens[j].text[:1].isupper()
        )
    )


# Words the search for the name's verb passes over.
_PASS_OVER_AFTER = (
    Veto("cue-after/embedded-title", lambda at: at.j in at.embedded),  # "…” pins, said."
    Veto("cue-after/noun-reading", _noun_reading),
)
_END_MARKS = frozenset({".", "!", "?", "“", "”", '"', ";"})
# "Rep. Ann Cole (D-Ore.) said": an abbreviation does not end the sentence.
_END_AFTER = (
    Veto(
        "cue-after/sentence-end",
        lambda at: at.verb.text in _END_MARKS and not abbreviation_dot(at.a.tokens, at.j),
    ),
)


def _name_phrasal(at: _NameVerb) -> Cue | None:
    """ "…,” Trump shot back.", "…,” he went on."."""
    if not at.phrasal or not at.opens:
        return None
    return Cue(at.verb.start, at.a.tokens[at.j + 1].end, at.speaker)


def _lead_tokens(at: _NameVerb) -> list[Token] | None:
    """The words between the quotation and a later speaker (None unless there are such)."""
    if at.phrasal or at.a.lead.lower in CLAUSE_OPENERS:
        return None  # "…,” but he denied that …", "…,” when Ann Lie criticised him"
    speaker = at.speaker
    if speaker is None or speaker.start <= at.a.lead.start:
        return None
    return [t for t in at.a.tokens[at.a.i : at.j] if t.end <= speaker.start]


def _role_appositive(at: _NameVerb) -> Cue | None:
    """ "…,” the mayor’s chief of staff, Joe Kasper, told POLITICO."."""
    lead_tokens = _lead_tokens(at)
    if lead_tokens is None or at.speaker.kind != "name" or not 3 <= len(lead_tokens) <= 9:
        return None
    appositive = lead_tokens[:]
    while appositive and len(appositive) > len(lead_tokens) - 2 and appositive[-1].text.islower():
        appositive.pop()  # "the mayor's niece, state Sen. Ann Lie, said"
    if not (
        appositive[-1:]
        and appositive[-1].text == ","
        and all(t.text[0].isalnum() for t in appositive[:-1])
        and not any(t.text.islower() and is_cue_word(t.text) for t in appositive)
    ):
        return None
    if not at.speaker.role:
        lead = at.a.text[at.a.lead.start : at.speaker.start].strip()
        at.speaker.role = lead.rstrip(",").strip()
    return at.cue()


def _lead_said(at: _NameVerb) -> Cue | None:
    """ "Senate minority leader Harry Reid told", "…,” the ministry said."."""
    lead_tokens = _lead_tokens(at)
    if (
        lead_tokens is None
        or len(lead_tokens) > 6
        or not all(t.text[0].isalnum() or t.text in {"$", "&"} for t in lead_tokens)
        or any(t.text.islower() and is_cue_word(t.text) for t in lead_tokens)
    ):
        return None
    speaker = at.speaker
    lead = at.a.text[at.a.lead.start : speaker.start].strip()
    if speaker.kind == "name" and not speaker.role and lead.lower() not in {"the", "a", "an"}:
        speaker.role = lead
    return at.cue()


# The verb of the name after a quotation, in order.
_NAME_THEN_VERB: tuple[Rule[_NameVerb, Cue], ...] = (
    Rule("cue-after/name-phrasal", _name_phrasal),  # "…,” Trump shot back."
    # "…,” Renad Mansour, a fellow at Chatham House, said"
    Rule("cue-after/name-said", lambda at: at.cue() if not at.phrasal and at.opens else None),
    Rule("cue-after/role-appositive", _role_appositive),  # "…,” the mayor’s aide, Joe Kasper, told"
    Rule("cue-after/lead-said", _lead_said),  # "…,” Senate minority leader Harry Reid said"
)


def _state_noun(at: _NameVerb) -> bool:
    """ "Ann Lie, president of the state union, said", "…,” state Sen. Ann Lie said"."""
    tokens, j = at.a.tokens, at.j
    return (
        not at.phrasal
        and at.a.lead.lower not in CLAUSE_OPENERS
        and at.word in _NOUN_LIKE_CUES
        and (
            tokens[j - 1].text[:1].isalnum()
            or (j + 1 < len(tokens) and tokens[j + 1].lower in TITLES)
        )
    )


# A reporting word that is no verb of the name: the search goes on past it.
_NOUN_AFTER_NAME = (Veto("cue-after/state-noun", _state_noun),)


def _according_to_after(a: _After) -> Cue | None:
    """ "…,” according to Ann Lie."."""
    tokens, i = a.tokens, a.i
    if tokens[i].lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
        speaker = mention_after(a.text, tokens, i + 2)
        if speaker is not None:
            return Cue(tokens[i].start, tokens[i + 1].end, speaker)
    return None


def _he_mocks(a: _After) -> Cue | None:
    """ "…,” he mocks.": a present-tense verb after a pronoun, then a stop."""
    tokens, i = a.tokens, a.i
    j = i + 1
    if not (a.mid_sentence and j < min(len(tokens), i + 6)):
        return None
    word = tokens[j].text
    if (
        tokens[i].lower in {"he", "she"}
        and word.isalpha()
        and word.islower()
        and word.endswith("s")
        and len(word) > 3
        and j + 1 < len(tokens)
        and tokens[j + 1].text in {".", ","}
    ):
        return Cue(tokens[j].start, tokens[j].end, _build_pronoun(tokens[i]))
    return None


def _unlisted_verb(word: str) -> bool:
    """A lowercase past-tense word: "charged", "surmised", "retorted"."""
    return word.islower() and word.isalpha() and word.endswith("ed") and len(word) > 4


def _name_verbed(a: _After) -> Cue | None:
    """ "…,” Kelly charged." / "…,” he surmised.": any past-tense verb after a quotation that
    ends mid-sentence is its cue."""
    if not a.mid_sentence:
        return None
    tokens, i = a.tokens, a.i
    j = next(
        (j for j in range(i + 1, min(len(tokens), i + 6)) if _unlisted_verb(tokens[j].text)), -1
    )
    if j < 0:
        return None
    speaker = mention_before(a.text, tokens, j)
    after = tokens[j + 1].text if j + 1 < len(tokens) else "."
    if (
        speaker is not None
        and (
            speaker.start == tokens[i].start
            or _described_name(tokens, i, speaker)  # "an angry Ann Lie retorted"
        )
        and (
            speaker.kind in {"name", "pronoun"}
            # "…,” the Republican nominee riffed.": a described person, then a stop
            or (
                speaker.kind == "common"
                and tokens[i].lower in {"the", "a", "an"}
                and (after in {".", ",", "!", ";"} or after in _AFTER_VERB)
            )
        )
        and (after in {".", ",", "!", "?", ";"} or tokens[j + 1].text.islower())
    ):
        return Cue(tokens[j].start, tokens[j].end, speaker)
    return None


def _verbed_name(a: _After) -> Cue | None:
    """ "…,” exhorted the actress Jamie Lee Curtis.", "…,” opined the Plain Dealer."."""
    if not a.mid_sentence or not _unlisted_verb(a.lead.text):
        return None
    speaker = mention_after(a.text, a.tokens, a.i + 1)
    if speaker is not None and speaker.kind in {"name", "org", "common"}:
        return Cue(a.lead.start, a.lead.end, speaker)
    return None


# When no name and verb follow the quotation.
_LATE_AFTER: tuple[Rule[_After, Cue], ...] = (
    Rule("cue-after/according-to", _according_to_after),  # "…,” according to Ann Lie."
    Rule("cue-after/he-mocks", _he_mocks),  # "…,” he mocks."
    Rule("cue-after/name-verbed", _name_verbed),  # "…,” Kelly charged."
    Rule("cue-after/verbed-name", _verbed_name),  # "…,” opined the Plain Dealer."
)


def _described_name(tokens: list[Token], i: int, speaker: Mention) -> bool:
    """Whether only an article and lowercase adjectives come before a name: "an angry Ann
    Lie", "a smiling Tom Baker"."""
    lead = [t for t in tokens[i:] if t.end <= speaker.start]
    return (
        speaker.kind == "name"
        and 2 <= len(lead) <= 3
        and lead[0].lower in {"a", "an", "the"}
        and all(t.text.isalpha() and t.text.islower() for t in lead[1:])
    )


def _embedded_titles(tokens: list[Token], i: int) -> set[int]:
    """Indexes of curly marks around a short title inside an appositive after a quotation:
    "…,” Ann Lie, wearing a hat and “Vote Ida” pins, said." (opened after a word, closed
    before a lowercase word)."""
    found: set[int] = set()
    for k in range(i + 2, min(len(tokens), i + 30)):
        if tokens[k].text != "“" or not tokens[k - 1].text[:1].isalnum():
            continue
        stop = min(len(tokens), k + 7)
        close = next((m for m in range(k + 1, stop) if tokens[m].text == "”"), -1)
        if close > k + 1 and close + 1 < len(tokens) and tokens[close + 1].text.islower():
            found |= {k, close}
    return found


# Words that may follow an unlisted verb of saying: "…,” the nominee riffed on the answer."
_AFTER_VERB = frozenset(split_words("on in at about during after before with as while to"))


def _noun_compound(tokens: list[Token], i: int) -> bool:
    """Whether a reporting word that is often a noun sits between two lowercase nouns:
    "the private server email story", "a campaign text message"."""
    if tokens[i].lower not in _NOUN_LIKE_CUES or i == 0 or i + 1 >= len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    return (
        before.text.isalpha()
        and before.text.islower()
        and before.lower not in AUXILIARIES
        and before.lower not in _CLAUSE_STOPS
        and before.lower not in _SUBORDINATORS
        and after.text.isalpha()
        and after.text.islower()
        and after.lower not in _FILLER
        and after.lower not in _CLAUSE_STOPS
        and after.lower not in DETERMINERS
    )


def _build_pronoun(token: Token) -> Mention:
    return Mention(token.start, token.end, token.text, "pronoun", head_tokens=[token.text])


_GOVERNING_VERBS = frozenset(
    split_words("began begins begin went goes go had has have got gets get chose wants want")
)


def _infinitive_subject(text: str, tokens: list[Token], verb: int) -> Mention | None:
    """The subject of the verb that governs an infinitive or a gerund cue: "Ann Lie was
    prompted to say, “…”", "he began by saying, “…”", "Lie went on to say, “…”"."""
    k = verb - 1
    if k < 2 or tokens[k].lower not in {"to", "by"}:
        return None
    if tokens[k].lower == "to" and not tokens[verb].lower.endswith("ing"):
        # "That record prompted the Atlas, which …, to state, “…”": the object of a verb
        # that moves someone to speak
        listener = mention_before(text, tokens, k)
        if listener is not None and listener.kind in {"name", "org", "common"}:
            m = speaker_index(tokens, listener)
            while m > 0 and tokens[m - 1].lower in DETERMINERS:
                m -= 1
            if m > 0 and tokens[m - 1].lower in _MOVING_VERBS:
                return listener
    if tokens[k].lower == "by" and not tokens[verb].lower.endswith("ing"):
        return None  # "was asked by …": the asker follows
    k -= 1
    if tokens[k].lower in {"on", "up"}:
        k -= 1  # "went on to say", "ended up saying"
    word = tokens[k].text
    if not (word.isalpha() and word.islower()) or not (
        (word.endswith("ed") and len(word) > 4) or word in _GOVERNING_VERBS
    ):
        return None  # "explained the headline by saying": the verb is further back
    m = k - 1
    while m >= 0 and tokens[m].lower in _PASSIVE | AUXILIARIES:
        m -= 1
    if m < 0:
        return None
    speaker = mention_before(text, tokens, m + 1)
    if speaker is None or speaker.kind not in {"name", "pronoun", "org", "common"}:
        return None
    return speaker


def _past_tense_before(text: str, tokens: list[Token]) -> Cue | None:
    """An unlisted past-tense verb right before the comma that opens a quotation: "Hillary
    Clinton cracked, “…”", "an angry Hollande retaliated, “…”"."""
    if len(tokens) < 3 or tokens[-1].text not in {",", ":"}:
        return None
    verb = tokens[-2]
    word = verb.text
    if not (word.islower() and word.isalpha() and word.endswith("ed") and len(word) > 4):
        return None
    speaker = mention_before(text, tokens, len(tokens) - 2)
    if speaker is None:
        # "she thanked the crowd and then boomed, “…”": the coordinated clause's subject.
        speaker = _coordinated_pronoun(text, tokens, len(tokens) - 2)
    if speaker is None or speaker.kind not in {"name", "pronoun"}:
        return None
    return Cue(verb.start, verb.end, speaker)


_DOCUMENTS = frozenset(
    split_words("""statement email emails letter release memo note message post tweet ad
    video report""")
)


def _issuer(text: str, tokens: list[Token], document: Mention) -> Mention | None:
    """Who put out the document a participle hangs on: "Mr. Trump issued a statement on
    Tuesday saying, “…”" and "Her campaign blasted out an email stating, “…”" name the issuer."""
    if document.kind != "common" or not document.head_tokens:
        return None
    if not any(word.lower() in _DOCUMENTS for word in document.head_tokens[:3]):
        return None
    k = speaker_index(tokens, document)
    if k < 2 or tokens[k].lower not in DETERMINERS or not tokens[k - 1].text.islower():
        return None  # the document must be the object of a verb
    subject = _sentence_subject(text, tokens, k)
    if subject is None:
        comma = next((c for c in range(1, k) if tokens[c].text == ","), 0)
        head = _np_ending_at(text, tokens, comma - 1) if comma else None
        if head is not None and head.start == tokens[0].start and head.kind != "pronoun":
            subject = head  # "Mr. Trump, who …, issued a statement saying"
    return subject or _leading_np(text, tokens, k) or _np_after_comma(text, tokens, k - 1)


def _np_after_comma(text: str, tokens: list[Token], verb: int) -> Mention | None:
    """The noun phrase between the last comma and a verb: "Even before Lie spoke, his
    campaign sent out (a message)" gives "his campaign"."""
    while verb > 0 and tokens[verb].lower in {"out", "up", "off"}:
        verb -= 1
    comma = next((c for c in range(verb - 1, -1, -1) if tokens[c].text == ","), -1)
    phrase = tokens[comma + 1 : verb]
    if not 1 <= len(phrase) <= 5 or not all(t.text[:1].isalnum() for t in phrase):
        return None
    if len(phrase) == 1 and phrase[0].lower in _SUBJECT_PRONOUNS:
        return Mention(phrase[0].start, phrase[0].end, phrase[0].text, "pronoun")
    if not (phrase[0].lower in DETERMINERS or phrase[0].capitalised):
        return None
    if any(t.lower in _SUBORDINATORS or is_cue_word(t.text) for t in phrase):
        return None
    mention = Mention(phrase[0].start, phrase[-1].end, "", "common")
    mention.text = text[mention.start : mention.end]
    mention.head_tokens = [t.text for t in phrase]
    return mention


def _quoted(tokens: list[Token]) -> list[bool]:
    """Which tokens sit inside quotation marks (“…”, "…" or ''…'')."""
    inside = False
    result = []
    for k, token in enumerate(tokens):
        mark = token.text
        if mark == "'" and k + 1 < len(tokens) and tokens[k + 1].text == "'":
            if tokens[k + 1].start == token.end:
                mark = '"'
        elif (
            mark == "'" and k > 0 and tokens[k - 1].text == "'" and tokens[k - 1].end == token.start
        ):
            result.append(inside)
            continue
        if mark == "“":
            inside = True
        elif mark == "”":
            result.append(inside)
            inside = False
            continue
        elif mark == '"':
            if inside:
                result.append(inside)
                inside = False
                continue
            inside = True
        result.append(inside)
    return result


def _earlier_cue_speaker(text: str, tokens: list[Token], stop: int) -> Mention | None:
    """The speaker of the nearest cue before a participle in the same sentence: "Spicer said,
    adding, “…”", "“…,” he said, adding, “…”", "Ann Lie told the paper that …, adding, “…”"."""
    quoted = _quoted(tokens[:stop])
    for k in range(stop - 1, 0, -1):
        word = tokens[k].lower
        if quoted[k] or word not in REPORTING_VERBS or word.endswith("ing"):
            continue
        if tokens[k].text[:1].isupper() or word in COGNITION_VERBS:
            continue
        before = tokens[k - 1]
        if before.lower in DETERMINERS or before.text.endswith(("’s", "'s", "’", "'")):
            continue  # "Mrs. Clinton's remark", "the statement": a noun, not a verb
        if not (word.endswith(("ed", "s")) or word in {"said", "told", "wrote", "spoke"}):
            continue
        speaker = mention_before(text, tokens, k)
        if speaker is None and tokens[k - 1].text in {",", "”", '"', "'"}:
            speaker = mention_after(text, tokens, k + 1)
        if speaker is not None and speaker.kind in {"name", "pronoun", "org", "common"}:
            return speaker
        return None
    return None


_DASHES = frozenset({"-", "–", "—"})
_OBJECT_PREPOSITIONS = frozenset(split_words("on in at to from about into onto"))
_SUBJECT_PRONOUNS = frozenset(split_words("he she they we"))
_CLAUSE_BREAKS = frozenset([",", "—", "–"]) | frozenset(
    split_words("when as after while because before since although though and but then")
)


def _with_subject(text: str, tokens: list[Token], verb: int) -> Mention | None:
    """The noun phrase after "with" that does a participle: "with many marchers and
    spectators chanting “…”"."""
    if not tokens[verb].lower.endswith("ing") or verb < 2:
        return None
    if tokens[verb - 1].lower == "and":
        # "with Ann Lie tweeting that it was a disaster and asking, “…”": the first participle
        first = next(
            (
                k
                for k in range(verb - 2, max(-1, verb - 25), -1)
                if tokens[k].lower.endswith("ing") and tokens[k].text.islower()
            ),
            -1,
        )
        return _with_subject(text, tokens, first) if first > 1 else None
    for k in range(verb - 2, max(-1, verb - 8), -1):
        if tokens[k].lower == "with":
            phrase = tokens[k + 1 : verb]
            if not all(t.text[:1].isalnum() for t in phrase):
                return None
            if not phrase[-1].text.islower():
                named = _np_ending_at(text, tokens, verb - 1)  # "with Donald Trump tweeting"
                if named is not None and named.kind == "name" and named.start == phrase[0].start:
                    return named
                return None
            mention = Mention(phrase[0].start, phrase[-1].end, "", "common")
            mention.text = text[mention.start : mention.end]
            mention.head_tokens = [t.text for t in phrase]
            return mention
        if not tokens[k].text[:1].isalnum():
            return None
    return None


_SUBORDINATING = frozenset(
    split_words("as while when because after before since although though once until")
)


def _subordinate_subject(text: str, tokens: list[Token], comma: int) -> Mention | None:
    """The subject of the clause a participle follows: "Christie acknowledged it even as he
    defended the campaign, saying, “…”" gives "he"; "where about 50 protesters had gathered,
    chanting “…”" gives "about 50 protesters"."""
    for m in range(comma - 2, max(0, comma - 20), -1):
        if tokens[m].text in {",", ".", ";", "“", "”", '"'}:
            return None
        if (
            tokens[m].lower in _SUBJECT_PRONOUNS
            and tokens[m - 1].lower in _SUBORDINATING
            and tokens[m + 1].text.isalpha()
            and tokens[m + 1].text.islower()
        ):
            return Mention(tokens[m].start, tokens[m].end, tokens[m].text, "pronoun")
        if (tokens[m].lower == "where" or tokens[m].lower in _SUBORDINATING) and m + 2 < comma:
            # "where about 50 protesters had gathered, chanting", "when Sanders protesters
            # interrupted her speech, shouting"
            v = next(
                (
                    v
                    for v in range(m + 2, min(comma, m + 7))
                    if tokens[v].lower in _AUX_VERBS
                    or (
                        tokens[m].lower != "where"
                        and tokens[v].text.islower()
                        and tokens[v].lower.endswith("ed")
                    )
                ),
                -1,
            )
            phrase = tokens[m + 1 : v] if v > 0 else []
            if phrase and all(t.text[:1].isalnum() for t in phrase) and phrase[-1].text.islower():
                mention = Mention(phrase[0].start, phrase[-1].end, "", "common")
                mention.head_tokens = [t.text for t in phrase]
                mention.text = text[mention.start : mention.end]
                return mention
            return None
    return None


_AUX_VERBS = frozenset(split_words("had have has was were is are"))


def _coordinated_pronoun(text: str, tokens: list[Token], verb: int) -> Mention | None:
    """The pronoun subject of the verb a cue is coordinated with: "When Ann Lie was asked …,
    he laughed and said, “…”", "Bo Berg … when he brought it up and later said, “…”"."""
    k = verb - 1
    while k > 0 and tokens[k].lower in AUXILIARIES:
        k -= 1
    if k < 2 or tokens[k].lower != "and":
        return None
    for m in range(k - 1, max(-1, k - 25), -1):
        if tokens[m].text in {".", ";", "“", "”", '"'}:
            return None
        following = tokens[m + 1].text
        if (
            tokens[m].lower in _SUBJECT_PRONOUNS
            and m + 1 < k
            and following.isalpha()
            and following.islower()
            and (
                m == 0
                or tokens[m - 1].lower in _CLAUSE_BREAKS
                # "at the mention of email she laughed and admitted": after a phrase
                or (
                    tokens[m - 1].text.isalpha()
                    and tokens[m - 1].text.islower()
                    and (
                        tokens[m - 1].lower not in REPORTING_VERBS
                        or tokens[m - 1].lower in _NOUN_LIKE_CUES
                    )
                    and tokens[m - 1].lower not in _CLAUSE_STOPS
                )
            )
        ):
            return Mention(tokens[m].start, tokens[m].end, tokens[m].text, "pronoun")
    return None


def _relative_subject(text: str, tokens: list[Token], verb: int) -> Mention | None:
    """ "a tweet from Ann Lie who wrote, “…”", "the report, which notes, “…”": the relative
    pronoun is the speaker mention, and its antecedent gives the name."""
    k = verb - 1
    if k < 1 or tokens[k].lower not in {"who", "which"}:
        return None
    j = k - 2 if tokens[k - 1].text == "," else k - 1
    if j < 0:
        return None
    antecedent = _np_ending_at(text, tokens, j)
    if antecedent is None or antecedent.kind not in {"name", "org", "common"}:
        return None
    if tokens[k].lower == "who" and tokens[k - 1].text == ",":
        antecedent = _appositive_owner(text, tokens, antecedent, j) or antecedent
    if tokens[k].lower == "which" and antecedent.kind == "name":
        return None
    return Mention(
        tokens[k].start,
        tokens[k].end,
        antecedent.text,
        antecedent.kind,
        head_tokens=antecedent.head_tokens,
    )


_APPOSITIVE_PREPOSITIONS = frozenset(split_words("at of for with from in"))


def _appositive_owner(
    text: str, tokens: list[Token], antecedent: Mention, j: int
) -> Mention | None:
    """ "Tom Berg, a marine ecologist at NVU, who said": the body ends an appositive, so the
    person it describes is who spoke (None when the antecedent follows no preposition inside
    ", a/an/the …," after a name)."""
    first = next((m for m in range(j, -1, -1) if tokens[m].start == antecedent.start), None)
    if first is None or first < 1 or tokens[first - 1].lower not in _APPOSITIVE_PREPOSITIONS:
        return None
    for c in range(first - 2, max(0, first - 16), -1):
        if tokens[c].text in {".", ";", ":", "(", ")", "“", "”", '"'}:
            return None
        if tokens[c].text == "," and tokens[c + 1].lower in {"a", "an", "the"}:
            owner = _np_ending_at(text, tokens, c - 1) if c > 0 else None
            return owner if owner is not None and owner.kind == "name" else None
    return None


def _from_source(
    text: str, words: list[Token]
) -> tuple[Mention | None, tuple[int, int] | None] | None:
    """ "From the report: “…”", "More from Ann Lie and Bo Berg: “…”": the source after
    "from" at the start of the clause (or after "More")."""
    k = next((k for k in range(len(words) - 1, -1, -1) if words[k].lower == "from"), -1)
    if k < 0 or not 1 <= len(words) - k - 1 <= 6:
        return None
    if k > 0 and words[k - 1].lower != "more" and words[k - 1].text not in {"-", "–", "—"}:
        return None
    if k > 1 and words[k - 1].lower == "more" and words[k - 2].text not in {"-", "–", "—"}:
        return None
    phrase = words[k + 1 :]
    if not all(t.text[:1].isalnum() for t in phrase):
        return None
    mention = Mention(phrase[0].start, phrase[-1].end, "", "common")
    mention.text = text[mention.start : mention.end]
    mention.head_tokens = [t.text for t in phrase]
    if phrase[-1].capitalised and phrase[0].capitalised:
        mention.kind = "name"
    return mention, (words[k].start, words[k].end)


def subject_of(text: str, start: int, end: int) -> tuple[Mention | None, tuple[int, int] | None]:
    """The subject and predicate of a sentence ending in a colon: "Cruz called them on it:"."""
    named, predicate, _ = subject_and_rule(text, start, end)
    return named, predicate


def subject_and_rule(
    text: str, start: int, end: int
) -> tuple[Mention | None, tuple[int, int] | None, str]:
    """`subject_of`, with the name of the rule that found the subject ("" when none did)."""
    tokens = tokenize(text, start, end)
    if not tokens or len(tokens) > 40:
        return None, None, ""
    cue_end = tokens[-2].end if tokens[-1].text == ":" and len(tokens) > 1 else tokens[-1].end
    line = _Line(text, _after_headline(tokens), cue_end)
    fired = first(_SUBJECT_OF_LINE, line) or _subject_of_clause(line)
    if fired is None:
        return None, None, ""
    rule, (named, predicate) = fired
    return named, predicate, rule.name if named is not None else ""


def _after_headline(tokens: list[Token]) -> list[Token]:
    """ "TURNOUT WAS HIGHER THAN EXPECTED - Michael P. McDonald:": a headline, then its author,
    whose name is the line that counts."""
    dashes = [k for k, t in enumerate(tokens) if t.text in {"-", "–", "—"}]
    if dashes and 0 < len(tokens) - dashes[-1] - 1 <= 8:
        tail = [t for t in tokens[dashes[-1] + 1 :] if t.text != ":"]
        if tail and all(t.capitalised or t.text in {".", "and"} for t in tail):
            return tokens[dashes[-1] + 1 :]
    return tokens


class _Line:
    """The words before a colon, and where the predicate ends."""

    __slots__ = ("cue_end", "text", "tokens", "words")

    def __init__(self, text: str, tokens: list[Token], cue_end: int) -> None:
        self.text, self.tokens, self.cue_end = text, tokens, cue_end
        self.words = [t for t in tokens if t.text != ":"]

    @property
    def colon(self) -> tuple[int, int]:
        return (self.tokens[-1].start, self.tokens[-1].end)


def _name_party(line: _Line) -> tuple[Mention, tuple[int, int]] | None:
    """ "Rep. Trey Gowdy (R-S.C.):": a name and its party before the colon."""
    words = line.words
    if not words or words[-1].text != ")":
        return None
    k = next((k for k in range(len(words) - 2, -1, -1) if words[k].text == "("), -1)
    if k > 0 and len(words) - k <= 8:
        named = _np_ending_at(line.text, words, k - 1)
        if named is not None and named.kind == "name" and named.start == words[0].start:
            return named, line.colon
    return None


def _headline_name(line: _Line) -> tuple[Mention | None, tuple[int, int] | None] | None:
    """ "Kasich: ‘We Are Going …’" (a headline naming its speaker); nothing else is tried."""
    words = line.words
    if not (words and all(t.capitalised for t in words) and len(words) <= 5):
        return None
    speaker = _np_ending_at(line.text, line.tokens, len(words) - 1)
    return speaker, line.colon if speaker else None


def _described_name_line(line: _Line) -> tuple[Mention, tuple[int, int]] | None:
    """ "Former secretary of state Ann Lie:": a line that is only a described name."""
    words, text = line.words, line.text
    if not (len(words) >= 3 and words[0].capitalised and words[1].text.islower()):
        return None
    named = mention_after(text, words, 1)
    if named is not None and named.kind == "name" and named.end == words[-1].end:
        named.start, named.role = words[0].start, text[words[0].start : named.start].strip()
        named.text = text[named.start : named.end]
        return named, line.colon
    return None


# Lines whose shape names the subject, in order.
_SUBJECT_OF_LINE: tuple[Rule[_Line, tuple[Mention | None, tuple[int, int] | None]], ...] = (
    Rule(
        "subject/from-source", lambda line: _from_source(line.text, line.words)
    ),  # "From the report:"
    Rule("subject/name-party", _name_party),  # "Rep. Trey Gowdy (R-S.C.):"
    Rule("subject/headline-name", _headline_name),  # "Kasich: ‘We Are Going …’"
    Rule("subject/described-name", _described_name_line),  # "Former secretary of state Ann Lie:"
)


def _clause_starts(tokens: list[Token]) -> list[int]:
    """Where the clauses start; a clause after "but" comes first: "Reid said …,” but he gave
    the Texan a compliment:"."""
    starts = [0] + [k + 1 for k, t in enumerate(tokens[:20]) if t.text == ","]
    coordinated = []
    for k in starts[1:]:
        if k < len(tokens) and tokens[k].text in {"”", '"', "'"}:
            k += 1
        if k + 1 < len(tokens) and tokens[k].lower in {"but", "yet"}:
            coordinated.append(k + 1)
    return coordinated[::-1] + starts


class _Predicate:
    """The first lowercase word of a clause (its verb, or a modifier), and the mention before it."""

    __slots__ = ("described", "i", "line", "opening", "speaker")

    def __init__(self, line: _Line, opening: int, i: int) -> None:
        self.line, self.opening, self.i = line, opening, i
        self.speaker = mention_before(line.text, line.tokens, i)
        self.described = line.tokens[opening].lower in {"a", "an", "the"}

    @property
    def found(self) -> tuple[int, int]:
        return (self.line.tokens[self.i].start, self.line.cue_end)


def _subject_of_clause(line: _Line) -> tuple[Rule, tuple[Mention, tuple[int, int]]] | None:
    """The subject of the first clause that has one, by `_CLAUSE_SUBJECT`."""
    tokens = line.tokens
    named = _name_in_opening_apposition(line.text, tokens, len(tokens))
    if named is not None:
        predicate = (tokens[named[1]].start, line.cue_end)
        return _OPENING_APPOSITION, (named[0], predicate)
    for opening in _clause_starts(tokens):
        if (
            opening < len(tokens)
            and tokens[opening].lower in _PREPOSITIONS_OPENING | _SUBORDINATORS
        ):
            continue  # "With party leaders worried, (Ann Lie is rolling out a message:)"
        resume = opening
        for i in range(opening + 1, len(tokens)):
            if i <= resume:
                continue
            named = name_after_role(tokens, i - 1) if tokens[i - 1].capitalised else None
            if named is not None:
                resume = named[1]  # "Former Obama speechwriter Ann Lie wrote:": the name
                continue
            if not tokens[i].text[:1].islower() or tokens[i].lower in _NAME_PARTICLES:
                continue
            if office_to_ahead(tokens, i):
                continue  # "Former Ambassador to the United Nations Ann Lie wrote:"
            at = _Predicate(line, opening, i)
            if vetoed(_NOT_A_SUBJECT, at):
                break
            if vetoed(_MODIFIERS_FIRST, at):
                continue
            fired = first(_CLAUSE_SUBJECT, at)
            if fired is not None:
                return fired
            break
    return None


_NAME_PARTICLES = frozenset(split_words("de van von al bin"))
# "Hours later, he …", "Eight years ago, he …": not the subject
_NOT_A_SUBJECT = (
    Veto("subject/time-phrase", lambda at: at.line.tokens[at.i].lower in _TIME_AFTER | _TIME_UNITS),
)


def _noun_modifier(at: _Predicate) -> bool:
    """ "a familiar voice (celebrated)": the noun's modifiers come first."""
    token = at.line.tokens[at.i]
    return (
        at.described
        and at.i - at.opening < 5
        and not _verb_like(token)
        and token.text.isalpha()
        and token.lower not in _CLAUSE_STOPS
    )


_MODIFIERS_FIRST = (Veto("subject/noun-modifier", _noun_modifier),)


def _described_head(at: _Predicate) -> tuple[Mention, tuple[int, int]] | None:
    """ "The Clinton campaign, in a Q&A on the controversy, worded it:"."""
    tokens, i = at.line.tokens, at.i
    if at.described and tokens[i - 1].text == "," and i - 2 > at.opening:
        head = _np_ending_at(at.line.text, tokens, i - 2)
        if head is not None and head.start == tokens[at.opening].start:
            return head, at.found
    return None


def _role_name(at: _Predicate) -> tuple[Mention, tuple[int, int]] | None:
    """ "The Slate columnist Ann Lie wrote:"."""
    speaker, tokens = at.speaker, at.line.tokens
    if (
        speaker is not None
        and speaker.kind == "name"
        and speaker.start > tokens[at.opening].start
        and _role_lead([t for t in tokens[at.opening : at.i] if t.end <= speaker.start])
    ):
        return speaker, at.found
    return None


def _clause_opens_with(at: _Predicate) -> tuple[Mention, tuple[int, int]] | None:
    """ "Cruz called them on it:", "But Cruz said:": the mention opens the clause."""
    speaker, tokens = at.speaker, at.line.tokens
    if speaker is None:
        return None
    opening = tokens[at.opening].start
    if speaker.start == opening or (
        at.line.text[opening : speaker.start].strip().lower() in {"the", "a", "an", "but", "and"}
    ):
        return speaker, at.found
    return None


# "One of its authors, biologist Tom Berg, told the paper:": the name in the apposition.
_OPENING_APPOSITION = Rule("subject/opening-apposition", lambda _line: None)
# The subject of a clause before its first lowercase word, in order.
_CLAUSE_SUBJECT: tuple[Rule[_Predicate, tuple[Mention, tuple[int, int]]], ...] = (
    Rule("subject/described-head", _described_head),  # "The Clinton campaign, in a Q&A, worded it:"
    Rule("subject/role-name", _role_name),  # "The Slate columnist Ann Lie wrote:"
    Rule("subject/clause-opens", _clause_opens_with),  # "Cruz called them on it:"
)


def _verb_like(token: Token) -> bool:
    """A lowercase word that may be a finite verb: "celebrated", "had", "makes", "said"."""
    word = token.lower
    return (
        word in AUXILIARIES
        or word in _PASSIVE
        or word in _NOT_NOUNS
        or is_cue_word(word)
        or (word.endswith("ed") and len(word) > 3)
        or (word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3)
    )


@dataclass
class Indirect:
    start: int
    end: int
    cue: tuple[int, int]
    speaker: Mention
    cognition: bool
    according: bool = False
    rule: str = field(default="", compare=False)  # the named rule that found this reported speech
    # The first part of a reported clause that its attribution splits ("This plan, he said, has
    # failed": "This plan"), (start, end); start..end is then the part after the attribution.
    before: tuple[int, int] | None = None


# The outlet's own listener after "told": "told our correspondent", "told this newspaper".
_OWN_LISTENER = frozenset(split_words("our this"))
_LISTENER_NOUNS = frozenset(
    split_words("""correspondent correspondents reporter reporters newspaper paper website
    station programme program magazine publication newsroom team""")
)


# Gatherings that hear what is said: "told a regular briefing in Beijing that", "told a
# meeting of island leaders that", "told a rally audience that".
_GATHERINGS = frozenset(
    split_words("briefing meeting rally summit forum gathering audience crowd session")
)
# Chambers and their members, and gatherings, as the listener: "told parliament", "told
# lawmakers on Monday".
_CHAMBERS = _GATHERINGS | frozenset(
    split_words("""parliament lawmakers legislators senators deputies delegates congress assembly
    regular daily weekly""")
)


def _past_gathering(tokens: list[Token], i: int, j: int) -> int | None:
    """Where the content starts when the listener read from tokens[i] to tokens[j] (a chamber,
    a gathering) is followed by an adverb or a gathering's words and "that"; None otherwise."""
    if i < j < len(tokens) and tokens[j].lower == "about" and tokens[j - 1].lower in _CHAMBERS:
        return j - 1  # "told the audience about the projects": a topic (read as before)
    if (
        i < j < len(tokens) - 1
        and tokens[j + 1].lower == "that"
        and (tokens[j].lower.endswith("ly") or tokens[j].lower in {"here", "there"})
    ):
        return j + 1  # "told lawmakers privately that …", "told delegates here that …"
    if any(t.lower in _GATHERINGS for t in tokens[i : j + 1]):
        # "told a meeting of Pacific island leaders that …": the gathering's words, then "that"
        that = next(
            (m for m in range(j, min(j + 7, len(tokens) - 1)) if tokens[m].lower == "that"), -1
        )
        if (
            that > 0
            and all(t.text[:1].isalnum() for t in tokens[j:that])
            and _opens_content(tokens[that + 1])
        ):
            return that
    return None


def _after_listener(tokens: list[Token], i: int) -> int:
    """Where the content starts after a verb with a listener ("told reporters", "told the
    Associated Press", "warned Congress") at tokens[i]."""
    j = i
    while (
        j < len(tokens)
        and j - i < 6
        and (tokens[j].lower in _FILLER | _CHAMBERS or tokens[j].capitalised)
    ):
        if tokens[j].lower == "that":
            return j
        if (
            tokens[j].lower in DETERMINERS_OPENING
            and j > i
            and tokens[j - 1].lower not in (_ADVERBIAL_START | DETERMINERS_OPENING | {"to", ","})
        ):
            return j  # "told the press the officers …": a new noun phrase, the content
        j += 1
    past = _past_gathering(tokens, i, j)
    if past is not None:
        return past
    if (
        i < j < len(tokens) - 1
        and (
            tokens[j - 1].lower in DETERMINERS_OPENING
            or (tokens[j - 1].lower in _OWN_LISTENER and tokens[j].lower in _LISTENER_NOUNS)
        )
        and tokens[j].text.isalpha()
        and tokens[j].text.islower()
        and (tokens[j + 1].lower in _CONTENT_OPENERS or tokens[j + 1].text in {"“", '"'})
    ):
        return j + 1  # "told a reporter the pier …": the listener's noun, then the content
    if (
        j == i
        and i + 2 < len(tokens)
        and tokens[i].lower in _OWN_LISTENER
        and tokens[i + 1].lower in _LISTENER_NOUNS
        and (tokens[i + 2].lower in _CONTENT_OPENERS or tokens[i + 2].capitalised)
    ):
        return i + 2  # "told our correspondent the ship …", "told this newspaper it …"
    return j


def _clause_start(tokens: list[Token], i: int) -> int:
    """Skip filler words after a verb; return the token index where the content starts."""
    if i < len(tokens) and tokens[i - 1].lower in _OBJECT_VERBS:
        return _after_listener(tokens, i)  # "told reporters", "told the Associated Press"
    j = i
    while (
        j < len(tokens) and tokens[j].lower in _FILLER and tokens[j].lower != "that" and j - i < 8
    ):
        j += 1
    if j < len(tokens) and tokens[j].lower == "that":
        return j  # "said on Tuesday that …": the content starts at "that"
    if (
        j > i
        and tokens[i].lower in _ADVERBIAL_START
        and (j >= len(tokens) or tokens[j - 1].text == ",")
    ):
        return j  # "said on Tuesday, …"
    after = _time_then_comma(tokens, i)
    if after is not None:
        return after  # "noted in mid-2019, nine shops …"
    medium = _past_medium(tokens, i)
    if medium > i:
        return medium  # "announced on Facebook on Tuesday there were …"
    if i > 0 and _then_that(tokens, i - 1):
        # "posted on social media last week that …": the content starts at "that"
        return next(k for k in range(i, len(tokens)) if tokens[k].lower == "that")
    return _past_time(tokens, i)  # "said the strike was …": right after the verb


# Where words were said or posted, between a verb and its clause: "said in a statement the
# pier …", "announced on Facebook on Tuesday there were …", "wrote on its website it …".
_MEDIUM_OPENERS = frozenset(split_words("in on via through"))
_MEDIA_AFTER_VERB = frozenset(
    split_words("""statement statements interview post posts tweet tweets release letter email
    message video blog website site media broadcast podcast facebook twitter instagram youtube
    telegram linkedin tiktok op-ed column editorial essay commentary""")
)
# Words that open what is said of a medium before "that": "in a statement carried by the
# state news agency that …", "in a column for the Norland Post that …".
_MEDIUM_PHRASE_OPENERS = frozenset(
    split_words("""carried released issued posted published sent seen shared broadcast aired
    circulated distributed for to on by from""")
)


_MEDIUM_TIME_LEADS = frozenset(split_words("on in at last this early late"))


def _past_medium(tokens: list[Token], i: int) -> int:
    """Where the content starts after a medium at tokens[i] ("in a statement", "on Facebook",
    "via Twitter", "on its website", "on social media") and a time after it, when a clause
    opens there (a determiner, a pronoun, a name or a number); i when there is none."""
    if i >= len(tokens) or tokens[i].lower not in _MEDIUM_OPENERS:
        return i
    k = next(
        (
            k
            for k in range(i + 1, min(i + 5, len(tokens) - 2))
            if tokens[k].lower in _MEDIA_AFTER_VERB
        ),
        -1,
    )
    if k < 0 or not all(t.text.isalpha() for t in tokens[i + 1 : k]):
        return i
    if any(t.lower in _CLAUSE_STOPS for t in tokens[i + 1 : k]):
        return i
    j = k + 1
    while j < len(tokens) and j - k < 5 and tokens[j].lower in _TIME_WORDS | _MEDIUM_TIME_LEADS:
        j += 1  # "said on Twitter Thursday that …", "in a statement on Monday that …"
    if j < len(tokens) and tokens[j].lower == "that":
        return j
    that = _that_after_medium_phrase(tokens, k + 1)
    if that is not None:
        return that
    j = _past_time(tokens, k + 1)
    opening = re.split(r"[’']", tokens[j].text)[0] if j < len(tokens) else ""
    if opening.lower() in _CONTENT_OPENERS or opening[:1].isupper() or opening[:1].isdigit():
        return j
    return i


def _that_after_medium_phrase(tokens: list[Token], k: int) -> int | None:
    """The index of "that" after a short phrase about the medium opening at tokens[k]
    ("carried by the state news agency", "for the Norland Post"), when a clause follows it;
    None when the phrase is not so (a relative "that was released", a punctuation mark)."""
    if k >= len(tokens) or tokens[k].lower not in _MEDIUM_PHRASE_OPENERS:
        return None
    for m in range(k + 1, min(k + 9, len(tokens) - 2)):
        word = tokens[m]
        if word.lower == "that":
            return m if _opens_content(tokens[m + 1]) else None
        if not word.text[:1].isalnum() and word.text not in {"’s", "'s"}:
            return None
        if word.lower in {"which", "who", "where", "and", "but"}:
            return None
    return None


def _time_then_comma(tokens: list[Token], i: int) -> int | None:
    """Where the content starts after a time phrase and its comma: "noted on Friday, the
    repairs …", "reported in early 2021, nine branches …" (the content opens a clause: a
    determiner, a pronoun, a name or a number)."""
    if i >= len(tokens) or tokens[i].lower not in _TIME_PREPOSITIONS:
        return None
    for k in range(i + 1, min(i + 5, len(tokens) - 3)):
        if tokens[k].text == ",":
            break
        if not tokens[k].text[:1].isalnum() or tokens[k].lower in _CLAUSE_STOPS:
            return None
    else:
        return None
    phrase = tokens[i + 1 : k]
    if not any(t.lower in _TIME_WORDS or any(c.isdigit() for c in t.text) for t in phrase):
        return None  # "said in response, …": no time
    opening = tokens[k + 1].text
    if opening.lower() in _CONTENT_OPENERS | _NUMBER_WORDS or opening[:1].isupper():
        return k + 1
    return k + 1 if opening[:1].isdigit() else None


_NUMBER_WORDS = frozenset(
    split_words("""two three four five six seven eight nine ten eleven twelve dozens hundreds
    thousands millions most more half""")
)


_TIME_PREPOSITIONS = frozenset(split_words("on in at during"))
_TIME_DETERMINERS = frozenset(split_words("last this next past"))
_TIME_WORDS = frozenset(
    split_words("""monday tuesday wednesday thursday friday saturday sunday today yesterday
    tonight week weekend month year morning afternoon evening night january february march
    april may june july august september october november december""")
)


_DAYS = frozenset(
    split_words("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")
)


def _past_time(tokens: list[Token], i: int) -> int:
    """Where the content starts after a time with no comma: "said on last Wednesday they'd
    …", "said on Monday the pier …" (the content starts at "they'd", "the")."""
    k = i
    if k < len(tokens) and tokens[k].lower in _TIME_PREPOSITIONS:
        k += 1
    if k < len(tokens) and tokens[k].lower in _TIME_DETERMINERS:
        k += 1
    start = k
    while k < len(tokens) and tokens[k].lower in _TIME_WORDS:
        if tokens[k].lower in {"may", "march"} and not tokens[k].capitalised:
            break
        k += 1
    if k == start or k + 2 >= len(tokens) or tokens[k].text == ",":
        return i
    if tokens[k].lower in _TIME_PREPOSITIONS | {"to", "for", "from", "with", "after", "before"}:
        # "announced this morning in Nagoya, Japan that …": the content starts at "that".
        that = next((m for m in range(k, min(k + 7, len(tokens))) if tokens[m].lower == "that"), i)
        return that
    if start == i and tokens[start].lower not in _DAYS:
        return i  # "said May …": a month or "week" alone is a time only after "on", "last" …
    opening = re.split(r"[’']", tokens[k].text)[0]
    if not (opening.lower() in _CONTENT_OPENERS or opening[:1].isupper() or opening[:1].isdigit()):
        return i  # "saying this year will …", "mused in Thursday night's debate": no time
    return k


# Words a reported clause opens with after a time: a determiner or a subject pronoun.
_CONTENT_OPENERS = frozenset(
    split_words("""the a an this these those his her its their our my some many all no every
    each several both any another he she they we i it you there""")
)


def indirect_in_sentence(text: str, start: int, end: int) -> Indirect | None:
    """Indirect speech in one sentence: "X said (that) …", "according to X, …", "…, X said."."""
    tokens = tokenize(text, start, end)
    if len(tokens) < 4:
        return None
    # Sentence-final punctuation is not part of the content.
    last = content_end(tokens)
    if last < 4 or tokens[-1].text == "?" and not any(t.text in {"”", '"'} for t in tokens):
        return None
    sentence = _Sentence(text, tokens, last)
    fired = (
        first(_LATE_INDIRECT, sentence)
        or _according_to_in(sentence)
        or first(_PER_INDIRECT, sentence)
    )
    if fired is None:
        fired = _reported_by_verb(sentence)
    if fired is None:
        fired = first(_NOUN_INDIRECT, sentence)
    if fired is None or fired is _NO_INDIRECT:
        return None
    rule, found = fired
    found.rule = rule.name
    return found


def later_cue_in_sentence(text: str, start: int, end: int, earlier: Indirect) -> Indirect | None:
    """Reported speech by a verb after the cue of `earlier`, a reading the clause vetoes
    refuse: "Conditions are continuing to worsen as …, the agency warned." ("continuing"
    reports only an infinitive; the sentence's own cue comes last)."""
    tokens = tokenize(text, start, end)
    last = content_end(tokens)
    cue = next((k for k, t in enumerate(tokens) if t.start >= earlier.cue[1]), None)
    if cue is None or last < 4:
        return None
    fired = _reported_by_verb(_Sentence(text, tokens, last), after=cue - 1)
    if fired is None:
        return None
    rule, found = fired
    found.rule = rule.name
    return found


@dataclass(slots=True)
class _Sentence:
    """A sentence that may report speech; tokens[:last] leaves out its final punctuation."""

    text: str
    tokens: list[Token]
    last: int

    @property
    def content_end(self) -> int:
        return self.tokens[self.last - 1].end


# "Content, Ann Lie said as she turned around and left."
_LATE_INDIRECT: tuple[Rule[_Sentence, Indirect], ...] = (
    Rule("indirect/late-cue", lambda s: _late_cue(s.text, s.tokens, s.last)),
)
# The sentence names a source whose words it does not give: no indirect speech in it.
_NO_INDIRECT = object()


@dataclass(slots=True)
class _According:
    """ "according to X" at tokens[i]; tokens[j] is the comma after X (or the end)."""

    s: _Sentence
    i: int
    j: int
    speaker: Mention

    def found(self, start: int, end: int) -> Indirect:
        tokens = self.s.tokens
        cue = (tokens[self.i].start, tokens[self.i + 1].end)
        return Indirect(start, end, cue, self.speaker, False, True)


def _according_to_in(s: _Sentence) -> tuple[Rule, Indirect] | object | None:
    """The first "according to X" in the sentence: what it reports, or `_NO_INDIRECT`."""
    tokens, last = s.tokens, s.last
    for i in range(last - 1):
        if tokens[i].lower != "according" or tokens[i + 1].lower != "to":
            continue
        if i + 2 < last and tokens[i + 2].lower == "which":
            found = _according_to_which(s, i)
            return (_ACCORDING_TO_WHICH, found) if found is not None else _NO_INDIRECT
        speaker = mention_after(s.text, tokens, i + 2) or _source_phrase(
            s.text, tokens, i + 2, last
        )
        if speaker is None:
            continue
        speaker = _with_of_name(s.text, tokens, speaker, last)
        j = i + 2
        while j < last and tokens[j].start < speaker.end:
            j += 1
        while j < last and tokens[j].text != ",":
            j += 1
        named = _named_in_apposition(s, speaker, j)
        if named is not None:
            speaker, j = named  # "According to Ostia's mayor, Ann Lie, …": she is the source
        fired = first(_ACCORDING_TO, _According(s, i, j, speaker))
        return fired if fired is not None else _NO_INDIRECT
    return None


def _named_in_apposition(s: _Sentence, speaker: Mention, j: int) -> tuple[Mention, int] | None:
    """ "According to Ostia's mayor, Ann Lie, …", "according to the town's first selectman,
    Tom Berg, …": a description of a person (lowercase head), then a name between commas: the
    name and the index of the comma after it."""
    tokens, last = s.tokens, s.last
    between = [t for t in tokens[:j] if t.start >= speaker.end]
    described = speaker.text.split()[-1].islower() or (
        any(t.text.isalpha() for t in between)
        and all(t.text.islower() or t.text in {"'", "’", "’s", "'s", "s"} for t in between)
    )  # "According to Ostia' (s) first selectman, …": the place's, then the role
    if j + 3 >= last or tokens[j].text != "," or not described:
        return None
    named = mention_after(s.text, tokens, j + 1)
    if named is None or named.start != tokens[j + 1].start:
        return None
    body = _body_initials(speaker, named)
    if named.kind != "name" and not body:
        return None
    k = next((k for k in range(j + 1, last) if tokens[k].start >= named.end), last)
    if k >= last - 1 or tokens[k].text != "," or k - j > 5:
        return None
    opening = tokens[k + 1]
    if (opening.lower in {"a", "an"} and not body) or not (
        opening.lower in _CONTENT_OPENERS or opening.capitalised
    ):
        return None  # "According to police, Tom Berg, 34, was …", "…, Tom Berg, a driver, …"
    if speaker.text.split()[-1].lower() in _COLLECTIVE_SOURCES:
        return None  # "According to police, Tom Berg, …": the name opens the content
    return named, k


# A body's name written as its initials ("UNRWA"), and the kinds of body a description names.
_INITIALS = re.compile(r"[A-Z][A-Z&]{1,7}")
_BODY_KINDS = ORG_SOURCE_NOUNS | frozenset(split_words("body programme program fund watchdog"))


def _body_initials(speaker: Mention, named: Mention) -> bool:
    """ "According to the UN agency for Palestine refugees, UNRWA, …": a description of a body
    (its kind a lowercase word in it: "agency", "office"), then the body's initials."""
    words = speaker.text.split()  # not "the ministry" alone: "the ministry, UNICEF, …" lists
    return (
        len(words) >= 3
        and bool(_INITIALS.fullmatch(named.text))
        and any(w.lower() in _BODY_KINDS and w.islower() for w in words[1:])
    )


_COLLECTIVE_SOURCES = frozenset(
    split_words("""police officials authorities sources reports witnesses media residents
    prosecutors investigators documents records""")
)


def _with_of_name(text: str, tokens: list[Token], speaker: Mention, last: int) -> Mention:
    """ "the Ministry of Foreign Affairs": an organisation's name that goes on with "of" and
    capitalised words after the mention that stopped at "Ministry"."""
    if speaker.kind not in {"org", "name"} or speaker.text.split()[-1].lower() not in ORG_WORDS:
        return speaker  # "Ann Lie of Ostia Port": a person and where she works
    k = next((k for k, t in enumerate(tokens) if t.start >= speaker.end), last)
    if k + 1 >= last or tokens[k].text != "of" or not tokens[k + 1].capitalised:
        return speaker
    if not tokens[k - 1].capitalised:
        return speaker
    end = k + 1
    while end + 1 < last and (
        tokens[end + 1].capitalised or (tokens[end + 1].lower in {"and", "&"} and end + 2 < last)
    ):
        end += 1
    while tokens[end].lower in {"and", "&"}:
        end -= 1
    words = [t.text for t in tokens[k : end + 1]]
    return replace(
        speaker,
        end=tokens[end].end,
        text=text[speaker.start : tokens[end].end],
        head_tokens=[*speaker.head_tokens, *words],
    )


def _according_to_which(s: _Sentence, i: int) -> Indirect | None:
    """ "Norland and Ostia signed a treaty, according to which the strait …": the clause after
    "which" is what the treaty says; the sentence's subject, who made it, is the source."""
    tokens = s.tokens
    if i < 3 or tokens[i - 1].text != "," or s.last - (i + 3) < 3:
        return None
    speaker = None
    for k in range(1, i - 1):
        if tokens[k - 1].capitalised and tokens[k].text.isalpha() and tokens[k].text.islower():
            if tokens[k].lower in {"and", "of", "for"} | _NAME_PARTICLES:
                continue  # "Norland and Ostia signed …"
            if tokens[k].lower not in _CLAUSE_STOPS:
                speaker = mention_before(s.text, tokens, k)  # the subject before its verb
            break
    if speaker is None or speaker.kind == "pronoun":
        return None
    cue = (tokens[i].start, tokens[i + 2].end)
    return Indirect(tokens[i + 3].start, s.content_end, cue, speaker, False, True)


_ACCORDING_TO_WHICH = Rule("indirect/according-to-which", _according_to_which)


def _according_opening(a: _According) -> Indirect | None:
    """ "According to X, content." (at the opening, the later rules cannot apply either)."""
    tokens, i = a.s.tokens, a.i
    opens = i == 0 or (
        i == 1 and tokens[0].capitalised and tokens[0].lower in CAPITALISED_STOPWORDS
    )
    if opens and a.j + 2 < a.s.last:
        return a.found(tokens[a.j + 1].start, a.s.content_end)
    return None


def _according_aside(a: _According) -> Indirect | None:
    """ "In addition, according to the department, content."; "On Monday, according to police,
    two people died." (an opening of time or place is no content, however short what follows)."""
    tokens, k, rest = a.s.tokens, a.i - 1, a.s.last - a.j - 1
    if (
        k >= 0
        and tokens[k].text == ","
        and rest >= 3
        and (rest > 2 * k or opening_adverbial(tokens, k))
    ):
        return a.found(tokens[a.j + 1].start, a.s.content_end)
    return None


# Words that cannot end what a writer says: "killed nine, including, according to X, two
# infants" (what X says is after the source, the words before go on past it).
_GOES_ON = frozenset(split_words("including and or but of with to than as"))


def _according_inside(a: _According) -> Indirect | None:
    """ "Content, including, according to X, content.": the source inside a clause that a
    conjunction or a preposition leaves open; the words after the source are X's."""
    tokens, k, rest = a.s.tokens, a.i - 1, a.s.last - a.j - 1
    if k < 2 or tokens[k].text != "," or tokens[k - 1].lower not in _GOES_ON or rest < 1:
        return None
    if a.j >= a.s.last or tokens[a.j].text != ",":
        return None
    return a.found(tokens[a.j + 1].start, a.s.content_end)


def _according_split(a: _According) -> Indirect | None:
    """ "The expected cost, according to the audit, was far higher.": the clause goes on after
    the source, so its two parts are reported ("…, and, according to X, was …": only the part
    after the source, the words before "and" are the writer's)."""
    tokens, k, j = a.s.tokens, a.i - 1, a.j
    if k < 1 or tokens[k].text != "," or j >= a.s.last or tokens[j].text != ",":
        return None
    if not goes_on_after(tokens, j + 1, a.s.last):
        return None
    found = a.found(tokens[j + 1].start, a.s.content_end)
    if tokens[k - 1].lower not in _OPENING_JOINS:
        found.before = (tokens[0].start, tokens[k - 1].end)
    return found


def _according_after(a: _According) -> Indirect | None:
    """ "Content, according to X."."""
    tokens, k = a.s.tokens, a.i - 1
    if k > 2 and tokens[k].text == ",":
        return a.found(tokens[0].start, tokens[k - 1].end)
    return None


def _according_after_join(a: _According) -> Indirect | None:
    """ "The ferry sank in May and according to the board it was overloaded.": the clause after
    the source, when "and" or "but" (no comma) joins it to what the writer says."""
    tokens, i = a.s.tokens, a.i
    if i < 3 or tokens[i - 1].lower not in {"and", "but"} or tokens[i - 2].text == ",":
        return None
    k = i + 2
    while k < a.s.last and tokens[k].start < a.speaker.end:
        k += 1
    if k < a.s.last and tokens[k].text == ",":
        k += 1
    if a.s.last - k < 3 or not tokens[k].text[:1].isalnum():
        return None
    return a.found(tokens[k].start, a.s.content_end)


def _according_ends(a: _According) -> Indirect | None:
    """ "The plane went around at “very low height” according to The Harbour Herald.": a
    named source with no comma before it that ends the sentence; what comes before is its."""
    tokens, i, last = a.s.tokens, a.i, a.s.last
    if i < 4 or tokens[i - 1].text == "," or not _named_source(a.speaker):
        return None
    k = i + 2
    while k < last and tokens[k].start < a.speaker.end:
        k += 1
    if k < last and tokens[k].lower in _RECORDS:
        k += 1  # "according to NEOC data": the body's record
    # "Content (according to CNN).": the source in brackets after the clause
    bracket = tokens[i - 1].text == "("
    if bracket and (k >= last or tokens[k].text != ")"):
        return None
    k += bracket
    if k < last and not _trailing_phrase(tokens, k, last):
        return None
    return a.found(tokens[0].start, tokens[i - 1 - bracket].end)


# Nouns of a record that a body keeps or issues: "according to NEOC data", "a fire service
# statement" (the source is the body, or the record named by it).
_RECORDS = frozenset(
    split_words("data figures statement statements records estimates tally count report statistics")
)
# Words that open a phrase trailing the clause, after the source and its comma: "according to
# health officials, ranging in age …", "…, including two children", "…, as well as …".
_TRAILING = frozenset(split_words("including as up down with compared"))


def _trailing_phrase(tokens: list[Token], k: int, last: int) -> bool:
    """Whether tokens[k:last], after the source, are a comma and a phrase that trails the
    reported clause (a participle or "including …"), not a clause or a relative clause."""
    if tokens[k].text != "," or k + 2 >= last:
        return False
    word = tokens[k + 1]
    if not word.text.islower():
        return False
    return word.lower in _TRAILING or (word.lower.endswith("ing") and len(word.lower) > 5)


def _named_source(speaker: Mention) -> bool:
    """A name, or a source the noun says is one: "police", "state media", "officials", a
    record ("health ministry data", "a port authority statement")."""
    if speaker.kind in {"name", "org"}:
        return True
    words = speaker.text.lower().split()
    if words and words[0] in {"a", "an", "the"}:
        words = words[1:]
    return (
        speaker.kind == "common"
        and 0 < len(words) <= 3
        and (words[-1] in _SOURCE_HEADS or words[-1] in _RECORDS)
    )


_SOURCE_HEADS = frozenset(
    split_words("""police media officials authorities witnesses sources reports investigators
    prosecutors residents spokesperson spokesman spokeswoman""")
)


_ACCORDING_TO: tuple[Rule[_According, Indirect], ...] = (
    Rule("indirect/according-to-opening", _according_opening),  # "According to X, content."
    Rule("indirect/according-to-aside", _according_aside),  # "In addition, according to X, …"
    Rule("indirect/according-to-inside", _according_inside),  # "…, and, according to X, …"
    Rule("indirect/according-to-split", _according_split),  # "A, according to X, goes on"
    Rule("indirect/according-to-after", _according_after),  # "Content, according to X."
    Rule("indirect/according-to-after-join", _according_after_join),  # "… and according to X …"
    Rule("indirect/according-to-ends", _according_ends),  # "Content according to X."
)


def _per_opening(s: _Sentence) -> Indirect | None:
    """ "Per the ruling of the court, tenants must …": "per" as "according to" opening the
    sentence, before a source of two words or more ("Per capita, …" is no source)."""
    tokens = s.tokens
    # "As per the district office, …": the Indian and British English "as per"
    at = 1 if tokens[0].lower == "as" and s.last > 1 and tokens[1].lower == "per" else 0
    if tokens[at].lower != "per" or not tokens[0].capitalised:
        return None
    comma = next((k for k in range(at + 2, min(s.last - 3, 16)) if tokens[k].text == ","), -1)
    if comma < at + 3 or any(not t.text[0].isalnum() for t in tokens[at + 1 : comma]):
        return None
    speaker = mention_after(s.text, tokens, at + 1)
    if speaker is None or speaker.end > tokens[comma].start:
        speaker = _source_phrase(s.text, tokens, at + 1, comma)
    if speaker is None:
        return None
    cue = (tokens[0].start, tokens[at].end)
    return Indirect(tokens[comma + 1].start, s.content_end, cue, speaker, False, True)


# Nouns of a view held: "In his view, …", "In Ann Lie's opinion, …".
_VIEWS = frozenset(split_words("view opinion estimation judgment judgement assessment"))
# ("In their view, …": a group the resolution seldom finds; left out.)
_POSSESSIVE_PRONOUNS = frozenset(split_words("his her"))


def _view_opening(s: _Sentence) -> Indirect | None:
    """ "In his view, the centres are as good as those abroad.", "In Ann Lie's opinion, …",
    "From her view, …": the holder of the view opening the sentence said what follows (a
    pronoun resolved as "he" or "she"; not "In the analysis of the data, we …")."""
    tokens = s.tokens
    if s.last < 7 or tokens[0].lower not in {"in", "from"}:
        return None
    comma = next((k for k in range(2, min(s.last - 3, 8)) if tokens[k].text == ","), -1)
    if comma < 3 or tokens[comma - 1].lower not in _VIEWS:
        return None
    if comma == 3 and tokens[1].lower in _POSSESSIVE_PRONOUNS:
        speaker = _build_pronoun(tokens[1])
    else:
        owner = tokens[comma - 2]
        if not owner.capitalised or not _POSSESSIVE.search(owner.text):
            return None
        first_name = comma - 2
        while first_name > 1 and tokens[first_name - 1].capitalised:
            first_name -= 1
        start = tokens[first_name].start
        end = owner.end - len(_POSSESSIVE.search(owner.text).group())
        words = [t.text for t in tokens[first_name : comma - 2]] + [s.text[owner.start : end]]
        speaker = Mention(start, end, s.text[start:end], "name", head_tokens=words)
    opening = tokens[comma + 1]
    if not (opening.lower in _CONTENT_OPENERS or opening.capitalised):
        return None
    cue = (tokens[0].start, tokens[comma - 1].end)
    return Indirect(opening.start, s.content_end, cue, speaker, True)


_PER_INDIRECT: tuple[Rule[_Sentence, Indirect], ...] = (
    Rule("indirect/per-opening", _per_opening),  # "Per the ruling of the court, content."
    Rule("indirect/view-opening", _view_opening),  # "In his view, content."
)


# An opening phrase that says where the words were said or written: "In a statement (announcing
# the pick), the union said …", "In an interview with the Post, …", "At a news conference, …".
_OPENING_PREPOSITIONS = frozenset(split_words("in at during"))
_OPENING_EVENTS = frozenset(
    split_words("""statement statements interview interviews speech letter email memo note
    message post tweet video report release filing complaint lawsuit affidavit announcement
    op-ed editorial column essay article blog book address remarks comments testimony briefing
    conference hearing podcast broadcast appearance""")
)
_MARKS = frozenset({"“", "”", '"', "«", "»", "‘", "’"})


def _opening_event(tokens: list[Token], last: int) -> int:
    """The comma that closes a sentence's opening phrase of where the words were said ("In a
    statement released on Monday,"), or -1: that phrase is neither what was said nor a cue."""
    if (
        last < 5
        or tokens[0].lower not in _OPENING_PREPOSITIONS
        or tokens[1].lower not in DETERMINERS
    ):
        return -1
    noun = next((n for n in range(2, min(last, 6)) if tokens[n].lower in _OPENING_EVENTS), None)
    if noun is None or not all(tokens[n].text.isalnum() for n in range(2, noun)):
        return -1
    for m in range(noun + 1, min(last, noun + 16)):
        if tokens[m].text == ",":
            return m
        if tokens[m].text in _MARKS:
            return -1
    return -1


# An opening adverbial of time or place before the subject ("On Monday, …", "Late on Tuesday,
# …", "Earlier this week, …", "Two days later, …", "Meanwhile, …", "In Nairobi, …", "At the
# summit, …"): it says when or where, so it is neither what was said nor the speaker.
_OPENING_ADVERBS = frozenset(
    split_words("""monday tuesday wednesday thursday friday saturday sunday yesterday today
    tonight later earlier meanwhile afterwards afterward overnight recently previously
    subsequently separately then""")
)
_OPENING_LEADS = frozenset(
    split_words("""on in at during after before since until by over throughout within late
    early earlier later last this next past""")
)
_COUNTED_TIME = frozenset(split_words("later earlier ago before"))
# Words an opening of time or place may hold anywhere; any other lowercase word must be the
# head right after a determiner or preposition ("At the summit", "At a rally in Kisumu"), so
# a clause ("At least two people died, police said") stays what was said.
_OPENING_LINKS = (
    _OPENING_LEADS
    | DETERMINERS
    | frozenset(split_words("of to for from with near outside inside across around among amid"))
)
_OPENING_TIMES = (
    _TIME_WORDS
    | _COUNTED_TIME
    | frozenset(split_words("day days weeks months years hour hours minutes time meantime"))
)


def opening_adverbial(tokens: list[Token], comma: int) -> bool:
    """Whether the words before tokens[comma], which open the sentence, are an adverbial of
    time or place: a time word, a phrase opened by a preposition or a time word ("Late on
    Tuesday", "In Nairobi"), or a count of time ("Two days later"), with no clause in it."""
    lead = tokens[:comma]
    if not lead or len(lead) > 7 or not all(t.text.isalnum() for t in lead):
        return False
    if len(lead) == 1:
        return lead[0].lower in _OPENING_ADVERBS
    counted = lead[-1].lower in _COUNTED_TIME and (
        lead[0].lower in DETERMINERS or lead[0].text.isdigit()
    )
    if lead[0].lower not in _OPENING_LEADS and not counted:
        return False
    if lead[0].lower in _TIME_DETERMINERS and lead[1].lower not in _OPENING_TIMES:
        return False  # "This campaign, he says, is different": a subject, not a time
    for previous, token in itertools.pairwise(lead):
        word = token.lower
        if word in _OPENING_TIMES or word in _OPENING_LINKS or not token.text.islower():
            continue
        if word in _SUBORDINATORS or is_cue_word(token.text):
            return False
        if previous.lower not in _OPENING_LINKS and not previous.text.isdigit():
            return False  # a second lowercase word: "the vote failed", "people died"
    return True


def opening_when_or_where(tokens: list[Token], comma: int) -> bool:
    """Whether the words before tokens[comma] are an opening adverbial that says when or where
    (a time word, a date, a place's name: "On Monday", "Earlier this week", "In Nairobi"),
    not one that frames what is said ("In this election", "In past campaigns")."""
    if not opening_adverbial(tokens, comma):
        return False
    return any(
        t.lower in _OPENING_TIMES or t.lower in _OPENING_ADVERBS or t.text[0].isdigit()
        for t in tokens[:comma]
    ) or any(t.capitalised for t in tokens[1:comma])


# Conjunctions that open a subordinate clause before the main one: "After the vote failed, …".
_OPENING_CONJUNCTIONS = frozenset(
    split_words("""after before when whenever while as although though because since once
    until unless whereas""")
)


def _opening_clause(tokens: list[Token], comma: int) -> bool:
    """Whether the words before tokens[comma], which open the sentence, are one subordinate
    clause ("After the vote failed", "When asked about the deal"): a capitalised conjunction
    (not a clause inside a quotation, "…, and as soon as they do, I'll report it"), then words
    with no punctuation but the commas around a relative clause ("After the vote, which took
    three hours, failed"). What follows the comma is the main clause, so the opening is no
    content of a verb after it ("…, the union said it would strike")."""
    lead = tokens[:comma]
    if not (len(lead) >= 2 and lead[0].capitalised and lead[0].lower in _OPENING_CONJUNCTIONS):
        return False
    parts: list[list[Token]] = [[]]
    for token in lead:
        if token.text == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    # "After the vote, which took three hours, failed": a relative clause between two commas
    # inside it, and the clause going on after it
    asides = parts[1::2]
    return (
        len(parts) % 2 == 1
        and all(part for part in parts)
        and all(part[0].lower in _RELATIVE_WORDS for part in asides)
        and all(t.text[:1].isalnum() for part in parts for t in part)
    )


_RELATIVE_WORDS = frozenset(split_words("which who whom whose where"))


def _subordinate_opening(tokens: list[Token], comma: int) -> bool:
    """`_opening_clause`, or a condition: "If these results hold," before an attribution set
    off by commas ("If …, experts say, containing it …": the main clause is what they say)."""
    if _opening_clause(tokens, comma):
        return True
    return (
        comma >= 3
        and tokens[0].lower == "if"
        and tokens[0].capitalised
        and all(t.text[:1].isalnum() for t in tokens[1:comma])
    )


def _reported_by_verb(s: _Sentence, after: int = -1) -> tuple[Rule, Indirect] | None:
    """The first reporting verb whose speaker and content `_AT_VERB_INDIRECT` find (none in an
    opening phrase of where the words were said: "In a statement announcing the pick, …"),
    after the token `after` when given."""
    tokens = s.tokens
    for i in range(max(_opening_event(tokens, s.last), after) + 1, s.last):
        width = _verb_at(tokens, i) or _labels(tokens, i, s.last)
        if not width or tokens[i].lower in _QUOTE_ONLY or _named_noun(tokens, i):
            continue
        if _appositive_participle(tokens, i, s.last):
            continue
        fired = first(_AT_VERB_INDIRECT, _Reported(s, i, width))
        if fired is not None:
            return fired
    return None


def _appositive_participle(tokens: list[Token], i: int, last: int) -> bool:
    """ "Shipnet, a registry listing the ships of …, states the vessel …": a participle inside
    an appositive after a name, when the name's own verb of saying follows its comma."""
    if not tokens[i].lower.endswith("ing"):
        return False
    k = i - 1
    while k > 0 and i - k < 6 and tokens[k].text != ",":
        k -= 1
    if k < 1 or tokens[k].text != "," or not tokens[k - 1].capitalised:
        return False
    if tokens[k + 1].lower not in DETERMINERS_OPENING:
        return False
    comma = next((m for m in range(i + 1, min(last - 1, i + 15)) if tokens[m].text == ","), -1)
    if comma < 0:
        return False
    verb = comma + 1
    return _verb_at(tokens, verb) > 0 and not tokens[verb].lower.endswith("ing")


# Nouns of saying after a possessive name: "Ann Lie's assertion that …".
_SAYING_NOUNS = frozenset(
    split_words("""assertion assertions claim claims statement insistence argument warning
    announcement suggestion contention allegation allegations promise pledge declaration
    accusation prediction""")
)
_POSSESSIVE = re.compile(r"[’']s?$")


def _possessive_noun(s: _Sentence) -> Indirect | None:
    """ "The ministry rejected Ann Lie's assertion that the harbour is safe": the possessor
    is the source of the "that" clause after a noun of saying."""
    tokens = s.tokens
    for i in range(1, s.last - 4):
        if tokens[i].text not in _SAYING_NOUNS or tokens[i + 1].text != "that":
            continue
        owner = tokens[i - 1]
        if not owner.capitalised or not _POSSESSIVE.search(owner.text) or len(owner.text) < 4:
            continue
        first_name = i - 1
        while first_name > 0 and tokens[first_name - 1].capitalised and i - first_name < 4:
            first_name -= 1
        if first_name == 0 and tokens[0].lower in CAPITALISED_STOPWORDS:
            first_name = 1
        start = tokens[first_name].start
        end = owner.end - len(_POSSESSIVE.search(owner.text).group())
        words = [t.text for t in tokens[first_name : i - 1]] + [s.text[owner.start : end]]
        speaker = Mention(start, end, s.text[start:end], "name", head_tokens=words)
        speaker.rule = "possessive/noun-of-saying"
        cue = (tokens[i].start, tokens[i].end)
        return Indirect(tokens[i + 2].start, s.content_end, cue, speaker, False)
    return None


_FINDS = frozenset(split_words("found finds find"))
# People who find things out and say so: "researchers found that …", "the court found that …"
# (a study, a report or data that "found" is a document, not a speaker: left out).
_FINDERS = frozenset(
    split_words("""researchers scientists investigators inspectors auditors authors court
    judge judges jury panel experts analysts scholars economists doctors""")
)


def _opens_sentence(tokens: list[Token], speaker: Mention) -> bool:
    """Whether the mention is the sentence's subject: first, or after an opening "And" or an
    opening time or place ("In May, researchers …")."""
    k = speaker_index(tokens, speaker)
    if k == _opening_words(tokens, k + 1):
        return True
    return k > 1 and tokens[k - 1].text == "," and opening_adverbial(tokens, k - 1)


def _people_found_that(s: _Sentence) -> Indirect | None:
    """ "Pew researchers found that most people …", "They found that the river moved": what
    people (a pronoun, a name, or researchers, a court …) found, in a "that" clause."""
    tokens = s.tokens
    for i in range(1, s.last - 4):
        if tokens[i].lower not in _FINDS or tokens[i + 1].lower != "that":
            continue
        speaker = mention_before(s.text, tokens, i)
        if speaker is None or not _opens_sentence(tokens, speaker):
            return None
        head = speaker.text.split()[-1].lower()
        if speaker.kind == "pronoun" and head in _SUBJECT_PRONOUNS:
            pass
        elif speaker.kind != "name" and head not in _FINDERS:
            return None
        cue = (tokens[i].start, tokens[i].end)
        return Indirect(tokens[i + 2].start, s.content_end, cue, speaker, False)
    return None


_SOURCED_NOUNS = _SAYING_NOUNS | frozenset(
    split_words("""reassurance reassurances assurance assurances ruling rulings warnings
    statements promises pledges announcements""")
)


def _opens_content(token: Token) -> bool:
    """Whether a clause opens at the token (a determiner, a pronoun, a name or a number), not
    a verb after a relative "that" ("a statement from the union that was long")."""
    return token.lower in _CONTENT_OPENERS or token.capitalised or token.text[:1].isdigit()


def _noun_from_source(s: _Sentence) -> Indirect | None:
    """ "It prompted reassurances from Mayor Ann Lie that the pier would stay open", "a ruling
    by the Harbour Court that the levy was unlawful": the source named after "from" or "by"
    said the "that" clause."""
    tokens = s.tokens
    for i in range(1, s.last - 5):
        if tokens[i].lower not in _SOURCED_NOUNS or tokens[i + 1].lower not in {"from", "by"}:
            continue
        speaker = mention_after(s.text, tokens, i + 2)
        if speaker is None or speaker.kind == "pronoun":
            continue
        speaker = _with_of_name(s.text, tokens, speaker, s.last)  # "the Court of Norland"
        k = next((k for k in range(i + 2, s.last) if tokens[k].start >= speaker.end), s.last)
        if k + 3 < s.last and tokens[k].lower == "that" and _opens_content(tokens[k + 1]):
            cue = (tokens[i].start, tokens[i].end)
            return Indirect(tokens[k + 1].start, s.content_end, cue, speaker, False)
    return None


# Reported speech with no verb of saying: a noun of saying after its source's name, or what
# people found.
_NOUN_INDIRECT: tuple[Rule[_Sentence, Indirect], ...] = (
    Rule("indirect/possessive-noun", _possessive_noun),
    Rule("indirect/noun-from-source", _noun_from_source),
    Rule("indirect/people-found-that", _people_found_that),
)


_SINGULAR_NOUN_CUES = frozenset(split_words("report claim note statement comment post tweet"))


def _named_noun(tokens: list[Token], i: int) -> bool:
    """ "In a News.com.au report, …": a determiner, names, a cue word with no "-s" and a
    comma read as a noun, so the sentence's verb is looked for further on."""
    if tokens[i].text not in _SINGULAR_NOUN_CUES or i + 1 >= len(tokens):
        return False
    if tokens[i + 1].text != ",":
        return False  # "a New York Times report that …" reports what follows
    k = i - 1
    while k >= 0 and i - k <= 3 and tokens[k].capitalised:
        k -= 1
    return k < i - 1 and k >= 0 and tokens[k].lower in {"a", "an", "the"}


class _Reported:
    """A reporting verb in a sentence, and the speaker in the words before it (if any)."""

    __slots__ = ("cognition", "i", "s", "speaker", "width")

    def __init__(self, s: _Sentence, i: int, width: int) -> None:
        self.s, self.i, self.width = s, i, width
        word = s.tokens[i].lower
        self.cognition = word in COGNITION_VERBS and word not in SPEECH_VERBS
        self.speaker = _reporting_subject(s.text, s.tokens, i, self.cognition)

    @property
    def cue(self) -> tuple[int, int]:
        return (self.s.tokens[self.i].start, self.s.tokens[self.i + self.width - 1].end)

    def found(self, start: int, end: int, speaker: Mention) -> Indirect:
        return Indirect(start, end, self.cue, speaker, self.cognition)


def _reporting_subject(text: str, tokens: list[Token], i: int, cognition: bool) -> Mention | None:
    """The speaker before a reporting verb: the mention before it, the issuer of a document,
    the subject of a participle's clause, or a bare subject (`_BARE_SUBJECTS`)."""
    if i > 1 and tokens[i - 1].text == "," and tokens[i].lower.endswith("ing"):
        # "X did Y on Tuesday, saying …": the participle's subject is the clause's.
        speaker = _clause_subject(text, tokens, i - 1, leading_np=True)
    else:
        speaker = mention_before(text, tokens, i)
        if speaker is not None and tokens[i].lower.endswith("ing"):
            # "Trump issued a statement saying (that) …": the issuer speaks.
            speaker = _issuer(text, tokens, speaker) or speaker
    if speaker is None and i >= 4 and _went_on_to(tokens, i):
        # "He went on to say …": the pronoun before the predicate ("refused to say",
        # "declined to comment" report nothing)
        k = i - 4
        while k >= 0 and tokens[k].lower in AUXILIARIES:
            k -= 1
        if k >= 0 and tokens[k].lower in _SUBJECT_PRONOUNS:
            speaker = _build_pronoun(tokens[k])
    if speaker is None and not cognition:
        speaker = _bare_subject(text, tokens, i)
    return speaker


def _went_on_to(tokens: list[Token], i: int) -> bool:
    """ "went on to say", "goes on to argue": tokens[i] is the verb after "… on to"."""
    return (
        tokens[i - 1].lower == "to"
        and tokens[i - 2].lower == "on"
        and tokens[i - 3].lower in {"went", "goes", "go", "going"}
    )


def _and_said(r: _Reported) -> Indirect | None:
    """ "Grassley on Wednesday downplayed the attack and said it was …": the subject."""
    tokens, i = r.s.tokens, r.i
    if r.speaker is not None or r.cognition or i <= 3:
        return None
    conj = i - 1
    while conj > 3 and tokens[conj].lower in AUXILIARIES | {"now"}:
        conj -= 1  # "… Rand Paul, but now said …", "… and later said …"
    if tokens[conj].lower not in {"and", "but"} or not (
        tokens[conj - 1].text != "," or (conj < i - 1 and tokens[conj].lower == "but")
    ):
        return None
    subject = _sentence_subject(r.s.text, tokens, conj)
    j = _clause_start(tokens, i + r.width)
    if subject is not None and r.s.last - j >= 3:
        return r.found(tokens[j].start, r.s.content_end, subject)
    return None


# Words that open no predicate after an attribution's second comma: an adjunct, a participle
# clause or a relative clause goes with the sentence, not with the reported clause.
_NOT_PREDICATE = frozenset(
    split_words("""on in at during after before when while as because since from to for with
    by who which whose where adding saying noting citing according than so""")
)


def goes_on_after(tokens: list[Token], k: int, last: int) -> bool:
    """Whether tokens[k:last], after an attribution set off by commas, go on with the clause
    it split: a predicate or a joined one ("has failed", "but is rarely challenged"), not an
    adjunct ("on Monday"), a participle ("killing two") or a new sentence."""
    if last - k < 2:
        return False
    word = tokens[k]
    if word.lower in _OPENING_JOINS:
        if tokens[k + 1].lower in _CONTENT_OPENERS or not tokens[k + 1].text.islower():
            return False  # "…, he said, and the ferry ran": a second clause of its own
        word = tokens[k + 1]
    return (
        word.text.isalpha()
        and word.text.islower()
        and word.lower not in _NOT_PREDICATE
        and word.lower not in _CONTENT_OPENERS
        and not word.lower.endswith("ing")
    )


def _split_by_cue(r: _Reported) -> Indirect | None:
    """ "This plan, the harbour master said, has become the norm.": an attribution set off by
    commas inside the reported clause; both parts are reported (the opening, not a time, place
    or subordinate clause, and what goes on after the second comma; "These whales, she
    suggested, hunt …": a verb of thinking too)."""
    if r.speaker is None:
        return None
    tokens, i, last = r.s.tokens, r.i, r.s.last
    after = i + r.width
    if after >= last or tokens[after].text != "," or not goes_on_after(tokens, after + 1, last):
        return None
    k = speaker_index(tokens, r.speaker) - 1
    if k < 1 or tokens[k].text != ",":
        return None
    if k == _opening_event(tokens, last) or opening_adverbial(tokens, k):
        return None
    if _opening_clause(tokens, k) or any(t.text in {",", ";", ":"} for t in tokens[:k]):
        return None
    found = r.found(tokens[after + 1].start, r.s.content_end, r.speaker)
    found.before = (tokens[0].start, tokens[k - 1].end)
    return found


def _split_by_inverted_cue(r: _Reported) -> Indirect | None:
    """ "The panel, says Ann Lie, will be the first of its kind.": an inverted attribution set
    off by commas inside the reported clause; both parts are reported, as with
    `_split_by_cue`. After a subordinate clause ("Because it is warm, says the study, it
    rises …") only the main clause after the attribution is."""
    if r.speaker is not None or r.cognition:
        return None
    tokens, i, last = r.s.tokens, r.i, r.s.last
    k = i - 1
    if k < 1 or tokens[k].text != ",":
        return None
    speaker = mention_after(r.s.text, tokens, i + r.width)
    if speaker is None or speaker.kind == "pronoun" or i + r.width >= last:
        return None
    if speaker.start != tokens[i + r.width].start:
        return None  # "Facebook found it, reported it to the F.B.I., and removed it"
    after = next((m for m in range(i + r.width, last) if tokens[m].start >= speaker.end), last)
    if after >= last or tokens[after].text != ",":
        return None
    if _subordinate_opening(tokens, k):
        if last - after < 4 or tokens[after + 1].lower not in _CONTENT_OPENERS:
            return None
        return r.found(tokens[after + 1].start, r.s.content_end, speaker)
    if not goes_on_after(tokens, after + 1, last) or not _predicate_word(tokens[after + 1]):
        return None  # "…, says Ann Lie, senior adviser to …": her role, not the predicate
    if k == _opening_event(tokens, last) or opening_adverbial(tokens, k):
        return None
    if any(t.text in {",", ";", ":"} | _QUOTE_TOKENS for t in tokens[:k]):
        return None
    found = r.found(tokens[after + 1].start, r.s.content_end, speaker)
    found.before = (tokens[0].start, tokens[k - 1].end)
    return found


def _predicate_word(token: Token) -> bool:
    """Whether a word can open a predicate: an auxiliary or a verb's past or present form
    ("will", "has", "remains", "failed"), not a role ("senior adviser", "historian")."""
    word = token.lower
    return word in AUXILIARIES or word.endswith("ed") or (word.endswith("s") and word[-2:] != "ss")


# Words that open a sentence's topic before its speaker: "Regarding the pier, X said …",
# "Asked about the pier, X said …", "Commenting on the vote, X said …".
_TOPIC_OPENERS = frozenset(
    split_words("""regarding concerning asked commenting responding referring speaking
    addressing""")
)


def _topic_opening(tokens: list[Token], comma: int) -> bool:
    """Whether the words before the comma are the topic the speaker was asked about or spoke
    on, opening the sentence: "Regarding the pier,", "Asked about the strike,", "When asked
    about it," (not a clause with a verb of its own, such as "Regarding it was easy, …")."""
    start = 1 if tokens[0].lower in {"when", "while", "after"} else 0
    return (
        tokens[start].lower in _TOPIC_OPENERS
        and comma - start <= 16
        and not any(t.text in {"“", '"', "”"} for t in tokens[start:comma])
    )


def _after_attribution(r: _Reported) -> tuple[int, int] | None:
    """How many words of the sentence go on after the verb of "Content, he said …" (those
    before a second remark, an adjunct or a second clause are none of the content), and where
    a second clause joined by "and"/"but" starts (0 when none); None when nothing is the
    content before the attribution."""
    tokens, i, last = r.s.tokens, r.i, r.s.last
    for m in range(i + r.width, min(last - 1, i + r.width + 5)):
        if tokens[m].text == "," and tokens[m + 1].lower.endswith("ing"):
            if _subordinate_opening(tokens, speaker_index(tokens, r.speaker) - 1):
                break  # "If it holds, experts say, containing it …": the main clause after
            return m - (i + r.width), 0  # "…, officials told state media, adding that …"
        if _trailing_adjunct(tokens, i + r.width, m, last):
            k = speaker_index(tokens, r.speaker) - 1
            if k < 2 or tokens[k - 1].lower in {"and", "or", "but"}:
                return None  # "…, tent to help his clients and, he argued, to help …"
            return m - (i + r.width), 0  # "…, Ann Lie said, in a statement on Monday."
        if _second_clause_after(tokens, m, last):
            return m - (i + r.width), m + 2  # "…, Ann Lie said, and the pier seems safe"
    return last - (i + r.width), 0


def _content_name_said(r: _Reported) -> Indirect | None:
    """ "Content, he said (on Tuesday).", "content, veteran Republicans said"."""
    if r.speaker is None:
        return None
    tokens, i = r.s.tokens, r.i
    ends = _after_attribution(r)
    if ends is None:
        return None
    after, joined = ends
    k = speaker_index(tokens, r.speaker) - 1
    modifiers = 0
    while (
        k > 2
        and modifiers < 3
        and tokens[k].text.isalpha()
        and tokens[k].text.islower()
        and tokens[k].lower not in _CLAUSE_STOPS
    ):
        k -= 1  # "…, political experts said"
        modifiers += 1
    k = _before_closing_mark(tokens, k)
    role = r.speaker.role_span
    if role is not None and _role_opens(tokens, role[0]):
        # "High Commissioner to Norland, Ann Lie, said:", "The Prime Minister, Ann Lie, said",
        # "Nigeria's Minister of Information, Ann Lie, said": the role, no content
        return None
    if role is not None:
        j = next((j for j, t in enumerate(tokens) if t.start == role[0]), 0)
        if j > 0 and tokens[j - 1].text == "," and opening_adverbial(tokens, j - 1):
            return None  # "On Monday, the union's leader, Tom Berg, said …": no content
    if after <= 4 and i > 2 and tokens[k].text == ",":
        if _office_portfolio(tokens, k):
            return None  # "Minister for Roads, Ports and … Tom Ridge said": no content before
        if k > 0 and k == _opening_event(tokens, r.s.last):
            return None  # "In a statement, the union said it …": the opening is no content
        if opening_adverbial(tokens, k):
            return None  # "On Monday, the union said it would strike": when, not what
        if after >= 3 and _opening_clause(tokens, k):
            return None  # "After the vote failed, the union said it would strike"
        if tokens[0].lower.endswith("ing") and tokens[1].lower == "that":
            return None  # "Noting that …, the union said it …": opening-participle's
        if after >= 3 and _topic_opening(tokens, k):
            return None  # "Regarding the pier, the union said it …": the topic, not what
        if _as_phrase(tokens, k):
            return None  # "As a fish in demand abroad, Tilapia offers …": what it is as
        if joined:  # both clauses, as two parts of the remark
            found = r.found(tokens[joined].start, r.s.content_end, r.speaker)
            found.before = (tokens[0].start, tokens[k - 1].end)
            return found
        return r.found(tokens[0].start, tokens[k - 1].end, r.speaker)
    return None


# Words that open an adjunct after an attribution set off by commas in mid-sentence: how,
# where, when or why it was said, or more of the clause before it ("…, Ann Lie said, in a
# statement on Monday."; "…, Bo Berg said, to see if it held."), not what was said.
_ADJUNCT_OPENERS = frozenset(
    split_words("""in on at during after before since while when as for from with without by to
    amid following despite near until upon via through across""")
)
# A quantity opening a clause after the attribution, not an adjunct: "…, he says, at least
# seven delegates have signed on".
_QUANTITY_OPENERS = frozenset({("at", "least"), ("at", "most"), ("as", "many"), ("as", "much")})
_QUOTE_TOKENS = frozenset({"“", "”", '"', "''", "``", "‘", "’", "'"})


def _trailing_adjunct(tokens: list[Token], verb_end: int, m: int, last: int) -> bool:
    """Whether the comma at m closes an attribution in mid-sentence (right after its verb, or
    after a listener: "…, Ann Lie told reporters, at a news conference") and an adjunct
    follows it to the end of the sentence, with no clause of its own (no "that", no quotation
    mark, no comma opening another part)."""
    if tokens[m].text != "," or last - m < 3 or tokens[m + 1].lower not in _ADJUNCT_OPENERS:
        return False
    if (tokens[m + 1].lower, tokens[m + 2].lower) in _QUANTITY_OPENERS:
        return False
    if not all(t.text[:1].isalnum() for t in tokens[verb_end:m]):
        return False
    if m > verb_end and tokens[verb_end - 1].lower not in _TELLS:
        return False
    return not any(
        t.lower == "that" or t.text in {",", ";", ":"} | _QUOTE_TOKENS for t in tokens[m + 1 : last]
    )


_PORTFOLIO_JOINS = frozenset(split_words("of for on and the"))


def _role_opens(tokens: list[Token], start: int) -> bool:
    """Whether a speaker's role opens the sentence: nothing before it, or only "the" and a
    capitalised owner ("The", "Nigeria's", "The UN's")."""
    before = [t.text for t in tokens if t.start < start]
    if before[:1] in (["The"], ["the"]):
        before = before[1:]
    return not before or (
        len(before) == 1 and before[0][:1].isupper() and before[0].endswith(("'s", "’s"))
    )


def _office_portfolio(tokens: list[Token], k: int) -> bool:
    """Whether the words before the comma at k open an office's portfolio that the comma
    lists on: "Minister for Roads(, Ports and Major Projects Tom Ridge said …)"."""
    return (
        3 <= k <= 25
        and tokens[0].lower.rstrip(".") in TITLES | OFFICE_TITLES
        and tokens[0].capitalised
        and tokens[1].lower in {"of", "for", "on"}
        and all(t.capitalised or t.lower in _PORTFOLIO_JOINS for t in tokens[2:k])
    )


def _second_clause_after(tokens: list[Token], m: int, last: int) -> bool:
    """Whether the comma at m, after an attribution, opens a second clause of its own joined
    by "and"/"but" ("…, Ann Lie said, and paying the loan back seems realistic"), not more of
    the clause the attribution closes."""
    return (
        tokens[m].text == ","
        and m + 2 < last
        and tokens[m + 1].lower in _OPENING_JOINS
        and not goes_on_after(tokens, m + 1, last)
    )


def _as_phrase(tokens: list[Token], k: int) -> bool:
    """Whether the words before the comma at k are only "as" and a noun phrase: "As a
    globally traded fish with strong demand abroad," (a role, not a clause)."""
    if k < 3 or tokens[0].lower != "as" or tokens[1].lower not in DETERMINERS_OPENING:
        return False
    for m in range(2, k):
        if tokens[m].text in {";", "“", "”", '"'}:
            return False
        if tokens[m].text == "," and not (
            tokens[m + 1].capitalised or tokens[m + 1].lower in {"and", "or"}
        ):
            return False  # "As a result of the storm, the pier …": a clause goes on
    return True


def _name_said_content(r: _Reported) -> Indirect | None:
    """ "X said (that) content.", "Former prosecutor Glen Kopp said content."."""
    if r.speaker is None:
        return None
    tokens = r.s.tokens
    lead_tokens = [t for t in tokens if t.end <= r.speaker.start]
    lead_ok = (
        not lead_tokens
        or lead_tokens[-1].text == ","
        or (
            len(lead_tokens) == 1
            and lead_tokens[0].lower in {"but", "and", "yet", "so", "still", "now", "also"}
        )
        or _role_lead(lead_tokens)
        or _opening_phrase(lead_tokens, r.speaker)
        # "The ruling comes after Norland Water said (that) …": a clause of time whose named
        # subject speaks (a pronoun or a description there is left to the other rules).
        or (
            len(lead_tokens) >= 3
            and lead_tokens[-1].lower in _ADVERBIAL_SUBORDINATORS
            and r.speaker.kind in {"name", "org"}
            and not any(r.speaker.end <= t.start and t.end <= tokens[r.i].start for t in tokens)
            # "after the interview concluded, Lie stated …": that clause reports nothing
            and r.i + r.width < r.s.last
            and tokens[r.i + r.width].text != ","
        )
    )
    if not lead_ok:
        return None
    j = _past_listener_appositive(tokens, r.i + r.width, r.s.last)
    if j is None:
        j = _clause_start(tokens, r.i + r.width)
    if j < r.s.last and tokens[j].text == ",":
        j += 1  # "On Monday, the union said, the pier will reopen": the comma is no content
        j = _past_aside(tokens, j, r.s.last)
    if r.s.last - j >= 3:
        return r.found(tokens[j].start, r.s.content_end, r.speaker)
    return None


def _past_listener_appositive(tokens: list[Token], j: int, last: int) -> int | None:
    """ "told Anadolu Agency, a local news outlet, that …": the listener of "told" and an
    appositive describing it, set off by commas; the content starts after the second comma
    (at "that", or the clause itself). None when the words after the verb are not so."""
    if j < 1 or tokens[j - 1].lower not in _OBJECT_VERBS:
        return None
    first_comma = next((k for k in range(j + 1, min(last, j + 6)) if tokens[k].text == ","), -1)
    if first_comma < 0 or first_comma + 1 >= last:
        return None
    if not all(t.text[:1].isalnum() for t in tokens[j:first_comma]):
        return None
    if tokens[first_comma + 1].lower not in {"a", "an", "the"}:
        return None
    second = next(
        (k for k in range(first_comma + 2, min(last, first_comma + 10)) if tokens[k].text == ","),
        -1,
    )
    if second < 0 or last - second < 4:
        return None
    if not all(t.text[:1].isalnum() for t in tokens[first_comma + 1 : second]):
        return None
    if tokens[second + 1].lower != "that" and tokens[second + 1].lower not in _CONTENT_OPENERS:
        return None
    return second + 1


# A subordinator of time, cause or concession before a named speaker mid-sentence ("… after
# Ann Lie said …"); not "as" ("as Ann Lie said, …" is an aside), "if", or a relative word.
_ADVERBIAL_SUBORDINATORS = frozenset(
    split_words("after before since because when while once until although though")
)

_ASIDE_PREPOSITIONS = frozenset(split_words("by in for as at on with without among"))


def _past_aside(tokens: list[Token], j: int, last: int) -> int:
    """Past a short aside set off by commas after the verb: "alleged, by way of example,
    Ostia had …" (the content starts after its closing comma)."""
    if j >= last or tokens[j].lower not in _ASIDE_PREPOSITIONS:
        return j
    for k in range(j + 1, min(last - 3, j + 6)):
        if tokens[k].text == ",":
            return k + 1
        if not tokens[k].text.isalnum():
            return j
    return j


def _content_said_name(r: _Reported) -> Indirect | None:
    """ "Content, said Smith."."""
    if r.speaker is not None or r.cognition:
        return None
    tokens, i = r.s.tokens, r.i
    comma = _before_closing_mark(tokens, i - 1)
    if comma > 1 and tokens[comma].text == ",":
        speaker = mention_after(r.s.text, tokens, i + r.width)
        if speaker is not None and speaker.kind != "pronoun":
            cue = (tokens[i].start, tokens[i].end)
            return Indirect(tokens[0].start, tokens[comma - 1].end, cue, speaker, r.cognition)
    return None


# "The agency quoted Ann Lie as saying …", "Ann Lie was cited as saying …".
_QUOTING = frozenset(split_words("quoted cited"))
_QUOTED_AUXILIARIES = frozenset(split_words("was were is are been being be"))


def _quoting_span(tokens: list[Token], i: int, last: int) -> tuple[int, int] | None:
    """The indexes of "quoted"/"cited" and of "saying" in "quoted … as saying" around the verb
    at tokens[i], at most ten words apart with no punctuation between, or None."""
    if tokens[i].lower in _QUOTING:
        q = i
        saying = next(
            (k for k in range(i + 2, min(last, i + 12)) if tokens[k].lower == "saying"), -1
        )
    elif tokens[i].lower == "saying" and i >= 3:
        saying = i
        q = next((k for k in range(i - 2, max(0, i - 12), -1) if tokens[k].lower in _QUOTING), -1)
    else:
        return None
    if q < 1 or saying < 0 or tokens[saying - 1].lower != "as":
        return None
    if not all(t.text[:1].isalnum() for t in tokens[q + 1 : saying - 1]):
        return None
    return q, saying


def _quoted_one(
    text: str, tokens: list[Token], q: int, saying: int, floor: int
) -> tuple[Mention, Mention | None] | None:
    """Who was quoted and who quoted, around "quoted"/"cited" at tokens[q] and "saying" at
    tokens[saying]: "Ann Lie was quoted (by X) as saying" (Ann Lie, and she is the subject;
    the auxiliaries searched back to `floor`), "X quoted Ann Lie as saying" (the object Ann
    Lie, and X, or None when nothing names who quoted)."""
    if tokens[q - 1].lower in _QUOTED_AUXILIARIES:
        aux = q - 1
        while aux > floor and tokens[aux - 1].lower in AUXILIARIES:
            aux -= 1
        subject = mention_before(text, tokens, aux)
        return (subject, subject) if subject is not None else None
    speaker = mention_after(text, tokens, q + 1)
    if speaker is None or speaker.start != tokens[q + 1].start:
        return None
    if speaker.end != tokens[saying - 2].end:
        return None
    return speaker, mention_before(text, tokens, q)


def _quoted_as_saying(r: _Reported) -> Indirect | None:
    """ "The agency quoted Ann Lie as saying …", "Ann Lie was quoted (by the Post) as saying
    …", "…, the agency quoted a senior official as saying.": the one quoted said it, not the
    one who quotes."""
    tokens, last, text = r.s.tokens, r.s.last, r.s.text
    span = _quoting_span(tokens, r.i, last)
    if span is None:
        return None
    q, saying = span
    found = _quoted_one(text, tokens, q, saying, 0)
    if found is None:
        return None
    speaker, subject = found
    cue = (tokens[saying - 1].start, tokens[saying].end)
    j = _clause_start(tokens, saying + 1)
    if last - j >= 3 and (tokens[j].lower == "that" or _opens_content(tokens[j])):
        return Indirect(tokens[j].start, r.s.content_end, cue, speaker, False)
    # "…, the agency quoted an official as saying (by X).": the content is before the comma
    if saying + 1 < last and tokens[saying + 1].lower != "by" or subject is None:
        return None
    if any(t.text in {",", "“", "”", '"'} for t in tokens[saying + 1 : last]):
        return None
    k = speaker_index(tokens, subject) - 1
    if k < 3 or tokens[k].text != ",":
        return None
    if k == _opening_event(tokens, last) or opening_adverbial(tokens, k):
        return None
    return Indirect(tokens[0].start, tokens[k - 1].end, cue, speaker, False)


# What a reporting verb in a sentence reports, in order.
_AT_VERB_INDIRECT: tuple[Rule[_Reported, Indirect], ...] = (
    Rule("indirect/quoted-as-saying", _quoted_as_saying),  # "X quoted Ann Lie as saying …"
    Rule("indirect/and-said", _and_said),  # "Grassley downplayed the attack and said it was …"
    Rule("indirect/split-by-cue", _split_by_cue),  # "This plan, he said, has failed."
    Rule("indirect/content-name-said", _content_name_said),  # "Content, he said."
    Rule("indirect/name-said-content", _name_said_content),  # "X said (that) content."
    Rule("indirect/split-by-inverted-cue", _split_by_inverted_cue),  # "The plan, says X, has …"
    Rule("indirect/content-said-name", _content_said_name),  # "Content, said Smith."
)


# Verbs of telling a listener: "told the Herald in a statement", "reminded journalists at the
# briefing in Geneva", "assured reporters on Monday".
_TELLS = frozenset(
    split_words("told tells reminded reminds assured assures informed informs briefed briefs")
)
_LATE_VERBS = frozenset(split_words("said says told tells added adds wrote writes")) | _TELLS
_LATE_TAIL = frozenset(split_words("as while when after before in on at during with"))
# Words that open the place or way of telling after a listener: "told the Herald from Oslo".
_LISTENER_TAIL = _LATE_TAIL | frozenset(split_words("from by via over"))
_ASIDE_OPENERS = frozenset(split_words("where which who when"))


def _late_cue(text: str, tokens: list[Token], last: int) -> Indirect | None:
    """ "Content, Ann Lie said as she turned around and left.": a cue after one of the
    sentence's last three commas whose tail is an adjunct; everything before it is the content."""
    commas = [k for k in range(last - 3, 3, -1) if tokens[k].text == ","][:3]
    for comma in commas:
        if comma == _opening_event(tokens, last) or opening_adverbial(tokens, comma):
            continue  # "In an interview with Dawn, she said as …": where, not what
        found = _late_cue_at(text, tokens, last, comma)
        if found is not None:
            return found
    return None


def _late_cue_at(text: str, tokens: list[Token], last: int, comma: int) -> Indirect | None:
    opening = comma + 2 if tokens[comma + 1].text in {"”", '"'} else comma + 1
    for i in range(opening + 1, min(last, opening + 7)):
        if tokens[i].lower not in _LATE_VERBS:
            continue
        speaker = mention_before(text, tokens, i)
        if speaker is None or speaker.start != tokens[opening].start:
            return None
        if speaker.kind not in {"name", "pronoun"} and not _late_source(speaker):
            return None
        if not _adjunct_tail(tokens, i, last):
            return None
        end = tokens[opening - 1].end if opening > comma + 1 else tokens[comma - 1].end
        return Indirect(tokens[0].start, end, (tokens[i].start, tokens[i].end), speaker, False)
    return None


def _late_source(speaker: Mention) -> bool:
    """A source a wire story names before a long adjunct: "…, officials said on condition of
    anonymity because …", "…, the ministry said in a statement carried by the state news
    agency." (an organisation's name, or a short description whose head is a body or a
    source noun)."""
    if speaker.kind == "org":
        return True
    words = speaker.text.lower().split()
    return (
        speaker.kind == "common"
        and len(words) <= 4
        and (words[-1] in ORG_SOURCE_NOUNS or words[-1] in _SOURCE_HEADS)
    )


def _adjunct_tail(tokens: list[Token], i: int, last: int) -> bool:
    """Whether the words after the verb tokens[i] are an adjunct ("as she left", "in a
    statement"), after a listener for "told" ("told the Herald in a statement", "told the
    Herald from Oslo, where she lives"): not a short tail, which the other rules read."""
    tail = tokens[i + 1 : last]
    aside = next((k for k, t in enumerate(tail[:-1]) if t.text == ","), None)
    if aside is not None and tail[aside + 1].lower in _ASIDE_OPENERS:
        tail = tail[:aside]  # "…, where she has lived since May": about the place
    opening = 0
    if tokens[i].lower in _TELLS:
        while opening < len(tail) and opening < 5 and tail[opening].lower not in _LISTENER_TAIL:
            opening += 1  # the listener: "the Harbour Herald", "reporters"
        if opening == len(tail) or not tail[0].text[:1].isalpha():
            return False
    elif len(tail) <= 4:
        return False  # short tails are the usual "content, he said on Tuesday."
    if opening >= len(tail) or tail[opening].lower not in _LISTENER_TAIL:
        return False
    return not any(t.text in {"“", "”", '"', ","} or t.lower == "that" for t in tail)


_CLAUSE_STOPS = frozenset(
    split_words("""and or but that which who whom whose when if as while because than is are was
    were has have had be been not to of in on at by for with from""")
)

_SUBORDINATORS = frozenset(
    split_words("""that which who whom whose when if after before because while as since
    although though where whether what how unless until once than said says told""")
)


def _role_lead(lead: list[Token]) -> bool:
    """Words before a speaker that describe them: "Former federal prosecutor Glen Kopp said".

    Only the words after the last comma or dash count ("Last week, Chinese Foreign Ministry
    spokeswoman Hua Chunying said", "MACAU (Reuters) – Top donor Sheldon Adelson said").
    """
    for k in range(len(lead) - 1, -1, -1):
        if lead[k].text in {",", "—", "–", "―", "-"}:
            lead = lead[k + 1 :]
            break
    if not lead:
        return True  # "CLEVELAND (UPI) — Former Attorney General Michael Mukasey told …"
    lead = _without_bracketed_acronyms(lead)  # "Member of parliament (MP) Ann Lie said"
    return len(lead) <= 6 and all(
        t.text[0].isalnum()
        and (t.lower not in _SUBORDINATORS or _acronym_then_role(lead, t))
        and not is_cue_word(t.text)
        for t in lead
    )


def _without_bracketed_acronyms(lead: list[Token]) -> list[Token]:
    """The words of a role without the acronyms in brackets that spell it: "Member of
    parliament (MP)" → "Member of parliament"."""
    kept: list[Token] = []
    k = 0
    while k < len(lead):
        if (
            lead[k].text == "("
            and k + 2 < len(lead)
            and lead[k + 2].text == ")"
            and lead[k + 1].text.isupper()
            and k > 0
        ):
            k += 3
            continue
        kept.append(lead[k])
        k += 1
    return kept


def _opening_phrase(lead: list[Token], speaker: Mention) -> bool:
    """ "At the beginning of the meeting Vladimir Putin noted that …": a phrase of time or
    place opens the sentence with no comma before a named speaker."""
    return (
        speaker.kind == "name"
        and 3 <= len(lead) <= 8
        and lead[0].lower in _PREPOSITIONS_OPENING
        and lead[0].capitalised
        # "the beginning": a noun here, whatever the cue list says
        and all(t.text.isalnum() and t.lower not in _SUBORDINATORS for t in lead)
        and lead[-1].text.islower()
    )


def _acronym_then_role(lead: list[Token], token: Token) -> bool:
    """ "WHO director-general (Ann Lie said)": an acronym opening a lowercase role, not the
    subordinator "who"."""
    return (
        token is lead[0]
        and len(lead) >= 2
        and token.text.isupper()
        and len(token.text) > 1
        and lead[1].text.islower()
    )


def _before_closing_mark(tokens: list[Token], k: int) -> int:
    """Step back over closing quotation marks after a comma: "…to center,” Cuban said"."""
    j = k
    while j > 0 and k - j < 2 and tokens[j].text in {"”", '"', "’", "'"}:
        j -= 1
    return j if j < k and tokens[j].text == "," else k


def _labels(tokens: list[Token], i: int, last: int) -> int:
    """ "X called the plan “a disaster”": calling names with a quotation is a remark."""
    if tokens[i].lower not in _CALL or i == 0:
        return 0
    for k in range(i + 1, min(last, i + 20)):
        if tokens[k].text in {"“", '"'}:
            # A label of two words or more; a one-word scare quote ("a “reform”") is not.
            inner = 0
            while k + 1 + inner < last and tokens[k + 1 + inner].text not in {"”", '"'}:
                inner += 1
            return 1 if inner >= 2 else 0
    return 0


def _source_phrase(text: str, tokens: list[Token], first: int, last: int) -> Mention | None:
    """The source after "according to" up to the next comma: "early results of the poll"."""
    j = first
    while j < last and j - first < 25 and tokens[j].text not in {",", "“", "”", '"', "(", ";"}:
        j += 1
    if j == first or j - first >= 25:
        return None
    mention = Mention(tokens[first].start, tokens[j - 1].end, "", "common")
    mention.text = text[mention.start : mention.end]
    mention.head_tokens = [t.text for t in tokens[first:j]]
    return mention


def speaker_index(tokens: list[Token], mention: Mention) -> int:
    for index, token in enumerate(tokens):
        if token.start >= mention.start:
            return index
    return len(tokens)


def _finding_that(tokens: list[Token], k: int) -> bool:
    """ "The court ruled on Monday, finding that the law was void": what a court, a panel or a
    signed declaration found, in a "that" clause after the participle ("finding the body"
    reports nothing)."""
    return tokens[k].lower == "finding" and k + 1 < len(tokens) and tokens[k + 1].lower == "that"


def _cut_at_and(tokens: list[Token], speaker: Mention) -> bool:
    """Whether the subject read stops before "and" and capitalised words: a body's name cut
    short ("Health and Human Services Secretary Ann Lie" read as "Health")."""
    k = next((k for k, t in enumerate(tokens) if t.start >= speaker.end), len(tokens))
    return k + 1 < len(tokens) and tokens[k].lower in {"and", "&"} and tokens[k + 1].capitalised


def participle_cues(text: str, start: int, end: int, first: Indirect | None) -> list[Indirect]:
    """A second remark in the sentence: "X did Y on Tuesday, saying (that) …".

    The participle's subject is the sentence's speaker (or subject); the first attribution, if
    any, is cut back to end before the comma. Return the second attribution (or nothing).
    """
    tokens = tokenize(text, start, end)
    last = content_end(tokens)
    begin = 0
    if first is not None:
        begin = next((k for k, t in enumerate(tokens) if t.start >= first.start), last)
    for k in range(max(begin, 2), last - 2):
        word = tokens[k].lower
        if tokens[k - 1].text != "," or not word.endswith("ing"):
            continue
        if word not in SPEECH_VERBS and not _finding_that(tokens, k):
            continue
        if first is not None and first.cue[0] == tokens[k].start:
            return []  # the sentence's own attribution is this participle
        j = _clause_start(tokens, k + 1)
        if last - j < 2:
            return []
        speaker = first.speaker if first is not None else None
        if speaker is None:
            speaker = _sentence_subject(text, tokens, k - 1)
        if speaker is None or (word == "finding" and _cut_at_and(tokens, speaker)):
            return []
        if first is not None:
            if tokens[k - 2].end <= first.start:
                return []  # "Ann Lie then interjected, calling …": the first has no words left
            first.end = min(first.end, tokens[k - 2].end)  # not past a content before its cue
        cue = (tokens[k].start, tokens[k].end)
        return [
            Indirect(
                tokens[j].start, tokens[last - 1].end, cue, speaker, False, rule="indirect/saying"
            )
        ]
    return []


def opening_participle_cues(text: str, start: int, end: int) -> list[Indirect]:
    """ "Noting that fish is cheap, he underscored …": a participle of saying and "that" open
    the sentence; the clause up to the comma before the main clause's subject and verb is
    that subject's (what the main clause reports is found on its own)."""
    tokens = tokenize(text, start, end)
    if len(tokens) < 8 or not (tokens[0].capitalised and tokens[0].lower.endswith("ing")):
        return []
    if tokens[0].lower not in SPEECH_VERBS or tokens[1].lower != "that":
        return []
    for comma in range(4, len(tokens) - 3):
        if tokens[comma].text != ",":
            continue
        speaker = mention_after(text, tokens, comma + 1)
        if speaker is None:
            continue
        after = comma + 1
        while after < len(tokens) and tokens[after].start < speaker.end:
            after += 1
        while after < len(tokens) and tokens[after].lower in AUXILIARIES:
            after += 1
        if after < len(tokens) and _verb_like(tokens[after]):
            cue = (tokens[0].start, tokens[0].end)
            rule = "indirect/opening-participle"
            return [
                Indirect(tokens[2].start, tokens[comma - 1].end, cue, speaker, False, rule=rule)
            ]
    return []


# Verbs that name what something is in the speaker's words: "described X as “…”".
_DESCRIBING = frozenset(
    split_words("""described describes describing characterised characterises characterising
    characterized characterizes characterizing branded brands""")
)
_REFERRING = frozenset(split_words("referred refers referring"))
_OPENING_MARKS = frozenset({"“", '"', "‘"})


def _described_object(tokens: list[Token], k: int, last: int) -> int:
    """Where the words after "VERB (to) X as (a|the)" open a quotation (the verb at k, its noun
    object up to eight words without punctuation); -1 when they do not."""
    width = 2 if tokens[k].lower in _REFERRING else 1
    if width == 2 and (k + 1 >= last or tokens[k + 1].lower != "to"):
        return -1
    for m in range(k + width + 1, min(last - 1, k + width + 10)):
        word = tokens[m]
        if word.lower == "as":
            n = m + 1
            if n < last and tokens[n].lower in DETERMINERS_OPENING:
                n += 1
            return n if n < last and tokens[n].text in _OPENING_MARKS else -1
        if not word.text[:1].isalnum():
            return -1
    return -1


def described_cues(text: str, start: int, end: int, first: Indirect | None) -> list[Indirect]:
    """ "Ann Lie described the closure as a “needless blow”", "…; she characterised the delays
    as “shameful”", "Boeing referred to the plane as a “cargo plane”": what the subject called
    something, in its own words (the quoted fragment nested in it is a direct quote).

    A passive ("was described as") names no speaker here; a cue the first attribution of the
    sentence already reports from, or one inside its content, is left to it."""
    tokens = tokenize(text, start, end)
    last = len(tokens)
    while last > 0 and tokens[last - 1].text in {".", "!", "?"}:
        last -= 1
    for k in range(1, last - 3):
        word = tokens[k].lower
        if word not in _DESCRIBING and word not in _REFERRING:
            continue
        if tokens[k - 1].lower in _PASSIVE_BE or _described_object(tokens, k, last) < 0:
            continue
        if first is not None and (
            first.cue[0] == tokens[k].start or first.start <= tokens[k].start < first.end
        ):
            return []
        speaker = mention_before(text, tokens, k)
        if speaker is None:
            return []
        width = 2 if word in _REFERRING else 1
        stop = next((m for m in range(k, last) if tokens[m].text == ";"), last)
        cue = (tokens[k].start, tokens[k + width - 1].end)
        found = Indirect(tokens[k + width].start, tokens[stop - 1].end, cue, speaker, False)
        found.rule = "indirect/described-as"
        return [found]
    return []


_NESTED_CUES = frozenset(split_words("said says told tells claimed claims added adds"))


def nested_report(text: str, first: Indirect | None) -> list[Indirect]:
    """ "Znak.com reported its source said that the tenant …": what the reported source said,
    offered too, when the first report opens with a short subject and a verb of saying."""
    if first is None or first.according:
        return []
    opening = text[first.start : min(first.end, first.start + 80)].split()[:5]
    if not any(w.lower() in _NESTED_CUES for w in opening):
        return []  # cheap test first: most reports hold no second verb of saying up front
    inner = indirect_in_sentence(text, first.start, first.end)
    if inner is None or inner.rule != "indirect/name-said-content":
        return []
    if text[inner.cue[0] : inner.cue[1]].lower() not in _NESTED_CUES:
        return []
    if inner.speaker.start != first.start or len(text[first.start : inner.cue[0]].split()) > 4:
        return []
    inner.rule = "indirect/nested-report"
    return [inner]


_OPENING_JOINS = frozenset(split_words("and but so yet"))


def _opening_words(tokens: list[Token], stop: int) -> int:
    """How many tokens open a sentence before its subject: "And then (Trump went …)"."""
    if not tokens or tokens[0].lower not in _OPENING_JOINS or not tokens[0].capitalised:
        return 0
    k = 1
    while k < stop and tokens[k].lower in AUXILIARIES and tokens[k].text.islower():
        k += 1
    if k < stop and tokens[k].text == ",":
        k += 1  # "But, Trump said …"
    return k if k + 1 < stop else 0


def _sentence_subject(text: str, tokens: list[Token], stop: int) -> Mention | None:
    """The subject that opens a sentence: a mention followed by a lowercase verb."""
    skip = _opening_words(tokens, stop)
    if skip:
        return _sentence_subject(text, tokens[skip:], stop - skip)
    named = _name_in_opening_apposition(text, tokens, stop)
    if named is not None:
        return named[0]
    resume = portfolio = _portfolio_after_office(tokens, stop)
    opening_role = None
    for i in range(1, min(stop, 12 + portfolio)):
        if i <= resume:
            continue
        named = name_after_role(tokens, i - 1) if tokens[i - 1].capitalised else None
        if named is not None and named[1] < stop:
            resume = named[1]  # "Republican strategist Ann Lie warned": the name
            if all(t.capitalised for t in tokens[: i - 1]) and _opening_role_words(
                tokens[i : named[0]]
            ):
                opening_role = named  # the role opens the sentence: "Opposition leader Ann Lie"
            continue
        if (
            tokens[i].lower in {"of", "de", "van", "von", "al", "bin"}
            and i + 2 < stop
            and tokens[i + 1].capitalised
            and tokens[i + 2].capitalised
        ):
            continue  # "Former Secretary of State Madeleine Albright urged …"
        if tokens[i].text[:1].islower() and tokens[i].text[:1].isalpha():
            speaker = mention_before(text, tokens, i)
            if speaker is not None and (
                speaker.start == tokens[0].start or (portfolio and tokens[2].start < speaker.start)
            ):
                return speaker  # (after an office's portfolio, its last words and the name)
            if (
                speaker is not None
                and opening_role is not None
                and speaker.start == tokens[opening_role[0]].start
                and speaker.end == tokens[opening_role[1]].end
                and not speaker.role
            ):
                # "Opposition leader Ann Lie called the vote a sham, saying …": the name, the
                # role that opens the sentence as its role.
                role = (tokens[0].start, tokens[opening_role[0] - 1].end)
                speaker.role, speaker.role_span = text[role[0] : role[1]], role
                return speaker
            return None
    return None


# Words ending like a person's role ("-er") that are none: "Sullivan put off deciding whether
# Judicial Watch could …" opens with no role.
_NOT_ROLES = frozenset(
    split_words("""whether together however rather never ever after under over other either
    neither further later whatever whoever""")
)


def _opening_role_words(words: list[Token]) -> bool:
    """Whether the lowercase words between a sentence's capitalised opening and a name are a
    role's ("Opposition leader", "Hamas official"), not a verb's ("put off deciding", "took
    down businessman"): one or two words, neither a verb's ending."""
    return 1 <= len(words) <= 2 and not any(
        t.lower in _NOT_ROLES | AUXILIARIES or t.lower.endswith(("ing", "ed")) for t in words
    )


def _portfolio_after_office(tokens: list[Token], stop: int) -> int:
    """The last word of the capitalised run an office opening the sentence begins, through its
    portfolio and the name after it: "Minister for Roads, Ports and Major Projects Tom Ridge
    MP (welcomed …)" (0 when the sentence opens otherwise)."""
    if not _office_portfolio(tokens, 3):
        return 0
    k = 3
    while k < min(stop, 25) and (
        tokens[k].capitalised or tokens[k].lower in _PORTFOLIO_JOINS or tokens[k].text == ","
    ):
        k += 1
    return k - 1 if k < stop and tokens[k - 1].capitalised else 0


def _name_in_opening_apposition(
    text: str, tokens: list[Token], stop: int
) -> tuple[Mention, int] | None:
    """ "One of these groups, the Norland Farmers Union (NFU), opposed the law and said …",
    "Her rival, Tom Berg, opposed …": the name in the apposition after the opening description
    is the subject, not the description's first word. Return it with its verb's index."""
    first = next((k for k in range(1, min(stop, 8)) if tokens[k].text == ","), None)
    if first is None:
        return None
    second = next(
        (k for k in range(first + 2, min(stop, first + 10)) if tokens[k].text == ","), None
    )
    if second is None or second + 1 >= stop or not tokens[second + 1].text.isalpha():
        return None
    if not tokens[second + 1].text.islower() or tokens[second + 1].lower in _CLAUSE_STOPS:
        return None
    speaker = mention_before(text, tokens, second + 1)
    if speaker is None or speaker.kind not in {"name", "org"}:
        return None
    if speaker.start < tokens[first].end:
        # "Ann Lie, Minister for Political Affairs, delivered remarks, saying …": the name
        # opening the sentence, the apposition its role (not "Minister", whose "for" would
        # end the subject's search)
        opening = speaker.start == tokens[0].start and speaker.kind == "name"
        if opening and speaker.rule == "mention-before/appositive" and speaker.role:
            return speaker, second + 1
        return None
    return speaker, second + 1


_BARE_STOPS = _SUBORDINATORS - {"who", "than"} | frozenset(
    split_words("it this there he she they we i you not no")
)


# Verbs that are verbs, not nouns ("states", "comments"), when no named subject is found.
_BARE_VERBS = frozenset(
    split_words("""said say says told tell tells added argued argue argues insisted insist
    insists warned warn warns noted wrote write writes acknowledged acknowledge claimed claim
    contend contended contends predicted predict predicts agreed agree agrees complained
    complain complains suggested suggest suggests explained explain explains reported
    confirmed announced stated""")
)
# Verbs of saying after a bare subject only before "that": they are often nouns too.
_BARE_THAT_VERBS = frozenset(
    split_words("""note stress stressed emphasise emphasised emphasize emphasized highlight
    highlighted estimate estimated observe observed indicate indicated""")
)
_PASSIVE = frozenset(split_words("is are was were be been being"))
_ADVERBS = frozenset(split_words("first also widely later earlier initially originally not"))
_NOT_NOUNS = _PASSIVE | frozenset(split_words("has have had do does did will would can could may"))


_QUANTITIES = frozenset(
    split_words("""one two three four five six seven eight nine ten half most many some few
    majority majorities minority twenty thirty forty fifty sixty seventy eighty ninety""")
)


def _bare_verb(tokens: list[Token], verb: int) -> bool:
    """Whether tokens[verb] may follow a bare subject: a verb of `_BARE_VERBS`, or one of
    `_BARE_THAT_VERBS` right before "that" ("Health workers note that …", not "Field notes
    show …") or as a perfect's participle ("have indicated", "had estimated")."""
    word = tokens[verb].lower
    if word in _BARE_VERBS:
        return True
    if word not in _BARE_THAT_VERBS or tokens[verb - 1].lower == "to":
        return False  # "… letter to emphasize that …": an infinitive, no bare subject
    if word.endswith("ed") and tokens[verb - 1].lower in {"have", "has", "had"}:
        return True  # "Emergency workers have indicated a probe is …": a perfect, a verb
    return verb + 1 < len(tokens) and tokens[verb + 1].lower == "that"


def _bare_subject(text: str, tokens: list[Token], verb: int) -> Mention | None:
    """A subject without a determiner that opens the sentence: "Other senators said",
    "Two in three said", "45% of Republicans say", "Many speakers at the service said"."""
    if not _bare_verb(tokens, verb) or tokens[verb - 1].lower in _PASSIVE:
        return None
    if verb > 1 and tokens[verb - 2].lower in _PASSIVE and tokens[verb - 1].lower in _ADVERBS:
        return None  # "The issue was first reported by …"
    if tokens[verb - 1].lower in POSSESSIVE_DETERMINERS and tokens[verb].lower.endswith("ed"):
        return None  # "His stated aim was …": an adjective
    i = verb - 1
    while i >= 0 and tokens[i].lower in AUXILIARIES:
        i -= 1
    if i >= 2 and tokens[i].text == ",":
        k = next((k for k in range(i - 1, max(i - 5, 0), -1) if tokens[k].text == ","), 0)
        if k and " ".join(t.lower for t in tokens[k + 1 : i]) in _ASIDES:
            i = k - 1  # "Proponents of the bill, however, say"
    opening = 1 if tokens and tokens[0].lower in {"but", "and", "yet", "still"} else 0
    opening = _after_opening_adverbial(tokens, opening, i)
    if i < opening or tokens[i].lower in {"and", "or", "but"}:
        return None  # "X defended the fees and said …" is the second verb of a named subject
    fired = first(_BARE_SUBJECTS, (tokens, opening, i))
    if fired is None or vetoed(_NOT_BARE_SUBJECT, fired[1]):
        return None
    rule, words = fired
    cut = i - past_infinitive(tokens, i)  # "The rebels refused to say": not "refused to"
    if 0 < cut < len(words):
        words = words[: len(words) - cut]
    mention = Mention(words[0].start, words[-1].end, "", "common", rule=rule.name)
    mention.text = text[mention.start : mention.end]
    mention.head_tokens = [t.text for t in words]
    return mention


def _bare_opening(span: tuple[list[Token], int, int]) -> list[Token] | None:
    """ "Other senators said", "45% of Republicans say": the words that open the sentence."""
    tokens, opening, i = span
    words = tokens[opening : i + 1]
    if i - opening >= 12 or not (
        words[0].capitalised
        or words[0].text[:1].isdigit()
        or _share_words(words)
        # "In March, the head of the health service said": the subject that opens a sentence
        # ("The head of … said") opens it after an opening adverbial and its comma too
        or (opening > 0 and tokens[opening - 1].text == "," and words[0].lower == "the")
    ):
        return None
    return words


def _after_opening_adverbial(tokens: list[Token], opening: int, i: int) -> int:
    """Where the subject starts after an opening adverbial set off by a comma ("In fact,",
    "Overall,"): the token after the comma, or `opening` when there is none."""
    comma = next((k for k in range(opening + 1, min(i, opening + 5)) if tokens[k].text == ","), 0)
    if comma and opening_adverbial(tokens[opening:], comma - opening):
        return comma + 1
    return opening


# Words that may stand before a share: "(Yet) just 3 percent", "(But) only a third".
_FOCUS = frozenset(split_words("just only nearly almost about roughly around barely merely"))
_SHARE_NOUNS = frozenset(split_words("median majority minority third quarter fifth fraction half"))


def _share_words(words: list[Token]) -> bool:
    """Whether lowercase words (after "Yet", "But" or "In fact,") open with a share: "most
    anglers", "just 3 percent of …", "only a third of …", "a median of 80 percent of …"."""
    k = 1 if words[0].lower in _FOCUS else 0
    if k + 1 < len(words) and words[k].lower in {"a", "an"}:
        return words[k + 1].lower in _SHARE_NOUNS
    if k >= len(words) - 1:
        return False
    return words[k].text[:1].isdigit() or words[k].lower in _QUANTITIES


def _bare_share(span: tuple[list[Token], int, int]) -> list[Token] | None:
    """A share after a comma or "and": "…, and three-fourths say", "…; 43 percent said"."""
    tokens, opening, i = span
    k = i
    while k > opening and i - k < 5 and tokens[k].text not in {",", ";", "and", "but", "while"}:
        k -= 1
    if k == opening or tokens[k].text not in {",", ";", "and", "but", "while"}:
        return None
    words = tokens[k + 1 : i + 1]
    lead = words[0].lower if words else ""
    if not words or not (
        lead[:1].isdigit()
        or lead in _QUANTITIES
        or "-" in lead
        and lead.split("-")[0] in _QUANTITIES
    ):
        return None
    return words


# Media a wire story cites with no determiner: "…, local media said", "…, state TV reported".
_BARE_MEDIA = frozenset(split_words("media television tv radio"))


def _bare_media(span: tuple[list[Token], int, int]) -> list[Token] | None:
    """Media with no determiner after a comma: "…, local media said.", "…, Norlandic state
    television reported." (one to three words ending in "media", "television", "TV" or
    "radio"; not "media trackers", whose head is another noun)."""
    tokens, opening, i = span
    if tokens[i].lower not in _BARE_MEDIA:
        return None
    k = i - 1
    while k > opening and i - k <= 3 and _MEDIA_MODIFIER.fullmatch(tokens[k].text):
        if tokens[k].lower in _CLAUSE_STOPS | DETERMINERS:
            return None  # "…, the media said" is read as a noun phrase, "and media" as a list
        k -= 1
    if k <= opening or tokens[k].text != "," or k == i - 1:
        return None
    return tokens[k + 1 : i + 1]


_MEDIA_MODIFIER = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*|TV")


# A bare subject (no determiner) before a verb of saying, in order.
_BARE_SUBJECTS: tuple[Rule[tuple[list[Token], int, int], list[Token]], ...] = (
    Rule("subject/bare-media", _bare_media),  # "…, local media said."
    Rule("subject/bare-opening", _bare_opening),  # "Other senators said"
    Rule("subject/bare-share", _bare_share),  # "…, and three-fourths say"
)


def _capitalised_noun(token: Token) -> bool:
    """A capitalised cue word that reads as a noun: "State media", "Notes"."""
    return token.capitalised and token.lower in _NOUN_LIKE_CUES


# Prepositions that are no one's name ("From" is Al From's): alone before the verb, no subject.
_NO_SUBJECT_OPENERS = frozenset(
    split_words("""in on at amid amidst among amongst despite during after before with without
    by over under against across throughout toward towards upon within beyond following""")
)
# Words that cannot make a bare subject.
_NOT_BARE_SUBJECT = (
    Veto(
        "subject/bare-ends-badly",
        lambda words: (
            words[-1].text != "%" and not words[-1].text[:1].isalnum() or words[-1].lower == "who"
        ),
    ),
    # "The reported figures …": a participle or a noun after an article
    Veto("subject/bare-article", lambda words: words[-1].lower in DETERMINERS_OPENING),
    # "So said Ann Lie, …" names the speaker of a quotation before it, after the verb
    Veto("subject/bare-adverb", lambda words: len(words) == 1 and words[0].lower in {"so", "thus"}),
    # "Amid reported heavy strikes …": a preposition alone before the verb is no subject
    Veto(
        "subject/bare-preposition",
        lambda words: len(words) == 1 and words[0].lower in _NO_SUBJECT_OPENERS,
    ),
    Veto(
        "subject/bare-stop-word",
        lambda words: any(
            token.lower in _BARE_STOPS
            or token.lower in _NOT_NOUNS
            or (is_cue_word(token.text) and not _noun_in_subject(words, k))
            or token.text in {"“", "”", '"', ":", ";"}
            for k, token in enumerate(words)
        ),
    ),
)


def _noun_in_subject(words: list[Token], k: int) -> bool:
    """Whether a cue word in a bare subject is a noun there: "State media", "Chinese state
    media" (whose media)."""
    if _capitalised_noun(words[k]):
        return True
    return words[k].lower == "state" and k + 1 < len(words) and words[k + 1].lower in _STATE_OWNED


def relative_cues(text: str, start: int, end: int, first: Indirect | None) -> list[Indirect]:
    """Speech in a relative clause: "Ada Holm, who says the pier is unsafe, voted no".

    The speaker mention is "who" (the word that names the speaker in the clause); its name is
    the antecedent's. The content runs to the clause's closing comma or the sentence's end.
    """
    tokens = tokenize(text, start, end)
    last = content_end(tokens)
    found = []
    for k in range(2, last - 3):
        if tokens[k].lower not in {"who", "which"} or tokens[k - 1].text != ",":
            continue
        i = k + 1
        while i < last and tokens[i].lower in AUXILIARIES:
            i += 1
        width = _verb_at(tokens, i) if i < last else 0
        if not width or tokens[i].lower in COGNITION_VERBS and tokens[i].lower not in SPEECH_VERBS:
            continue
        antecedent = _np_ending_at(text, tokens, k - 2)
        if antecedent is None or antecedent.kind not in {"name", "common", "org"}:
            continue
        if tokens[k].lower == "which" and antecedent.kind == "name":
            continue
        j = _clause_start(tokens, i + width)
        if tokens[j].lower == "to" or tokens[j].lower == "not" and tokens[j + 1].lower == "to":
            continue  # "who asked not to be named": an infinitive, no speech
        stop = j
        while stop < last and tokens[stop].text not in {",", "—", "–", "(", ";"}:
            stop += 1
        if stop - j < 3:
            continue
        if first is not None and first.start <= tokens[k].start < first.end:
            continue  # inside the content of the sentence's own attribution
        who = Mention(
            tokens[k].start,
            tokens[k].end,
            antecedent.text,
            antecedent.kind,
            head_tokens=antecedent.head_tokens,
        )
        cue = (tokens[i].start, tokens[i + width - 1].end)
        found.append(
            Indirect(
                tokens[j].start, tokens[stop - 1].end, cue, who, False, rule="indirect/who-says"
            )
        )
    return found


# Subjects of a report inside a relative clause: "which she said …", "that scientists thought …".
_RELATIVE_SUBJECT_PRONOUNS = frozenset(split_words("he she they we i it you"))
_SUBJECT_DETERMINERS = frozenset(split_words("the his her their its our"))
_PREPOSITIONS_BEFORE_WHICH = frozenset(
    split_words("in of on at for to with by from under over through during about into")
)
_CONTRACTED = re.compile(r"[’'](?:ve|d|s|ll)$")
# What opens a predicate whose subject the relative word stands for: "… said was old".
_PREDICATE_OPENERS = _MODALS | frozenset(
    split_words("be been being have do does did shall cannot may might would could")
)


# A time between the verb and the predicate: "thought in the past", "said last year".
_RELATIVE_TIMES = (
    _TIME_PREPOSITIONS
    | _TIME_DETERMINERS
    | _TIME_WORDS
    | frozenset(split_words("the past earlier time years decades"))
)


def _relative_subject_word(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] belongs to a bare subject after a relative word: a name, a plural
    noun, or a lowercase modifier right before one ("senior officials", "state media")."""
    word = tokens[i]
    if word.capitalised or word.lower.endswith("s") or word.lower in UNMARKED_PLURALS:
        return True
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        after is not None
        and word.text.isalpha()
        and word.text.islower()
        and not _verb_at(tokens, i)
        # "which included staff members suggesting …": a verb, not a modifier
        and (not word.lower.endswith("ed") or word.lower in _PARTICIPLE_MODIFIERS)
        and (after.lower in UNMARKED_PLURALS or after.lower.endswith("s"))
        and not _verb_at(tokens, i + 1)
    )


_PARTICIPLE_MODIFIERS = frozenset(split_words("unnamed elected armed united retired"))


def _relative_subject_end(tokens: list[Token], k: int, last: int) -> int | None:
    """The index of the verb after the subject that follows the relative word tokens[k]
    ("which she said", "that scientists thought", "which they’ve said"), or None."""
    i = k + 1
    if i >= last:
        return None
    word = _CONTRACTED.sub("", tokens[i].lower)
    if word in _RELATIVE_SUBJECT_PRONOUNS:
        i += 1
    elif tokens[k].lower == "which" and word in _SUBJECT_DETERMINERS:
        # "which the coast guard said", "which her brother Karl said": a described subject
        # (not after a preposition: "in which the group urged …" is no subject of what is said)
        if tokens[k - 1].lower in _PREPOSITIONS_BEFORE_WHICH:
            return None
        i += 1
        while (
            i < last
            and i - k <= 5
            and tokens[i].text.isalpha()
            and tokens[i].lower not in _PREPOSITIONS_BEFORE_WHICH
            and not _verb_at(tokens, i)
        ):
            i += 1
        if i == k + 2 or i >= last or not _verb_at(tokens, i):
            return None
    elif tokens[i].text.isalpha() and tokens[i].lower not in _CLAUSE_STOPS | DETERMINERS:
        while i < last and i - k <= 3 and _relative_subject_word(tokens, i):
            i += 1  # "that scientists", "which Ann Lie", "which state media", "that top aides"
        if i == k + 1:
            return None
    else:
        return None
    while i < last and tokens[i].lower in AUXILIARIES:
        i += 1
    return i if i < last else None


def relative_report_cues(text: str, start: int, end: int, first: Indirect | None) -> list[Indirect]:
    """Speech reported in a relative clause whose relative word is the subject of what is
    reported: "the letters, which she said make her feel honoured", "areas that scientists
    thought in the past might contain ice". The content is the predicate after the verb (and
    a time), to the clause's end; the subject of the verb is the speaker."""
    tokens = tokenize(text, start, end)
    last = content_end(tokens)
    found = []
    for k in range(1, last - 3):
        if tokens[k].lower not in {"which", "that"} or tokens[k - 1].lower in REPORTING_VERBS:
            continue
        i = _relative_subject_end(tokens, k, last)
        width = _verb_at(tokens, i) if i is not None else 0
        if not width or i is None:
            continue
        j = i + width
        while j < last and tokens[j].lower in _RELATIVE_TIMES:
            j += 1  # "thought in the past", "said last year"
        if j >= last or tokens[j].lower not in _PREDICATE_OPENERS and not _plain_verb(tokens[j]):
            continue
        stop = j
        while stop < last and tokens[stop].text not in {",", "—", "–", "(", ";"}:
            stop += 1
        speaker = _relative_speaker(text, tokens, k, i)
        if stop - j < 2 or speaker is None:
            continue
        if first is not None and first.start <= tokens[k].start < first.end:
            continue  # inside the content of the sentence's own attribution
        word = tokens[i].lower
        cognition = word in COGNITION_VERBS and word not in SPEECH_VERBS
        cue = (tokens[i].start, tokens[i + width - 1].end)
        found.append(
            Indirect(
                tokens[j].start,
                tokens[stop - 1].end,
                cue,
                speaker,
                cognition,
                rule="indirect/which-they-said",
            )
        )
    return found


def _relative_speaker(text: str, tokens: list[Token], k: int, i: int) -> Mention | None:
    """The subject between the relative word tokens[k] and the verb tokens[i] ("that
    scientists": the mention reads "that" as a determiner, so it is left out)."""
    speaker = mention_before(text, tokens, i)
    described = tokens[k].lower == "which" and tokens[k + 1].lower in _SUBJECT_DETERMINERS
    if speaker is None and (described or UNMARKED_PLURALS & {t.lower for t in tokens[k + 1 : i]}):
        # "which the coast guard said", "which state media said"
        return _words_between(text, tokens, k + 1, i)
    if speaker is None or speaker.start == tokens[k + 1].start:
        return speaker
    if described and speaker.start > tokens[k + 1].start:
        return speaker  # "which her brother Karl said": the name at the end of the subject
    if speaker.start != tokens[k].start or speaker.head_tokens[:1] != [tokens[k].text]:
        return None
    start = tokens[k + 1].start
    return replace(
        speaker, start=start, text=text[start : speaker.end], head_tokens=speaker.head_tokens[1:]
    )


def _words_between(text: str, tokens: list[Token], start: int, stop: int) -> Mention | None:
    """The subject tokens[start:stop] of a relative clause that no mention reads ("which
    engineers said", "which the coast guard said"): up to five words, auxiliaries left out."""
    while stop > start and tokens[stop - 1].lower in AUXILIARIES:
        stop -= 1
    words = tokens[start:stop]
    if not 1 <= len(words) <= 5 or not all(t.text.isalpha() for t in words):
        return None
    kind = "name" if words[-1].capitalised else "common"
    return Mention(
        words[0].start,
        words[-1].end,
        text[words[0].start : words[-1].end],
        kind,
        head_tokens=[t.text for t in words],
    )


def _plain_verb(token: Token) -> bool:
    """A lowercase word that can open a predicate with no auxiliary ("make", "points"): not a
    determiner, pronoun, preposition, participle or "that"."""
    word = token.lower
    return (
        token.text.isalpha()
        and token.text.islower()
        and word not in _CONTENT_OPENERS | _NOT_PREDICATE | _CLAUSE_STOPS
        and not word.endswith(("ing", "ly"))
    )


_TIME_AFTER = frozenset(split_words("later ago earlier after before"))
_TIME_UNITS = frozenset(split_words("years year months month weeks week days day hours minutes"))


def _clause_subject(
    text: str, tokens: list[Token], stop: int, *, leading_np: bool = False
) -> Mention | None:
    """The subject of the main clause before tokens[stop]: the sentence's first mention
    followed by a lowercase word, or the first one after a leading adverbial and its comma
    ("At a rally in Ames, Iowa, on Sunday, Mrs. Clinton tried …")."""
    subject = _sentence_subject(text, tokens, stop)
    if subject is not None:
        k = speaker_index(tokens, subject)
        while k < len(tokens) and tokens[k].start < subject.end:
            k += 1
        if k < len(tokens) and tokens[k].lower not in _TIME_AFTER:
            return subject  # not "Hours later, …", "Two years ago, …"
    mention = _np_ending_at(text, tokens, stop - 1) if stop >= 1 else None
    if (
        mention is not None
        and mention.start == tokens[0].start
        and mention.kind in {"name", "pronoun", "common", "org"}
    ):
        return mention  # "Mr. Biden, recalling …"
    commas = [k for k in range(1, stop) if tokens[k].text == ","]
    found = _leading_np(text, tokens, stop) if leading_np else None
    if found is not None:
        return found
    for c in commas:
        for i in range(c + 2, min(stop, c + 10)):
            if tokens[i].text[:1].islower() and tokens[i].text[:1].isalpha():
                speaker = mention_before(text, tokens, i)
                if speaker is not None and speaker.start == tokens[c + 1].start:
                    return speaker
                break
            if not tokens[i].text[:1].isalnum() and tokens[i].text not in {".", "-"}:
                break
    return None


_JOINS = frozenset(split_words("and but while whereas though although"))


_IRREGULAR_PAST = frozenset(split_words("said told wrote spoke thought felt made gave"))


def _past(verb: str) -> bool:
    return verb.endswith("ed") or verb in _IRREGULAR_PAST


def _base_after_past(cue: str, verb: str) -> bool:
    """ "He stressed that Norland will hold talks and insist on …": a base form after a past
    cue is the content's own verb (under its "will"), not the speaker's second remark."""
    return _past(cue) and not _past(verb) and not verb.endswith("s")


# Verbs of saying that also say a doing goes on or starts: "and continued to attack others"
# goes on with what the content says happened, it is no second remark.
_ASPECTUAL = frozenset(split_words("continue continues continued began begin begins"))


def second_clause(text: str, first: Indirect | None) -> list[Indirect]:
    """A second speaker after a conjunction in the first one's content: "X said the pier is
    safe, but Y said it is not" (the first content is cut back before the comma)."""
    if first is None or first.according:
        return []
    tokens = tokenize(text, first.start, first.end)
    for k in range(2, len(tokens) - 4):
        if tokens[k].lower in {"and", "but"} and _verb_at(tokens, k + 1) == 1:
            # "X said …, but noted (that) …": a second remark of the same speaker.
            verb = tokens[k + 1].lower
            j = _clause_start(tokens, k + 2)
            if (
                verb in SPEECH_VERBS
                and not verb.endswith("ing")
                and not _base_after_past(text[first.cue[0] : first.cue[1]].lower(), verb)
                and len(tokens) - j >= 3
                and tokens[j].text[:1].isalnum()
                and not (verb in _ASPECTUAL and tokens[k + 2].lower == "to")
            ):
                first.end = tokens[k - 2].end if tokens[k - 1].text == "," else tokens[k - 1].end
                cue = (tokens[k + 1].start, tokens[k + 1].end)
                end = tokens[-1].end
                return [
                    Indirect(
                        tokens[j].start, end, cue, first.speaker, False, rule="indirect/but-noted"
                    )
                ]
        if tokens[k].lower not in _JOINS:
            continue
        comma = tokens[k - 1].text == ","
        # "… bore “the marks of a war crime,” while Ann Lie warned …": the comma inside the
        # closing mark, which the first content keeps
        quoted = tokens[k - 1].text in {"”", '"'} and tokens[k - 2].text == ","
        if not (comma or quoted) and tokens[k + 1].lower not in {"he", "she", "they"}:
            continue
        found = indirect_in_sentence(text, tokens[k + 1].start, first.end)
        if found is None or found.cue[0] - tokens[k + 1].start > 60:
            continue
        if found.speaker.start < tokens[k + 1].start or found.start < found.cue[1]:
            continue
        first.end = tokens[k - 2].end if comma else tokens[k - 1].end
        return [found]
    return []


def semicolon_clauses(text: str, start: int, end: int, first: Indirect | None) -> list[Indirect]:
    """Reported speech with its own speaker after a semicolon: "Many guests were local; the
    embassy confirmed two pilgrims also died." (the first content, if it ran on, is cut back
    before the semicolon)."""
    tokens = tokenize(text, start, end)
    found: list[Indirect] = []
    for k, token in enumerate(tokens[:-4]):
        if token.text != ";":
            continue
        if first is not None and first.cue[0] > token.start:
            break  # the first attribution's cue is in a later clause
        opening = tokens[k + 1].start
        clause_end = next((t.start for t in tokens[k + 1 :] if t.text == ";"), end)
        own = indirect_in_sentence(text, opening, clause_end)
        if own is None or own.speaker is None or own.speaker.start < opening:
            continue
        if first is not None and first.start < token.start < first.end:
            first.end = tokens[k - 1].end
        found.append(own)
    return found


def with_cues(text: str, start: int, end: int, first: Indirect | None) -> list[Indirect]:
    """ "No deaths were reported, with local media reporting no-one was in the houses": the
    source after "with" and its participle of saying report the clause that follows."""
    tokens = tokenize(text, start, end)
    last = content_end(tokens)
    for k in range(2, last - 4):
        if tokens[k].lower != "with" or tokens[k - 1].text != ",":
            continue
        for m in range(k + 2, min(k + 7, last - 2)):
            word = tokens[m].lower
            if not word.endswith("ing") or word not in SPEECH_VERBS:
                continue
            if first is not None and first.cue[0] == tokens[m].start:
                return []
            # "with the latter yesterday confirming": the time is not the source's
            n = m
            while n > k + 2 and tokens[n - 1].lower in _DAYS:
                n -= 1
            speaker = mention_before(text, tokens, n)
            words = tokens[k + 1 : n]
            if (speaker is None or speaker.kind == "common") and all(
                t.text.isalpha() and t.lower not in _BARE_STOPS | _NOT_NOUNS for t in words
            ):
                # "with local media reporting": a bare plural or mass noun, no determiner
                speaker = Mention(
                    words[0].start,
                    words[-1].end,
                    text[words[0].start : words[-1].end],
                    "common",
                    head_tokens=[t.text for t in words],
                )
            if speaker is None or speaker.start != tokens[k + 1].start:
                return []
            j = _clause_start(tokens, m + 1)
            if last - j < 3:
                return []
            if first is not None and first.start < tokens[k].start < first.end:
                first.end = tokens[k - 2].end
            cue = (tokens[m].start, tokens[m].end)
            return [
                Indirect(
                    tokens[j].start,
                    tokens[last - 1].end,
                    cue,
                    speaker,
                    False,
                    rule="indirect/with-saying",
                )
            ]
        return []
    return []


_QUESTION_WORDS = frozenset(split_words("if whether what how why when who which about"))


def asked_cues(text: str, start: int, end: int) -> list[Indirect]:
    """A question put to the speaker: "Asked (by X) whether the pier is safe, Y said …".

    The content is the question, up to the comma; the speaker is whoever asked ("by X"), or
    no one when the sentence does not say.
    """
    tokens = tokenize(text, start, end)
    k = 0
    if tokens and tokens[0].lower == "when":
        k = 1
    if len(tokens) < k + 4 or tokens[k].lower != "asked":
        return []
    j = k + 1
    speaker = None
    if tokens[j].lower == "by":
        speaker = mention_after(text, tokens, j + 1)
        if speaker is None:
            return []
        while j < len(tokens) and tokens[j].start < speaker.end:
            j += 1
    while j < len(tokens) and j - k < 8 and tokens[j].lower not in _QUESTION_WORDS:
        if tokens[j].text in {",", "“", '"'} or tokens[j].lower not in _FILLER:
            return []
        j += 1
    if j >= len(tokens) or tokens[j].lower not in _QUESTION_WORDS:
        return []
    stop = j + 1
    while stop < len(tokens) and tokens[stop].text not in {",", ";", "?"}:
        stop += 1
    if stop >= len(tokens) or stop - j < 3:
        return []
    first = j + 1 if tokens[j].lower == "about" else j
    cue = (tokens[k].start, tokens[k].end)
    return [
        Indirect(
            tokens[first].start,
            tokens[stop - 1].end,
            cue,
            speaker,
            False,
            rule="indirect/asked-whether",
        )
    ]


_SUBORDINATE_OPENERS = frozenset(
    split_words("while although though after when because since whereas even if as")
)


def subordinate_cues(text: str, start: int, end: int, first: Indirect | None) -> list[Indirect]:
    """Speech in a subordinate clause: "While Ann Lie said the pier was safe, …", "…,
    although his advisers say the count is close." The clause runs to its comma (at the start
    of a sentence) or to the sentence's end."""
    tokens = tokenize(text, start, end)
    last = content_end(tokens)
    for k in range(min(last - 4, 30)):
        if tokens[k].lower not in _SUBORDINATE_OPENERS:
            continue
        opening = k == 0 or (k == 1 and tokens[0].lower in {"but", "and", "yet"})
        if not opening and tokens[k - 1].text != ",":
            continue
        subject = k + 1
        if tokens[k].lower == "even" or (subject < last and tokens[subject].lower == "as"):
            continue
        stop = last
        if opening:
            stop = next((m for m in range(subject + 3, last) if tokens[m].text == ","), last)
            if stop == last:
                continue
        found = indirect_in_sentence(text, tokens[subject].start, tokens[stop - 1].end)
        if found is None or found.according:
            continue
        if found.speaker.start != tokens[subject].start and not (
            # "when the Democratic candidate Hillary Clinton suggested …": a role first
            found.speaker.start > tokens[subject].start
            and _role_lead([t for t in tokens[subject:] if t.end <= found.speaker.start])
        ):
            continue
        if first is not None and (
            first.cue == found.cue or (first.start < found.end and found.start < first.end)
        ):
            continue
        return [found]
    return []


_PREPOSITIONS_OPENING = frozenset(
    split_words("""in at on for from with by after before during inside under over about among
    between despite since until amid""")
)


def _leading_np(text: str, tokens: list[Token], stop: int) -> Mention | None:
    """The noun phrase that opens a sentence, up to its verb: "A spokeswoman for the firm
    (also declined)", "Both parents (stiffened)", "Republicans, who hold …, (have blocked)"."""
    skip = _opening_words(tokens, stop)
    if skip:
        return _leading_np(text, tokens[skip:], stop - skip)
    if not tokens or not tokens[0].capitalised or tokens[0].lower in _SUBORDINATORS:
        return None
    if tokens[0].lower in _OPENING_JOINS:
        return None  # "And then (went)": no noun phrase
    if tokens[0].lower in _PREPOSITIONS_OPENING:
        return None  # "In a letter to colleagues released Monday, …": an adverbial
    last = -1
    i = 1
    while i < min(stop, 25):
        token = tokens[i]
        if token.text == "," and i + 1 < stop and tokens[i + 1].lower in {"who", "which"}:
            close = next((m for m in range(i + 2, stop) if tokens[m].text == ","), -1)
            if close < 0:
                return None
            last = i - 1 if last < 0 else last
            i = close + 1
            continue
        word = token.text
        verb_like = word.islower() and (
            token.lower in AUXILIARIES
            or token.lower in _PASSIVE
            or (word.isalpha() and word.endswith("ed") and len(word) > 4)
        )
        if verb_like and token.lower in _TIME_AFTER:
            return None  # "But a few days later, Trump …": a time, not the subject
        if verb_like:
            end = last if last >= 0 else i - 1
            words = tokens[: end + 1]
            if not words or len(words) > 10:
                return None
            if any(
                t.lower in _SUBORDINATORS or is_cue_word(t.text) or not t.text[:1].isalnum()
                for t in words[1:]
            ):
                return None
            mention = Mention(words[0].start, words[-1].end, "", "common")
            mention.text = text[mention.start : mention.end]
            mention.head_tokens = [t.text for t in words]
            return mention
        if not word[:1].isalnum():
            return None
        i += 1
    return None


# Attribution before a quotation: the tables of `cue_before_quote`.


def cue_before_quote(text: str, start: int, end: int) -> tuple[Cue | None, bool]:
    """Attribution in the words before an opening mark, in the same sentence.

    Return the cue and whether the quotation continues a frame ("said that “…”": mixed).
    "According to X" comes first; then the reporting verb nearest the quotation, whose
    reading `_at_verb_before` gives; then an unlisted past-tense verb before the comma.
    """
    tokens = tokenize(text, start, end)
    if not tokens:
        return None, False
    cue = _ACCORDING_TO_BEFORE.apply((text, tokens))
    if cue is not None:
        cue.rule = _ACCORDING_TO_BEFORE.name
        return cue, False
    for i in range(len(tokens) - 1, -1, -1):
        width, rescue = _cue_width(tokens, i, text)
        if not width:
            continue
        fired = _at_verb_before(_Before(text, start, tokens, i, width))
        if fired is _MIXED:
            return None, True  # the quotation is part of a longer clause: mixed, not direct
        if fired is not None:
            rule, (cue, framed) = fired
            cue.rule = rescue or rule.name
            return cue, framed
    cue = _PAST_TENSE_BEFORE.apply((text, tokens))
    if cue is not None:
        cue.rule = _PAST_TENSE_BEFORE.name
    return cue, False


def _according_to_before(text: str, tokens: list[Token]) -> Cue | None:
    """ "According to X, “…”"."""
    for i in range(len(tokens) - 1):
        if tokens[i].lower == "according" and tokens[i + 1].lower == "to":
            speaker = mention_after(text, tokens, i + 2)
            if speaker is not None:
                return Cue(tokens[i].start, tokens[i + 1].end, speaker)
    return None


_ACCORDING_TO_BEFORE: Rule[tuple[str, list[Token]], Cue] = Rule(
    "cue-before/according-to", lambda line: _according_to_before(*line)
)
# "Hillary Clinton cracked, “…”": an unlisted past-tense verb right before the comma.
_PAST_TENSE_BEFORE: Rule[tuple[str, list[Token]], Cue] = Rule(
    "cue-before/past-tense", lambda line: _past_tense_before(*line)
)


@dataclass(slots=True)
class _At:
    """A word that may be a reporting verb before a quotation, and how many tokens it takes."""

    tokens: list[Token]
    i: int
    width: int
    text: str = ""  # the article, for what follows the last token (the quotation)

    @property
    def word(self) -> str:
        return self.tokens[self.i].lower

    @property
    def before(self) -> Token | None:
        return self.tokens[self.i - 1] if self.i > 0 else None


def _after_possessive(at: _At) -> bool:
    return at.before is not None and at.before.text.endswith(("’s", "'s", "s’", "s'"))


# A reporting word read as a noun or a label is not a cue before a quotation.
_NOT_A_CUE_BEFORE = (
    # "in a written statement", "the report"
    Veto(
        "cue-before/determiner-noun",
        lambda at: at.before is not None and at.before.lower in DETERMINERS,
    ),
    Veto(
        "cue-before/possessive-noun", _after_possessive
    ),  # "Clinton’s emails", "the inspector’s report"
    # "his secretary of state"
    Veto(
        "cue-before/of-noun",
        lambda at: (
            at.before is not None and at.before.lower == "of" and not at.word.endswith("ing")
        ),
    ),
    Veto(
        "cue-before/noun-compound", lambda at: _noun_compound(at.tokens, at.i)
    ),  # "the server email story"
    # "called for a “cultural war”": a label, not a quotation
    Veto("cue-before/called-for", lambda at: at.width == 2 and at.word in _CALL),
    # "When the skipper realized the tide was turning, “he left”": what was believed
    Veto("cue-before/belief-in-opening-clause", lambda at: _belief_in_opening_clause(at)),
)


def _belief_in_opening_clause(at: _At) -> bool:
    """Whether the verb is a belief with its own clause inside an opening subordinate clause
    that ends at the comma before the quotation ("When Lie realized the pier was closed, “…”")."""
    tokens = at.tokens
    if at.word not in COGNITION_VERBS or at.word in SPEECH_VERBS:
        return False
    opens = bool(tokens) and tokens[0].capitalised and tokens[0].lower in _OPENING_CONJUNCTIONS
    return opens and tokens[-1].text == "," and len(tokens) - 1 - (at.i + at.width) >= 2


# Documents whose words "read" quotes: "the statement reads “…”".
_DOCUMENTS_READING = frozenset(
    split_words("""statement statements letter note message tweet post ruling judgment judgement
    decision order opinion notice email release resolution communique""")
)
_READ_QUOTATION = re.compile(r"\s*[\"“](?P<inner>[^\"”\n]{1,600})[\"”]")


def _document_reads(at: _At) -> bool:
    """ "Their statement also read “…”", "Part of the judge's statement reads "…"": a
    document noun just before "read(s)" (an adverb between them at most) and a quotation
    of a full sentence (five words or more, ending with a full stop, "!" or "?")."""
    tokens, i = at.tokens, at.i
    nouns = [k for k in (i - 1, i - 2) if k >= 0 and tokens[k].lower in _DOCUMENTS_READING]
    if not nouns or (
        nouns[0] == i - 2
        and not tokens[i - 1].lower.endswith("ly")
        and tokens[i - 1].lower not in {"also", "then", "still"}
    ):
        return False
    quotation = _READ_QUOTATION.match(at.text, tokens[-1].end)
    if quotation is None:
        return False
    inner = quotation.group("inner").rstrip()
    return len(inner.split()) >= 5 and inner[-1:] in {".", "!", "?"}


def _reads_or_sings(at: _At) -> int | None:
    """ "The headline reads: “…”", "Billy Joel sings, “…”", "As the Kinks sang in 1966, “…”"."""
    tokens, i = at.tokens, at.i
    if at.word not in {"read", "reads", "sang", "sings"} or tokens[-1].text not in {":", ","}:
        return None
    if len(tokens) - i == 2 or (
        # adjuncts after an "as" clause
        tokens[0].lower == "as"
        and len(tokens) - i <= 8
        and all(t.text[0].isalnum() for t in tokens[i + 1 : -1])
        and not any(is_cue_word(t.text) for t in tokens[i + 1 : -1])
    ):
        return 1
    return None


# Words too often not reporting that are cues before a quotation in one position only. When one
# of these makes the cue, its name is the cue's rule.
_CUE_WORD_BEFORE = (
    # "… posted: “…”": right before the quotation only
    Rule(
        "cue-before/posted-last",
        lambda at: (
            (1 if len(at.tokens) - at.i <= 2 else 0) if at.word in {"posted", "called"} else None
        ),
    ),
    Rule("cue-before/reads-colon", _reads_or_sings),
    # "Their statement also read “…”": a document's words, with no mark before them
    Rule(
        "cue-before/document-reads",
        lambda at: (
            1
            if at.word in {"read", "reads"} and len(at.tokens) - at.i == 1 and _document_reads(at)
            else None
        ),
    ),
)
_RESCUED_WORDS = frozenset(split_words("posted called read reads sang sings"))


def _cue_width(tokens: list[Token], i: int, text: str = "") -> tuple[int, str]:
    """How many tokens make a reporting cue at tokens[i] before a quotation (0 if none), and
    the rule that took a word otherwise too often not a cue."""
    width = _verb_at(tokens, i)
    if width and vetoed(_NOT_A_CUE_BEFORE, _At(tokens, i, width)):
        width = 0
    if width or tokens[i].lower not in _RESCUED_WORDS:
        return width, ""
    fired = first(_CUE_WORD_BEFORE, _At(tokens, i, 0, text))
    if fired is None or not fired[1]:
        return 0, ""
    return fired[1], fired[0].name


class _Before:
    """A reporting verb before a quotation, and the words between it and the quotation."""

    __slots__ = (
        "framed",
        "i",
        "introduces",
        "objects",
        "start",
        "tail",
        "text",
        "tokens",
        "width",
        "words",
    )

    def __init__(self, text: str, start: int, tokens: list[Token], i: int, width: int) -> None:
        self.text, self.start, self.tokens, self.i, self.width = text, start, tokens, i, width
        self.tail = tail = tokens[i + width :]
        self.words = words = [t.lower for t in tail]
        self.objects = tokens[i].lower in _OBJECT_VERBS
        self.introduces = bool(words) and (
            (words[-1] == ":" and len(tail) <= 14)
            or (words[-1] == "," and len(tail) <= 5)
            or (
                # "As Ann Lie said last week in Tel Aviv, “…”": adjuncts before the comma
                words[-1] == ","
                and len(tail) <= 14
                and words[0] in _ADJUNCT_STARTS
                and "that" not in words
                and not any(is_cue_word(t.text) for t in tail)
            )
        )
        self.framed = "that" in words and not self.introduces

    @property
    def verb(self) -> Token:
        return self.tokens[self.i]

    def cue(self, speaker: Mention | None) -> tuple[Cue, bool]:
        """The cue on the verb, for this speaker, and whether the quotation is framed."""
        verb = self.verb
        end = self.tokens[self.i + self.width - 1].end
        return Cue(verb.start, end, speaker, verb.lower in COGNITION_VERBS), self.framed


def _asked(c: _Before) -> tuple[Cue, bool] | None:
    """ "Ann Lie was asked, “…?”": the question is not hers; the asker after "by" is the
    speaker ("was asked by host Tom Berg, “…”"), else no one named."""
    tokens, i, words = c.tokens, c.i, c.words
    if not (
        (c.introduces or (words and words[0] == "by" and words[-1] in {",", ":"}))
        and i > 0
        and tokens[i - 1].lower in _PASSIVE_BE
        and tokens[i].lower in {"asked", "told"}
    ):
        return None
    by = next((k for k in range(i + 1, len(tokens)) if tokens[k].lower == "by"), -1)
    asker = mention_after(c.text, tokens, by + 1) if by > 0 else None
    return Cue(tokens[i - 1].start, tokens[i].end, asker), False


def _said_opening(c: _Before) -> tuple[Cue, bool] | None:
    """ "Said Ann Lie, who grew up on the street, “…”": an inverted cue opens the sentence."""
    tokens, words = c.tokens, c.words
    if not (
        c.i == 0
        and c.width == 1
        and tokens[0].capitalised
        and words
        and words[-1] == ","
        and not c.objects
        and "that" not in words
    ):
        return None
    named = mention_after(c.text, tokens, 1)
    if named is not None and named.kind in {"name", "common"}:
        return Cue(tokens[0].start, tokens[0].end, named), False
    return None


# "said on Twitter “…”", "wrote in a blog post “…”": a medium after the verb, then a sentence.
_MEDIUM_PREPOSITIONS = frozenset(split_words("on in to via"))
_MEDIUM_WORDS = frozenset(
    split_words("""a an the his her its their our post posts tweet video message letter email
    blog speech broadcast podcast website page account thread""")
)
_TITLE_SMALL_WORDS = frozenset(split_words("of the a an and in on for to at with by"))
_SENTENCE_QUOTATION = re.compile(
    r"\s*[\"“]\s*(?P<first>[A-Z][\w’'-]*)(?P<rest>[^\"”\n]{0,300})[\"”]"
)


def _medium_then_sentence(c: _Before) -> bool:
    """ "The union said on Twitter “The strike goes on. …”": a short adjunct naming where it
    was said (a preposition, then a name or a medium), and a quotation that opens a sentence
    of its own (a capital, at least four words, not a title in title case)."""
    tail, words = c.tail, c.words
    if not (2 <= len(tail) <= 5 and words[0] in _MEDIUM_PREPOSITIONS):
        return False
    if not all(
        (t.capitalised and t.text[0].isalpha()) or w in _MEDIUM_WORDS or w in _FILLER
        for w, t in zip(words[1:], tail[1:], strict=True)
    ) or not any(
        t.capitalised or w in _MEDIUM_WORDS for w, t in zip(words[1:], tail[1:], strict=True)
    ):
        return False
    quotation = _SENTENCE_QUOTATION.match(c.text, tail[-1].end)
    if quotation is None:
        return False
    rest = quotation.group("rest").split()
    lowercase = [w for w in rest if w[:1].islower() and w not in _TITLE_SMALL_WORDS]
    return len(rest) >= 3 and bool(lowercase)  # not a title: "on TV “The Long Pier Show”"


def _in_longer_clause(c: _Before) -> bool:
    """The quotation is part of a longer clause after the verb: mixed, not direct."""
    if not c.introduces and _medium_then_sentence(c):
        return False
    return not c.introduces and (
        len(c.tail) > 8
        or not all(
            w in _FILLER
            or not w[0].isalnum()
            or (c.objects and (t.capitalised or w in {"of", "for"}))
            for w, t in zip(c.words, c.tail, strict=True)
        )
    )


def _dash_byline(c: _Before) -> tuple[Cue, bool] | None:
    """ "Pollsters agree - Carl Bialik: “…”": the name after the dash wrote it."""
    tokens = c.tokens
    if not (c.introduces and c.words[-1] == ":"):
        return None
    dash = next((k for k in range(c.i + c.width, len(tokens)) if tokens[k].text in _DASHES), -1)
    if dash <= 0:
        return None
    named, cue_span = subject_of(c.text, tokens[dash].start, tokens[-1].end)
    if named is not None and cue_span is not None and named.start > tokens[dash].start:
        return Cue(cue_span[0], cue_span[1], named), False
    return None


def _comma_participle(c: _Before) -> bool:
    """ "Hours later, Trump returned the compliment, telling Reuters, “…”"."""
    return c.i > 1 and c.tokens[c.i - 1].text == "," and c.verb.lower.endswith("ing")


def _quote_participle(c: _Before) -> bool:
    """ "Ann Lie told the paper the plan was “a mistake,” adding, “…”"."""
    tokens, i = c.tokens, c.i
    return (
        i > 3
        and tokens[i - 1].text in {"”", '"', "'"}
        and (
            tokens[i - 2].text == ","
            or (tokens[i - 2].text == "'" and tokens[i - 3].text == ",")  # ,'' adding
        )
        and tokens[i].lower.endswith("ing")
    )


def _cue_by(
    find: Callable[[_Before], Mention | None], when: Callable[[_Before], bool] | None = None
) -> Callable[[_Before], tuple[Cue, bool] | None]:
    """A rule that makes the cue on the verb when `find` names its speaker (and `when` holds)."""

    def apply(c: _Before) -> tuple[Cue, bool] | None:
        if when is not None and not when(c):
            return None
        speaker = find(c)
        return None if speaker is None else c.cue(speaker)

    return apply


def _of_verb(
    find: Callable[[str, list[Token], int], Mention | None],
) -> Callable[[_Before], Mention | None]:
    """A speaker finder asked about the verb."""
    return lambda c: find(c.text, c.tokens, c.i)


def _of_comma(
    find: Callable[[str, list[Token], int], Mention | None],
) -> Callable[[_Before], Mention | None]:
    """A speaker finder asked about the comma or mark before the verb."""
    return lambda c: find(c.text, c.tokens, c.i - 1)


def _to_say(c: _Before) -> Mention | None:
    """ "That record prompted the Atlas to state, “…”", "Lie went on to say, “…”"."""
    return _infinitive_subject(c.text, c.tokens, c.i) if c.tokens[c.i - 1].lower == "to" else None


def _verb_subject(c: _Before) -> tuple[Rule, tuple[Cue, bool]] | None:
    """The speaker of a verb that is not a participle after a comma or a quotation: the
    first reading in `_SUBJECT_BEFORE_VERB`, or the issuer of a document it names."""
    if _comma_participle(c) or _quote_participle(c):
        return None
    fired = first(_SUBJECT_BEFORE_VERB, c)
    if fired is None:
        return None
    rule, speaker = fired
    if c.verb.lower.endswith("ing"):
        issuer = _ISSUED_SAYING.apply((c, speaker))
        if issuer is not None:
            rule, speaker = _ISSUED_SAYING, issuer
    if speaker.kind != "pronoun":
        k = speaker_index(c.tokens, speaker)
        if k > 0 and c.tokens[k - 1].lower in _OBJECT_PREPOSITIONS:
            # "responded on Facebook writing, “…”", "a source speaking to Fox News said, “…”":
            # the object of a preposition is not the speaker.
            return None
    return rule, c.cue(speaker)


# Who speaks through a verb before a quotation, nearest reading first.
_SUBJECT_BEFORE_VERB: tuple[Rule[_Before, Mention], ...] = (
    # "Ann Lie was prompted to say, “…”", "Lie went on to say, “…”"
    Rule("cue-before/to-say", _to_say),
    # "Ann Lie said, “…”"
    Rule("cue-before/name-said", _of_verb(mention_before)),
    # "the report, which notes, “…”": the antecedent names the speaker
    Rule("cue-before/who-said", _of_verb(_relative_subject)),
    # "he began by saying, “…”"
    Rule("cue-before/by-saying", _of_verb(_infinitive_subject)),
    # "with many marchers chanting “…”"
    Rule("cue-before/with-chanting", _of_verb(_with_subject)),
)
# "Mr. Trump issued a statement on Tuesday saying, “…”": the issuer of the document speaks.
_ISSUED_SAYING: Rule[tuple[_Before, Mention], Mention] = Rule(
    "cue-before/issued-saying", lambda pick: _issuer(pick[0].text, pick[0].tokens, pick[1])
)


def _at_verb_before(c: _Before) -> tuple[Rule, tuple[Cue, bool]] | object | None:
    """What a reporting verb before a quotation makes of it: the first rule that decides, or
    `_MIXED` when the quotation is part of a longer clause after the verb."""
    fired = first(_ASKED_OR_OPENING, c)
    if fired is not None:
        return fired
    if vetoed(_IN_CLAUSE, c):
        return _MIXED
    return first(_AT_VERB_BEFORE, c) or _verb_subject(c) or first(_NO_SUBJECT_BEFORE, c)


_MIXED = object()


def _clause_verb(c: _Before) -> bool:
    """ "…, telling Reuters, “…”", "He then … and joked, “…”": the clause's subject speaks."""
    tokens, i = c.tokens, c.i
    return (
        tokens[i].lower.endswith("ing")
        or (i > 0 and tokens[i - 1].text in {",", "and", "to"})
        or all(not w[0].isalnum() for w in c.words)
    )


def _inverted_after(c: _Before) -> Mention | None:
    """ "…, explained Rosenberg, “…”", "Said Comey, “…”": the name after the verb."""
    if not c.introduces or c.objects:
        return None
    after = mention_after(c.text, c.tokens, c.i + c.width)
    if (
        after is not None
        and after.kind != "pronoun"
        and len(c.tail) > 1
        and after.end >= c.tail[-2].end
    ):
        return after
    return None


def _inverted_fallback(c: _Before) -> bool:
    return c.introduces and not c.objects and c.tokens[c.i - 1].text == ","


def _sentence_subject_before(c: _Before) -> Mention | None:
    return subject_of(c.text, c.start, c.verb.start)[0]


# What a reporting verb before a quotation makes of it, in order. Each rule returns the cue and
# whether the quotation is framed ("said that “…”"), or passes.
_ASKED_OR_OPENING: tuple[Rule[_Before, tuple[Cue, bool]], ...] = (
    Rule("cue-before/was-asked", _asked),  # "Ann Lie was asked (by Tom Berg), “…?”"
    Rule("cue-before/said-opening", _said_opening),  # "Said Ann Lie, who …, “…”"
)
# "said the plan was “a mistake”": mixed
_IN_CLAUSE = (Veto("cue-before/in-clause", _in_longer_clause),)
_AT_VERB_BEFORE: tuple[Rule[_Before, tuple[Cue, bool]], ...] = (
    # "Pollsters agree - Carl Bialik: “…”"
    Rule("cue-before/dash-byline", _dash_byline),
    # A participle after a comma speaks for the subject of the clause it hangs on:
    # "even as he defended the campaign, saying, “…”", "where protesters had gathered, chanting"
    Rule(
        "cue-before/as-he-did-saying", _cue_by(_of_comma(_subordinate_subject), _comma_participle)
    ),
    # "Spicer said, adding, “…”"
    Rule("cue-before/said-adding", _cue_by(_of_comma(_earlier_cue_speaker), _comma_participle)),
    # "Hours later, Trump returned the compliment, telling Reuters, “…”"
    Rule("cue-before/did-saying", _cue_by(_of_comma(_clause_subject), _comma_participle)),
    # "Bo Berg, an engineer, adding: “…”"
    Rule("cue-before/name-saying", _cue_by(_of_verb(mention_before), _comma_participle)),
    # A participle after a quotation: "Ann Lie told the paper it was “a mistake,” adding, “…”"
    Rule("cue-before/quote-adding", _cue_by(_of_comma(_earlier_cue_speaker), _quote_participle)),
    # "Akhil Amar, author of ''The Constitution,'' adding, “…”"
    Rule("cue-before/name-quote-adding", _cue_by(_of_verb(mention_before), _quote_participle)),
)


def _clause_subject_first(c: _Before) -> bool:
    return _clause_verb(c) and not _inverted_fallback(c)


def _comma_subject(c: _Before) -> bool:
    return c.i > 0 and _inverted_fallback(c)


# No subject beside the verb (`_SUBJECT_BEFORE_VERB` found none, or a preposition's object).
_NO_SUBJECT_BEFORE: tuple[Rule[_Before, tuple[Cue, bool]], ...] = (
    # "When Ann Lie was asked …, he laughed and said, “…”"
    Rule("cue-before/and-said", _cue_by(_of_verb(_coordinated_pronoun), _clause_verb)),
    # "The president noted that he taught law, and added: “…”"
    Rule("cue-before/clause-subject", _cue_by(_sentence_subject_before, _clause_subject_first)),
    # "…, explained Rosenberg, “…”"
    Rule("cue-before/said-name", _cue_by(_inverted_after)),
    # "One message, sent to the mayor, said: “…”"
    Rule("cue-before/comma-subject", _cue_by(_sentence_subject_before, _comma_subject)),
)
