"""Suggest quotes (with speakers) and check-worthy claims for a plain text; no Django here.

`suggest(text)` returns suggestions whose offsets are code points into `text` exactly as given.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field, replace

from .attribution import (
    Cue,
    Indirect,
    asked_cues,
    described_cues,
    indirect_in_sentence,
    later_cue_in_sentence,
    nested_report,
    opening_adverbial,
    opening_participle_cues,
    participle_cues,
    relative_cues,
    relative_report_cues,
    second_clause,
    semicolon_clauses,
    subordinate_cues,
    with_cues,
)
from .checkworthy import Line, score_lines, transcript_lines
from .claims import checkworthiness
from .direct import RULE_NAMES as DIRECT_RULE_NAMES
from .direct import Article, Quote, Step, explain, find_direct
from .lexicon import CLAUSE_OPENERS, split_words
from .objects import CLAUSE_VETOES, PHRASE_OBJECT
from .parts import NESTED, Quotations, fragment_veto, fragments, pieces
from .parts import RULE_NAMES as PARTS_RULE_NAMES
from .quotes import RawQuote, find_quotes
from .resolve import resolve_speakers
from .rules import Rule, Veto, first, vetoed
from .speakers import (
    Mention,
    Registry,
    Resolved,
    mention_after,
    mention_before,
    role_opening,
    tokenize,
)
from .text import sentences

DEFAULT_CLAIMS = 10
# `claims=CLAIMS_ALL`: every sentence as a claim, scored by the trained model (checkworthy.py).
CLAIMS_ALL = -1
# What reported speech is offered: reported clauses only (the default), or whatever a cue
# reports, noun phrases and infinitives too (as PolNeAR annotates).
REPORTS_CLAUSES = "clauses"
REPORTS_ALL = "all"
REPORTS = (REPORTS_CLAUSES, REPORTS_ALL)
MIN_CLAIM_SCORE = 0.5


@dataclass
class Suggestion:
    """One proposed annotation; quote fields are None for claims."""

    kind: str
    start: int
    end: int
    text: str
    score: float
    speaker: str | None = None
    speaker_kind: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: dict[str, object] | None = None
    quote_type: str | None = None
    role: str | None = None
    # Which named rules spoke: the engine's (quote/…, indirect/…, claim/…), the cue finder's
    # (Cue.rule, Indirect.rule) and the speaker finder's (Mention.rule, or Resolved.rule when a
    # pronoun or a description was resolved to a name). Last, with defaults: positional users
    # and runs stored before them still load.
    rule: str = ""
    cue_rule: str = ""
    speaker_rule: str = ""
    # False when the speaker is a description or a pronoun the article ties to no name
    # ("military spokesman"): a reviewer should name it before it goes to the registry.
    speaker_resolved: bool = True
    # The parts of one quotation that its attribution or its paragraphs split ("“A,” Lie
    # said. “B.”") share a group (1, 2, … within the article; 0 when the quote is whole), and
    # each is part `part` of `parts`.
    group: int = 0
    part: int = 0
    parts: int = 0
    # Why a claim is worth checking, in a reviewer's words ("a number", "a named source").
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def why(self) -> str:
        """Say in one short line which rules made this suggestion ("" when none is known)."""
        parts = [self.rule] if self.rule else []
        if self.cue_rule:
            parts.append(f"cue by {self.cue_rule}")
        if self.speaker_rule:
            parts.append(f"speaker by {self.speaker_rule}")
        if not self.speaker_resolved:
            parts.append("speaker unresolved")
        if self.reasons:
            parts.append(", ".join(self.reasons))
        return "; ".join(parts)


# A quotation with no cue of its own, after the direct rules (direct._join_remarks), takes the
# speaker of the nearest attribution before it, direct or indirect.
_CARRIES = Rule("quote/carries-speaker", lambda _q: None, 0.6)


def _carry_speakers(article: Article, quotes: list[Quote], items: list) -> None:
    """A quotation with no cue of its own continues the nearest attribution before it.

    "Gilbert said the boycott would not hurt.\n\n“There's a sense of stability now.”": the
    nearest earlier attribution, direct or indirect, ending within two paragraphs, gives the
    speaker; a quotation given it passes it on in turn.
    """
    # (where it ends, the speaker, whether a quotation without a cue carried it on)
    marks: list[tuple[int, Mention, bool]] = []
    for _, how, item in items:
        if how == "direct":
            if item.cue is not None and item.cue.speaker is not None and item.cue.start >= 0:
                marks.append((max(item.end, item.cue.end), item.cue.speaker, False))
        elif item.speaker is not None and not _bracketed_source(article.text, item.cue[0]):
            marks.append((max(item.end, item.cue[1]), item.speaker, False))
    marks.sort(key=lambda m: m[0])
    ends = [m[0] for m in marks]
    for quote in quotes:
        if quote.cue is not None and quote.cue.start >= 0:
            continue
        k = bisect_right(ends, quote.start) - 1
        if k < 0:
            continue
        # Counted from where the attribution ends: a quotation over several paragraphs, or
        # one that carried the speaker on, reaches as far as its last paragraph.
        end, speaker, chained = marks[k]
        if quote.paragraph - article.paragraph_of(end - 1) <= 2 and quote.start - end < 1500:
            if quote.cue is None or not chained:
                quote.cue = Cue(-1, -1, speaker)
                quote.score, quote.rule = _CARRIES.score, _CARRIES.name
            marks.insert(k + 1, (quote.end, quote.cue.speaker or speaker, True))
            ends.insert(k + 1, quote.end)


def _bracketed_source(text: str, cue: int) -> bool:
    """ "… sentenced to 12 years (according to CNN).": a source in brackets vouches for one
    fact in passing; it is no speaker a later quotation goes on with."""
    return text[max(0, cue - 2) : cue].strip().endswith("(")


# A quotation with no cue of its own, right after a sentence of its own paragraph whose subject
# is a named person, is that person's: "Bolton distanced himself from the movement. “I'm going
# to support him.”" The narration between names the speaker more surely than an attribution
# further back, which would otherwise carry on (quote/carries-speaker).
_SENTENCE_SUBJECT = Rule("quote/sentence-subject", lambda _q: None, 0.6)


def _subject_mention(
    text: str, registry: Registry, start: int, end: int, rule: str
) -> Mention | None:
    """The person named as a subject between start and end, as a mention made by `rule`."""
    named = next(((o, n) for o, n in registry.mentions if start <= o < end), None)
    if named is None or named[1] not in registry.people:
        return None
    offset, name = named
    # "Union leader Tom Berg disagreed.": the role opening the sentence is the speaker's (the
    # registry reads a subject only after capitalised words of a role)
    role = role_opening(text[start:offset]) or ""
    if any(ch.isdigit() for ch in name):
        return None  # a code, not a person ("HPAI H5N1 was found in …")
    last = text.find(name.split()[-1], offset, end)
    if last < 0:
        return None
    said = text[offset : last + len(name.split()[-1])]
    if offset not in registry.subjects and not (
        role and _VERB_NEXT.match(text, offset + len(said))
    ):
        return None
    aside = _ASIDE_AFTER_NAME.match(text, offset + len(said))
    if _LISTED_NEXT.match(text, aside.end() if aside is not None else offset + len(said)):
        return None  # "Ann Lie and Bo Berg have welcomed …": which of them is not said
    mention = Mention(offset, offset + len(said), said, "name", head_tokens=said.split())
    mention.rule = rule
    mention.role = role
    return mention


# After a subject, its verb (or an aside): "Tom Berg disagreed", "Tom Berg, 54, …".
_VERB_NEXT = re.compile(r"\s*(?:,|\(|[a-z])")


def _sentence_subjects(article: Article, registry: Registry, quotes: list[Quote]) -> None:
    """Give a quotation with no cue of its own the person named as the subject of the sentence
    just before it in its paragraph, when that sentence quotes no one."""
    text = article.text
    for quote in quotes:
        if quote.quote_type != "direct" or (quote.cue is not None and quote.cue.start >= 0):
            continue
        spans = [s for s in article.sentences[quote.paragraph] if s[0] < quote.start]
        if spans and not text[spans[-1][0] : quote.start].strip():
            spans.pop()  # the quotation opens its sentence: the one before narrates
        if not spans and quote.paragraph > 0 and quote.cue is not None:
            # the quotation opens its paragraph and would carry a speaker from further back:
            # the last sentence of the paragraph before narrates (with nothing to carry, the
            # lead's subject speaks: quote/lead-subject)
            spans = article.sentences[quote.paragraph - 1][-1:]
        if not spans:
            continue
        start = spans[-1][0]
        if any(mark in text[start : quote.start] for mark in ("“", "”", '"', "«", "»", "''")):
            continue
        carried = quote.cue.speaker if quote.cue is not None else None
        if carried is not None and start <= carried.start < quote.start:
            continue  # that sentence is the attribution carried on ("Lie said the …")
        mention = _subject_mention(text, registry, start, quote.start, _SENTENCE_SUBJECT.name)
        if mention is None:
            continue
        quote.cue = Cue(-1, -1, mention)
        quote.score, quote.rule = _SENTENCE_SUBJECT.score, _SENTENCE_SUBJECT.name


# What may come before the name that opens a sentence: titles and capitalised words of a role
# ("Sen.", "Foreign Minister"); lowercase words only when they end in a role ("Union leader",
# speakers.role_opening).
_OPENS_WITH_NAME = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,3}$")


def _opens_with_name(text: str, start: int, name: int) -> bool:
    """Whether only capitalised words, or an opening of time or place and its comma
    ("Meanwhile, …", "On Monday, …"), come between a sentence's start and the name."""
    if _OPENS_WITH_NAME.match(text[start:name]):
        return True
    tokens = tokenize(text, start, name)
    return bool(tokens) and tokens[-1].text == "," and opening_adverbial(tokens, len(tokens) - 1)


