"""What a cue of reported speech reports: a clause ("said the talks had failed"), or only a
noun phrase, an infinitive or a prepositional phrase ("praised the efforts of …", "agreed to
set …", "spoke about …").

The house labelling conventions (bench/devset/LABELLING.md) take an indirect quote to be the
reported clause; PolNeAR annotates every attribution, noun-phrase objects included. So the
finder offers reported speech that is a clause by default, and everything with
`suggest(reports="all")`.
"""

from __future__ import annotations

import re

from .lexicon import split_words
from .rules import Veto

# Finite verbs and auxiliaries that make a clause of the words before them.
_FINITE = frozenset(
    split_words("""is are was were am be will would can could shall should may might must has
    have had does do did isn't aren't wasn't weren't won't wouldn't can't couldn't hasn't
    haven't hadn't doesn't don't didn't shouldn't""")
)
# Words that open a clause on their own: a subject pronoun, a question word, "that".
_CLAUSE_OPENERS = frozenset(
    split_words("""that he she they it we i you there this these those why how what whether if
    when where who which""")
)
# Words that open a phrase, not a clause: "agreed to set", "spoke about", "called for".
_PHRASE_OPENERS = frozenset(
    split_words("""to on about for in of with at from into over out up by as upon against""")
)
# "describe" reports a noun phrase ("described the plan"), a clause only after "how", "what"…
_DESCRIBE = frozenset(split_words("describe describes described describing"))
# Verbs of saying proper: what they report is a clause even when no verb is recognised in it.
_SAYING = frozenset(split_words("said says say saying told tells tell added adds adding"))
_ADDING = frozenset(split_words("added adds add"))
_SAYING_FINITE = frozenset(split_words("said says told tells claimed claims"))
_MARKS = '"“”‘’«»„'
_WORD = re.compile(r"[\w’'-]+")
# How far into the reported words a verb is looked for.
_REACH = 14


def _verb(word: str, previous: str) -> bool:
    """A word that reads as the finite verb of a clause: an auxiliary, or a past form after a
    noun-like word ("the talks failed"; not "the retired", "of serving and retired")."""
    lowered = word.lower()
    if previous.lower() == "to" and lowered in _FINITE:
        return False  # "a right to have a say": an infinitive
    if lowered in _FINITE or lowered in _SAYING_FINITE or _contracted(lowered):
        return True
    if previous.lower() in _PHRASE_OPENERS | _NOT_BEFORE_A_VERB or _possessive(previous):
        return False  # "the Government’s continued focus": an adjective after a possessive
    if _gerund(previous):
        return False  # "providing increased opportunities": an adjective after a gerund
    if word in _IRREGULAR_PAST:
        return True  # "the ferry overran the pier", "the hikers slept in the hut"
    if lowered.endswith("eed") and lowered not in _PAST_IN_EED:
        return False  # "the use of quality seed": a noun
    return word.islower() and len(word) > 3 and lowered.endswith("ed") and lowered not in _NOT_PAST


# Words in "-eed" that are past forms (the others are nouns or presents: seed, need, exceed).
_PAST_IN_EED = frozenset(split_words("agreed disagreed freed decreed guaranteed refereed"))
# Words in "-ed" that are no verb.
_NOT_PAST = frozenset(
    split_words("""hundred sacred naked wicked kindred beloved rugged ragged jagged wretched shed
    based""")
)


def _possessive(word: str) -> bool:
    """A noun's possessive ("Government’s", "the board's"), not a contracted "is" or "has"
    ("it's", "there’s")."""
    lowered = word.lower()
    return lowered.endswith(("’s", "'s")) and lowered[:-2] not in _CONTRACTING


# Pronouns that a contracted "is" or "has" joins: "it's", "there’s".
_CONTRACTING = frozenset(split_words("it that there he she what here who where"))


