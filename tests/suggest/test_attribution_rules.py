from __future__ import annotations

import pytest

from workbench.suggest.finder.engine import suggest


def direct_quotes(text: str) -> list:
    return [s for s in suggest(text, claims=0) if s.quote_type == "direct"]


def test_split_quote_with_a_second_cue_stays_two_quotes():
    text = (
        "“The bridge will reopen in May,” the engineer said, adding, "
        "“We have found no further cracks in the deck.”"
    )
    found = direct_quotes(text)
    assert [q.text for q in found] == [
        "“The bridge will reopen in May,”",
        "“We have found no further cracks in the deck.”",
    ]


def test_consecutive_sentences_each_with_a_cue_stay_two_quotes():
    text = (
        "“The rent has doubled in two years,” Nora Blake said. "
        "“Half of the shops on this street have closed,” she said."
    )
    found = direct_quotes(text)
    assert len(found) == 2
    assert found[1].text == "“Half of the shops on this street have closed,”"


def test_split_quote_around_one_cue_is_one_quote():
    text = "“The vote was close,” said Paul Greer, “but the council has made its choice.”"
    (quote,) = direct_quotes(text)
    assert quote.end == len(text)
    assert quote.speaker == "Paul Greer"


def test_document_that_reads_after_a_quote_is_the_source():
    text = (
        "The council published its reply on Friday.\n\n"
        "“The district will not close any library branch this year,” the letter reads."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end].endswith("letter")