def _split_at_new_subject(article: Article, registry: Registry, quotes: list[Quote]) -> None:
    """Part a remark where a sentence between two of its quotations has another named person
    as its subject: "“A,” Lie said. Berg disagreed. “B.”" is Lie's A and Berg's B."""
    text = article.text
    for k in range(len(quotes) - 1, -1, -1):
        quote = quotes[k]
        if quote.quote_type != "direct" or len(quote.joined) < 2 or quote.cue is None:
            continue
        speaker = quote.cue.speaker
        after = max(quote.cue.end, speaker.end if speaker is not None else -1)
        for i in range(len(quote.joined) - 1, 0, -1):
            gap_start, gap_end = quote.joined[i - 1][1], quote.joined[i][0]
            opens = [
                s
                for s, _ in article.sentences[article.paragraph_of(gap_end)]
                if max(gap_start, after) < s < gap_end
            ]
            if not opens:
                continue
            mention = _subject_mention(text, registry, opens[-1], gap_end, _SENTENCE_SUBJECT.name)
            if mention is None:
                continue
            if not mention.role and not _opens_with_name(text, opens[-1], mention.start):
                continue  # a lowercase word that is no role ("But critics say Tom Berg …")
            surname = mention.text.split()[-1]
            if speaker is not None and surname in speaker.text.split():
                continue  # the speaker again ("Lie paused. “B.”")
            rest = quote.joined[i:]
            quotes.insert(
                k + 1,
                replace(
                    quote,
                    start=rest[0][0],
                    end=quote.end,
                    cue=Cue(-1, -1, mention),
                    score=_SENTENCE_SUBJECT.score,
                    rule=_SENTENCE_SUBJECT.name,
                    paragraph=article.paragraph_of(rest[0][0]),
                    joined=rest if len(rest) > 1 else [],
                ),
            )
            quote.end = quote.joined[i - 1][1]
            quote.joined = quote.joined[:i] if i > 1 else []