def _contracted(lowered: str) -> bool:
    """A word with a contracted finite verb: "it's", "they're", "won't", "we'll"."""
    for apostrophe in "'’":
        head, mark, tail = lowered.partition(apostrophe)
        if not mark or not head:
            continue
        if tail in {"re", "ll", "ve", "m", "d"} or (tail == "t" and head.endswith("n")):
            return True
        if tail == "s" and head in _CONTRACTING:
            return True
    return False


# Past forms without "-ed" that differ from their participle, so are seldom anything but a
# finite verb ("made", "held", "spent" are as often a participle: "the remarks made on …").
_IRREGULAR_PAST = frozenset(
    split_words("""overran ran went came saw took gave fell broke became began chose drove ate
    flew forgot grew knew rose sank stole swore swam tore threw woke wore wrote spoke slept""")
)


# Words after which a past form is an adjective or a participle: "the retired", "and retired".
_NOT_BEFORE_A_VERB = frozenset(
    split_words("""the a an and or but very more most several many some few both each every
    its their his her our""")
)
# Words that open a relative clause inside a noun phrase: its verb is not the object's.
_RELATIVE = frozenset(
    split_words("""that which who whom whose where whereby that’s that's who’s who's
    which’s""")
)


def _has_verb(words: list[str]) -> bool:
    """Whether a finite verb follows the first word, before any relative or subordinate clause
    opens ("a package for towns that were …", "cases in the week before the shutdown began")."""
    for k, (previous, word) in enumerate(zip(words, words[1:_REACH], strict=False), start=1):
        if word.lower() in _RELATIVE | _SUBORDINATE:
            return False
        if previous.lower() == "by" and _gerund(word):
            return False  # "estimate the count by observing the trees turned orange"
        if k == 2 and words[0].lower() in _SUBJECTS and _present_after_noun(word, previous):
            return True  # "the vessel uses diesel": a determiner, a noun and its verb
        if k in {3, 4} and _present_after_phrase(words, k):
            return True  # "the ambipolar electric field counteracts some …"
        if k == 1 and previous[:1].isupper() and _present_after_noun(word, previous):
            # "Ostia flies weapons to …": a name and its verb (not "Ostia funds for …")
            return k + 1 < len(words) and words[k + 1].lower() not in _PHRASE_OPENERS
        if _verb(word, previous):
            if previous.lower() in {"and", "or", "but"}:
                return False  # "cited the treaty and said": the subject's second verb
            if k + 1 < len(words) and words[k + 1] == "by" and word.lower() not in _FINITE:
                continue  # "towns impacted by the fire": a participle, not the verb
            return not _reduced_relative(words, k)
    return False


# Determiners that open a subject; words after a present verb that go on with its object.
_OPENING_DETERMINERS = frozenset(split_words("the a an its their his her our this that"))
_OBJECT_OPENERS = frozenset(
    split_words("""the a an this these those its their his her our some any all no every each
    more most it them him us""")
)


def _present_after_phrase(words: list[str], k: int) -> bool:
    """ "the ambipolar electric field counteracts some …", "the commission's scope allows it
    …", "the moon likely contains a …": a present form after a determiner and two or three
    lowercase words (adjectives, a possessive, the noun, or an adverb in "-ly" before the
    verb), with an object opening right after it (so not "the city's water supplies for …",
    "the agency's budget cuts to …": a plural noun)."""
    if words[0].lower() not in _OPENING_DETERMINERS or k + 1 >= len(words):
        return False
    middle = words[1:k]
    if not all(w.isalpha() and w.islower() or _possessive(w) for w in middle):
        return False
    if any(w.lower() in _NOT_NOUNS | _NOT_BEFORE_A_VERB | _SUBORDINATE for w in middle):
        return False
    following = words[k + 1]
    if not (following.lower() in _OBJECT_OPENERS or following[:1].isdigit()):
        return False
    previous = middle[-1]
    if previous.endswith("ly") and len(middle) > 1:
        previous = middle[-2]  # "the moon likely contains"
    if words[k].lower() in _NOT_PRESENT:
        return False
    return _present_after_noun(words[k], previous) and not _possessive(previous)


