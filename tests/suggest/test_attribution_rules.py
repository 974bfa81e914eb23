"""The finder's attribution rules, as a case table tagged by the rule each case exercises.

Each row names the rule or veto it is about (checked against the `rule`, `cue_rule` and
`speaker_rule` of the suggestions the row selects, and the vetoes that fired while the finder
read the text: `explain` for quotations, the veto tables of `attribution`, `direct` and
`speakers` for the rest), the text, and what the finder must find. A rule renamed, or a case
now decided by another rule, fails here. "none" tags a text on which no rule suggested anything
and no veto fired (a cue word the tables do not know at all). Checks a row cannot hold in its
fields (offsets, one suggestion of several, prefixes and substrings) are a `check` beside the
row, called with the text and the suggestions the row selected.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from unittest import mock

import pytest

from workbench.suggest.finder import attribution, direct, speakers
from workbench.suggest.finder.engine import Suggestion, explain, remarks, suggest


def direct_quotes(text: str) -> list[Suggestion]:
    """The direct quotes one per remark (the parts of a split quotation joined: these cases
    test how remarks are attributed; test_parts.py tests how they are cut)."""
    return [s for s in quotes_of(text) if s.quote_type == "direct"]


def quotes_of(text: str) -> list[Suggestion]:
    """Every reported speech, noun-phrase objects too (`reports="all"`): these cases test how
    cues and speakers are read; test_objects.py tests what the default leaves out."""
    found = remarks(text, suggest(text, claims=0, reports="all"))
    return [s for s in found if s.kind == "quote"]


_PICK = {"direct": direct_quotes, "quote": quotes_of}


@contextmanager
def _recording_vetoes() -> Iterator[list[str]]:
    """Record the name of every veto that refuses a reading while the finder runs."""
    names: list[str] = []

    def record_vetoed(real):
        def wrapper(table, context):
            name = real(table, context)
            if name is not None:
                names.append(name)
            return name

        return wrapper

    def record_decide(real):
        def wrapper(table, context):
            result = real(table, context)
            if result is not None and result[1] is None:
                names.append(result[0])
            return result

        return wrapper

    with ExitStack() as stack:
        for module in (attribution, direct):
            stack.enter_context(mock.patch.object(module, "vetoed", record_vetoed(module.vetoed)))
        stack.enter_context(mock.patch.object(speakers, "decide", record_decide(speakers.decide)))
        yield names


def rules_fired(text: str, found: list[Suggestion]) -> set[str]:
    """The rules of the selected suggestions and every veto that fired on the text."""
    with _recording_vetoes() as vetoes:
        suggest(text, claims=0)
    names = {name for s in found for name in (s.rule, s.cue_rule, s.speaker_rule) if name}
    names.update(step.name for step in explain(text))
    return names | set(vetoes)


@dataclass(frozen=True, slots=True)
class Case:
    """One text, the rule it exercises and what the finder must find in it.

    `pick` selects the suggestions compared: "direct" quotations or every "quote". The
    expected tuples (`texts`, `speakers`, `speaker_spans`: the text of the speaker's mention,
    `quote_types`, `roles`, `cues`: the cue's text) are of all of them, in order;
    `count` is how many there are (0: no quote); `first_*` and `last_*` look at one only.
    """

    rule: str
    text: str
    pick: str = "quote"
    count: int | None = None
    texts: tuple[str, ...] | None = None
    speakers: tuple[str | None, ...] | None = None
    quote_types: tuple[str | None, ...] | None = None
    roles: tuple[str | None, ...] | None = None
    speaker_spans: tuple[str, ...] | None = None
    cues: tuple[str | None, ...] | None = None
    first_speaker: str | None = None
    first_role: str | None = None
    last_speaker: str | None = None
    check: Callable[[str, list[Suggestion]], None] | None = None


def _consecutive_sentences_each_with_a_cue_stay_two_quotes(
    text: str, found: list[Suggestion]
) -> None:
    assert found[1].text == "“Half of the shops on this street have closed,”"


def _split_quote_around_one_cue_is_one_quote(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert quote.end == len(text)


def _document_that_reads_after_a_quote_is_the_source(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end].endswith("letter")


def _participle_after_indirect_speech_is_a_second_remark(
    text: str, found: list[Suggestion]
) -> None:
    assert {q.speaker for q in found} == {"Dana Whitfield"}


def _nearest_earlier_attribution_wins_over_an_older_quote(
    text: str, found: list[Suggestion]
) -> None:
    assert found[-1].speaker == "Priya Nandakumar"


def _a_weekday_after_the_verb_is_not_the_speaker(text: str, found: list[Suggestion]) -> None:
    assert all(q.speaker != "Wednesday" for q in found)


def _second_remark_after_a_direct_quote_and_its_cue(text: str, found: list[Suggestion]) -> None:
    assert found[1].text == "that the city had already spent two million on the case"


def _according_to_a_long_source_phrase(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert quote.text.startswith("turnout fell")


def _calling_something_a_quoted_name_is_a_remark(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert quote.text.startswith("the tariff plan")


def _past_tense_verb_after_a_quote_ending_a_sentence_is_not_a_cue(
    text: str, found: list[Suggestion]
) -> None:
    assert all(q.cue is None or q.cue["text"] != "surmised" for q in found)


def _relative_clause_beside_the_main_attribution(text: str, found: list[Suggestion]) -> None:
    assert {q.speaker for q in found} == {"Ada Holm"}


def _participle_right_after_the_subject(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert quote.text.startswith("her years on the council")


def _capitalised_states_and_note_are_not_cues_1(text: str, found: list[Suggestion]) -> None:
    assert all(q.speaker != "the United" for q in quotes_of(text))
    assert all(q.cue["text"] != "States" for q in quotes_of(text))


def _subject_with_of_inside_a_title(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert "Eli Sand" in quote.speaker


def _title_case_quote_after_a_colon_is_still_a_quote(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert quote.speaker == "mayor" or "mayor" in quote.speaker


def _second_speaker_after_a_conjunction(text: str, found: list[Suggestion]) -> None:
    assert found[0].speaker == "Ola Berg"
    assert text[found[1].speaker_start : found[1].speaker_end] == "the harbour office"


def _conjunction_without_a_new_speaker_keeps_one_attribution(
    text: str, found: list[Suggestion]
) -> None:
    (quote,) = found
    assert quote.text.endswith("twice a day")


def _indirect_speech_before_a_quotation_with_its_own_cue(
    text: str, found: list[Suggestion]
) -> None:
    assert found[0].speaker == "Ola Berg"
    assert found[0].text.startswith("the new harbour fees were fair")


def _question_put_to_the_speaker_is_an_attribution_without_a_speaker(
    text: str, found: list[Suggestion]
) -> None:
    assert found[0].speaker is None
    assert found[0].cue["text"] == "Asked"


def _question_asked_by_someone_names_them(text: str, found: list[Suggestion]) -> None:
    assert found[0].text == "the closing of the pier"
    assert found[0].speaker == "reporters"


def _content_then_a_speaker_with_lowercase_modifiers(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert quote.speaker.endswith("experts")


def _speech_in_a_subordinate_clause_opening_the_sentence(
    text: str, found: list[Suggestion]
) -> None:
    assert found[0].speaker == "Ann Lie"


def _inverted_lowercase_noun_that_names_no_one(text: str, found: list[Suggestion]) -> None:
    assert all(q.speaker != "the fundamental argument" for q in quotes_of(text))


def _second_speech_verb_of_the_same_speaker_after_but(text: str, found: list[Suggestion]) -> None:
    assert {q.speaker for q in found} == {"Ola Berg"}
    assert found[1].cue["text"] == "noted"


def _according_to_a_source_phrase_over_fifteen_tokens(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert quote.speaker.startswith("early results of the exit polls")


def _subordinate_clause_with_a_role_before_the_speaker(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert quote.text.startswith("that the ferry company pays nothing")


def _calling_with_a_label_far_after_the_verb(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert quote.text.startswith("the company’s plans")


def _speech_in_a_which_clause_names_the_organisation(text: str, found: list[Suggestion]) -> None:
    (quote,) = found
    assert "committee" in quote.speaker


def _a_cue_opening_the_next_sentence_is_not_the_quotes_own(
    text: str, found: list[Suggestion]
) -> None:
    assert found[-1].text.endswith("than ever before.”")
    assert [q.speaker for q in found] == ["Ilse Moreau"] * len(found)


def _a_clause_after_a_quote_led_by_a_conjunction_is_not_its_cue(
    text: str, found: list[Suggestion]
) -> None:
    assert found[0].speaker == "Lena Roth"


def _nouns_that_look_like_reporting_verbs_are_not_cues(text: str, found: list[Suggestion]) -> None:
    assert found[0].speaker == "Edvin Holm"
    assert {q.speaker for q in found} == {"Edvin Holm", "Alma Reyes"}


def _a_participle_right_after_a_quote_is_not_an_inverted_cue(
    text: str, found: list[Suggestion]
) -> None:
    assert found[0].speaker == "Ola Brink"


def _a_described_source_after_even(text: str, found: list[Suggestion]) -> None:
    assert text[found[0].speaker_start : found[0].speaker_end] == "a senior party strategist"


def _a_verb_with_its_own_object_after_a_finished_quote_is_not_its_cue(
    text: str, found: list[Suggestion]
) -> None:
    assert [q.speaker for q in found] == ["Ilse Moreau"] * len(found)


def _a_cue_with_its_own_content_after_a_finished_quote_is_not_its_cue(
    text: str, found: list[Suggestion]
) -> None:
    assert found[1].cue["text"] == "told"


def _gerunds_and_contractions_opening_a_sentence_are_not_speakers(
    text: str, found: list[Suggestion]
) -> None:
    assert found[0].speaker == "Ida Lund"
    assert all(q.speaker not in {"Facing", "It", "It’s"} for q in found)


def _a_prepositional_phrase_opening_the_sentence_is_not_the_speaker(
    text: str, found: list[Suggestion]
) -> None:
    assert all(not (q.speaker or "").startswith("In a letter") for q in found)


def _an_adverb_opening_the_sentence_is_not_the_speaker(text: str, found: list[Suggestion]) -> None:
    assert all(q.speaker != "Early" for q in quotes_of(text))


def _a_dash_line_that_goes_on_is_not_a_signature(text: str, found: list[Suggestion]) -> None:
    assert all(q.speaker != "Greta Lund" for q in direct_quotes(text))


def _a_reporting_word_after_a_possessive_or_of_is_a_noun_2(
    text: str, found: list[Suggestion]
) -> None:
    assert all((q.cue or {}).get("text") != "report" for q in suggest(text, claims=0))


def _a_late_cue_after_a_second_quotation_mark_in_the_sentence(
    text: str, found: list[Suggestion]
) -> None:
    assert found[0].speaker == "Vera Holm"


def _the_nearest_pronoun_subject_after_a_phrase_governs_the_coordinated_cue(
    text: str, found: list[Suggestion]
) -> None:
    (quote,) = found
    assert quote.speaker_start > text.index("Later")


def _a_reporting_word_inside_the_words_before_the_speaker_is_no_role(
    text: str, found: list[Suggestion]
) -> None:
    assert all(q.speaker != "Brandtian" for q in direct_quotes(text))


def _a_time_phrase_before_the_verb_is_not_the_speaker(text: str, found: list[Suggestion]) -> None:
    (found,) = [s for s in suggest(text, claims=0, reports="all") if s.kind == "quote"]
    assert found.speaker == "Reince Hale"


def _a_cognition_word_after_a_determiner_and_a_modifier_is_a_noun(
    text: str, found: list[Suggestion]
) -> None:
    assert found and all(s.speaker != "A rumpled" for s in found)


def _a_list_of_places_in_a_relative_clause_is_not_the_speaker_1(
    text: str, found: list[Suggestion]
) -> None:
    (found,) = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found.speaker == "Ivo Brandt"


def _a_list_of_places_in_a_relative_clause_is_not_the_speaker_2(
    text: str, found: list[Suggestion]
) -> None:
    (found,) = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found.speaker == "Ana Ruiz and Omar Haddad"


def _a_subordinating_word_ends_no_described_speaker(text: str, found: list[Suggestion]) -> None:
    assert all(s.speaker != "One month after" for s in found)


def _a_noun_like_reporting_word_after_a_possessive_is_no_cue_1(
    text: str, found: list[Suggestion]
) -> None:
    assert all((s.cue or {}).get("text") != "note" for s in found)


def _a_noun_like_reporting_word_after_a_possessive_is_no_cue_2(
    text: str, found: list[Suggestion]
) -> None:
    assert all(s.speaker != "Lazar" for s in found)


def _a_participle_right_after_the_cue_leaves_no_empty_remark(
    text: str, found: list[Suggestion]
) -> None:
    assert found
    assert all(s.text.strip() for s in found)


def _a_late_cue_with_an_adjunct_tail_takes_the_whole_sentence(
    text: str, found: list[Suggestion]
) -> None:
    assert found[0].speaker == "Vera Holm"
    assert found[0].text.startswith("Her friends")
    assert found[-1].speaker == "Vera Holm"


def _an_appositive_that_ends_in_a_quoted_title_2(text: str, found: list[Suggestion]) -> None:
    assert found[-1].speaker != "God"


def _a_described_subject_after_at_which_point(text: str, found: list[Suggestion]) -> None:
    chant = next(q for q in found if "Build the pier" in q.text)
    assert text[chant.speaker_start : chant.speaker_end] == "the crowd"


def _a_persons_clause_before_a_comma_and_a_whole_quoted_sentence_gives_the_speaker_2(
    text: str, found: list[Suggestion]
) -> None:
    assert all(q.speaker != "Ann Lie" or q.quote_type != "direct" for q in direct_quotes(text))


def _the_clause_after_but_gives_the_speaker_before_a_colon(
    text: str, found: list[Suggestion]
) -> None:
    quote = direct_quotes(text)[-1]
    assert text[quote.speaker_start : quote.speaker_end] == "he"
    assert quote.speaker == "Tom Reid"


def _a_pronoun_after_as_for_name_is_that_person(text: str, found: list[Suggestion]) -> None:
    quote = direct_quotes(text)[-1]
    assert quote.speaker == "Carl Berg"


def _they_is_not_a_plural_of_documents_or_figures(text: str, found: list[Suggestion]) -> None:
    assert [s.speaker for s in suggest(text, claims=0)][-1] == "Harbour Trust"


def _a_clause_opened_by_when_after_a_quote_is_not_its_attribution(
    text: str, found: list[Suggestion]
) -> None:
    (quote,) = found
    assert quote.speaker != "Ann Lie"


def _decomposed_accents(text: str, found: list[Suggestion]) -> None:
    assert [q.speaker for q in found] == [unicodedata.normalize("NFD", "José Müller")]


def _mis_decoded_letters(text: str, found: list[Suggestion]) -> None:
    assert {q.speaker for q in found} == {"Fran\u00c3\u0083\u00c2\u00a7ois Lenoir"}


CASES: list[Case] = [
    Case(
        "cue-before/said-adding",
        "“The bridge will reopen in May,” the engineer said, adding, "
        "“We have found no further cracks in the deck.”",
        pick="direct",
        texts=(
            "“The bridge will reopen in May,”",
            "“We have found no further cracks in the deck.”",
        ),
    ),
    Case(
        "cue-after/name-said",
        "“The rent has doubled in two years,” Nora Blake said. "
        "“Half of the shops on this street have closed,” she said.",
        pick="direct",
        count=2,
        check=_consecutive_sentences_each_with_a_cue_stay_two_quotes,
    ),
    Case(
        "quote/split",
        "“The vote was close,” said Paul Greer, “but the council has made its choice.”",
        pick="direct",
        count=1,
        speakers=("Paul Greer",),
        check=_split_quote_around_one_cue_is_one_quote,
    ),
    Case(
        "mention-before/noun-phrase",
        "The council published its reply on Friday.\n\n"
        "“The district will not close any library branch this year,” the letter reads.",
        pick="direct",
        count=1,
        check=_document_that_reads_after_a_quote_is_the_source,
    ),
    Case(
        "cue-before/said-name",
        "The schedule favours large states, explained Ruth Okafor, "
        "“because the early contests decide who raises money.”",
        pick="direct",
        count=1,
        speakers=("Ruth Okafor",),
    ),
    Case(
        "indirect/saying",
        "Mayor Dana Whitfield said the budget would be balanced by June, "
        "adding that no library would close.",
        texts=("the budget would be balanced by June", "that no library would close"),
        check=_participle_after_indirect_speech_is_a_second_remark,
    ),
    Case(
        "indirect/name-said-content",
        "Senator Ellen Marsh voted against the bill on Tuesday, saying it would raise rents.",
        texts=("it would raise rents",),
        speakers=("Ellen Marsh",),
    ),
    Case(
        "quote/carries-speaker",
        "Harriet Olsen said the ferry timetable would change in spring.\n\n"
        "“We cannot run the late crossing with only two crews on the rota.”",
        pick="direct",
        count=1,
        speakers=("Harriet Olsen",),
        cues=(None,),
    ),
    Case(
        "quote/carries-speaker",
        "“The dam is safe for another decade,” said Colm Ready.\n\n"
        "Priya Nandakumar, who chairs the flood board, disagreed with that view.\n\n"
        "Priya Nandakumar said the survey was out of date.\n\n"
        "“Nobody has inspected the spillway since the winter storms began.”",
        pick="direct",
        check=_nearest_earlier_attribution_wins_over_an_older_quote,
    ),
    Case(
        "quote/cue-ends-sentence",
        "The district expects a deficit.\n\n"
        "“A deficit of this size was never expected” before the audit, "
        "said Tomas Lindqvist, the district treasurer.",
        pick="direct",
        count=1,
        speakers=("Tomas Lindqvist",),
    ),
    Case(
        "subject/headline-name",
        "Here is what the analysts wrote this week.\n\n"
        "TURNOUT IN THE VALLEY WAS HIGHER THAN EXPECTED - Maria Lopez: "
        "“The electorate grew by a third over four years, and the growth was mostly young.”",
        pick="direct",
        count=1,
        speakers=("Maria Lopez",),
    ),
    Case(
        "quote/unattributed",
        "“The talks will resume next week after the holiday,” said Wednesday.",
        pick="direct",
        check=_a_weekday_after_the_verb_is_not_the_speaker,
    ),
    Case(
        "mention-before/noun-phrase",
        "Former harbour master Ingrid Sole said the breakwater had not been repaired since 2009.",
        count=1,
        texts=("the breakwater had not been repaired since 2009",),
        speakers=("Ingrid Sole",),
    ),
    Case(
        "none",
        "When the ferry was late Captain Ruiz said nothing to the waiting passengers at all.",
        count=0,
    ),
    Case(
        "indirect/content-name-said",
        "The county would have to “raise the levy by a fifth,” Okonkwo said.",
        count=1,
        speakers=("Okonkwo",),
        quote_types=("mixed",),
    ),
    Case(
        "mention-before/noun-phrase",
        "Last week, county spokeswoman Lena Moritz said the bridge would reopen in May.\n\n"
        "OSLO (Wire) – Shipping executive Arne Dahl said freight rates had doubled since June.",
        texts=("the bridge would reopen in May", "freight rates had doubled since June"),
        speakers=("Lena Moritz", "Arne Dahl"),
    ),
    Case(
        "indirect/content-said-name",
        "The mill will close “by the end of the season,” said Piet Maas, the union secretary.",
        count=1,
        texts=("The mill will close “by the end of the season,”",),  # its fragment closed
        speakers=("Piet Maas",),
    ),
    Case(
        "indirect/saying",
        "“We will appeal the ruling,” Mayor Ada Quist said in a statement on Monday, "
        "noting that the city had already spent two million on the case.",
        speakers=("Ada Quist", "Ada Quist"),
        quote_types=("direct", "indirect"),
        check=_second_remark_after_a_direct_quote_and_its_cue,
    ),
    Case(
        "indirect/name-said-content",
        "Senator Mira Holt called for a public inquiry into the contract.\n\n"
        "Governor Sam Adeyemi pointed to the rising cost of borrowing since March.",
        texts=("a public inquiry into the contract", "the rising cost of borrowing since March"),
        speakers=("Mira Holt", "Sam Adeyemi"),
        cues=("called for", "pointed to"),
    ),
    Case(
        "mention-before/noun-phrase",
        "KIRKWALL, May 4 (Wire) — Former harbour master Ingrid Sole told reporters the pier was unsafe.",
        count=1,
        speakers=("Ingrid Sole",),
    ),
    Case(
        "indirect/according-to-aside",
        "In addition, according to the transport board, nine more stations will close "
        "before the end of the year.",
        count=1,
        texts=("nine more stations will close before the end of the year",),
        speaker_spans=("the transport board",),
    ),
    Case(
        "indirect/according-to-opening",
        "According to early returns from the coastal precincts, turnout fell by a tenth "
        "compared with the last election.",
        count=1,
        speaker_spans=("early returns from the coastal precincts",),
        check=_according_to_a_long_source_phrase,
    ),
    Case(
        "indirect/name-said-content",
        "Senator Ruth Calder called the tariff plan “a tax on every kitchen table.”",
        count=1,
        speakers=("Ruth Calder",),
        quote_types=("mixed",),
        check=_calling_something_a_quoted_name_is_a_remark,
    ),
    Case(
        "none",
        "The ferry company called a meeting of all its shareholders for the spring.",
        count=0,
    ),
    Case(
        "cue-after/name-verbed",
        "Nadia Brandt runs the food bank.\n\n"
        "“We will need twice as many volunteers by December,” Brandt surmised.",
        pick="direct",
        count=1,
        speakers=("Nadia Brandt",),
        cues=("surmised",),
    ),
    Case(
        "quote/unattributed",
        # (a lead whose subject is Nadia Brandt would give her the quotation: quote/lead-subject)
        "The food bank is run by Nadia Brandt.\n\n"
        "“We will need twice as many volunteers by December.” Brandt surmised nothing more.",
        pick="direct",
        check=_past_tense_verb_after_a_quote_ending_a_sentence_is_not_a_cue,
    ),
    Case(
        "mention-before/appositive",
        "The harbour has lost half its trawlers.\n\n"
        "As Elsa Brandvik, who chairs the fishermen’s guild, put it, "
        "“Nobody young wants to go to sea any more.”",
        pick="direct",
        count=1,
        speakers=("Elsa Brandvik",),
    ),
    Case("none", "Jonas Ek put it in the drawer with the other letters from the council.", count=0),
    Case(
        "mention-before/stacked-appositives",
        "“The queue started at dawn,” Tove Lind, 44, of Bergen, who was among the first "
        "in line, said on Saturday.",
        pick="direct",
        count=1,
        speakers=("Tove Lind",),
        roles=("of Bergen, who was among the first in line",),
    ),
    Case(
        "indirect/and-said",
        "Mayor Lena Fisk on Monday defended the new parking fees and said they would "
        "pay for two more buses.",
        count=1,
        texts=("they would pay for two more buses",),
        speakers=("Lena Fisk",),
    ),
    Case(
        "subject/bare-opening",
        "Other shopkeepers said the new tram line had halved their trade.",
        count=1,
        texts=("the new tram line had halved their trade",),
        speakers=("Other shopkeepers",),
    ),
    Case(
        "subject/bare-opening",
        "Two in three said they would take the ferry if the fares came down.",
        count=1,
        speaker_spans=("Two in three",),
    ),
    Case(
        "subject/bare-opening",
        "Forty percent of those surveyed say they cycle to work at least once a week.",
        count=1,
        speakers=("Forty percent of those surveyed",),
    ),
    Case(
        "indirect/who-says",
        "The vote was delayed by Ada Holm, who says the old pier is no longer safe, "
        "and two other councillors.",
        count=1,
        texts=("the old pier is no longer safe",),
        speakers=("Ada Holm",),
        speaker_spans=("who",),
    ),
    Case(
        "indirect/who-says",
        "Ada Holm, who has argued that the pier is unsafe, told reporters that repairs "
        "would cost too much.",
        texts=("that the pier is unsafe", "that repairs would cost too much"),
        check=_relative_clause_beside_the_main_attribution,
    ),
    Case(
        "mention-before/appositive",
        "Rep. Ann Cole (D-Ore.), who chairs the harbour panel, said she backs the plan.",
        count=1,
        texts=("she backs the plan",),
        speakers=("Ann Cole",),
    ),
    Case(
        "mention-before/aside",
        "Local harbour officials, however, said the bridge would stay shut until May.",
        count=1,
        speaker_spans=("Local harbour officials",),
    ),
    Case(
        "subject/bare-opening",
        "Backers of the new toll, for their part, say it would pay for the repairs.",
        count=1,
        speakers=("Backers of the new toll",),
    ),
    Case(
        "indirect/name-said-content",
        "At a town hall in Tromsø, Norway, on Friday, Mayor Kari Dahl defended the budget, "
        "saying that the ferry subsidy would stay.",
        count=1,
        texts=("that the ferry subsidy would stay",),
        speakers=("Kari Dahl",),
    ),
    Case(
        "mention-before/noun-phrase",
        "Ivar Lunde has often attacked the port authority, calling its managers lazy and vain.",
        count=1,
        speakers=("Ivar Lunde",),
    ),
    Case(
        "indirect/name-said-content",
        "Ms. Aune, recalling her years on the council, described the vote as a turning point.",
        count=1,
        speakers=("Aune",),
        check=_participle_right_after_the_subject,
    ),
    Case(
        "indirect/name-said-content",
        "The United States stepped up pressure on the shipyard on Saturday, with port "
        "officials vowing to keep the docks open.",
        check=_capitalised_states_and_note_are_not_cues_1,
    ),
    Case(
        "none",
        "Editor’s Note: An earlier version of this story misstated the ferry’s route.",
        count=0,
    ),
    Case(
        "mention-before/noun-phrase",
        "Hours later, Mayor Per Vik thanked the crew at the pier, telling reporters, "
        "“They worked through the night.”",
        pick="direct",
        count=1,
        speakers=("Per Vik",),
    ),
    Case(
        "pronoun/unresolved",
        "Eight years ago, she backed the ferry plan over the bridge and said, "
        "“The bridge will never pay for itself.”",
        pick="direct",
        count=1,
        speaker_spans=("she",),
    ),
    Case(
        "cue-before/said-adding",
        "Former Minister of Fisheries Eli Sand recently urged voters to back the plan, "
        "saying, “The quotas have saved the cod.”",
        pick="direct",
        count=1,
        check=_subject_with_of_inside_a_title,
    ),
    Case(
        "mention-before/comma-after-parenthesis",
        "After the count, Gov. Ann Lie (R-OH), said, “We are going all the way to the port.”",
        pick="direct",
        count=1,
        speakers=("Ann Lie",),
    ),
    Case(
        "veto/names-a-work",
        "But she told NRK’s “Morning Harbour Hour” that the ferry deal was not finished.",
        pick="direct",
        count=0,
    ),
    Case(
        "veto/embedded",
        "The mayor said, according to his memoir “The Long Pier,” that he never lost a vote.",
        pick="direct",
        count=0,
    ),
    Case(
        "mention-before/noun-phrase",
        "The mayor told the crowd: “We Will Rebuild This Pier.”",
        pick="direct",
        count=1,
        check=_title_case_quote_after_a_colon_is_still_a_quote,
    ),
    Case(
        "veto/apposition",
        "CLOSING—“The old ferry café will shut its doors at the end of May,” by the Courier’s "
        "Ann Berg: The café opened in 1962.",
        pick="direct",
        count=0,
    ),
    Case(
        "indirect/name-said-content",
        "Ola Berg said the pier is safe, but the harbour office said it needs repairs soon.",
        texts=("the pier is safe", "it needs repairs soon"),
        check=_second_speaker_after_a_conjunction,
    ),
    Case(
        "indirect/name-said-content",
        "Ola Berg said the pier is safe, but the ferry will still stop there only twice a day.",
        count=1,
        check=_conjunction_without_a_new_speaker_keeps_one_attribution,
    ),
    Case(
        "pronoun/clause-subject",
        "Ola Berg said the pier was safe and she said the ferry would keep its timetable.",
        texts=("the pier was safe", "the ferry would keep its timetable"),
    ),
    Case(
        "cue-before/posted-last",
        "Ola Berg said the new harbour fees were fair to every boat owner, "
        "which she called “a bargain for the whole town.”",
        quote_types=("indirect", "direct"),
        check=_indirect_speech_before_a_quotation_with_its_own_cue,
    ),
    Case(
        "indirect/asked-whether",
        "Asked whether the ferry would run on Sunday, Ola Berg said she could not promise it.",
        texts=("whether the ferry would run on Sunday", "she could not promise it"),
        check=_question_put_to_the_speaker_is_an_attribution_without_a_speaker,
    ),
    Case(
        "indirect/asked-whether",
        "Asked by reporters about the closing of the pier, Berg said, “We will see in May.”",
        check=_question_asked_by_someone_names_them,
    ),
    Case(
        "indirect/content-name-said",
        "The new toll has hurt the ferry among commuters, local harbour experts said.",
        count=1,
        texts=("The new toll has hurt the ferry among commuters",),
        check=_content_then_a_speaker_with_lowercase_modifiers,
    ),
    Case(
        "pronoun/clause-subject",
        "While Ann Lie said the old pier was unsafe for lorries, "
        "she said there was no money to fix it.",
        texts=("the old pier was unsafe for lorries", "there was no money to fix it"),
        check=_speech_in_a_subordinate_clause_opening_the_sentence,
    ),
    Case(
        "indirect/name-said-content",
        "The ferry may never be as fast as the bus, although its owners say the new engines will help.",
        count=1,
        texts=("the new engines will help",),
        speaker_spans=("its owners",),
    ),
    Case(
        "mention-after/the-person-noun",
        "The vote was close. “It was not a convincing case at all,” said one councillor "
        "familiar with the talks.",
        pick="direct",
        count=1,
        speakers=("one councillor",),
    ),
    Case(
        "mention-before/unparsed-appositive",
        "The vote was close, said the fundamental argument of the harbour office, which few read.",
        check=_inverted_lowercase_noun_that_names_no_one,
    ),
    Case(
        "mention-before/noun-phrase",
        "The talks went on. Ola Berg later Thursday told Harbour Radio: “We will get there.”",
        pick="direct",
        count=1,
        speakers=("Ola Berg",),
    ),
    Case(
        "mention-before/unparsed-role-then-name",
        "The talks went on. “We will get there in the end,” the mayor’s chief of staff, "
        "Joe Kasper, told Harbour Radio.",
        pick="direct",
        count=1,
        speakers=("Joe Kasper",),
    ),
    Case(
        "subject/bare-share",
        "By two to one, commuters see the fees as a problem, and three-fourths say "
        "the council should drop them.",
        count=1,
        texts=("the council should drop them",),
        speakers=("three-fourths",),
    ),
    Case(
        "veto/embedded",
        "The main splits, according to the survey, include age (Berg leads by nine points "
        "among “very young” voters, while Lie leads among older ones).",
        pick="direct",
        count=0,
    ),
    Case(
        "cue-before/clause-subject",
        "Fishermen marching to the quay chanted “What quota now?” and kept going until dawn.",
        pick="direct",
        count=1,
        texts=("“What quota now?”",),
    ),
    Case(
        "veto/work-title",
        "Ola Berg said in her 2012 memoir, “A Harbour of My Own,” that she never left Bergen.",
        pick="direct",
        count=0,
    ),
    Case(
        "veto/work-title",
        "Comedians said they were staging a popular play called “Los Hijos de la Costa” in May.",
        pick="direct",
        count=0,
    ),
    Case(
        "indirect/but-noted",
        "Ola Berg admitted the toll was high, but noted the ferry would stay cheaper than the bus.",
        texts=("the toll was high", "the ferry would stay cheaper than the bus"),
        check=_second_speech_verb_of_the_same_speaker_after_but,
    ),
    Case(
        "indirect/name-said-content",
        "A spokeswoman for the ferry company also declined to comment, saying that nobody "
        "involved still works there.",
        count=1,
        speakers=("A spokeswoman for the ferry company",),
    ),
    Case(
        "indirect/name-said-content",
        "Fishermen, who hold most seats on the board, have blocked the toll, saying it "
        "would drive boats away.",
        count=1,
        speakers=("Fishermen",),
    ),
    Case(
        "indirect/according-to-opening",
        "According to early results of the exit polls conducted for the local paper and two "
        "radio stations by a firm in Bergen, most voters want the ferry to keep running.",
        count=1,
        texts=("most voters want the ferry to keep running",),
        check=_according_to_a_source_phrase_over_fifteen_tokens,
    ),
    Case(
        "mention-before/noun-phrase",
        "After the story broke, Ola Berg emphatically proclaimed at a press conference, "
        "“I did not send any letter to anyone at the port.”",
        pick="direct",
        count=1,
        speakers=("Ola Berg",),
    ),
    Case(
        "subject/bare-opening",
        "Supporters at the rally said the toll had to go.",
        count=1,
        speakers=("Supporters at the rally",),
    ),
    Case(
        "mention-before/noun-phrase",
        "The toll became urgent after the debate, when the harbour chief Ola Berg boldly "
        "suggested that the ferry company pays nothing for the quay.",
        count=1,
        speakers=("Ola Berg",),
        check=_subordinate_clause_with_a_role_before_the_speaker,
    ),
    Case(
        "indirect/name-said-content",
        "In April, Ola Berg called the company’s plans to open a second quay in the north "
        "harbour “an absolute disgrace” and threatened a new toll.",
        count=1,
        speakers=("Ola Berg",),
        quote_types=("mixed",),
        check=_calling_with_a_label_far_after_the_verb,
    ),
    Case(
        "indirect/who-says",
        "The plan was backed by the harbour committee, which said the quay would be finished "
        "by May, and by two unions.",
        count=1,
        texts=("the quay would be finished by May",),
        speaker_spans=("which",),
        check=_speech_in_a_which_clause_names_the_organisation,
    ),
    Case(
        "mention-before/parenthesis-role",
        "“The levy will not rise again before the election,” Rep. Nell Varga (D-Ore.) said.\n\n"
        "“Our members were never consulted about the closure,” Otto Brandt, 58, a "
        "retired welder in Scranton, Pa., said on Friday.",
        pick="direct",
        speakers=("Nell Varga", "Otto Brandt"),
    ),
    Case(
        "cue-after/said-name",
        "“The timetable is final,” said Ilse Moreau, the ferry operator.\n\n"
        "“We have carried more passengers this year than ever before.” Jonas Pell added "
        "that the crossing would close in winter.",
        pick="direct",
        check=_a_cue_opening_the_next_sentence_is_not_the_quotes_own,
    ),
    Case(
        "cue-before/said-adding",
        "Nadia Kerr and Tom Bryce will meet again next week, Ruth Abara said, adding, "
        "“They need to agree on the rota before the winter timetable starts.”\n\n"
        "To wit, Mayor Obi Lenz told the council the depot was “a costly mistake,” adding, "
        "“We should never have signed that lease in the first place.”",
        pick="direct",
        speakers=("Ruth Abara", "Obi Lenz"),
    ),
    Case(
        "mention-before/noun-phrase",
        "Senator Ivo Marsh brushed aside Ms. Pardo's remark, asserting, "
        "“Of course the depot pays its rates like every other business.”",
        pick="direct",
        count=1,
        speakers=("Ivo Marsh",),
    ),
    Case(
        "mention-after/the-source",
        "“The ferry should never have been sold off,” said the 58-year-old.\n\n"
        "“Nobody on the island was asked about the sale,” said one person close to the talks.\n\n"
        "“Vote for the harbour levy on Thursday and keep the ferry running,” the leaflet's "
        "note says.\n\n"
        "“We have lost the winter crossing for good this time,” said a 2019 Lind campaign aide.",
        pick="direct",
        speaker_spans=(
            "the 58-year-old",
            "one person",
            "the leaflet's note",
            "a 2019 Lind campaign aide",
        ),
    ),
    Case(
        "cue-after/name-phrasal",
        "“You have never once taken the night ferry,” Ida Marr shot back.\n\n"
        "“And the timetable has not changed since the spring of last year,” she went on.",
        pick="direct",
        speakers=("Ida Marr", "Ida Marr"),
        cues=("shot back", "went on"),
    ),
    Case(
        "cue-before/did-saying",
        "Governor Lena Roth came close to an admission on Friday, saying, "
        "“We never claimed that the tunnel would open on time,” but the minister denied "
        "that the budget had doubled.",
        pick="direct",
        check=_a_clause_after_a_quote_led_by_a_conjunction_is_not_its_cue,
    ),
    Case(
        "cue-before/did-saying",
        "Back in 2009, Mr. Falk expressed admiration for the mayor's budget skills, telling "
        "the paper: “I wish I could be like that. I just can't.”\n\n"
        "Ever since she endorsed the mayor, Ms. Varga has been a loyal ally, visiting the "
        "office with a simple message: “Don't lose this one for us, please!”",
        pick="direct",
        speaker_spans=("Mr. Falk", "Ms. Varga"),
    ),
    Case(
        "subject/clause-opens",
        "Edvin Holm told the paper in a written statement, “The depot was a bargain and the "
        "council knows it.”\n\n"
        "Mayor Alma Reyes defended the decision on Monday. “If there had not been that "
        "closure” by the United States Army, Reyes said at a meeting, “we would be looking "
        "at a far worse winter.”",
        pick="direct",
        check=_nouns_that_look_like_reporting_verbs_are_not_cues,
    ),
    Case(
        "cue-before/clause-subject",
        "Ola Brink said the members would keep meeting, but said, “It is time we changed "
        "how we do it,” promising the Friends of the Pier a return to its roots.",
        pick="direct",
        check=_a_participle_right_after_a_quote_is_not_an_inverted_cue,
    ),
    Case(
        "mention-before/noun-phrase",
        "Tove Lind answered Pia Moen with, “Why now? That was on my way to Oslo?” "
        "Moen then writes back, “You look well.”",
        pick="direct",
        speakers=("Tove Lind", "Pia Moen"),
    ),
    Case(
        "cue-before/said-adding",
        "Alongside the union's calls, even a senior party strategist said the mayor must "
        "choose, saying, “At some point she is going to have to come out on where she stands.”",
        pick="direct",
        check=_a_described_source_after_even,
    ),
    Case(
        "mention-after/name",
        "“The timetable is final,” said Ilse Moreau, the ferry operator.\n\n"
        "“We have never sold a single ticket at a loss.” Jonas Pell mentioned a long list "
        "of routes that were cut.",
        pick="direct",
        check=_a_verb_with_its_own_object_after_a_finished_quote_is_not_its_cue,
    ),
    Case(
        "quote/split",
        "“The harbour dues are too high,” Mayor Ida Roos said. “We will cut them by a third.” "
        "Jon Berg said, twice, that the cut would bankrupt the port.\n\n"
        "As Bishop Anselm Ek told the radio station, “We have suffered the same fate as the "
        "fishermen.” He added, “So the council should have been the first to help.”",
        pick="direct",
        speakers=("Ida Roos", "Anselm Ek", "Anselm Ek"),
        check=_a_cue_with_its_own_content_after_a_finished_quote_is_not_its_cue,
    ),
    Case(
        "mention-before/noun-phrase",
        "Weaver did not seem impressed with Lund’ comments on Tuesday, telling reporters, "
        "“A lot of people said the governor should step down.”",
        pick="direct",
        count=1,
        speakers=("Weaver",),
    ),
    Case(
        "mention-before/appositive",
        "“Very good reporter, very good reporter this guy,” Arne Solberg, the party's "
        "candidate for governor and current polling leader in the northern counties by a "
        "wide margin after winning the primary, said when the reporter asked him a question.",
        pick="direct",
        count=1,
        speakers=("Arne Solberg",),
    ),
    Case(
        "cue-before/issued-saying",
        "Ana Lind, who had said little all week, issued a statement Tuesday saying, "
        "“We are confident that the pier will reopen before the summer.”\n\n"
        "Her campaign quickly sent out an email to supporters stating, "
        "“The council has finally listened to the island.”",
        pick="direct",
        speaker_spans=("Ana Lind", "Her campaign"),
    ),
    Case(
        "cue-before/reads-colon",
        "The council's own headline reads: “The harbour will stay open through the winter.”\n\n"
        "In her best-known song, Ada Voss sings, “Do not go changing to try and please me.”",
        pick="direct",
        speaker_spans=("The council's own headline", "Ada Voss"),
    ),
    Case(
        "mention-after/the-role-name",
        "“It is about time we had a woman running this port,” exhorted the actress Ida Holm.",
        pick="direct",
        count=1,
        speakers=("Ida Holm",),
        roles=("actress",),
    ),
    Case(
        "pronoun/clause-subject",
        "Mayor Rolf Aas was asked about the ferry when he told Kari Dahl of Radio Nord, "
        "“So the boat is old. The island has a problem with that.”",
        pick="direct",
        count=1,
        speakers=("Rolf Aas",),
        speaker_spans=("he",),
    ),
    Case(
        "subject/from-source",
        "The survey has its critics. From the report: “Samples with more elaborate weighting "
        "produced more accurate results in every region.”\n\n"
        "Turnout was high all along -More from Ann Lie and Bo Berg:\n\n"
        "“Data collected by our firm confirms that both issues were in play this year.”",
        pick="direct",
        speaker_spans=("the report", "Ann Lie and Bo Berg"),
    ),
    Case(
        "cue-before/dash-byline",
        "Pollsters agree - Carl Vik: “One of the biggest lessons was a simple one: keep on "
        "calling voters as late as possible.”",
        pick="direct",
        count=1,
        speakers=("Carl Vik",),
    ),
    Case(
        "cue-before/who-said",
        "Among the replies was a post from Rikke Vold who wrote, “The council never pays "
        "attention to the rules it sets for everyone else.”",
        pick="direct",
        count=1,
        speakers=("Rikke Vold",),
        speaker_spans=("who",),
    ),
    Case(
        "mention-before/source-who",
        "“The inspectors are under a lot of pressure right now,” a harbour official, who was "
        "not authorized to speak on the record, told the paper.",
        pick="direct",
        count=1,
        speaker_spans=("a harbour official",),
    ),
    Case(
        "mention-after/the-person-noun",
        "“My reaction is that this was outrageous,” Lind's former campaign strategist said "
        "on the radio.\n\n"
        "“A town cannot simply close its harbour to the fleet,” said the ruling.",
        pick="direct",
        speaker_spans=("Lind's former campaign strategist", "the ruling"),
    ),
    Case(
        "pronoun/clause-subject",
        "When Robert Moe, the mayor's campaign manager, was asked whether she would hold a "
        "press conference before Election Day, he laughed and said, “We will see.”",
        pick="direct",
        count=1,
        speakers=("Robert Moe",),
        speaker_spans=("he",),
    ),
    Case(
        "pronoun/last-person",
        "Former Secretary of State Hanna Lindqvist spoke first. “We will fight for every "
        "vote in the valley,” she said.\n\n"
        "“The rules of the chamber are clear,” Senate Majority Leader Mats Okafor said.\n\n"
        "Karl J. Brandt arrived late. “It was a great rally for all of us,” he said.",
        pick="direct",
        speakers=("Hanna Lindqvist", "Mats Okafor", "Karl J. Brandt"),
    ),
    Case(
        "pronoun/clause-subject",
        "“The harbour is safe,” said Ole Brun.\n\n"
        "Olav Berg, who runs the ferry from New York to the island, spoke next.\n\n"
        "“We have never lost a crossing in winter,” he said.",
        pick="direct",
        speakers=("Ole Brun", "Olav Berg"),
    ),
    Case(
        "mention-before/noun-phrase",
        "George W. Lund spoke at the rally with Laura Lund.\n\n"
        "“He will be a great governor for this state,” Mr. Lund said.",
        pick="direct",
        count=1,
        speakers=("George W. Lund",),
    ),
    Case(
        "cue-before/clause-subject",
        "Mayor Ida Lund answered the question on Facebook writing, “Yes, I will. That was a "
        "poor choice of words.”\n\n"
        "Another port source speaking to Radio Nord said, “The inspectors are looking at the "
        "contracts and the fees.”",
        pick="direct",
        speaker_spans=("Mayor Ida Lund", "Another port source"),
    ),
    Case(
        "cue-before/issued-saying",
        "Even before Lie took the stage on Tuesday night, his campaign sent out a text "
        "message to supporters saying: “With your help, we will win the next one too.”",
        pick="direct",
        count=1,
        speaker_spans=("his campaign",),
    ),
    Case(
        "mention-before/will-columnist",
        "The columnist Anna Will returned to the subject on Sunday.\n\n"
        "“The storm is a reminder that the harbour needs a sea wall,” Will wrote.",
        pick="direct",
        count=1,
        speakers=("Anna Will",),
    ),
    Case(
        "mention-before/passive",
        "Mayor Ida Lund was asked by the harbour board whether the ferry would run in winter.",
        speakers=(),
    ),
    Case(
        "mention-before/noun-phrase",
        "But a few days later, Mayor Ida Lund reversed herself yet again, telling the paper "
        "that the ferry would run all winter.",
        speakers=("Ida Lund",),
    ),
    Case(
        "mention-before/noun-phrase",
        "Facing mounting criticism from the council, Mayor Ida Lund released a statement on "
        "Saturday, describing the ferry crew as heroes.\n\n"
        "It’s a long shot, but Lund was in Tromsø on Tuesday, emphasizing the island's "
        "importance to the fleet.",
        check=_gerunds_and_contractions_opening_a_sentence_are_not_speakers,
    ),
    Case(
        "mention-before/noun-phrase",
        "In a letter to council colleagues released Monday, Lund rips the ferry deal, "
        "arguing that it would hand the harbour to a private owner.",
        check=_a_prepositional_phrase_opening_the_sentence_is_not_the_speaker,
    ),
    Case(
        "indirect/name-said-content",
        "Mayor Ida Lund issued a statement Tuesday saying the ferry would run all winter.",
        count=1,
        texts=("the ferry would run all winter",),
        speakers=("Ida Lund",),
    ),
    Case(
        "np/not-a-name",
        "Early on Tuesday, calling the deal a disgrace, the mayor left the room.",
        check=_an_adverb_opening_the_sentence_is_not_the_speaker,
    ),
    Case(
        "mention-before/noun-phrase",
        "“The report was thorough and fair to everyone,” Gerald Early said.\n\n"
        "Nancy Day spoke next. “The harbour is safe for another decade,” she said.",
        pick="direct",
        speakers=("Gerald Early", "Nancy Day"),
    ),
    Case(
        "cue-before/who-said",
        "The port is well placed. As Mia Holt said last week in Tel Aviv, “The harbour is the "
        "centre of the northern fishing trade.”\n\n"
        "The mayor won the support of Ole Brun, who declared in the council chamber, “It is "
        "time for the island to unite behind the plan.”",
        pick="direct",
        speakers=("Mia Holt", "Ole Brun"),
    ),
    Case(
        "cue-before/past-tense",
        "During their first debate, Ida Lund cracked, “I am a progressive, but I am a "
        "progressive who likes to get things done.”",
        pick="direct",
        count=1,
        speakers=("Ida Lund",),
        cues=("cracked",),
    ),
    Case(
        "mention-before/appositive",
        "“They feel he is the one candidate saying what is on people's minds,” Tor Hagen, the "
        "president of the Nordland state firefighters union, said of his members.",
        pick="direct",
        count=1,
        speakers=("Tor Hagen",),
    ),
    Case(
        "mention-before/noun-phrase",
        "“Will she be the next harbour master?” a council clerk in the room wondered.",
        pick="direct",
        count=1,
        speaker_spans=("a council clerk in the room",),
    ),
    Case(
        "indirect/and-said",
        "House Republican Tom Mast used to back the old ferry plan, but now said the council "
        "had “the opportunity and the obligation to bring us together.”\n\n"
        "“I think the mayor can do that, but the biggest unifier we have is the ferry.”",
        speakers=("Tom Mast", "Tom Mast"),
    ),
    Case(
        "quote/cue-ends-sentence",
        "Fares went up again.\n\n"
        "“Nobody expected the board to move this fast,” given how slowly it usually works, "
        "said Omar Haddad, who teaches transport economics at the city college in Leeds.",
        pick="direct",
        count=1,
        speakers=("Omar Haddad",),
    ),
    Case(
        "quote/cue-ends-sentence",
        "Fares went up again.\n\n"
        "“Nobody expected the board to move this fast,” given how slowly it usually works, "
        "said Omar Haddad, the senior transport economist at the Northern Rail Users Forum.",
        pick="direct",
        count=1,
        speakers=("Omar Haddad",),
    ),
    Case(
        "quote/signature",
        "Here are the claims we checked.\n\n"
        "“We cut the waiting lists at every hospital in the region.”\n\n"
        "- Greta Lund.\n\n"
        "The lists did shrink, but only at two of the five hospitals.",
        pick="direct",
        count=1,
        speakers=("Greta Lund",),
    ),
    Case(
        "quote/signature",
        "Voices from the hall.\n\n"
        "“We cut the waiting lists at every hospital in the region.”\n\n"
        "-Greta Lund, speaking after the vote.\n\n"
        "- Lund proposes a new levy to pay for it.",
        pick="direct",
        count=1,
        speakers=("Greta Lund",),
    ),
    Case(
        "quote/unattributed",
        "Here are the claims we checked.\n\n"
        "“We cut the waiting lists at every hospital in the region.”\n\n"
        "- Greta Lund proposes a new levy to pay for the extra nurses next year.",
        pick="direct",
        check=_a_dash_line_that_goes_on_is_not_a_signature,
    ),
    Case(
        "mention-before/noun-phrase",
        "Lena Ward asked why the depot had closed, to which Tom Reyes replied: "
        "“It was never profitable.” He said the council would look for a new tenant next spring.",
        pick="direct",
        count=1,
        speakers=("Tom Reyes",),
    ),
    Case(
        "mention-before/noun-phrase",
        "Lena Ward asked why the depot had closed, to which Tom Reyes replied: "
        "“Who would rent it?” Her critics cited the answer as proof that she had given up.",
        pick="direct",
        count=1,
        speakers=("Tom Reyes",),
    ),
    Case(
        "cue-before/to-say",
        "The meeting was calm until Nora Hale was prompted to say, "
        "“We will not back down on the pension plan.”",
        pick="direct",
        count=1,
        speakers=("Nora Hale",),
    ),
    Case(
        "pronoun/clause-subject",
        "Judge Alma Ruiz left the room for an hour. When she returned she began by saying, "
        "“I have read every letter that was sent to this court.”",
        pick="direct",
        count=1,
        speakers=("Alma Ruiz",),
        speaker_spans=("she",),
    ),
    Case(
        "cue-before/past-tense",
        "Mayor Ines Carvalho won easily. Smiling, she thanked her neighbours and then boomed, "
        "“This city has never been stronger than it is tonight.”",
        pick="direct",
        count=1,
        speaker_spans=("she",),
    ),
    Case(
        "cue-before/issued-saying",
        "Ines Carvalho signed the lease in 2012. At the time, she released a statement saying, "
        "“The new depot will bring two hundred jobs to the valley.”",
        pick="direct",
        count=1,
        speakers=("Ines Carvalho",),
    ),
    Case(
        "mention-before/noun-phrase",
        "Ines Carvalho regularly tells how she came to serve as his secretary of state and "
        "recites the line: “Nobody gave the valley a second look.”",
        pick="direct",
        count=1,
        speakers=("Ines Carvalho",),
    ),
    Case(
        "veto/embedded",
        "Lena Ward said the auditor’s report “was not good at all, frankly.”",
        check=_a_reporting_word_after_a_possessive_or_of_is_a_noun_2,
    ),
    Case(
        "subject/described-name",
        "The claims, in their own words.\n\nFormer harbour master Ines Carvalho:“We dredged it twice.”",
        pick="direct",
        count=1,
        speakers=("Ines Carvalho",),
        roles=("Former harbour master",),
    ),
    Case(
        "mention-before/familiar-source",
        "Another source familiar with Carvalho’s thinking said, "
        "“She will run again if the harbour deal goes through.”",
        pick="direct",
        count=1,
        speakers=("Another source familiar with Carvalho’s thinking",),
    ),
    Case(
        "cue-before/did-saying",
        "The first message was mild. And then Ines Carvalho went fully on the attack, saying, "
        "“Is the council ever going to publish the accounts?”",
        pick="direct",
        count=1,
        speakers=("Ines Carvalho",),
    ),
    Case(
        "cue-before/said-opening",
        "The old school was turned into a museum. "
        "Said Dora Pine, who grew up two doors away from the school, “We were all so proud.”",
        pick="direct",
        count=1,
        speakers=("Dora Pine",),
    ),
    Case(
        "cue-after/name-verbed",
        "Ines Carvalho showed the crowd a clip of the debate.\n\n"
        "“Let me help you out, the answer is no,” the Liberal vice-presidential nominee riffed "
        "on the mayor’s reply, drawing laughs.",
        pick="direct",
        count=1,
        speaker_spans=("the Liberal vice-presidential nominee",),
    ),
    Case(
        "quote/cue-ends-sentence",
        "The allure of simplicity, Mr. Okafor argued, is a chimera.\n\n"
        "“Most of the complexity comes from efforts to measure” income, he said, rather than "
        "from deductions for things like mortgage interest and gifts to charity.",
        pick="direct",
        count=1,
        speaker_spans=("he",),
    ),
    Case(
        "mention-before/noun-phrase",
        "When she took office in 2009, she made housing her focus.\n\n"
        "“From the first day, housing was the priority,” the bespectacled, 64-year-old "
        "mayor said in an interview.",
        pick="direct",
        count=1,
        speaker_spans=("the bespectacled, 64-year-old mayor",),
    ),
    Case(
        "cue-after/he-mocks",
        "Ivo Brandt wrote the column last year.\n\n"
        "“The market has not failed the town,” he mocks. “The town has failed the market.”",
        pick="direct",
        count=1,
        speaker_spans=("he",),
        cues=("mocks",),
    ),
    Case(
        "pronoun/clause-subject",
        "Ever since Ines Carvalho entered the race, she's said the same thing at every stop: "
        "“This is not about me, it is about the valley.”",
        pick="direct",
        count=1,
        speakers=("Ines Carvalho",),
        speaker_spans=("she",),
    ),
    Case(
        "mention-before/noun-phrase",
        "The new spot airs on Tuesday.\n\n"
        "“She will stand up to the gun lobby and win,” a voice-over in the ad states. "
        "“She will protect the clinics.”",
        pick="direct",
        count=1,
        speaker_spans=("a voice-over in the ad",),
    ),
    Case(
        "mention-before/noun-phrase",
        "He was buried in the hills above the town.\n\n"
        "As the columnist Vera Holm had written just a few years earlier, "
        "“We could not have had a harbour without him.”",
        pick="direct",
        count=1,
        speakers=("Vera Holm",),
    ),
    Case(
        "quote/cue-ends-sentence",
        "The publisher announced a memoir in 2000.\n\n"
        "“All That Glitters Is Not Gold” was to be a “cautionary tale,” said Vera Holm, "
        "then the author’s agent.",
        pick="direct",
        check=_a_late_cue_after_a_second_quotation_mark_in_the_sentence,
    ),
    Case(
        "pronoun/last-person",
        "Over the years, she said, the letters kept them close – although at the mention of "
        "letters Ines Carvalho laughed. Later, at the mention of email she laughed and admitted "
        "“emails have been wonderful, although they can be a curse.”",
        pick="direct",
        count=1,
        speaker_spans=("she",),
        check=_the_nearest_pronoun_subject_after_a_phrase_governs_the_coordinated_cue,
    ),
    Case(
        "pronoun/clause-subject",
        "Ashley Yago, 33, a supporter of Republican Donald Reyes who lives in Greeley, finds "
        "herself in a similar job.\n\n"
        "“I have had two grants, but I still have loans,” she said in a phone interview.",
        pick="direct",
        count=1,
        speakers=("Ashley Yago",),
    ),
    Case(
        "pronoun/clause-subject",
        "Omar Haddad, a longtime critic of Mayor Paul Greer who sits on the council, "
        "runs a bakery on Main Street.\n\n"
        "“We need a new plan for the harbour,” he said.",
        pick="direct",
        count=1,
        speakers=("Omar Haddad",),
    ),
    Case(
        "pronoun/clause-subject",
        "Omar Haddad met Paul Greer at the depot on Monday.\n\n"
        "On Tuesday, Haddad went back alone. “It is a disgrace,” he said.",
        pick="direct",
        count=1,
        speakers=("Omar Haddad",),
    ),
    Case(
        "pronoun/clause-subject",
        "Ana Ruiz and Ari Lee ran the shop for years. Mr. Lee retired in May.\n\n"
        "“We will stay open all summer,” she said.",
        pick="direct",
        count=1,
        speakers=("Ana Ruiz",),
    ),
    Case(
        "mention-after/the-person-noun",
        "Hiring is hard.\n\n"
        "“Interviewers are likely to feel they are getting useful information,” concluded "
        "a 2013 article in the journal Judgment and Decision Making.",
        pick="direct",
        count=1,
        speaker_spans=("a 2013 article",),
    ),
    Case(
        "cue-before/who-said",
        "Then there was the radio host Ivo Brandt, who lamented in an interview with the "
        "Daily Ledger politics editor Ana Ruiz, “We have spent twenty years demonizing the press.”",
        pick="direct",
        count=1,
        speakers=("Ivo Brandt",),
    ),
    Case(
        "veto/embedded",
        "On Friday, Ivo Brandt pounced on news that the files were later deemed “top secret,” "
        "saying in a Brandtian post on the site: “The new release is a disaster for the council!”",
        pick="direct",
        check=_a_reporting_word_inside_the_words_before_the_speaker_is_no_role,
    ),
    Case(
        "mention-before/noun-phrase",
        "Ines Carvalho initially said in the spring, when the private server email story "
        "broke, “I did not send any classified material to anyone.”",
        pick="direct",
        count=1,
        speakers=("Ines Carvalho",),
    ),
    Case(
        "mention-before/appositive",
        "Reince Hale, the party chairman, this past week announced the creation of a website "
        "that explains the rules of the convention.",
        check=_a_time_phrase_before_the_verb_is_not_the_speaker,
    ),
    Case(
        "mention-before/noun-phrase",
        "A rumpled figure with short grey whiskers, Bob said he arrived at the base in "
        "December of that year.",
        check=_a_cognition_word_after_a_determiner_and_a_modifier_is_a_noun,
    ),
    Case(
        "mention-before/stacked-appositives",
        "Britain's ambassador Ivo Brandt, who will retire soon after also serving in Iran, "
        "Turkey and France, praised the treaty in an interview published on Saturday.",
        check=_a_list_of_places_in_a_relative_clause_is_not_the_speaker_1,
    ),
    Case(
        "mention-before/role-then-name",
        "Two members of the council from Leeds, Ana Ruiz and Omar Haddad, have said they "
        "will not back the plan.",
        check=_a_list_of_places_in_a_relative_clause_is_not_the_speaker_2,
    ),
    Case(
        "indirect/belief",
        "One month after announcing his support for the plan, Omar Haddad still believes "
        "that the harbour cannot pay for itself.",
        check=_a_subordinating_word_ends_no_described_speaker,
    ),
    Case(
        "none",
        "Editor’s note: Ivo Brandt is a serial liar who has repeatedly pledged to close "
        "the harbour to all foreign ships.",
        check=_a_noun_like_reporting_word_after_a_possessive_is_no_cue_1,
    ),
    Case(
        "mention-before/noun-phrase",
        "Contrary to Lazar’s claims, the police say he never reached the mail server.",
        check=_a_noun_like_reporting_word_after_a_possessive_is_no_cue_2,
    ),
    Case(
        "subject/name-party",
        "The exchange went like this.\n\n"
        "Rep. Ann Cole (R-Ore.):“I have not heard anyone other than you ever cite that figure.”",
        pick="direct",
        count=1,
        speakers=("Ann Cole",),
    ),
    Case(
        "indirect/name-said-content",
        "Omar Haddad then interjected, calling the mayor’s harbour plan a costly mistake.",
        check=_a_participle_right_after_the_cue_leaves_no_empty_remark,
    ),
    Case(
        "indirect/late-cue",
        "Her friends have mocked the mayor’s plan, calling it “a harbour of dreams,” "
        "Vera Holm said as she turned around and spread out her cape.\n\n"
        "“But it is our harbour, and we love it!”",
        check=_a_late_cue_with_an_adjunct_tail_takes_the_whole_sentence,
    ),
    Case(
        "mention-before/noun-phrase",
        "The movement plans a march.\n\n"
        "“They have to decide whether to feed themselves or their kids,” Fight for $15 "
        "organizing director Kendra Fells told a local station. “They care about two things.”",
        pick="direct",
        count=1,
        speakers=("Kendra Fells",),
    ),
    Case(
        "mention-before/noun-phrase",
        "The plant director was on board.\n\n"
        "“We are shocked, he was a friend to us,” one P&G Leeds employee told a local station.",
        pick="direct",
        count=1,
        speaker_spans=("one P&G Leeds employee",),
    ),
    Case(
        "pronoun/clause-subject",
        "Governor Ivo Brandt, a staunch ally of the mayor, acknowledged some copying even as "
        "he defended the speechwriter and the campaign, saying, "
        "“Ninety percent of the speech is completely different.”",
        pick="direct",
        count=1,
        speaker_spans=("he",),
    ),
    Case(
        "cue-before/with-chanting",
        "The parade paused to remember the victims, with many marchers and spectators "
        "chanting “We are Leeds” as they passed the town hall.",
        pick="direct",
        count=1,
        speaker_spans=("many marchers and spectators",),
    ),
    Case(
        "cue-before/as-he-did-saying",
        "The mayor spoke just down the street from the old pier, where about 50 protesters "
        "had gathered on Wednesday morning, chanting “no contract, no peace” at the cars.",
        pick="direct",
        count=1,
        speaker_spans=("about 50 protesters",),
    ),
    Case(
        "cue-before/with-chanting",
        "Rivals were quick to chime in, with Ivo Brandt tweeting that it was a disaster for "
        "the mayor and asking, “How can someone with such bad judgement run the port?”",
        pick="direct",
        count=1,
        speakers=("Ivo Brandt",),
    ),
    Case(
        "cue-before/did-saying",
        "Omar Haddad, citing “the unique magic of the harbour,” said the candidate could "
        "win in Leeds, York and Hull.",
        pick="direct",
        count=1,
        speakers=("Omar Haddad",),
    ),
    Case(
        "quote/colon-subject",
        "In the hours after the storm hit the coast, a familiar voice celebrated the damage "
        "online: “The sea has already arrived at your doors.”",
        pick="direct",
        count=1,
        speaker_spans=("a familiar voice",),
    ),
    Case(
        "subject/described-head",
        "The Haddad campaign, in a note on the harbour dispute, worded it more carefully: "
        "“The mayor wrote to every council member about the dredging.”",
        pick="direct",
        count=1,
        speaker_spans=("The Haddad campaign",),
    ),
    Case(
        "mention-before/noun-phrase",
        "The Ledger technology columnist Ivo Brandt wrote in a long post on the site: "
        "“The timeline is the heart of the product.”",
        pick="direct",
        count=1,
        speakers=("Ivo Brandt",),
    ),
    Case(
        "mention-before/appositive",
        "Many fear the choice.\n\n"
        "As Vera Holm, professor of law at York and author of ''The Unwritten Rules,'' put it, "
        "''A compromise candidate today may be far better for them than the alternative.''",
        pick="direct",
        count=1,
        speakers=("Vera Holm",),
    ),
    Case(
        "cue-before/quote-adding",
        "Ms. Ruiz said she was thinking, ''Oh my God, this cannot be happening,'' adding, "
        "''I had no way to put names to my feelings.''",
        pick="direct",
        check=_an_appositive_that_ends_in_a_quoted_title_2,
    ),
    Case(
        "cue-before/as-he-did-saying",
        "The first incident came during a speech at the college, when harbour protesters "
        "interrupted her speech, shouting “she wins, we lose!”",
        pick="direct",
        count=1,
        speaker_spans=("harbour protesters",),
    ),
    Case(
        "cue-before/name-said",
        "He said, “Ivo Brandt will build the pier” - at which point the crowd chanted "
        "“Build the pier!” - “and keep the port open.”",
        pick="direct",
        check=_a_described_subject_after_at_which_point,
    ),
    Case(
        "mention-after/the-person-noun",
        "The mayor opened the fair on Sunday. “Can we go on the big wheel?” asked the girl, "
        "who had waited all morning. “It is too windy today,” said her father.",
        pick="direct",
        speaker_spans=("the girl", "her father"),
    ),
    Case(
        "cue-before/reads-colon",
        "Rents keep rising in the old port. As the Harbour Lights sang back in the 1970s, "
        "“Nobody owns the sea, but somebody owns the shore.”",
        pick="direct",
        count=1,
        speaker_spans=("the Harbour Lights",),
    ),
    Case(
        "subject/clause-opens",
        "“The harbour will stay open,” said Jan Holt, the port director.\n\n"
        "Earlier this week, Mara Quist shared her doubts with donors at a dinner in Leeds, "
        "“I do not know which version of the plan will reach the council.”",
        pick="direct",
        speakers=("Jan Holt", "Mara Quist"),
    ),
    Case(
        "cue-after/sentence-end",
        "In Ann Lie's column on May 10, “The piling on must stop,” she blamed the press.",
        pick="direct",
        check=_a_persons_clause_before_a_comma_and_a_whole_quoted_sentence_gives_the_speaker_2,
    ),
    Case(
        "mention-after/role-then-name",
        "“We will reopen the pier,” Ann Lie said.\n\n"
        "Tom Baker was asked, “If you had known about the cracks, would you have closed it?”\n\n"
        "Later, Ida Holm was asked by host Carl Berg, who chaired the debate, "
        "“Will you vote for the budget?”",
        pick="direct",
        speakers=("Ann Lie", None, "Carl Berg"),
    ),
    Case(
        "subject/clause-opens",
        "Tom Reid spoke on Monday. Reid said both rivals were “lightweights in the council,” "
        "but he gave the younger one a back-handed compliment: “You always know where he stands.”",
        pick="direct",
        check=_the_clause_after_but_gives_the_speaker_before_a_colon,
    ),
    Case(
        "pronoun/as-for-topic",
        "Carl Berg backed the ferry plan. “It is a waste,” said Tom Lind, the mayor, who "
        "opposed it.\n\nAs for Berg, he is not worried. “The numbers will prove us right,” he "
        "said.",
        pick="direct",
        check=_a_pronoun_after_as_for_name_is_that_person,
    ),
    Case(
        "mention-before/appositive",
        "That record prompted the Almanac of Local Races, which tracks bellwether towns, to "
        "state, “Eastport is the surest bellwether in the region.”\n\n"
        "The ruling led Ann Lie to write, “This is a sad day for the harbour.”",
        pick="direct",
        speaker_spans=("the Almanac of Local Races", "Ann Lie"),
    ),
    Case(
        "mention-before/appositive",
        "“The ferry is late again,” Ruth Ames said.\n\n"
        "“We have had better summers than this one,” harbour pilot Ivo Brandt, wearing a cap "
        "and “Save the Pier” badges, said.",
        pick="direct",
        speakers=("Ruth Ames", "Ivo Brandt"),
    ),
    Case(
        "mention-before/noun-phrase",
        "“We will keep the border open,” Ann Lie said.\n\n"
        "The treaty has three parts. Article 12 affirms: “No state shall return a refugee to "
        "a place of danger.”",
        pick="direct",
        speakers=("Ann Lie", "Article 12"),
    ),
    Case(
        "quote/and-cue-before",
        "Ann Lie spoke first. “Tell her I saved you a seat,” Ann Lie said, and Tom Baker "
        "replied. “Do not forget me, I have known her since school.”",
        pick="direct",
        speakers=("Ann Lie", "Tom Baker"),
    ),
    Case(
        "mention-before/noun-phrase",
        "Tom Baker spoke first. “The port is no longer a port,” he claimed.\n\n"
        "“The port will always be a port,” an angry Ann Lie retaliated.",
        pick="direct",
        speakers=("Tom Baker", "Ann Lie"),
    ),
    Case(
        "pronoun/last-org",
        "The Harbour Trust said on Monday that the pier would close for a year.\n\nThe decision "
        "follows two polls. They said the closure was overdue.",
        check=_they_is_not_a_plural_of_documents_or_figures,
    ),
    Case(
        "mention-before/noun-phrase",
        "The film shows the mayor saying on Monday, “That makes me careful,” "
        "when Ann Lie criticised him for the delay.",
        pick="direct",
        count=1,
        check=_a_clause_opened_by_when_after_a_quote_is_not_its_attribution,
    ),
    Case(
        "subject/clause-opens",
        "With Labour leaders increasingly anxious about turnout, Mayor Ann Lie is rolling out "
        'a new and more personal message: "It is about me."',
        pick="direct",
        speakers=("Ann Lie",),
    ),
    Case(
        "pronoun/clause-subject",
        "President Okafor spent the morning at the harbour. After World War II the port "
        "was rebuilt by Ann Lie and Tom Baker.\n\n"
        "Mr. Okafor toured the docks on Friday.\n\n"
        "“The port will reopen in May,” he said.",
        pick="direct",
        count=1,
        speakers=("Okafor",),
    ),
    Case(
        "pronoun/last-person",
        "Cruz Hints Rival Would Get Border Wall Contract\nThomas Lee\n\n"
        "The Wisconsin Republican toured the Western Pacific after World War II memorials "
        "were restored.\n\n"
        "“We will build the wall,” he said.",
        pick="direct",
        count=1,
        speakers=("Thomas Lee",),
    ),
    Case(
        "pronoun/clause-subject",
        "Among Democrats Mary Lind drew the largest crowd on Monday.\n\n"
        "“We are ready for the caucus,” she said.",
        pick="direct",
        speakers=("Mary Lind",),
    ),
    Case(
        "pronoun/clause-subject",
        "Deirdre Moe chairs the board. Terence Lind presented the budget.\n\n"
        "“We will balance the books by June,” she said.",
        pick="direct",
        speakers=("Deirdre Moe",),
    ),
    Case(
        "pronoun/clause-subject",
        "CNN President Jeffrey Zane spoke on Thursday with Ann Lie.\n\n"
        "“We do not pay candidates to appear,” he said.",
        pick="direct",
        speakers=("Jeffrey Zane",),
    ),
    Case(
        "pronoun/clause-subject",
        "Senator Tom Baker opposed the bill. “It will not pass,” said 9/11 widow Terry "
        "Strand.\n\nShe continued, “We are asking for justice.”",
        pick="direct",
        speakers=("Terry Strand", "Terry Strand"),
    ),
    Case(
        "pronoun/clause-subject",
        "Marcel Lazar hacked the accounts. Gabriela Lazar, his wife, ran the house. Judge "
        "Thomas Ellis heard the case. Lazar confessed.\n\n"
        "“I would do it differently,” he said.",
        pick="direct",
        speakers=("Marcel Lazar",),
    ),
    Case(
        "pronoun/clause-subject",
        "Michelle Okafor opened the school on Monday. Mr. Okafor spoke after her.\n\n"
        "“This is a great day for the town,” he said.",
        pick="direct",
        count=1,
        speakers=("Okafor",),
    ),
    Case(
        "mention-before/noun-phrase",
        "Sen. Ann Lie opposed the bill on Monday. Vice President Tom Baker and World Bank "
        "President Ed Moe disagreed.\n\n“It will not pass,” the senator said. “We have the "
        "votes,” the president said.",
        pick="direct",
        speakers=("Ann Lie", "the president"),
    ),
    Case("none", "Both states have yet to publish their budgets for next year.", count=0),
    Case("none", "Several comments were removed from the page after the vote.", count=0),
    Case(
        "mention-before/passive",
        "Ticket prices were said to have risen again in the spring.",
        count=0,
    ),
    Case(
        "mention-after/role-then-name",
        "“The inquiry must go on,” said 9/11 widow Ann Lie.",
        pick="direct",
        speakers=("Ann Lie",),
        roles=("9/11 widow",),
    ),
    Case(
        "mention-after/name",
        "“The inquiry must go on,” state Sen. Ann Lie said.",
        pick="direct",
        speakers=("Ann Lie",),
        roles=("Sen.",),
    ),
    Case(
        "mention-before/role-then-name",
        "“The inquiry must go on,” the mayor's niece, state Sen. Ann Lie, said.",
        pick="direct",
        speakers=("Ann Lie",),
        roles=("the mayor's niece",),
    ),
    Case(
        "mention-after/name",
        unicodedata.normalize("NFD", "“We will stay,” said José Müller."),
        pick="direct",
        check=_decomposed_accents,
    ),
    Case(
        "mention-before/noun-phrase",
        (
            "Ministers met on Friday.\n\n“Europe must defend itself,” French President "
            "Fran\u00c3\u0083\u00c2\u00a7ois Lenoir said Friday. “We are ready,” he added."
        ),
        pick="direct",
        check=_mis_decoded_letters,
    ),
    Case(
        "mention-after/name-after-role",
        "“We are ready,” said Ohio delegate Ann Lie.",
        pick="direct",
        first_speaker="Ann Lie",
        first_role="Ohio delegate",
    ),
    Case(
        "mention-after/name-after-role",
        "“We are ready,” said Clinton’s top foreign policy aide Ann Lie.",
        pick="direct",
        first_speaker="Ann Lie",
        first_role="Clinton’s top foreign policy aide",
    ),
    Case(
        "mention-after/name-after-role",
        "“We are ready,” said Democratic pollster Ann Lie, who ran the survey.",
        pick="direct",
        first_speaker="Ann Lie",
        first_role="Democratic pollster",
    ),
    Case(
        "mention-after/name",
        "“We will vote no,” said Del. Ann Lie.",
        pick="direct",
        count=1,
        speakers=("Ann Lie",),
        roles=("Del.",),
    ),
    Case(
        "mention-after/name",
        "“It is a fine film,” said Guillermo del Toro.",
        pick="direct",
        count=1,
        speakers=("Guillermo del Toro",),
    ),
    Case(
        "mention-after/name",
        '"Rents are too high," says Ann Lie, 32, of Leeds.',
        pick="direct",
        count=1,
        speakers=("Ann Lie",),
        roles=(None,),
    ),
    Case(
        "mention-before/stacked-appositives",
        'Ann Lie, 32, a teacher in Leeds, said: "Rents are too high."',
        pick="direct",
        count=1,
        speakers=("Ann Lie",),
        roles=("a teacher in Leeds",),
    ),
    Case(
        "mention-after/name",
        "“The plan works,” said Mr. Tom Baker.",
        pick="direct",
        count=1,
        speakers=("Tom Baker",),
        roles=(None,),
    ),
    Case(
        "mention-after/name",
        "“The plan works,” said Tom Baker, reacting to the vote.",
        pick="direct",
        count=1,
        speakers=("Tom Baker",),
        roles=(None,),
    ),
    Case(
        "mention-before/noun-phrase",
        "“The plan works,” Tom Baker said in a statement.",
        pick="direct",
        count=1,
        speakers=("Tom Baker",),
        roles=(None,),
    ),
    Case(
        "mention-after/name",
        "“The plan works,” said Sen. Tom Baker.",
        pick="direct",
        count=1,
        speakers=("Tom Baker",),
        roles=("Sen.",),
    ),
    Case(
        "mention-after/name",
        "“The plan works,” said Tom Baker, a spokesman for the council.",
        pick="direct",
        count=1,
        speakers=("Tom Baker",),
        roles=("a spokesman for the council",),
    ),
    Case(
        "pronoun/plural-group",
        "The Harbour Trust said on Monday that the pier would close for a year. Local fishermen were furious. They said the season was ruined.",
        last_speaker="Local fishermen",
    ),
    Case(
        "pronoun/plural-group",
        "The Harbour Trust said on Monday that the pier would close for a year.\n\nThe decision angered local fishermen. They said it was a blow.",
        last_speaker="local fishermen",
    ),
    Case(
        "pronoun/last-org",
        "The Harbour Trust said on Monday that the pier would close for a year. They said the closure was overdue.",
        last_speaker="Harbour Trust",
    ),
]


def _case_id(case: Case) -> str:
    short = " ".join(case.text.split())
    return f"{case.rule}: {short[:48]}"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(case) for case in CASES])
def test_case(case: Case) -> None:
    found = _PICK[case.pick](case.text)
    fired = rules_fired(case.text, found)
    if case.rule == "none":
        assert not fired
    else:
        assert case.rule in fired
    if case.count is not None:
        assert len(found) == case.count
    if case.texts is not None:
        assert tuple(q.text for q in found) == case.texts
    if case.speakers is not None:
        assert tuple(q.speaker for q in found) == case.speakers
    if case.quote_types is not None:
        assert tuple(q.quote_type for q in found) == case.quote_types
    if case.roles is not None:
        assert tuple(q.role for q in found) == case.roles
    if case.speaker_spans is not None:
        assert (
            tuple(case.text[q.speaker_start : q.speaker_end] for q in found) == case.speaker_spans
        )
    if case.cues is not None:
        assert tuple(None if q.cue is None else q.cue["text"] for q in found) == case.cues
    if case.first_speaker is not None:
        assert found[0].speaker == case.first_speaker
    if case.first_role is not None:
        assert found[0].role == case.first_role
    if case.last_speaker is not None:
        assert found[-1].speaker == case.last_speaker
    if case.check is not None:
        case.check(case.text, found)


# The families of the finder's tables: the engine's (quote/, indirect/ for the suggestion made),
# the cue finder's (cue-after/, cue-before/, subject/, indirect/), the speaker finder's
# (mention-after/, mention-before/, np/, pronoun/) and the quotation vetoes (veto/).
FAMILIES = frozenset(
    {
        "cue-after",
        "cue-before",
        "indirect",
        "mention-after",
        "mention-before",
        "none",
        "np",
        "pronoun",
        "quote",
        "subject",
        "veto",
    }
)


def test_cases_group_by_rule_family(capsys: pytest.CaptureFixture[str]) -> None:
    families: dict[str, list[Case]] = defaultdict(list)
    for case in CASES:
        families[case.rule.split("/")[0]].append(case)
    assert set(families) <= FAMILIES
    assert sum(len(cases) for cases in families.values()) == len(CASES)
    assert all(case.rule == "none" or "/" in case.rule for case in CASES)
    assert capsys.readouterr() == ("", "")


def test_a_word_opening_the_sentence_is_not_part_of_a_name():
    from workbench.suggest.finder.speakers import Registry

    text = "Entrusting Paul Greer with the budget was a mistake. Like Ana Ruiz, he resigned."
    people = set(Registry(text, []).people)
    assert "Paul Greer" in people
    assert "Ana Ruiz" in people
    assert not any(name.startswith(("Entrusting", "Like")) for name in people)


def test_the_first_names_list_is_loaded_and_leaves_common_words_out():
    from workbench.suggest.finder import lexicon
    from workbench.suggest.finder.lexicon import FEMALE_NAMES, MALE_NAMES

    assert len(MALE_NAMES) > 1000 and len(FEMALE_NAMES) > 3000
    assert not MALE_NAMES & FEMALE_NAMES
    census = lexicon._CENSUS_MALE | lexicon._CENSUS_FEMALE
    assert {"terence", "deirdre"} <= census
    assert not {"will", "may", "mark", "grace", "hope", "june"} & census