# A quotation with nothing to carry that opens the paragraph after one whose subject is a
# named person: "Foreign Minister Ann Lie has welcomed the deal.\n\n“We congratulate …”"
# (the shape of a press release).
_LEAD_SUBJECT = Rule("quote/lead-subject", lambda _q: None, 0.5)
_LISTED_NEXT = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?(?:,|and\b|&)")
# A relative clause or an appositive between a subject and its verb, which is no list: "Tom
# Berg, who leads the union, disagreed", "Tom Berg, the union's leader, …", "Tom Berg, 54, …".
_ASIDE_AFTER_NAME = re.compile(
    r",\s+(?:who|whose|the|an?|[A-Z][\w\-]*[’']s|\d{1,3})\s[^,.;:!?()“”\"\n]{0,80},"
    r"|,\s+\d{1,3},"
)


def _lead_subjects(article: Article, registry: Registry, quotes: list[Quote]) -> None:
    """Give a quotation with no speaker yet the person named as the subject that opens the
    paragraph just before it, when that paragraph quotes no one."""
    text = article.text
    for quote in quotes:
        if quote.cue is not None or quote.quote_type != "direct" or quote.paragraph == 0:
            continue
        start = article.paragraph_starts[quote.paragraph - 1]
        opens = text[article.paragraph_starts[quote.paragraph] : quote.start].strip() == ""
        if not opens or any(mark in text[start : quote.start] for mark in '“”"«»'):
            continue
        first_sentence = article.sentences[quote.paragraph - 1][:1]
        end = first_sentence[0][1] if first_sentence else quote.start
        mention = _subject_mention(text, registry, start, end, _LEAD_SUBJECT.name)
        if mention is None:
            continue
        quote.cue = Cue(-1, -1, mention)
        quote.score, quote.rule = _LEAD_SUBJECT.score, _LEAD_SUBJECT.name


# A quotation alone in its paragraph whose next paragraph opens by naming who said it: "“…”\n\n
# So said Ann Lie, the head of the union." Only these openings, right after the quotation.
_SAID_AFTER = Rule("quote/said-after", lambda _q: None, 0.6)
_SAID_AFTER_OPENING = re.compile(
    r"(?:So\s+(?:said|says)|Those\s+were\s+the\s+words\s+of"
    r"|That\s+was\s+the\s+(?:verdict|view)\s+of)\s+"
)


def _said_after_mention(article: Article, start: int, end: int) -> Mention | None:
    """The speaker that the paragraph after a quotation alone in its paragraph (start to end)
    opens by naming, or None."""
    text = article.text
    last = article.paragraph_of(end - 1)
    if last + 1 >= len(article.paragraphs):
        return None
    after, stop = article.paragraphs[last + 1]
    alone = not text[article.paragraph_starts[article.paragraph_of(start)] : start].strip()
    if not alone or text[end:after].strip():
        return None
    opening = _SAID_AFTER_OPENING.match(text, after, stop)
    if opening is None:
        return None
    mention = mention_after(text, tokenize(text, opening.end(), stop), 0)
    if mention is None or mention.kind not in {"name", "org"}:
        return None
    mention.rule = _SAID_AFTER.name
    return mention


def _part_before_said_after(article: Article, quotes: list[Quote]) -> None:
    """Part off a remark's last quotation when it is alone in its paragraph and the next one
    names its speaker: "“A,” Bo Berg said.\n\n“B.”\n\nSo said Ann Lie." is Berg's A and Lie's B
    (`_said_after` gives B its speaker)."""
    for k in range(len(quotes) - 1, -1, -1):
        quote = quotes[k]
        if quote.quote_type != "direct" or len(quote.joined) < 2 or quote.cue is None:
            continue
        if quote.cue.start < 0:
            continue  # with no cue of its own, the whole remark is the one named after it
        start, end = quote.joined[-1]
        mention = _said_after_mention(article, start, end) if start > quote.cue.end else None
        if mention is None:
            continue
        quotes.insert(
            k + 1,
            replace(
                quote,
                start=start,
                cue=Cue(-1, -1, mention),
                score=_SAID_AFTER.score,
                rule=_SAID_AFTER.name,
                paragraph=article.paragraph_of(start),
                joined=[],
            ),
        )
        quote.end = quote.joined[-2][1]
        quote.joined = quote.joined[:-1] if len(quote.joined) > 2 else []


def _said_after(article: Article, quotes: list[Quote]) -> None:
    """Give a quotation alone in its paragraph, with no cue of its own, the person or body
    that the next paragraph opens by naming as its speaker (outweighing a carried speaker)."""
    for quote in quotes:
        if quote.quote_type != "direct" or (quote.cue is not None and quote.cue.start >= 0):
            continue
        mention = _said_after_mention(article, quote.start, quote.end)
        if mention is None:
            continue
        quote.cue = Cue(-1, -1, mention)
        quote.score, quote.rule = _SAID_AFTER.score, _SAID_AFTER.name


def _cue_dict(text: str, start: int, end: int) -> dict[str, object]:
    return {"start": start, "end": end, "text": text[start:end]}


def _speaker_fields(registry: Registry, mention: Mention | None) -> dict[str, object]:
    if mention is None:
        return {}
    resolved = registry.resolve(mention)
    pronoun = {"he": "m", "she": "f"}.get(mention.text.lower())
    registry.note_speaker(resolved.name, mention.start, pronoun)
    return {
        "speaker": resolved.name,
        "speaker_kind": resolved.kind,
        "speaker_start": mention.start,
        "speaker_end": mention.end,
        # The title written before the name ("Minister of Finance Ann Lie") unless the
        # mention has a role of its own around it (an appositive, a parenthesis).
        "role": _role(
            resolved.role if resolved.role and not mention.role_span else mention.role or ""
        ),
        "speaker_rule": _speaker_rule(mention, resolved),
    }