# Words in "-s" that are no present verb: "the Government’s commitment towards the …".
_NOT_PRESENT = frozenset(
    split_words("""towards afterwards backwards forwards besides always perhaps series species
    news various previous whereas""")
)


# Words that open a clause inside a noun phrase: "asked people about how connected they feel".
_SUBORDINATE = frozenset(
    split_words("""how what why before after when while because since until unless although
    though""")
)


# Words that are no noun of a noun phrase: they break the reduced relative's pattern.
_NOT_NOUNS = _FINITE | _PHRASE_OPENERS | _RELATIVE | frozenset(split_words("and or but not"))


def _plural(word: str) -> bool:
    return word.islower() and len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def _reduced_relative(words: list[str], verb: int) -> bool:
    """ "several experiments astronauts have conducted aboard …": a noun phrase whose relative
    clause has no "that"; its verb (an auxiliary after a plural noun that follows another
    plural noun and up to two more nouns) is not the object's."""
    if words[verb].lower() not in {"have", "has", "had"} or not _plural(words[verb - 1]):
        return False
    for k in range(verb - 2, max(0, verb - 5), -1):
        if words[k].lower() in _NOT_NOUNS or not words[k].islower():
            return False
        if _plural(words[k]):
            return True
    return False


def reported_clause(text: str, start: int, end: int) -> bool:
    """Whether the reported words text[start:end] are a clause (a subject and a verb, or a
    word that opens one), not only a phrase."""
    before = text[max(0, start - 6) : start].split()
    if before and before[-1].lower() in {"that", ","}:
        return True
    words = _WORD.findall(_before_coordinate(text[start : min(end, start + 200)]))
    if not words:
        return False
    opening = words[0].lower()
    if opening in _DEMONSTRATIVES and len(words) > 2 and not _demonstrative_subject(words):
        return _has_verb(words[1:])  # "announced this change by …": a determiner
    if opening in _CLAUSE_OPENERS or text[start] in ",“\"‘'":
        return True
    if opening in _PHRASE_OPENERS:
        return False
    if _gerund(words[0]):
        # "reports feeling connected to …": a gerund's phrase, a clause only with an auxiliary
        return any(w.lower() in _FINITE for w in words[1:_REACH])
    return (
        _has_verb(words) or _that_clause(words) or bool(_PARTICIPLE_THAT.search(text, start, end))
    )


# A comma and a conjunction that join a new clause to what the verb reports: "declared
# victory, but the troops have remained": the verb after it is not the object's.
def _gerund(word: str) -> bool:
    """A lowercase "-ing" word that is no pronoun ("nothing") and no preposition ("during")."""
    lowered = word.lower()
    return (
        word.islower()
        and len(word) > 5
        and lowered.endswith("ing")
        and lowered not in {"nothing", "something", "everything", "anything", "during"}
    )


_COORDINATE = re.compile(
    r",\s+(?:but|and|while|whereas|yet)\s+(?:the|an?|its|their|his|her|he|she|they|it|we|[A-Z]\w*)\b"
)


def _before_coordinate(words: str) -> str:
    """The reported words up to a comma and a conjunction that open another clause."""
    words = words.split(";", 1)[0]  # "offer couples the same rights; there are limits"
    joined = _COORDINATE.search(words)
    return words[: joined.start()] if joined is not None else words


_DEMONSTRATIVES = frozenset(split_words("this these those"))


def _demonstrative_subject(words: list[str]) -> bool:
    """ "this was", "these show": the demonstrative is the subject, the next word its verb."""
    return _verb(words[1], words[0]) or _present(words[1], "") or words[1].lower() in _FINITE


def _that_clause(words: list[str]) -> bool:
    """ "[fa] that the election …", "all claims that Lie was …": a "that" clause with its own
    subject early on (not the relative "disasters that have occurred")."""
    for k in range(min(len(words) - 1, 5)):
        if words[k].lower() == "that" and (
            words[k + 1][:1].isupper() or words[k + 1].lower() in _SUBJECTS
        ):
            return True
    return False