def test_inverted_cue_before_a_quote():
    text = (
        "The schedule favours large states, explained Ruth Okafor, "
        "“because the early contests decide who raises money.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ruth Okafor"


def test_participle_after_indirect_speech_is_a_second_remark():
    text = (
        "Mayor Dana Whitfield said the budget would be balanced by June, "
        "adding that no library would close."
    )
    found = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert [q.text for q in found] == [
        "the budget would be balanced by June",
        "that no library would close",
    ]
    assert {q.speaker for q in found} == {"Dana Whitfield"}


def test_participle_takes_the_sentence_subject_as_speaker():
    text = "Senator Ellen Marsh voted against the bill on Tuesday, saying it would raise rents."
    found = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert [(q.text, q.speaker) for q in found] == [("it would raise rents", "Ellen Marsh")]


def test_quote_after_an_indirect_attribution_continues_its_speaker():
    text = (
        "Harriet Olsen said the ferry timetable would change in spring.\n\n"
        "“We cannot run the late crossing with only two crews on the rota.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Harriet Olsen"
    assert quote.cue is None


def test_nearest_earlier_attribution_wins_over_an_older_quote():
    text = (
        "“The dam is safe for another decade,” said Colm Ready.\n\n"
        "Priya Nandakumar, who chairs the flood board, disagreed with that view.\n\n"
        "Priya Nandakumar said the survey was out of date.\n\n"
        "“Nobody has inspected the spillway since the winter storms began.”"
    )
    found = direct_quotes(text)
    assert found[-1].speaker == "Priya Nandakumar"


def test_cue_closing_the_sentence_a_quote_opens():
    text = (
        "The district expects a deficit.\n\n"
        "“A deficit of this size was never expected” before the audit, "
        "said Tomas Lindqvist, the district treasurer."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Tomas Lindqvist"


def test_headline_list_names_the_speaker_after_the_dash():
    text = (
        "Here is what the analysts wrote this week.\n\n"
        "TURNOUT IN THE VALLEY WAS HIGHER THAN EXPECTED - Maria Lopez: "
        "“The electorate grew by a third over four years, and the growth was mostly young.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Maria Lopez"


def test_a_weekday_after_the_verb_is_not_the_speaker():
    text = "“The talks will resume next week after the holiday,” said Wednesday."
    found = direct_quotes(text)
    assert all(q.speaker != "Wednesday" for q in found)


def quotes_of(text: str) -> list:
    return [s for s in suggest(text, claims=0) if s.kind == "quote"]


def test_role_words_before_the_speaker_of_indirect_speech():
    text = "Former harbour master Ingrid Sole said the breakwater had not been repaired since 2009."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ingrid Sole"
    assert quote.text == "the breakwater had not been repaired since 2009"


def test_a_subordinate_clause_before_the_speaker_is_not_a_role():
    text = "When the ferry was late Captain Ruiz said nothing to the waiting passengers at all."
    assert quotes_of(text) == []


def test_cue_after_a_partial_quote_ending_the_content():
    text = "The county would have to “raise the levy by a fifth,” Okonkwo said."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Okonkwo"
    assert quote.quote_type == "mixed"


def test_adverbial_and_dateline_before_a_role_and_speaker():
    text = (
        "Last week, county spokeswoman Lena Moritz said the bridge would reopen in May.\n\n"
        "OSLO (Wire) – Shipping executive Arne Dahl said freight rates had doubled since June."
    )
    found = quotes_of(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("Lena Moritz", "the bridge would reopen in May"),
        ("Arne Dahl", "freight rates had doubled since June"),
    ]


def test_inverted_cue_after_a_partial_quote_with_the_comma_inside():
    text = "The mill will close “by the end of the season,” said Piet Maas, the union secretary."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Piet Maas"
    assert quote.text == "The mill will close “by the end of the season"


def test_second_remark_after_a_direct_quote_and_its_cue():
    text = (
        "“We will appeal the ruling,” Mayor Ada Quist said in a statement on Monday, "
        "noting that the city had already spent two million on the case."
    )
    found = quotes_of(text)
    assert [(q.quote_type, q.speaker) for q in found] == [
        ("direct", "Ada Quist"),
        ("indirect", "Ada Quist"),
    ]
    assert found[1].text == "that the city had already spent two million on the case"


def test_called_for_and_pointed_to_are_cues_for_indirect_speech():
    text = (
        "Senator Mira Holt called for a public inquiry into the contract.\n\n"
        "Governor Sam Adeyemi pointed to the rising cost of borrowing since March."
    )
    found = quotes_of(text)
    assert [(q.speaker, q.cue["text"], q.text) for q in found] == [
        ("Mira Holt", "called for", "a public inquiry into the contract"),
        ("Sam Adeyemi", "pointed to", "the rising cost of borrowing since March"),
    ]


def test_dateline_then_role_and_speaker():
    text = "KIRKWALL, May 4 (Wire) — Former harbour master Ingrid Sole told reporters the pier was unsafe."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ingrid Sole"


def test_according_to_mid_sentence_attributes_the_clause_after_it():
    text = (
        "In addition, according to the transport board, nine more stations will close "
        "before the end of the year."
    )
    (quote,) = quotes_of(text)
    assert quote.text == "nine more stations will close before the end of the year"
    assert text[quote.speaker_start : quote.speaker_end] == "the transport board"


def test_according_to_a_long_source_phrase():
    text = (
        "According to early returns from the coastal precincts, turnout fell by a tenth "
        "compared with the last election."
    )
    (quote,) = quotes_of(text)
    assert text[quote.speaker_start : quote.speaker_end] == (
        "early returns from the coastal precincts"
    )
    assert quote.text.startswith("turnout fell")


def test_calling_something_a_quoted_name_is_a_remark():
    text = "Senator Ruth Calder called the tariff plan “a tax on every kitchen table.”"
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ruth Calder"
    assert quote.quote_type == "mixed"
    assert quote.text.startswith("the tariff plan")


def test_called_without_a_quotation_is_not_a_cue():
    text = "The ferry company called a meeting of all its shareholders for the spring."
    assert quotes_of(text) == []


def test_unlisted_past_tense_verb_after_a_quote_is_its_cue():
    text = (
        "Nadia Brandt runs the food bank.\n\n"
        "“We will need twice as many volunteers by December,” Brandt surmised."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Nadia Brandt"
    assert quote.cue["text"] == "surmised"


def test_past_tense_verb_after_a_quote_ending_a_sentence_is_not_a_cue():
    text = (
        "Nadia Brandt runs the food bank.\n\n"
        "“We will need twice as many volunteers by December.” Brandt surmised nothing more."
    )
    found = direct_quotes(text)
    assert all(q.cue is None or q.cue["text"] != "surmised" for q in found)


def test_as_someone_put_it_introduces_a_quote():
    text = (
        "The harbour has lost half its trawlers.\n\n"
        "As Elsa Brandvik, who chairs the fishermen’s guild, put it, "
        "“Nobody young wants to go to sea any more.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Elsa Brandvik"


def test_put_it_is_not_a_cue_for_indirect_speech():
    text = "Jonas Ek put it in the drawer with the other letters from the council."
    assert quotes_of(text) == []


def test_speaker_before_several_appositives():
    text = (
        "“The queue started at dawn,” Tove Lind, 44, of Bergen, who was among the first "
        "in line, said on Saturday."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Tove Lind"
    assert quote.role == "of Bergen, who was among the first in line"  # the age is not a role


def test_second_verb_of_the_subject_after_and():
    text = (
        "Mayor Lena Fisk on Monday defended the new parking fees and said they would "
        "pay for two more buses."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Lena Fisk"
    assert quote.text == "they would pay for two more buses"


def test_subject_without_a_determiner_reports_indirect_speech():
    text = "Other shopkeepers said the new tram line had halved their trade."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Other shopkeepers"
    assert quote.text == "the new tram line had halved their trade"


def test_share_of_a_poll_reports_indirect_speech():
    text = "Two in three said they would take the ferry if the fares came down."
    (quote,) = quotes_of(text)
    assert text[quote.speaker_start : quote.speaker_end] == "Two in three"
    text = "Forty percent of those surveyed say they cycle to work at least once a week."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Forty percent of those surveyed"


def test_bare_subject_needs_a_verb_not_a_noun():
    assert quotes_of("Both states have yet to publish their budgets for next year.") == []
    assert quotes_of("Several comments were removed from the page after the vote.") == []
    assert quotes_of("Ticket prices were said to have risen again in the spring.") == []


def test_speech_in_a_relative_clause_names_the_antecedent():
    text = (
        "The vote was delayed by Ada Holm, who says the old pier is no longer safe, "
        "and two other councillors."
    )
    (quote,) = quotes_of(text)
    assert quote.text == "the old pier is no longer safe"
    assert quote.speaker == "Ada Holm"
    assert text[quote.speaker_start : quote.speaker_end] == "who"


def test_relative_clause_beside_the_main_attribution():
    text = (
        "Ada Holm, who has argued that the pier is unsafe, told reporters that repairs "
        "would cost too much."
    )
    found = quotes_of(text)
    assert [q.text for q in found] == [
        "that the pier is unsafe",
        "that repairs would cost too much",
    ]
    assert {q.speaker for q in found} == {"Ada Holm"}


def test_speaker_with_a_party_in_parentheses_before_an_appositive():
    text = "Rep. Ann Cole (D-Ore.), who chairs the harbour panel, said she backs the plan."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ann Cole"
    assert quote.text == "she backs the plan"


def test_an_aside_between_commas_is_not_an_appositive():
    text = "Local harbour officials, however, said the bridge would stay shut until May."
    (quote,) = quotes_of(text)
    assert text[quote.speaker_start : quote.speaker_end] == "Local harbour officials"
    text = "Backers of the new toll, for their part, say it would pay for the repairs."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Backers of the new toll"


def test_participle_remark_takes_the_subject_after_a_leading_adverbial():
    text = (
        "At a town hall in Tromsø, Norway, on Friday, Mayor Kari Dahl defended the budget, "
        "saying that the ferry subsidy would stay."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Kari Dahl"
    assert quote.text == "that the ferry subsidy would stay"


def test_participle_remark_after_an_object_is_the_subjects():
    text = "Ivar Lunde has often attacked the port authority, calling its managers lazy and vain."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ivar Lunde"


def test_participle_right_after_the_subject():
    text = "Ms. Aune, recalling her years on the council, described the vote as a turning point."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Aune"
    assert quote.text.startswith("her years on the council")


def test_capitalised_states_and_note_are_not_cues():
    text = (
        "The United States stepped up pressure on the shipyard on Saturday, with port "
        "officials vowing to keep the docks open."
    )
    assert all(q.speaker != "the United" for q in quotes_of(text))
    assert all(q.cue["text"] != "States" for q in quotes_of(text))
    text = "Editor’s Note: An earlier version of this story misstated the ferry’s route."
    assert quotes_of(text) == []


def test_participle_cue_before_a_quote_takes_the_clause_subject_not_a_time_phrase():
    text = (
        "Hours later, Mayor Per Vik thanked the crew at the pier, telling reporters, "
        "“They worked through the night.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Per Vik"


def test_a_time_phrase_opening_the_sentence_is_not_the_subject_of_and_said():
    text = (
        "Eight years ago, she backed the ferry plan over the bridge and said, "
        "“The bridge will never pay for itself.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "she"


def test_subject_with_of_inside_a_title():
    text = (
        "Former Minister of Fisheries Eli Sand recently urged voters to back the plan, "
        "saying, “The quotas have saved the cod.”"
    )
    (quote,) = direct_quotes(text)
    assert "Eli Sand" in quote.speaker


def test_comma_after_a_party_in_parentheses_before_said():
    text = "After the count, Gov. Ann Lie (R-OH), said, “We are going all the way to the port.”"
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ann Lie"


def test_title_of_a_show_after_told_is_not_a_quote():
    text = "But she told NRK’s “Morning Harbour Hour” that the ferry deal was not finished."
    assert direct_quotes(text) == []
    text = "The mayor said, according to his memoir “The Long Pier,” that he never lost a vote."
    assert direct_quotes(text) == []


def test_title_case_quote_after_a_colon_is_still_a_quote():
    text = "The mayor told the crowd: “We Will Rebuild This Pier.”"
    (quote,) = direct_quotes(text)
    assert quote.speaker == "mayor" or "mayor" in quote.speaker


def test_headline_followed_by_a_byline_is_not_a_quote():
    text = (
        "CLOSING—“The old ferry café will shut its doors at the end of May,” by the Courier’s "
        "Ann Berg: The café opened in 1962."
    )
    assert direct_quotes(text) == []


def test_second_speaker_after_a_conjunction():
    text = "Ola Berg said the pier is safe, but the harbour office said it needs repairs soon."
    found = quotes_of(text)
    assert [q.text for q in found] == ["the pier is safe", "it needs repairs soon"]
    assert found[0].speaker == "Ola Berg"
    assert text[found[1].speaker_start : found[1].speaker_end] == "the harbour office"


def test_conjunction_without_a_new_speaker_keeps_one_attribution():
    text = "Ola Berg said the pier is safe, but the ferry will still stop there only twice a day."
    (quote,) = quotes_of(text)
    assert quote.text.endswith("twice a day")


def test_second_remark_of_a_pronoun_after_and():
    text = "Ola Berg said the pier was safe and she said the ferry would keep its timetable."
    found = quotes_of(text)
    assert [q.text for q in found] == ["the pier was safe", "the ferry would keep its timetable"]


def test_indirect_speech_before_a_quotation_with_its_own_cue():
    text = (
        "Ola Berg said the new harbour fees were fair to every boat owner, "
        "which she called “a bargain for the whole town.”"
    )
    found = quotes_of(text)
    assert [q.quote_type for q in found] == ["indirect", "direct"]
    assert found[0].speaker == "Ola Berg"
    assert found[0].text.startswith("the new harbour fees were fair")


def test_question_put_to_the_speaker_is_an_attribution_without_a_speaker():
    text = "Asked whether the ferry would run on Sunday, Ola Berg said she could not promise it."
    found = quotes_of(text)
    assert [q.text for q in found] == [
        "whether the ferry would run on Sunday",
        "she could not promise it",
    ]
    assert found[0].speaker is None
    assert found[0].cue["text"] == "Asked"


def test_question_asked_by_someone_names_them():
    text = "Asked by reporters about the closing of the pier, Berg said, “We will see in May.”"
    found = quotes_of(text)
    assert found[0].text == "the closing of the pier"
    assert found[0].speaker == "reporters"


def test_content_then_a_speaker_with_lowercase_modifiers():
    text = "The new toll has hurt the ferry among commuters, local harbour experts said."
    (quote,) = quotes_of(text)
    assert quote.text == "The new toll has hurt the ferry among commuters"
    assert quote.speaker.endswith("experts")


def test_speech_in_a_subordinate_clause_opening_the_sentence():
    text = (
        "While Ann Lie said the old pier was unsafe for lorries, "
        "she said there was no money to fix it."
    )
    found = quotes_of(text)
    assert [q.text for q in found] == [
        "the old pier was unsafe for lorries",
        "there was no money to fix it",
    ]
    assert found[0].speaker == "Ann Lie"


def test_speech_in_a_subordinate_clause_after_a_comma():
    text = "The ferry may never be as fast as the bus, although its owners say the new engines will help."
    (quote,) = quotes_of(text)
    assert quote.text == "the new engines will help"
    assert text[quote.speaker_start : quote.speaker_end] == "its owners"


def test_inverted_speaker_with_a_lowercase_noun_not_in_the_lexicon():
    text = (
        "The vote was close. “It was not a convincing case at all,” said one councillor "
        "familiar with the talks."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "one councillor"


def test_inverted_lowercase_noun_that_names_no_one():
    text = (
        "The vote was close, said the fundamental argument of the harbour office, which few read."
    )
    assert all(q.speaker != "the fundamental argument" for q in quotes_of(text))


def test_the_listener_after_told_is_not_the_speaker():
    text = "The talks went on. Ola Berg later Thursday told Harbour Radio: “We will get there.”"
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ola Berg"


def test_name_after_an_unparsed_role_between_commas():
    text = (
        "The talks went on. “We will get there in the end,” the mayor’s chief of staff, "
        "Joe Kasper, told Harbour Radio."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Joe Kasper"


def test_share_after_and_reports_indirect_speech():
    text = (
        "By two to one, commuters see the fees as a problem, and three-fourths say "
        "the council should drop them."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "three-fourths"
    assert quote.text == "the council should drop them"


def test_short_quotation_inside_a_clause_is_a_scare_quote():
    text = (
        "The main splits, according to the survey, include age (Berg leads by nine points "
        "among “very young” voters, while Lie leads among older ones)."
    )
    assert direct_quotes(text) == []


def test_short_quotation_after_a_cue_verb_stays_a_quote():
    text = "Fishermen marching to the quay chanted “What quota now?” and kept going until dawn."
    (quote,) = direct_quotes(text)
    assert quote.text == "“What quota now?”"


def test_title_after_a_word_that_introduces_a_work():
    text = "Ola Berg said in her 2012 memoir, “A Harbour of My Own,” that she never left Bergen."
    assert direct_quotes(text) == []
    text = "Comedians said they were staging a popular play called “Los Hijos de la Costa” in May."
    assert direct_quotes(text) == []


def test_second_speech_verb_of_the_same_speaker_after_but():
    text = (
        "Ola Berg admitted the toll was high, but noted the ferry would stay cheaper than the bus."
    )
    found = quotes_of(text)
    assert [q.text for q in found] == [
        "the toll was high",
        "the ferry would stay cheaper than the bus",
    ]
    assert {q.speaker for q in found} == {"Ola Berg"}
    assert found[1].cue["text"] == "noted"


def test_participle_remark_takes_a_leading_noun_phrase_as_subject():
    text = (
        "A spokeswoman for the ferry company also declined to comment, saying that nobody "
        "involved still works there."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "A spokeswoman for the ferry company"
    text = (
        "Fishermen, who hold most seats on the board, have blocked the toll, saying it "
        "would drive boats away."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Fishermen"


def test_according_to_a_source_phrase_over_fifteen_tokens():
    text = (
        "According to early results of the exit polls conducted for the local paper and two "
        "radio stations by a firm in Bergen, most voters want the ferry to keep running."
    )
    (quote,) = quotes_of(text)
    assert quote.text == "most voters want the ferry to keep running"
    assert quote.speaker.startswith("early results of the exit polls")


def test_adverb_between_speaker_and_verb():
    text = (
        "After the story broke, Ola Berg emphatically proclaimed at a press conference, "
        "“I did not send any letter to anyone at the port.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ola Berg"
    text = "Supporters at the rally said the toll had to go."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Supporters at the rally"  # "rally" is a noun, not an adverb


def test_subordinate_clause_with_a_role_before_the_speaker():
    text = (
        "The toll became urgent after the debate, when the harbour chief Ola Berg boldly "
        "suggested that the ferry company pays nothing for the quay."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ola Berg"
    assert quote.text.startswith("that the ferry company pays nothing")


def test_calling_with_a_label_far_after_the_verb():
    text = (
        "In April, Ola Berg called the company’s plans to open a second quay in the north "
        "harbour “an absolute disgrace” and threatened a new toll."
    )
    (quote,) = quotes_of(text)
    assert quote.quote_type == "mixed"
    assert quote.speaker == "Ola Berg"
    assert quote.text.startswith("the company’s plans")


def test_speech_in_a_which_clause_names_the_organisation():
    text = (
        "The plan was backed by the harbour committee, which said the quay would be finished "
        "by May, and by two unions."
    )
    (quote,) = quotes_of(text)
    assert quote.text == "the quay would be finished by May"
    assert text[quote.speaker_start : quote.speaker_end] == "which"
    assert "committee" in quote.speaker


def test_abbreviations_in_a_role_do_not_end_the_cue_after_a_quote():
    text = (
        "“The levy will not rise again before the election,” Rep. Nell Varga (D-Ore.) said.\n\n"
        "“Our members were never consulted about the closure,” Otto Brandt, 58, a "
        "retired welder in Scranton, Pa., said on Friday."
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Nell Varga", "Otto Brandt"]


def test_a_cue_opening_the_next_sentence_is_not_the_quotes_own():
    text = (
        "“The timetable is final,” said Ilse Moreau, the ferry operator.\n\n"
        "“We have carried more passengers this year than ever before.” Jonas Pell added "
        "that the crossing would close in winter."
    )
    found = direct_quotes(text)
    assert found[-1].text.endswith("than ever before.”")
    assert [q.speaker for q in found] == ["Ilse Moreau"] * len(found)


def test_a_participle_after_a_cue_takes_that_cues_speaker():
    text = (
        "Nadia Kerr and Tom Bryce will meet again next week, Ruth Abara said, adding, "
        "“They need to agree on the rota before the winter timetable starts.”\n\n"
        "To wit, Mayor Obi Lenz told the council the depot was “a costly mistake,” adding, "
        "“We should never have signed that lease in the first place.”"
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Ruth Abara", "Obi Lenz"]


def test_a_reporting_noun_is_not_an_earlier_cue():
    text = (
        "Senator Ivo Marsh brushed aside Ms. Pardo's remark, asserting, "
        "“Of course the depot pays its rates like every other business.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ivo Marsh"


def test_described_sources_after_a_quote():
    text = (
        "“The ferry should never have been sold off,” said the 58-year-old.\n\n"
        "“Nobody on the island was asked about the sale,” said one person close to the talks.\n\n"
        "“Vote for the harbour levy on Thursday and keep the ferry running,” the leaflet's "
        "note says.\n\n"
        "“We have lost the winter crossing for good this time,” said a 2019 Lind campaign aide."
    )
    found = direct_quotes(text)
    assert [text[q.speaker_start : q.speaker_end] for q in found] == [
        "the 58-year-old",
        "one person",
        "the leaflet's note",
        "a 2019 Lind campaign aide",
    ]


def test_two_word_cues_after_a_quote():
    text = (
        "“You have never once taken the night ferry,” Ida Marr shot back.\n\n"
        "“And the timetable has not changed since the spring of last year,” she went on."
    )
    found = direct_quotes(text)
    assert [(q.speaker, q.cue["text"]) for q in found] == [
        ("Ida Marr", "shot back"),
        ("Ida Marr", "went on"),
    ]


def test_a_clause_after_a_quote_led_by_a_conjunction_is_not_its_cue():
    text = (
        "Governor Lena Roth came close to an admission on Friday, saying, "
        "“We never claimed that the tunnel would open on time,” but the minister denied "
        "that the budget had doubled."
    )
    found = direct_quotes(text)
    assert found[0].speaker == "Lena Roth"


def test_a_capitalised_adverb_opening_the_sentence_is_not_the_speaker():
    text = (
        "Back in 2009, Mr. Falk expressed admiration for the mayor's budget skills, telling "
        "the paper: “I wish I could be like that. I just can't.”\n\n"
        "Ever since she endorsed the mayor, Ms. Varga has been a loyal ally, visiting the "
        "office with a simple message: “Don't lose this one for us, please!”"
    )
    found = direct_quotes(text)
    assert [text[q.speaker_start : q.speaker_end] for q in found] == ["Mr. Falk", "Ms. Varga"]


def test_nouns_that_look_like_reporting_verbs_are_not_cues():
    text = (
        "Edvin Holm told the paper in a written statement, “The depot was a bargain and the "
        "council knows it.”\n\n"
        "Mayor Alma Reyes defended the decision on Monday. “If there had not been that "
        "closure” by the United States Army, Reyes said at a meeting, “we would be looking "
        "at a far worse winter.”"
    )
    found = direct_quotes(text)
    assert found[0].speaker == "Edvin Holm"
    assert {q.speaker for q in found} == {"Edvin Holm", "Alma Reyes"}


def test_a_participle_right_after_a_quote_is_not_an_inverted_cue():
    text = (
        "Ola Brink said the members would keep meeting, but said, “It is time we changed "
        "how we do it,” promising the Friends of the Pier a return to its roots."
    )
    found = direct_quotes(text)
    assert found[0].speaker == "Ola Brink"


def test_a_cue_followed_by_its_own_quotation_belongs_to_that_one():
    text = (
        "Tove Lind answered Pia Moen with, “Why now? That was on my way to Oslo?” "
        "Moen then writes back, “You look well.”"
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Tove Lind", "Pia Moen"]


def test_a_described_source_after_even():
    text = (
        "Alongside the union's calls, even a senior party strategist said the mayor must "
        "choose, saying, “At some point she is going to have to come out on where she stands.”"
    )
    found = direct_quotes(text)
    assert text[found[0].speaker_start : found[0].speaker_end] == "a senior party strategist"


def test_a_verb_with_its_own_object_after_a_finished_quote_is_not_its_cue():
    text = (
        "“The timetable is final,” said Ilse Moreau, the ferry operator.\n\n"
        "“We have never sold a single ticket at a loss.” Jonas Pell mentioned a long list "
        "of routes that were cut."
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Ilse Moreau"] * len(found)


def test_a_cue_with_its_own_content_after_a_finished_quote_is_not_its_cue():
    text = (
        "“The harbour dues are too high,” Mayor Ida Roos said. “We will cut them by a third.” "
        "Jon Berg said, twice, that the cut would bankrupt the port.\n\n"
        "As Bishop Anselm Ek told the radio station, “We have suffered the same fate as the "
        "fishermen.” He added, “So the council should have been the first to help.”"
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Ida Roos", "Anselm Ek", "Anselm Ek"]
    assert found[1].cue["text"] == "told"


def test_a_possessive_before_a_reporting_noun_is_not_an_earlier_cue():
    text = (
        "Weaver did not seem impressed with Lund’ comments on Tuesday, telling reporters, "
        "“A lot of people said the governor should step down.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Weaver"


def test_a_long_appositive_between_the_speaker_and_the_verb():
    text = (
        "“Very good reporter, very good reporter this guy,” Arne Solberg, the party's "
        "candidate for governor and current polling leader in the northern counties by a "
        "wide margin after winning the primary, said when the reporter asked him a question."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Arne Solberg"


def test_a_document_put_out_by_the_subject_is_not_the_speaker():
    text = (
        "Ana Lind, who had said little all week, issued a statement Tuesday saying, "
        "“We are confident that the pier will reopen before the summer.”\n\n"
        "Her campaign quickly sent out an email to supporters stating, "
        "“The council has finally listened to the island.”"
    )
    found = direct_quotes(text)
    assert [text[q.speaker_start : q.speaker_end] for q in found] == ["Ana Lind", "Her campaign"]


def test_reads_and_sings_before_a_colon_or_comma_introduce_a_quote():
    text = (
        "The council's own headline reads: “The harbour will stay open through the winter.”\n\n"
        "In her best-known song, Ada Voss sings, “Do not go changing to try and please me.”"
    )
    found = direct_quotes(text)
    assert [text[q.speaker_start : q.speaker_end] for q in found] == [
        "The council's own headline",
        "Ada Voss",
    ]


def test_an_unlisted_past_tense_verb_before_the_speaker_after_a_quote():
    text = "“It is about time we had a woman running this port,” exhorted the actress Ida Holm."
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ida Holm"
    assert quote.role == "actress"


def test_told_a_named_listener_of_an_outlet_introduces_a_quote():
    text = (
        "Mayor Rolf Aas was asked about the ferry when he told Kari Dahl of Radio Nord, "
        "“So the boat is old. The island has a problem with that.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "he"
    assert quote.speaker == "Rolf Aas"


def test_from_a_source_before_a_colon_names_the_source():
    text = (
        "The survey has its critics. From the report: “Samples with more elaborate weighting "
        "produced more accurate results in every region.”\n\n"
        "Turnout was high all along -More from Ann Lie and Bo Berg:\n\n"
        "“Data collected by our firm confirms that both issues were in play this year.”"
    )
    found = direct_quotes(text)
    assert [text[q.speaker_start : q.speaker_end] for q in found] == [
        "the report",
        "Ann Lie and Bo Berg",
    ]


def test_a_name_after_a_dash_before_a_colon_is_the_speaker():
    text = (
        "Pollsters agree - Carl Vik: “One of the biggest lessons was a simple one: keep on "
        "calling voters as late as possible.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Carl Vik"


def test_a_relative_pronoun_before_the_cue_is_the_speaker_mention():
    text = (
        "Among the replies was a post from Rikke Vold who wrote, “The council never pays "
        "attention to the rules it sets for everyone else.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "who"
    assert quote.speaker == "Rikke Vold"


def test_a_described_source_with_a_who_clause_after_a_quote():
    text = (
        "“The inspectors are under a lot of pressure right now,” a harbour official, who was "
        "not authorized to speak on the record, told the paper."
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "a harbour official"


def test_a_possessive_name_opens_a_described_source():
    text = (
        "“My reaction is that this was outrageous,” Lind's former campaign strategist said "
        "on the radio.\n\n"
        "“A town cannot simply close its harbour to the fleet,” said the ruling."
    )
    found = direct_quotes(text)
    assert [text[q.speaker_start : q.speaker_end] for q in found] == [
        "Lind's former campaign strategist",
        "the ruling",
    ]


def test_a_pronoun_opening_the_coordinated_clause_is_the_speaker():
    text = (
        "When Robert Moe, the mayor's campaign manager, was asked whether she would hold a "
        "press conference before Election Day, he laughed and said, “We will see.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "he"
    assert quote.speaker == "Robert Moe"


def test_canonical_names_drop_roles_and_keep_middle_initials():
    text = (
        "Former Secretary of State Hanna Lindqvist spoke first. “We will fight for every "
        "vote in the valley,” she said.\n\n"
        "“The rules of the chamber are clear,” Senate Majority Leader Mats Okafor said.\n\n"
        "Karl J. Brandt arrived late. “It was a great rally for all of us,” he said."
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Hanna Lindqvist", "Mats Okafor", "Karl J. Brandt"]


def test_a_pronoun_resolves_to_the_nearest_earlier_person():
    text = (
        "“The harbour is safe,” said Ole Brun.\n\n"
        "Olav Berg, who runs the ferry from New York to the island, spoke next.\n\n"
        "“We have never lost a crossing in winter,” he said."
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Ole Brun", "Olav Berg"]


def test_a_gendered_title_picks_the_full_name_of_that_gender():
    text = (
        "George W. Lund spoke at the rally with Laura Lund.\n\n"
        "“He will be a great governor for this state,” Mr. Lund said."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "George W. Lund"


def test_the_object_of_a_preposition_before_the_cue_is_not_the_speaker():
    text = (
        "Mayor Ida Lund answered the question on Facebook writing, “Yes, I will. That was a "
        "poor choice of words.”\n\n"
        "Another port source speaking to Radio Nord said, “The inspectors are looking at the "
        "contracts and the fees.”"
    )
    found = direct_quotes(text)
    assert [text[q.speaker_start : q.speaker_end] for q in found] == [
        "Mayor Ida Lund",
        "Another port source",
    ]


def test_the_issuer_of_a_message_after_a_subordinate_clause():
    text = (
        "Even before Lie took the stage on Tuesday night, his campaign sent out a text "
        "message to supporters saying: “With your help, we will win the next one too.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "his campaign"


def test_will_before_a_past_tense_cue_is_a_name():
    text = (
        "The columnist Anna Will returned to the subject on Sunday.\n\n"
        "“The storm is a reminder that the harbour needs a sea wall,” Will wrote."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Anna Will"


def test_the_subject_of_a_passive_cue_is_not_the_speaker():
    text = "Mayor Ida Lund was asked by the harbour board whether the ferry would run in winter."
    assert [q.speaker for q in quotes_of(text)] == []


def test_a_time_phrase_opening_the_sentence_is_not_the_speaker():
    text = (
        "But a few days later, Mayor Ida Lund reversed herself yet again, telling the paper "
        "that the ferry would run all winter."
    )
    found = quotes_of(text)
    assert [q.speaker for q in found] == ["Ida Lund"]


def test_gerunds_and_contractions_opening_a_sentence_are_not_speakers():
    text = (
        "Facing mounting criticism from the council, Mayor Ida Lund released a statement on "
        "Saturday, describing the ferry crew as heroes.\n\n"
        "It’s a long shot, but Lund was in Tromsø on Tuesday, emphasizing the island's "
        "importance to the fleet."
    )
    found = quotes_of(text)
    assert found[0].speaker == "Ida Lund"
    assert all(q.speaker not in {"Facing", "It", "It’s"} for q in found)


def test_a_prepositional_phrase_opening_the_sentence_is_not_the_speaker():
    text = (
        "In a letter to council colleagues released Monday, Lund rips the ferry deal, "
        "arguing that it would hand the harbour to a private owner."
    )
    found = quotes_of(text)
    assert all(not (q.speaker or "").startswith("In a letter") for q in found)


def test_the_issuer_of_a_statement_speaks_the_indirect_speech():
    text = "Mayor Ida Lund issued a statement Tuesday saying the ferry would run all winter."
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ida Lund"
    assert quote.text == "the ferry would run all winter"


def test_an_adverb_opening_the_sentence_is_not_the_speaker():
    text = "Early on Tuesday, calling the deal a disgrace, the mayor left the room."
    assert all(q.speaker != "Early" for q in quotes_of(text))


def test_guards_keep_real_names_that_end_like_places_or_adverbs():
    text = (
        "“The report was thorough and fair to everyone,” Gerald Early said.\n\n"
        "Nancy Day spoke next. “The harbour is safe for another decade,” she said."
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Gerald Early", "Nancy Day"]


def test_adjuncts_between_the_cue_and_the_comma_before_a_quote():
    text = (
        "The port is well placed. As Mia Holt said last week in Tel Aviv, “The harbour is the "
        "centre of the northern fishing trade.”\n\n"
        "The mayor won the support of Ole Brun, who declared in the council chamber, “It is "
        "time for the island to unite behind the plan.”"
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Mia Holt", "Ole Brun"]


def test_an_unlisted_past_tense_verb_right_before_a_quote():
    text = (
        "During their first debate, Ida Lund cracked, “I am a progressive, but I am a "
        "progressive who likes to get things done.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ida Lund"
    assert quote.cue["text"] == "cracked"


def test_a_reporting_noun_inside_the_speakers_appositive_is_not_the_cue():
    text = (
        "“They feel he is the one candidate saying what is on people's minds,” Tor Hagen, the "
        "president of the Nordland state firefighters union, said of his members."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Tor Hagen"


def test_a_described_source_with_a_place_after_it():
    text = "“Will she be the next harbour master?” a council clerk in the room wondered."
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "a council clerk in the room"


def test_but_now_said_takes_the_sentence_subject():
    text = (
        "House Republican Tom Mast used to back the old ferry plan, but now said the council "
        "had “the opportunity and the obligation to bring us together.”\n\n"
        "“I think the mayor can do that, but the biggest unifier we have is the ferry.”"
    )
    found = quotes_of(text)
    assert [q.speaker for q in found] == ["Tom Mast", "Tom Mast"]


def test_a_late_cue_with_a_long_role_or_relative_clause_after_the_speaker():
    text = (
        "Fares went up again.\n\n"
        "“Nobody expected the board to move this fast,” given how slowly it usually works, "
        "said Omar Haddad, who teaches transport economics at the city college in Leeds."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Omar Haddad"
    text = (
        "Fares went up again.\n\n"
        "“Nobody expected the board to move this fast,” given how slowly it usually works, "
        "said Omar Haddad, the senior transport economist at the Northern Rail Users Forum."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Omar Haddad"


def test_a_signature_on_the_line_after_the_quotation():
    text = (
        "Here are the claims we checked.\n\n"
        "“We cut the waiting lists at every hospital in the region.”\n\n"
        "- Greta Lund.\n\n"
        "The lists did shrink, but only at two of the five hospitals."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Greta Lund"
    text = (
        "Voices from the hall.\n\n"
        "“We cut the waiting lists at every hospital in the region.”\n\n"
        "-Greta Lund, speaking after the vote.\n\n"
        "- Lund proposes a new levy to pay for it."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Greta Lund"


def test_a_dash_line_that_goes_on_is_not_a_signature():
    text = (
        "Here are the claims we checked.\n\n"
        "“We cut the waiting lists at every hospital in the region.”\n\n"
        "- Greta Lund proposes a new levy to pay for the extra nurses next year."
    )
    assert all(q.speaker != "Greta Lund" for q in direct_quotes(text))


def test_a_new_sentence_after_a_closed_quotation_does_not_attribute_it():
    text = (
        "Lena Ward asked why the depot had closed, to which Tom Reyes replied: "
        "“It was never profitable.” He said the council would look for a new tenant next spring."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Tom Reyes"
    text = (
        "Lena Ward asked why the depot had closed, to which Tom Reyes replied: "
        "“Who would rent it?” Her critics cited the answer as proof that she had given up."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Tom Reyes"


def test_the_subject_of_the_verb_governing_an_infinitive_or_gerund_cue():
    text = (
        "The meeting was calm until Nora Hale was prompted to say, "
        "“We will not back down on the pension plan.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Nora Hale"
    text = (
        "Judge Alma Ruiz left the room for an hour. When she returned she began by saying, "
        "“I have read every letter that was sent to this court.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "she"
    assert quote.speaker == "Alma Ruiz"


def test_an_unlisted_past_tense_cue_after_and_takes_the_clauses_pronoun():
    text = (
        "Mayor Ines Carvalho won easily. Smiling, she thanked her neighbours and then boomed, "
        "“This city has never been stronger than it is tonight.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "she"


def test_a_pronoun_that_issued_a_statement_is_the_speaker():
    text = (
        "Ines Carvalho signed the lease in 2012. At the time, she released a statement saying, "
        "“The new depot will bring two hundred jobs to the valley.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ines Carvalho"


def test_a_reporting_word_after_a_possessive_or_of_is_a_noun():
    text = (
        "Ines Carvalho regularly tells how she came to serve as his secretary of state and "
        "recites the line: “Nobody gave the valley a second look.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ines Carvalho"
    text = "Lena Ward said the auditor’s report “was not good at all, frankly.”"
    assert all((q.cue or {}).get("text") != "report" for q in suggest(text, claims=0))


def test_a_line_that_is_only_a_described_name_before_a_colon():
    text = "The claims, in their own words.\n\nFormer harbour master Ines Carvalho:“We dredged it twice.”"
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ines Carvalho"
    assert quote.role == "Former harbour master"


def test_a_source_familiar_with_someones_thinking():
    text = (
        "Another source familiar with Carvalho’s thinking said, "
        "“She will run again if the harbour deal goes through.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Another source familiar with Carvalho’s thinking"


def test_a_conjunction_and_adverb_opening_the_sentence_are_not_the_subject():
    text = (
        "The first message was mild. And then Ines Carvalho went fully on the attack, saying, "
        "“Is the council ever going to publish the accounts?”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ines Carvalho"


def test_an_inverted_cue_opening_the_sentence_with_a_relative_clause():
    text = (
        "The old school was turned into a museum. "
        "Said Dora Pine, who grew up two doors away from the school, “We were all so proud.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Dora Pine"


def test_an_unlisted_past_tense_verb_after_a_described_person():
    text = (
        "Ines Carvalho showed the crowd a clip of the debate.\n\n"
        "“Let me help you out, the answer is no,” the Liberal vice-presidential nominee riffed "
        "on the mayor’s reply, drawing laughs."
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == (
        "the Liberal vice-presidential nominee"
    )


def test_a_late_cue_set_off_by_commas_inside_the_paraphrase():
    text = (
        "The allure of simplicity, Mr. Okafor argued, is a chimera.\n\n"
        "“Most of the complexity comes from efforts to measure” income, he said, rather than "
        "from deductions for things like mortgage interest and gifts to charity."
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "he"


def test_a_described_speaker_with_two_adjectives_between_commas():
    text = (
        "When she took office in 2009, she made housing her focus.\n\n"
        "“From the first day, housing was the priority,” the bespectacled, 64-year-old "
        "mayor said in an interview."
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "the bespectacled, 64-year-old mayor"


def test_a_present_tense_verb_after_a_pronoun_is_a_cue():
    text = (
        "Ivo Brandt wrote the column last year.\n\n"
        "“The market has not failed the town,” he mocks. “The town has failed the market.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "he"
    assert quote.cue["text"] == "mocks"


def test_a_contracted_pronoun_before_a_cue_is_the_speaker():
    text = (
        "Ever since Ines Carvalho entered the race, she's said the same thing at every stop: "
        "“This is not about me, it is about the valley.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "she"
    assert quote.speaker == "Ines Carvalho"


def test_a_hyphenated_noun_heads_a_described_source():
    text = (
        "The new spot airs on Tuesday.\n\n"
        "“She will stand up to the gun lobby and win,” a voice-over in the ad states. "
        "“She will protect the clinics.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "a voice-over in the ad"


def test_just_may_open_the_adjuncts_between_a_cue_and_its_comma():
    text = (
        "He was buried in the hills above the town.\n\n"
        "As the columnist Vera Holm had written just a few years earlier, "
        "“We could not have had a harbour without him.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Vera Holm"


def test_a_late_cue_after_a_second_quotation_mark_in_the_sentence():
    text = (
        "The publisher announced a memoir in 2000.\n\n"
        "“All That Glitters Is Not Gold” was to be a “cautionary tale,” said Vera Holm, "
        "then the author’s agent."
    )
    found = direct_quotes(text)
    assert found[0].speaker == "Vera Holm"


def test_the_nearest_pronoun_subject_after_a_phrase_governs_the_coordinated_cue():
    text = (
        "Over the years, she said, the letters kept them close – although at the mention of "
        "letters Ines Carvalho laughed. Later, at the mention of email she laughed and admitted "
        "“emails have been wonderful, although they can be a curse.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "she"
    assert quote.speaker_start > text.index("Later")


def test_a_role_before_a_first_name_does_not_hide_its_gender():
    text = (
        "Ashley Yago, 33, a supporter of Republican Donald Reyes who lives in Greeley, finds "
        "herself in a similar job.\n\n"
        "“I have had two grants, but I still have loans,” she said in a phone interview."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ashley Yago"


def test_a_pronoun_prefers_the_subject_to_a_name_inside_its_appositive():
    text = (
        "Omar Haddad, a longtime critic of Mayor Paul Greer who sits on the council, "
        "runs a bakery on Main Street.\n\n"
        "“We need a new plan for the harbour,” he said."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Omar Haddad"


def test_a_later_mention_by_surname_counts_for_a_pronoun():
    text = (
        "Omar Haddad met Paul Greer at the depot on Monday.\n\n"
        "On Tuesday, Haddad went back alone. “It is a disgrace,” he said."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Omar Haddad"


def test_a_gendered_title_before_a_surname_tells_the_gender():
    text = (
        "Ana Ruiz and Ari Lee ran the shop for years. Mr. Lee retired in May.\n\n"
        "“We will stay open all summer,” she said."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ana Ruiz"


def test_a_word_opening_the_sentence_is_not_part_of_a_name():
    from workbench.suggest.finder.speakers import Registry

    text = "Entrusting Paul Greer with the budget was a mistake. Like Ana Ruiz, he resigned."
    people = set(Registry(text, []).people)
    assert "Paul Greer" in people
    assert "Ana Ruiz" in people
    assert not any(name.startswith(("Entrusting", "Like")) for name in people)


def test_a_dated_document_after_an_inverted_cue():
    text = (
        "Hiring is hard.\n\n"
        "“Interviewers are likely to feel they are getting useful information,” concluded "
        "a 2013 article in the journal Judgment and Decision Making."
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "a 2013 article"


def test_a_long_adjunct_between_a_cue_and_the_comma_before_a_quote():
    text = (
        "Then there was the radio host Ivo Brandt, who lamented in an interview with the "
        "Daily Ledger politics editor Ana Ruiz, “We have spent twenty years demonizing the press.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ivo Brandt"


def test_a_reporting_word_inside_the_words_before_the_speaker_is_no_role():
    text = (
        "On Friday, Ivo Brandt pounced on news that the files were later deemed “top secret,” "
        "saying in a Brandtian post on the site: “The new release is a disaster for the council!”"
    )
    assert all(q.speaker != "Brandtian" for q in direct_quotes(text))


def test_a_reporting_word_between_two_nouns_is_a_noun():
    text = (
        "Ines Carvalho initially said in the spring, when the private server email story "
        "broke, “I did not send any classified material to anyone.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ines Carvalho"


def test_a_time_phrase_before_the_verb_is_not_the_speaker():
    text = (
        "Reince Hale, the party chairman, this past week announced the creation of a website "
        "that explains the rules of the convention."
    )
    (found,) = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found.speaker == "Reince Hale"


def test_a_cognition_word_after_a_determiner_and_a_modifier_is_a_noun():
    text = (
        "A rumpled figure with short grey whiskers, Bob said he arrived at the base in "
        "December of that year."
    )
    found = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found and all(s.speaker != "A rumpled" for s in found)


def test_a_list_of_places_in_a_relative_clause_is_not_the_speaker():
    text = (
        "Britain's ambassador Ivo Brandt, who will retire soon after also serving in Iran, "
        "Turkey and France, praised the treaty in an interview published on Saturday."
    )
    (found,) = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found.speaker == "Ivo Brandt"
    text = (
        "Two members of the council from Leeds, Ana Ruiz and Omar Haddad, have said they "
        "will not back the plan."
    )
    (found,) = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found.speaker == "Ana Ruiz and Omar Haddad"


def test_a_subordinating_word_ends_no_described_speaker():
    text = (
        "One month after announcing his support for the plan, Omar Haddad still believes "
        "that the harbour cannot pay for itself."
    )
    found = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert all(s.speaker != "One month after" for s in found)


def test_a_noun_like_reporting_word_after_a_possessive_is_no_cue():
    text = (
        "Editor’s note: Ivo Brandt is a serial liar who has repeatedly pledged to close "
        "the harbour to all foreign ships."
    )
    found = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert all((s.cue or {}).get("text") != "note" for s in found)
    text = "Contrary to Lazar’s claims, the police say he never reached the mail server."
    found = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert all(s.speaker != "Lazar" for s in found)


def test_a_line_with_a_name_and_its_party_before_a_colon():
    text = (
        "The exchange went like this.\n\n"
        "Rep. Ann Cole (R-Ore.):“I have not heard anyone other than you ever cite that figure.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ann Cole"


def test_a_participle_right_after_the_cue_leaves_no_empty_remark():
    text = "Omar Haddad then interjected, calling the mayor’s harbour plan a costly mistake."
    found = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found
    assert all(s.text.strip() for s in found)


def test_a_late_cue_with_an_adjunct_tail_takes_the_whole_sentence():
    text = (
        "Her friends have mocked the mayor’s plan, calling it “a harbour of dreams,” "
        "Vera Holm said as she turned around and spread out her cape.\n\n"
        "“But it is our harbour, and we love it!”"
    )
    found = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found[0].speaker == "Vera Holm"
    assert found[0].text.startswith("Her friends")
    assert found[-1].speaker == "Vera Holm"


def test_a_role_with_a_dollar_sign_before_the_speaker():
    text = (
        "The movement plans a march.\n\n"
        "“They have to decide whether to feed themselves or their kids,” Fight for $15 "
        "organizing director Kendra Fells told a local station. “They care about two things.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Kendra Fells"


def test_an_ampersand_inside_a_described_speaker():
    text = (
        "The plant director was on board.\n\n"
        "“We are shocked, he was a friend to us,” one P&G Leeds employee told a local station."
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "one P&G Leeds employee"


def test_a_participle_after_a_subordinate_clause_takes_its_pronoun():
    text = (
        "Governor Ivo Brandt, a staunch ally of the mayor, acknowledged some copying even as "
        "he defended the speechwriter and the campaign, saying, "
        "“Ninety percent of the speech is completely different.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "he"


def test_the_noun_phrase_after_with_does_the_participle():
    text = (
        "The parade paused to remember the victims, with many marchers and spectators "
        "chanting “We are Leeds” as they passed the town hall."
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "many marchers and spectators"


def test_a_participle_after_a_where_clause_takes_its_subject():
    text = (
        "The mayor spoke just down the street from the old pier, where about 50 protesters "
        "had gathered on Wednesday morning, chanting “no contract, no peace” at the cars."
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "about 50 protesters"


def test_a_named_subject_after_with_does_both_coordinated_participles():
    text = (
        "Rivals were quick to chime in, with Ivo Brandt tweeting that it was a disaster for "
        "the mayor and asking, “How can someone with such bad judgement run the port?”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ivo Brandt"


def test_a_mention_after_an_inverted_verb_that_opens_the_content_is_no_speaker():
    text = (
        "Omar Haddad, citing “the unique magic of the harbour,” said the candidate could "
        "win in Leeds, York and Hull."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Omar Haddad"


def test_a_described_subject_before_a_colon():
    text = (
        "In the hours after the storm hit the coast, a familiar voice celebrated the damage "
        "online: “The sea has already arrived at your doors.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "a familiar voice"
    text = (
        "The Haddad campaign, in a note on the harbour dispute, worded it more carefully: "
        "“The mayor wrote to every council member about the dredging.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "The Haddad campaign"
    text = (
        "The Ledger technology columnist Ivo Brandt wrote in a long post on the site: "
        "“The timeline is the heart of the product.”"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Ivo Brandt"


def test_an_appositive_that_ends_in_a_quoted_title():
    text = (
        "Many fear the choice.\n\n"
        "As Vera Holm, professor of law at York and author of ''The Unwritten Rules,'' put it, "
        "''A compromise candidate today may be far better for them than the alternative.''"
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Vera Holm"
    text = (
        "Ms. Ruiz said she was thinking, ''Oh my God, this cannot be happening,'' adding, "
        "''I had no way to put names to my feelings.''"
    )
    found = direct_quotes(text)
    assert found[-1].speaker != "God"


def test_a_participle_after_a_when_clause_takes_its_subject():
    text = (
        "The first incident came during a speech at the college, when harbour protesters "
        "interrupted her speech, shouting “she wins, we lose!”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "harbour protesters"


def test_a_described_subject_after_at_which_point():
    text = (
        "He said, “Ivo Brandt will build the pier” - at which point the crowd chanted "
        "“Build the pier!” - “and keep the port open.”"
    )
    found = direct_quotes(text)
    chant = next(q for q in found if "Build the pier" in q.text)
    assert text[chant.speaker_start : chant.speaker_end] == "the crowd"


def test_a_family_or_age_noun_after_an_inverted_verb_is_the_speaker():
    text = (
        "The mayor opened the fair on Sunday. “Can we go on the big wheel?” asked the girl, "
        "who had waited all morning. “It is too windy today,” said her father."
    )
    found = direct_quotes(text)
    assert [text[q.speaker_start : q.speaker_end] for q in found] == ["the girl", "her father"]


def test_as_a_band_sang_with_a_time_adjunct_introduces_the_lyric():
    text = (
        "Rents keep rising in the old port. As the Harbour Lights sang back in the 1970s, "
        "“Nobody owns the sea, but somebody owns the shore.”"
    )
    (quote,) = direct_quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == "the Harbour Lights"


def test_a_persons_clause_before_a_comma_and_a_whole_quoted_sentence_gives_the_speaker():
    text = (
        "“The harbour will stay open,” said Jan Holt, the port director.\n\n"
        "Earlier this week, Mara Quist shared her doubts with donors at a dinner in Leeds, "
        "“I do not know which version of the plan will reach the council.”"
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Jan Holt", "Mara Quist"]
    text = "In Ann Lie's column on May 10, “The piling on must stop,” she blamed the press."
    assert all(q.speaker != "Ann Lie" or q.quote_type != "direct" for q in direct_quotes(text))


def test_a_question_put_to_someone_is_not_theirs():
    text = (
        "“We will reopen the pier,” Ann Lie said.\n\n"
        "Tom Baker was asked, “If you had known about the cracks, would you have closed it?”\n\n"
        "Later, Ida Holm was asked by host Carl Berg, who chaired the debate, "
        "“Will you vote for the budget?”"
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Ann Lie", None, "Carl Berg"]


def test_the_clause_after_but_gives_the_speaker_before_a_colon():
    text = (
        "Tom Reid spoke on Monday. Reid said both rivals were “lightweights in the council,” "
        "but he gave the younger one a back-handed compliment: “You always know where he stands.”"
    )
    quote = direct_quotes(text)[-1]
    assert text[quote.speaker_start : quote.speaker_end] == "he"
    assert quote.speaker == "Tom Reid"


def test_a_pronoun_after_as_for_name_is_that_person():
    text = (
        "Carl Berg backed the ferry plan. “It is a waste,” said Tom Lind, the mayor, who "
        "opposed it.\n\nAs for Berg, he is not worried. “The numbers will prove us right,” he "
        "said."
    )
    quote = direct_quotes(text)[-1]
    assert quote.speaker == "Carl Berg"


def test_the_object_of_a_verb_that_moves_someone_to_speak_is_the_speaker():
    text = (
        "That record prompted the Almanac of Local Races, which tracks bellwether towns, to "
        "state, “Eastport is the surest bellwether in the region.”\n\n"
        "The ruling led Ann Lie to write, “This is a sad day for the harbour.”"
    )
    found = direct_quotes(text)
    assert [text[q.speaker_start : q.speaker_end] for q in found] == [
        "the Almanac of Local Races",
        "Ann Lie",
    ]


def test_a_short_title_inside_the_appositive_of_a_cue_after_a_quote():
    text = (
        "“The ferry is late again,” Ruth Ames said.\n\n"
        "“We have had better summers than this one,” harbour pilot Ivo Brandt, wearing a cap "
        "and “Save the Pier” badges, said."
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Ruth Ames", "Ivo Brandt"]


def test_a_numbered_article_of_a_text_can_be_the_source():
    text = (
        "“We will keep the border open,” Ann Lie said.\n\n"
        "The treaty has three parts. Article 12 affirms: “No state shall return a refugee to "
        "a place of danger.”"
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Ann Lie", "Article 12"]


def test_a_second_cue_after_and_closing_a_quotes_sentence_belongs_to_the_next_quote():
    text = (
        "Ann Lie spoke first. “Tell her I saved you a seat,” Ann Lie said, and Tom Baker "
        "replied. “Do not forget me, I have known her since school.”"
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Ann Lie", "Tom Baker"]


def test_an_article_and_an_adjective_before_a_name_after_a_quote():
    text = (
        "Tom Baker spoke first. “The port is no longer a port,” he claimed.\n\n"
        "“The port will always be a port,” an angry Ann Lie retaliated."
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Tom Baker", "Ann Lie"]


def test_they_is_the_group_of_people_just_named_not_an_organisation_further_back():
    organisation = "The Harbour Trust said on Monday that the pier would close for a year."
    subject = organisation + " Local fishermen were furious. They said the season was ruined."
    ending = organisation + "\n\nThe decision angered local fishermen. They said it was a blow."
    only_org = organisation + " They said the closure was overdue."
    speakers = [
        [s.speaker for s in suggest(text, claims=0)][-1] for text in (subject, ending, only_org)
    ]
    assert speakers == ["Local fishermen", "local fishermen", "Harbour Trust"]


def test_they_is_not_a_plural_of_documents_or_figures():
    text = (
        "The Harbour Trust said on Monday that the pier would close for a year.\n\nThe decision "
        "follows two polls. They said the closure was overdue."
    )
    assert [s.speaker for s in suggest(text, claims=0)][-1] == "Harbour Trust"


def test_a_role_with_a_number_or_a_lowercase_word_before_the_name_after_a_quote():
    cases = [
        "“The inquiry must go on,” said 9/11 widow Ann Lie.",
        "“The inquiry must go on,” state Sen. Ann Lie said.",
        "“The inquiry must go on,” the mayor's niece, state Sen. Ann Lie, said.",
    ]
    found = [direct_quotes(text) for text in cases]
    assert [[q.speaker for q in quotes] for quotes in found] == [["Ann Lie"]] * 3
    assert [quotes[0].role for quotes in found] == ["9/11 widow", "Sen.", "the mayor's niece"]


def test_a_clause_opened_by_when_after_a_quote_is_not_its_attribution():
    text = (
        "The film shows the mayor saying on Monday, “That makes me careful,” "
        "when Ann Lie criticised him for the delay."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker != "Ann Lie"


def test_names_with_decomposed_accents_or_mis_decoded_letters_are_whole_names():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "“We will stay,” said José Müller.")
    mojibake = (
        "Ministers met on Friday.\n\n“Europe must defend itself,” French President "
        "Fran\u00c3\u0083\u00c2\u00a7ois Lenoir said Friday. “We are ready,” he added."
    )
    assert [q.speaker for q in direct_quotes(decomposed)] == [
        unicodedata.normalize("NFD", "José Müller")
    ]
    found = direct_quotes(mojibake)
    assert {q.speaker for q in found} == {"Fran\u00c3\u0083\u00c2\u00a7ois Lenoir"}


def test_a_colon_quote_belongs_to_the_main_clause_not_an_opening_phrase():
    text = (
        "With Labour leaders increasingly anxious about turnout, Mayor Ann Lie is rolling out "
        'a new and more personal message: "It is about me."'
    )
    assert [q.speaker for q in direct_quotes(text)] == ["Ann Lie"]


def test_a_capitalised_modifier_and_a_role_before_a_name_after_said():
    cases = [
        "“We are ready,” said Ohio delegate Ann Lie.",
        "“We are ready,” said Clinton’s top foreign policy aide Ann Lie.",
        "“We are ready,” said Democratic pollster Ann Lie, who ran the survey.",
    ]
    found = [direct_quotes(text)[0] for text in cases]
    assert [q.speaker for q in found] == ["Ann Lie"] * 3
    assert [q.role for q in found] == [
        "Ohio delegate",
        "Clinton’s top foreign policy aide",
        "Democratic pollster",
    ]


def test_the_delegate_title_is_not_a_name_but_a_particle_del_stays_in_one():
    (delegate,) = direct_quotes("“We will vote no,” said Del. Ann Lie.")
    (director,) = direct_quotes("“It is a fine film,” said Guillermo del Toro.")
    assert (delegate.speaker, delegate.role) == ("Ann Lie", "Del.")
    assert director.speaker == "Guillermo del Toro"


def test_an_age_after_a_name_is_not_a_role():
    (alone,) = direct_quotes('"Rents are too high," says Ann Lie, 32, of Leeds.')
    (before,) = direct_quotes('Ann Lie, 32, a teacher in Leeds, said: "Rents are too high."')
    assert (alone.speaker, alone.role) == ("Ann Lie", None)
    assert (before.speaker, before.role) == ("Ann Lie", "a teacher in Leeds")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("“The plan works,” said Mr. Tom Baker.", None),
        ("“The plan works,” said Tom Baker, reacting to the vote.", None),
        ("“The plan works,” Tom Baker said in a statement.", None),
        ("“The plan works,” said Sen. Tom Baker.", "Sen."),
        (
            "“The plan works,” said Tom Baker, a spokesman for the council.",
            "a spokesman for the council",
        ),
    ],
)
def test_a_role_is_what_the_speaker_is_not_an_honorific_or_what_they_did(text, role):
    (quote,) = direct_quotes(text)
    assert (quote.speaker, quote.role) == ("Tom Baker", role)


def test_he_is_a_person_named_only_by_title_and_surname():
    text = (
        "President Okafor spent the morning at the harbour. After World War II the port "
        "was rebuilt by Ann Lie and Tom Baker.\n\n"
        "Mr. Okafor toured the docks on Friday.\n\n"
        "“The port will reopen in May,” he said."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Okafor"


def test_party_labels_places_and_headline_runs_are_not_people_he_can_be():
    text = (
        "Cruz Hints Rival Would Get Border Wall Contract\nThomas Lee\n\n"
        "The Wisconsin Republican toured the Western Pacific after World War II memorials "
        "were restored.\n\n"
        "“We will build the wall,” he said."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Thomas Lee"


def test_a_party_label_before_a_name_is_not_part_of_it():
    text = (
        "Among Democrats Mary Lind drew the largest crowd on Monday.\n\n"
        "“We are ready for the caucus,” she said."
    )
    assert [q.speaker for q in direct_quotes(text)] == ["Mary Lind"]


def test_she_is_not_a_man_whose_first_name_only_the_census_list_knows():
    text = (
        "Deirdre Moe chairs the board. Terence Lind presented the budget.\n\n"
        "“We will balance the books by June,” she said."
    )
    assert [q.speaker for q in direct_quotes(text)] == ["Deirdre Moe"]


def test_the_first_names_list_is_loaded_and_leaves_common_words_out():
    from workbench.suggest.finder import lexicon
    from workbench.suggest.finder.lexicon import FEMALE_NAMES, MALE_NAMES

    assert len(MALE_NAMES) > 1000 and len(FEMALE_NAMES) > 3000
    assert not MALE_NAMES & FEMALE_NAMES
    census = lexicon._CENSUS_MALE | lexicon._CENSUS_FEMALE
    assert {"terence", "deirdre"} <= census
    assert not {"will", "may", "mark", "grace", "hope", "june"} & census


def test_a_person_after_an_organisation_and_a_role_is_a_person_he_can_be():
    text = (
        "CNN President Jeffrey Zane spoke on Thursday with Ann Lie.\n\n"
        "“We do not pay candidates to appear,” he said."
    )
    assert [q.speaker for q in direct_quotes(text)] == ["Jeffrey Zane"]


def test_a_word_for_a_woman_beside_a_name_outweighs_the_first_name_list():
    text = (
        "Senator Tom Baker opposed the bill. “It will not pass,” said 9/11 widow Terry "
        "Strand.\n\nShe continued, “We are asking for justice.”"
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Terry Strand", "Terry Strand"]


def test_a_shared_surname_is_either_person_and_the_pronoun_tells_which():
    text = (
        "Marcel Lazar hacked the accounts. Gabriela Lazar, his wife, ran the house. Judge "
        "Thomas Ellis heard the case. Lazar confessed.\n\n"
        "“I would do it differently,” he said."
    )
    assert [q.speaker for q in direct_quotes(text)] == ["Marcel Lazar"]


def test_a_man_named_by_title_is_not_the_woman_of_the_same_surname():
    text = (
        "Michelle Okafor opened the school on Monday. Mr. Okafor spoke after her.\n\n"
        "“This is a great day for the town,” he said."
    )
    (quote,) = direct_quotes(text)
    assert quote.speaker == "Okafor"


def test_the_senator_is_the_person_last_named_with_that_title():
    text = (
        "Sen. Ann Lie opposed the bill on Monday. Vice President Tom Baker and World Bank "
        "President Ed Moe disagreed.\n\n“It will not pass,” the senator said. “We have the "
        "votes,” the president said."
    )
    found = direct_quotes(text)
    assert [q.speaker for q in found] == ["Ann Lie", "the president"]