def _speaker_rule(mention: Mention, resolved: Resolved) -> str:
    """The rule that named the speaker: the resolver's for a pronoun or a description ("he",
    "the mayor"), else the one that chose the mention."""
    if mention.kind in {"pronoun", "common"} and resolved.rule:
        return resolved.rule
    return mention.rule


_AGE_FIRST = re.compile(r"^\d{1,3}(?:,\s*|$)")
_HONORIFICS = frozenset(split_words("mr mrs ms miss mx dr sir dame madam"))
# Words that open a phrase after a name that says what the person did, not what they are.
_NOT_ROLE_START = CLAUSE_OPENERS | frozenset(
    split_words("in at on during with or said says was is")
)


def _role(role: str) -> str | None:
    """The role a text states, or None: not an age ("Ann Lie, 32, a teacher" is "a teacher"),
    an honorific ("Mr."), or a phrase about the moment ("reacting to the news", "in a
    statement")."""
    role = _AGE_FIRST.sub("", role.strip())
    words = role.split()
    if not words or role.lower().rstrip(".") in _HONORIFICS:
        return None
    first = words[0].lower()
    if first in _NOT_ROLE_START or (
        words[0].islower() and first.endswith(("ing", "ly")) and first not in {"acting"}
    ):
        return None
    if (len(words) == 2 and words[1].lower() in _NOT_ROLE_START) or role in {"former", "late"}:
        return None  # "Kelly was", a bare "former"
    return role


def _outside_quotes(
    text: str, quotes: list[tuple[int, int]], start: int, end: int
) -> list[tuple[int, int]]:
    """The stretches of a sentence between its direct quotations, long enough for a clause.

    "“…,” McAuliffe said in Richmond, noting that it was a priority." holds a second remark.
    """
    gaps = []
    pos = start
    for q_start, q_end in quotes:
        if q_end <= start or q_start >= end:
            continue
        gaps.append((pos, q_start))
        pos = max(pos, q_end)
    gaps.append((pos, end))
    result = []
    for g_start, g_end in gaps:
        while g_start < g_end and (text[g_start].isspace() or text[g_start] in ",;:—–-"):
            g_start += 1
        if g_end - g_start >= 30:
            result.append((g_start, g_end))
    return result


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def suggest(
    text: str,
    *,
    claims: int = DEFAULT_CLAIMS,
    min_claim_score: float = MIN_CLAIM_SCORE,
    skip: list[tuple[int, int]] | None = None,
    reports: str = REPORTS_CLAUSES,
) -> list[Suggestion]:
    """Return quote suggestions (with speakers) and the top check-worthy claims, by offset.

    Nothing is suggested that overlaps a `skip` span (boilerplate lines of a scraped page).
    Reported speech is offered when it reports a clause (`reports="clauses"`, the house
    labelling conventions), or whatever a cue reports, noun phrases and infinitives too
    (`reports="all"`, as PolNeAR annotates attributions).
    """
    if reports not in REPORTS:
        raise ValueError(f"reports must be one of {', '.join(REPORTS)}, not {reports!r}")
    article = Article(text)
    raw = find_quotes(text, article.paragraphs)
    article.join_quoted(raw)
    quotes = find_direct(article, raw)
    # Names inside quotation marks are seldom speakers; the attribution between the two halves
    # of a split quote is outside them, so the raw quotations are excluded, not the merged ones.
    registry = Registry(text, [(q.start, q.end) for q in raw])
    _split_at_new_subject(article, registry, quotes)
    _part_before_said_after(article, quotes)
    items: list[tuple[int, str, object]] = [(q.start, "direct", q) for q in quotes]
    kept, refused = _indirect(article, quotes, reports)
    items.extend((found.start, "indirect", found) for found in kept)
    _carry_speakers(article, quotes, items)
    # What the clause vetoes refused still names who spoke ("He emphasized the importance of
    # …"): the speaker is noted in its place, so a pronoun after it continues that person.
    items.extend((found.start, "noted", found) for found in refused)
    _sentence_subjects(article, registry, quotes)
    _lead_subjects(article, registry, quotes)
    _said_after(article, quotes)
    taken = _in_direct(raw, quotes)
    items.extend((found[0], "narrated", found) for found in _narrated(article, raw))
    items.sort(key=lambda item: item[0])
    built = _Built(article, raw, registry, taken, drop_that=reports == REPORTS_CLAUSES)
    for _, how, item in items:
        if how == "direct":
            built.direct(item)
        elif how == "indirect":
            built.indirect(item)
        elif how == "narrated":
            built.narrated(*item)
        else:
            _speaker_fields(registry, item.speaker)
    result = built.suggestions
    resolve_speakers(text, registry, result)
    skip = skip or []
    result = [item for item in result if not _overlaps(skip, item.start, item.end)]
    if claims == CLAIMS_ALL:
        result.extend(_every_claim(article, skip))
    elif claims > 0:
        result.extend(_claims(article, claims, min_claim_score, skip))
    result.sort(key=lambda s: (s.start, s.kind))
    return result


# Cue words that are nouns as often as verbs: "The new rules are part of …", "Member states
# will have to …", "Two offers for full control …".
_NOUN_CUES = frozenset(split_words("rules rule states state offers offer reports claims notes"))
_NOT_A_CLAUSE = frozenset(
    split_words("""will would can could should must may might shall has have had is are was
    were of for on about with at from into over to""")
)


def _noun_cue(text: str, found: Indirect) -> bool:
    """Whether the cue of reported speech reads as a noun: its "speaker" ends in a lowercase
    word or a number ("The new", "Seven members"), or what it reports opens with no subject
    ("will have to present …", "for the team", "aimed at …")."""
    if text[found.cue[0] : found.cue[1]].lower() not in _NOUN_CUES:
        return False
    words = found.speaker.text.split() if found.speaker is not None else []
    if words and words[-1] == "of":
        return False  # "The former secretary of state has long maintained …": a title
    if words and (words[-1].lower() in _COUNTS or words[-1] in {"new", "and", "set"}):
        return True
    opening = text[found.start : found.start + 30].split()
    first_word = opening[0].lower() if opening else ""
    return first_word in _NOT_A_CLAUSE or (first_word.endswith("ed") and first_word.isalpha())