_SUBJECTS = frozenset(split_words("the a an he she they it we i you there this these those its"))
# "…, highlighting that …": a participle of saying inside what the cue reports.
_PARTICIPLE_THAT = re.compile(r",\s+[a-z]+ing\s+that\s")


def _phrase_only(found: tuple[str, object]) -> bool:
    text, indirect = found
    if getattr(indirect, "according", False):
        return False  # "According to the ministry, …": what follows is the claim
    start, end = indirect.start, indirect.end  # type: ignore[attr-defined]
    if getattr(indirect, "before", None) is not None:
        return False  # "Most farms, the report noted, have no …": the clause the cue splits
    if indirect.cue[0] >= end:  # type: ignore[attr-defined]
        # "…, says the minister": a clause before the cue, not "On the speech, Lie writes:"
        words = _WORD.findall(text[start:end])
        if words and _contracted(words[0].lower()):
            return False  # "It’s up to the patient …, said Ann Lie"
        cue = text[indirect.cue[0] : indirect.cue[1]].lower()  # type: ignore[attr-defined]
        if cue in _SAYING and _sentence_before_said(text, start, end, words):
            return False  # "Prices and wages show the strain, the bank said": a verb unknown
        return not any(
            _verb(w, p) or _present(w, p) for p, w in zip(words, words[1:], strict=False)
        )
    cue = text[indirect.cue[0] : indirect.cue[1]].lower()  # type: ignore[attr-defined]
    object_follows = text[indirect.cue[1] : start].strip() == ""  # type: ignore[attr-defined]
    if cue in _ADDING and object_follows and not _quoted(text[start:end]):
        # "Vexor has added a new feature that lets …", "added 200 jobs": "add" with a noun
        # phrase adds a thing; with a clause ("added the plan was sound") it says one
        return not reported_clause(text, start, end)
    if cue in _SAYING:
        if text[max(0, start - 5) : start].split()[-1:] in (["the"], ["a"], ["an"]):
            return True  # "told the world on Thursday": the listener's noun, no clause
        return _said_this(text, start)  # "said the stores fill the shelves": a clause
    if cue in _DESCRIBE and not _quoted(text[start:end]):
        # "reports describe speculation the cause was …": what is described is a noun phrase
        return text[start:end].split(maxsplit=1)[0].lower() not in _CLAUSE_OPENERS
    opening = text[start:end].split(maxsplit=1)[0].lower()
    if opening in {"of", "about"} and _quoted(text[start:end]):
        return False  # "warned of those seeking to “undermine” the club": their words
    if opening in _PHRASE_OPENERS:
        return True  # "hope to continue their “Open Call Testing”"
    if _quoted(text[start:end]):
        return False  # "praised the “tireless work” of …": the speaker's own words inside
    return not reported_clause(text, start, end)


# Words that open a phrase or a subordinate clause before the main one, not a sentence's
# subject: "Then a student in Ostia, Ann Lie said …", "Rather than …, she said …".
_NOT_SUBJECT_OPENERS = (
    _PHRASE_OPENERS
    | _SUBORDINATE
    | frozenset(split_words("then rather once if as despite instead like unlike"))
)