_COUNTS = frozenset(split_words("two three four five six seven eight nine ten member members"))
# Reported speech refused: the cue was a noun.
_NOUN_CUE = Veto("indirect/noun-cue", lambda c: _noun_cue(*c))


_END_OF_SENTENCE = frozenset(".!?…:;\"”’')]")


def _headline_line(text: str, found: Indirect) -> bool:
    """Whether reported speech is a headline of a news page (a list of other stories): alone
    on a line of at most 25 words with no full stop, among other paragraphs, and its cue in
    the present tense of headlines ("…, says UNICEF", "UN chief insists …"). Headlines are
    not quotes (bench/devset/LABELLING.md)."""
    cue = text[found.cue[0] : found.cue[1]].lower()
    if not cue.endswith("s") or cue.endswith("ss"):
        return False
    start = text.rfind("\n", 0, found.start) + 1
    end = text.find("\n", found.end)
    line = text[start : len(text) if end < 0 else end].strip()
    if not line or line[-1] in _END_OF_SENTENCE or len(line.split()) > 25:
        return False
    return text[:start].strip() != "" or text[len(text) if end < 0 else end :].strip() != ""


# Reported speech refused: a headline's, alone on its line.
_HEADLINE_LINE = Veto("indirect/headline-line", lambda c: _headline_line(*c))


def _indirect(
    article: Article, quotes: list[Quote], reports: str
) -> tuple[list[Indirect], list[Indirect]]:
    """Return the reported speech of the article's sentences, outside its direct quotations
    (none whose cue reads as a noun; with `reports="clauses"`, only reported clauses), and
    the reported speech the clause vetoes refused."""
    text = article.text
    clauses = reports == REPORTS_CLAUSES
    found = [
        f
        for f in _reported(article, quotes, clauses)
        if not _NOUN_CUE.applies((text, f)) and not _HEADLINE_LINE.applies((text, f))
    ]
    if not clauses:
        return found, []
    kept, refused = [], []
    for f in found:
        (refused if vetoed(CLAUSE_VETOES, (text, f)) else kept).append(f)
    return kept, refused


def _reported(article: Article, quotes: list[Quote], clauses: bool) -> list[Indirect]:
    text = article.text
    found: list[Indirect] = []
    quote_spans = [(q.start, q.end) for q in quotes]
    cue_spans = [(q.cue.start, q.cue.end) for q in quotes if q.cue is not None and q.cue.start >= 0]
    for paragraph in article.sentences:
        for s_start, s_end in paragraph:
            if _overlaps(quote_spans, s_start, s_end):
                spans = _outside_quotes(text, quote_spans, s_start, s_end)
            else:
                spans = [(s_start, s_end)]
            for asked in asked_cues(text, s_start, s_end):
                if not _overlaps(quote_spans, asked.start, asked.end):
                    found.append(asked)
            for start, end in spans:
                if (start, end) != (s_start, s_end):
                    found.extend(_beside_quote(text, cue_spans, s_start, start, end))
                else:
                    found.extend(_in_sentence(text, start, end, clauses))
    return found


def _beside_quote(
    text: str, cue_spans: list[tuple[int, int]], s_start: int, start: int, end: int
) -> list[Indirect]:
    # Beside a quotation only a second remark counts: ", noting that …".
    found = list(participle_cues(text, start, end, None))
    found.extend(described_cues(text, start, end, None))
    if start == s_start or text[s_start:start].strip() == "":
        # Or indirect speech opening the sentence, with a cue of its own:
        # "X said the fees are fair, which he called “a bargain.”"
        own = indirect_in_sentence(text, start, end)
        if own is not None and not _overlaps(cue_spans, *own.cue):
            found.append(own)
    return found


def _in_sentence(text: str, start: int, end: int, clauses: bool = True) -> list[Indirect]:
    indirect = indirect_in_sentence(text, start, end)
    found = list(participle_cues(text, start, end, indirect))
    found.extend(opening_participle_cues(text, start, end))
    found.extend(relative_cues(text, start, end, indirect))
    found.extend(relative_report_cues(text, start, end, indirect))
    found.extend(second_clause(text, indirect))
    found.extend(subordinate_cues(text, start, end, indirect))
    found.extend(described_cues(text, start, end, indirect))
    found.extend(semicolon_clauses(text, start, end, indirect))
    found.extend(with_cues(text, start, end, indirect))
    if indirect is not None:
        found.append(indirect)
        found.extend(nested_report(text, indirect))
        if clauses:  # (`reports="all"` keeps the first reading, the phrase)
            found.extend(_past_phrase_object(text, start, end, indirect))
    return found


def _past_phrase_object(text: str, start: int, end: int, indirect: Indirect) -> list[Indirect]:
    """When the sentence's first cue reports only a phrase ("Conditions are continuing to
    worsen …", refused by the house mode), the sentence's own cue further on: "…, the agency
    warned."."""
    if not indirect.rule.startswith("indirect/") or not PHRASE_OBJECT.applies((text, indirect)):
        return []
    later = later_cue_in_sentence(text, start, end, indirect)
    if later is None or later.rule not in _LATER_CUE_RULES or vetoed(CLAUSE_VETOES, (text, later)):
        return []
    opening = _NEXT_WORD.match(text, later.start, later.end)
    word = opening.group(0).lower() if opening is not None else ""
    if not word or word in _THAT_IS_SUBJECT or word in _NO_SUBJECT_OPENERS:
        return []  # "… that prosecutors said was suspected of …": the clause has no subject
    return [later]


# Words that open no reported clause of its own after a later cue: a verb (`_THAT_IS_SUBJECT`;
# the subject is a relative word before the cue), "while …" (a contrast), a reflexive object
# ("tell itself that …"), a conjunction.
_NO_SUBJECT_OPENERS = frozenset(
    split_words("while whether itself himself herself themselves and but or")
)


# The readings taken after a phrase: the subject before its verb, the content before or after
# ("…, the agency warned."; "…, Ann Lie agreed, saying …"). Not an inverted "…, warns the
# agency" or "and said", whose speaker after a first verb's phrase is seldom the right one.
_LATER_CUE_RULES = frozenset({"indirect/content-name-said", "indirect/name-said-content"})


def _in_direct(raw: list[RawQuote], quotes: list[Quote]) -> set[int]:
    """Where the quotations inside the direct quotes the finder keeps open (they are not
    offered again as fragments of reported speech)."""
    direct = [(q.start, q.end) for q in quotes if q.quote_type == "direct"]
    starts = [start for start, _ in direct]
    taken = set()
    for q in raw:
        k = bisect_right(starts, q.start) - 1
        if k >= 0 and q.end <= direct[k][1]:
            taken.add(q.start)
    return taken


_THAT = re.compile(r"that(?:\s*,)?\s+", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[\w’']+")


def _after_that(text: str, start: int, end: int) -> int:
    """Where reported speech starts by the house conventions: after the "that" that opens
    the clause ("said that the pier is safe" → "the pier is safe"; PolNeAR keeps it). A
    "that" followed by a verb is the clause's subject and stays ("said that was wrong")."""
    opening = _THAT.match(text, start, end)
    if opening is None:
        return start
    word = _NEXT_WORD.match(text, opening.end(), end)
    if word is not None and word.group(0).lower() in _THAT_IS_SUBJECT:
        return start
    return opening.end()


# Verbs after "that" where it is a pronoun: "said that was wrong", "said that would help".
_THAT_IS_SUBJECT = frozenset(
    split_words("""will would can could should must may might shall has have had is are was
    were 's ’s does did do seems seemed means meant remains remained makes made isn't wasn't
    won't wouldn't can't couldn't doesn't didn't hasn't hadn't""")
)


class _Built:
    """The quote suggestions of an article as they are made: the parts of each direct quote,
    the reported speech with the fragments nested in it."""

    def __init__(
        self,
        article: Article,
        raw: list[RawQuote],
        registry: Registry,
        taken: set[int],
        *,
        drop_that: bool = False,
    ) -> None:
        self.article, self.registry, self.taken = article, registry, taken
        self.drop_that = drop_that
        self.quotations = Quotations(raw)
        self.suggestions: list[Suggestion] = []
        self.made: set[tuple[int, int, str]] = set()
        self.groups = 0

    def direct(self, quote: Quote) -> None:
        text = self.article.text
        cue = quote.cue
        placed = cue is not None and cue.start >= 0
        fields = _speaker_fields(self.registry, cue.speaker if cue else None)
        spans = (
            pieces(self.article, self.quotations, quote)
            if quote.quote_type == "direct"
            else [(quote.start, quote.end, quote.rule)]
        )
        group = 0
        if len(spans) > 1:
            self.groups += 1
            group = self.groups
        for n, (start, end, rule) in enumerate(spans, 1):
            self._add_quote(
                start,
                end,
                round(quote.score, 3),
                _cue_dict(text, cue.start, cue.end) if placed else None,
                quote.quote_type,
                rule,
                fields,
                cue_rule=cue.rule if placed else "",
                group=group,
                part=n,
                parts=len(spans),
            )

    def _add_quote(
        self,
        start: int,
        end: int,
        score: float,
        cue: dict | None,
        quote_type: str,
        rule: str,
        fields: dict,
        *,
        cue_rule: str = "",
        group: int = 0,
        part: int = 0,
        parts: int = 0,
    ) -> None:
        """One quote suggestion over text[start:end]; `part` and `parts` count only in a group
        (a quote in several parts). Two rules that find the same span make one suggestion ("X
        said …, while Y warned that …": the second clause and the sentence's own reading)."""
        if (start, end, quote_type) in self.made:
            return
        self.made.add((start, end, quote_type))
        self.suggestions.append(
            Suggestion(
                "quote",
                start,
                end,
                self.article.text[start:end],
                score,
                cue=cue,
                quote_type=quote_type,
                rule=rule,
                cue_rule=cue_rule,
                group=group,
                part=part if group else 0,
                parts=parts if group else 0,
                **fields,
            )
        )

    def indirect(self, found: Indirect) -> None:
        spans = (
            [found.before, (found.start, found.end)] if found.before else [(found.start, found.end)]
        )
        group = 0
        if len(spans) > 1:
            self.groups += 1
            group = self.groups
        for n, (start, end) in enumerate(spans, 1):
            self._reported_part(found, start, end, group, n if group else 0, len(spans))

    def _reported_part(
        self, found: Indirect, start: int, end: int, group: int, part: int, parts: int
    ) -> None:
        """One part of reported speech (the whole of it when `group` is 0), with the quoted
        fragments nested in it."""
        text = self.article.text
        fields = _speaker_fields(self.registry, found.speaker)
        nested = fragments(text, self.quotations, start, end, self.taken)
        rule, _ = first(_INDIRECT_RULES, (found, bool(nested)))
        cue = _cue_dict(text, *found.cue)
        end = max([end, *(e for _, e in nested)])  # the fragment's closing mark too
        quote_type = "mixed" if nested else "indirect"
        self._add_quote(
            _after_that(text, start, end) if self.drop_that else start,
            end,
            rule.score,
            cue,
            quote_type,
            rule.name,
            fields,
            cue_rule=found.rule,
            group=group,
            part=part,
            parts=parts,
        )
        part_start = start
        for start, end in nested:
            inner = _inner_speaker(text, part_start, start)
            if inner is not None:
                fields = _speaker_fields(self.registry, inner)
            self._add_quote(
                start, end, NESTED.score, cue, "direct", NESTED.name, fields, cue_rule=found.rule
            )

    def narrated(self, start: int, end: int, tokens: list, agent: list) -> None:
        """Quoted words in narration after a verb of saying or judging (`_narrated`), offered
        as a direct quote of the verb's subject (or of the agent of a passive, `agent`) when it
        is a person or a body and no other suggestion holds the words."""
        if start in self.taken or any(
            s.start < end and start < s.end for s in self.suggestions if s.kind == "quote"
        ):
            return
        text = self.article.text
        verb = len(tokens) - 1
        if agent:
            # "was described as “knife-obsessed” by the police", "described by NORA as a “…”"
            speaker = mention_after(text, agent, 0)
            if speaker is None or speaker.kind not in {"name", "org", "common"}:
                return
        else:
            speaker = mention_before(text, tokens, verb)
            if speaker is None:
                return
            at = next((i for i, t in enumerate(tokens) if t.start == speaker.start), 0)
            what = at > 0 and tokens[at - 1].lower == "what"
            if not (_speaking_subject(speaker) or (what and speaker.kind == "common")):
                return
            if not what and tokens[verb].lower not in _JUDGING:
                return  # ("what the police declared a “…” attack": only after "what")
        if speaker.kind == "pronoun" and verb >= 4 and tokens[verb - 2].lower == "what":
            # "Norland rejected what it called …": the pronoun is the main clause's subject
            main = mention_before(text, tokens, verb - 3)
            if main is not None and main.kind in {"name", "org"}:
                speaker = main
        fields = _speaker_fields(self.registry, speaker)
        cue = _cue_dict(text, tokens[verb].start, tokens[verb].end)
        self._add_quote(start, end, _NARRATED.score, cue, "direct", _NARRATED.name, fields)


# Quoted words in narration after a verb of saying, describing or judging whose subject is a
# person or a body: "Ann Lie called the plan “reckless”", "She highlighted the “devastating”
# cost", "The Red Cross thanked “the volunteers …”", "what it called attempts to “stir up” …".
_NARRATED = Rule("quote/subject-fragment", lambda _q: None, 0.6)
_JUDGING = frozenset(
    split_words("""called calls termed terms branded brands described describes highlighted
    highlights praised praises thanked thanks condemned condemns denounced denounces hailed
    hails welcomed welcomes criticised criticises criticized criticizes decried decries lauded
    lauds slammed slams expressed expresses conveyed conveys""")
)
# After "what" only: "what the police declared a “…” attack", "what scientists describe as
# an “…”".
_WHAT_VERBS = frozenset(
    split_words("""call describe term brand label declared declares declare labelled labeled""")
)
_NARRATING = _JUDGING | _WHAT_VERBS
_SUBJECT_PRONOUNS = frozenset(split_words("he she it they"))
# What may stand between the verb and the quotation: a short noun phrase, no clause break.
_NARRATED_GAP = 8
_NARRATED_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "“", "”", '"', "—", "–"})