def _sentence_before_said(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether the words before ", X said" are a whole sentence up to the comma: they open it
    with a subject's word (not a preposition, a participle or a subordinator), are not a
    headline in title case, and hold no comma of an aside ("The aides, led by …,") unless
    they quote the speaker ("A brutal, long siege bears the “hallmarks of genocide,”")."""
    before = text[max(0, start - 3) : start].rstrip(" ")
    opens = text[start : start + 1].isupper() and (not before or before[-1] in ".!?\n")
    first = words[0].lower() if words else ""
    return (
        len(words) >= 5
        and opens
        and first not in _NOT_SUBJECT_OPENERS
        and not first.endswith("ing")
        and sum(w[:1].isupper() for w in words) * 2 <= len(words)
        and ("," not in text[start:end].rstrip(',”"’ ') or _quoted(text[start:end]))
    )


def _quoted(words: str) -> bool:
    """Whether quotation marks stand in the words: a double mark, or an opening single one
    (a lone "’" is an apostrophe: "that’s", "the boats’ speed")."""
    return any(mark in words for mark in _MARKS if mark != "’")


def _present(word: str, previous: str) -> bool:
    """A present form after a noun-like word: "This participation signals …"."""
    return (
        word.islower()
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith("ss")
        and previous.lower() not in _PHRASE_OPENERS | _NOT_BEFORE_A_VERB
    )


def _present_after_noun(word: str, previous: str) -> bool:
    """ "the vessel uses": a present form after a noun (not a noun in "-is", "-us")."""
    return _present(word, previous) and not word.endswith(("is", "us")) and not _plural(previous)


def _said_this(text: str, start: int) -> bool:
    """ "He said this in an interview": a pronoun object and a preposition, no clause."""
    words = text[start : start + 40].split()[:2]
    return len(words) == 2 and words[0].lower() in {"this", "so"} and words[1] in _PHRASE_OPENERS


def _first_person(found: tuple[str, object]) -> bool:
    speaker = getattr(found[1], "speaker", None)
    return speaker is not None and speaker.text.lower() in {"i", "we", "you"}


# What opens an indirect question: "did not say whether …", "did not announce whom …".
_QUESTION_OPENERS = frozenset(
    split_words("if whether who whom whose what which when where why how")
)
_NEGATIONS = frozenset(split_words("not never n't didn't don't doesn't won't wouldn't couldn't"))


def _negated_question(found: tuple[str, object]) -> bool:
    """ "The agency did not mention if …", "would not say whether …": nothing was said."""
    text, indirect = found
    start = indirect.start  # type: ignore[attr-defined]
    opening = text[start : start + 10].split(maxsplit=1)
    if not opening or opening[0].lower() not in _QUESTION_OPENERS:
        return False
    cue_start = indirect.cue[0]  # type: ignore[attr-defined]
    before = _WORD.findall(text[max(0, cue_start - 30) : cue_start])[-2:]
    return any(w.lower() in _NEGATIONS or w.lower().endswith("n't") for w in before)


# Cues that things do too: "The data indicates …", "A CT scan revealed that …".
_SHOWING = frozenset(
    split_words("""indicate indicates indicated indicating reveal reveals revealed revealing
    show shows showed showing""")
)
# Things that show or indicate, not speakers: their findings are no one's words.
_THINGS = frozenset(
    split_words("""data figures figure numbers statistics evidence scan scans test tests result
    results x-ray x-rays footage image images photo photos photographs video videos readings
    gauge gauges records record samples sample analysis tracking""")
)


def _thing_shows(found: tuple[str, object]) -> bool:
    text, indirect = found
    speaker = getattr(indirect, "speaker", None)
    cue = indirect.cue  # type: ignore[attr-defined]
    if speaker is None or text[cue[0] : cue[1]].lower() not in _SHOWING:
        return False
    words = speaker.text.lower().split()
    return bool(words) and words[-1] in _THINGS


# Reported speech refused by default: a thing, not a speaker, shows what follows.
THING_SHOWS = Veto("indirect/thing-shows", _thing_shows)
# Reported speech refused by default: the cue reports a phrase, not a clause.
PHRASE_OBJECT = Veto("indirect/phrase-object", _phrase_only)
# Refused by default too: "I believe …", "We know …" outside quotation marks are the words of a
# quoted writer (an unmarked block quotation), not reported speech of the article.
FIRST_PERSON = Veto("indirect/first-person", _first_person)
# Refused by default too: a question the source did not answer ("did not say whether …").
NEGATED_QUESTION = Veto("indirect/negated-question", _negated_question)
# The vetoes of reported speech that `reports="clauses"` applies, in order.
CLAUSE_VETOES = (PHRASE_OBJECT, FIRST_PERSON, NEGATED_QUESTION, THING_SHOWS)