_BE = frozenset(split_words("be been being is are was were"))


def _speaking_subject(speaker: Mention) -> bool:
    if speaker.kind == "pronoun":
        return speaker.text.lower() in _SUBJECT_PRONOUNS
    return speaker.kind in {"name", "org"}


def _narrated(article: Article, raw: list[RawQuote]) -> list[tuple[int, int, list, list]]:
    """The closed one-sentence quotations with a verb of `_JUDGING` (or `_WHAT_VERBS`) a few
    words before them in their sentence (not after a form of "be" unless a passive with a
    "by" agent, not vetoed as a title, a term or scare quotes): each (start, end, the
    sentence's tokens up to the verb, the agent's tokens of a passive or [])."""
    text = article.text
    found = []
    for q in raw:
        if not q.closed or q.paragraphs > 1 or q.end - q.start < 3:
            continue
        s_start = article.sentence_start(q.start)
        tokens = tokenize(text, max(s_start, q.start - 400), q.start)
        verb = next(
            (
                k
                for k in range(len(tokens) - 1, max(0, len(tokens) - 2 - _NARRATED_GAP), -1)
                if tokens[k].lower in _NARRATING or tokens[k].text in _NARRATED_BREAKS
            ),
            None,
        )
        if verb is None or verb == 0 or tokens[verb].lower not in _NARRATING:
            continue
        if fragment_veto(text, q.start, q.end) is not None:
            continue
        agent: list = []
        if tokens[verb].lower in _PASSIVE_NAMING and (
            tokens[verb - 1].lower in _BE
            # "a pattern described by NORA as “…”": a passive without "be", its agent first
            or (verb + 1 < len(tokens) and tokens[verb + 1].lower == "by")
        ):
            agent = _agent(text, tokens[verb + 1 :], q.end)
            if not agent:
                continue
        elif any(t.lower in _BE for t in tokens[verb - 1 :]):
            continue  # "was praised", "lauded the crews for being the “first responders”"
        found.append((q.start, q.end, tokens[: verb + 1], agent))
    return found


_PASSIVE_NAMING = frozenset(
    split_words("described called branded labelled labeled termed characterised characterized")
)
_BY_AFTER = re.compile(r"[\s,]*by\s+")


def _agent(text: str, gap: list, end: int) -> list:
    """The tokens of the "by" agent of a passive of naming, between the verb and the
    quotation ("described by NORA as a “…”") or right after it ("… “…” by the police"):
    [] when there is none."""
    words = [t.lower for t in gap]
    if "by" in words:
        k = words.index("by")
        stop = words.index("as") if "as" in words[k:] else len(gap)
        return gap[k + 1 : stop] if stop > k + 1 else []
    if gap and words[-1] not in {"as", "a", "an", "the"}:
        return []
    after = _BY_AFTER.match(text, end)
    if after is None:
        return []
    return tokenize(text, after.end(), min(len(text), after.end() + 80))


_INNER_CUES = frozenset(split_words("said says told tells stated added claimed insisted"))


def _inner_speaker(text: str, start: int, at: int) -> Mention | None:
    """ "According to NORA, the mayor, Ann Lie, said the bridge must be “closed”": the person
    named as saying the clause that holds the fragment, inside the report of another source."""
    tokens = tokenize(text, start, at)
    cues = [k for k, t in enumerate(tokens) if t.lower in _INNER_CUES]
    if len(cues) != 1 or cues[0] == 0:
        return None
    mention = mention_before(text, tokens, cues[0])
    return mention if mention is not None and mention.kind == "name" else None


def remarks(text: str, suggestions: list[Suggestion]) -> list[Suggestion]:
    """The suggestions one per attribution, as corpora that annotate a remark as one span do
    (PolNeAR's Content): the parts of a group joined into one span from the first part's start
    to the last one's end, the fragments nested in reported speech left out, the quoted words
    of a speaking subject (`_NARRATED`) widened to the verb's object."""
    result: list[Suggestion] = []
    groups: dict[int, Suggestion] = {}
    for item in suggestions:
        if item.rule == NESTED.name:
            continue
        if item.rule == _NARRATED.name and item.cue is not None:
            # "Lie called the plan “reckless”": the remark is what the verb says of its
            # object, the quoted words nested in it (a mixed quote, as PolNeAR spans it).
            start = int(item.cue["end"])  # type: ignore[call-overload]
            start += len(text[start : item.start]) - len(text[start : item.start].lstrip())
            item = replace(item, start=start, text=text[start : item.end], quote_type="mixed")
        joined = groups.get(item.group) if item.group else None
        if joined is not None:
            joined.end = item.end
            joined.text = text[joined.start : joined.end]
            continue
        if item.group:
            groups[item.group] = item = replace(item, group=0, part=0, parts=0)
        result.append(item)
    return result


# Reported speech, scored by what it reports: a belief, words partly quoted, or speech.
_INDIRECT_RULES: tuple[Rule[tuple[Indirect, bool], str], ...] = (
    Rule("indirect/belief", lambda found: "indirect" if found[0].cognition else None, 0.45),
    Rule("indirect/mixed", lambda found: "mixed" if found[1] else None, 0.75),
    Rule("indirect/reported", lambda _found: "indirect", 0.7),
)


# A sentence the claim scorer rates check-worthy (its own score, at least the minimum).
_CHECKWORTHY = Rule("claim/checkworthy", lambda _s: None)


def _claims(
    article: Article, limit: int, minimum: float, skip: list[tuple[int, int]]
) -> list[Suggestion]:
    text = article.text
    scored = []
    for paragraph in article.sentences:
        for start, end in paragraph:
            if _overlaps(skip, start, end):
                continue
            sentence = text[start:end]
            score = checkworthiness(sentence)
            if score >= minimum:
                scored.append((score, start, end))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [
        Suggestion("claim", start, end, text[start:end], round(score, 3), rule=_CHECKWORTHY.name)
        for score, start, end in scored[:limit]
    ]


_MODEL = Rule("claim/checkworthy-model", lambda _s: None)


def every_claim(text: str, weights: dict[str, float] | None = None) -> list[Suggestion]:
    """Return every sentence of `text` as a claim scored for check-worthiness, by offset; a
    transcript's sentences carry their speaker. Cheaper than `suggest`: no quote finding.
    `weights` replace the shipped ones (a project's own ranker, learn.with_delta)."""
    return _every_claim(Article(text), [], weights)


def claim_spans(text: str) -> list[tuple[int, int, str | None]]:
    """Return (start, end, speaker) of every sentence `every_claim` scores, by offset."""
    return _claim_spans(Article(text), [])


def _claim_spans(
    article: Article, skip: list[tuple[int, int]]
) -> list[tuple[int, int, str | None]]:
    text = article.text
    turns = transcript_lines(text)
    if turns is None:
        spans = [(s, e, None) for paragraph in article.sentences for s, e in paragraph]
    else:
        spans = [(s, e, who) for start, end, who in turns for s, e in sentences(text, start, end)]
    return [span for span in spans if not _overlaps(skip, span[0], span[1])]


def _every_claim(
    article: Article, skip: list[tuple[int, int]], weights: dict[str, float] | None = None
) -> list[Suggestion]:
    """Every sentence as a claim with the model's score and reasons; in a transcript
    (`SPEAKER: text` lines) each is attributed to its line's speaker, the label left out."""
    text = article.text
    spans = _claim_spans(article, skip)
    scored = score_lines([Line(text[s:e], who) for s, e, who in spans], weights)
    return [
        Suggestion(
            "claim",
            start,
            end,
            text[start:end],
            round(result.score, 4),
            speaker=who,
            speaker_kind="person" if who else None,
            rule=_MODEL.name,
            reasons=list(result.reasons),
        )
        for (start, end, who), result in zip(spans, scored, strict=True)
    ]


# Every name the engine's tables can give, in the order they are tried (for tests and reports).
RULE_NAMES: tuple[str, ...] = (
    *DIRECT_RULE_NAMES,
    _CARRIES.name,
    _SENTENCE_SUBJECT.name,
    _LEAD_SUBJECT.name,
    _SAID_AFTER.name,
    _NARRATED.name,
    *(rule.name for rule in _INDIRECT_RULES),
    *PARTS_RULE_NAMES,
    _CHECKWORTHY.name,
    _MODEL.name,
)

__all__ = [
    "CLAIMS_ALL",
    "REPORTS",
    "REPORTS_ALL",
    "REPORTS_CLAUSES",
    "RULE_NAMES",
    "claim_spans",
    "every_claim",
    "Step",
    "Suggestion",
    "explain",
    "remarks",
    "suggest",
    "tokenize",
]
