from __future__ import annotations

import pytest

from workbench.suggest.finder.engine import remarks, suggest


def quotes(text: str) -> list:
    """The quotes one per remark: the parts of a split quotation joined, the fragments nested
    in reported speech left out (how they are cut is tested in test_parts.py)."""
    return [s for s in remarks(text, suggest(text, claims=0)) if s.kind == "quote"]


def parts(text: str) -> list:
    return [s for s in suggest(text, claims=0) if s.kind == "quote"]


def only(text: str):
    found = quotes(text)
    assert len(found) == 1, [(q.text, q.speaker) for q in found]
    return found[0]


def test_offsets_are_code_points_into_the_text_as_given():
    text = "Café owners 😀 protested.\r\n\r\n“We will stay open all winter,” said Amélie Durand."
    quote = only(text)
    assert text[quote.start : quote.end] == quote.text == "“We will stay open all winter,”"
    assert text[quote.speaker_start : quote.speaker_end] == "Amélie Durand"
    assert text[quote.cue["start"] : quote.cue["end"]] == "said"


@pytest.mark.parametrize(
    ("opening", "closing"),
    [('"', '"'), ("“", "”"), ("«\u00a0", "\u00a0»"), ("«", "»"), ("„", "“"), ("''", "''")],
)
def test_quote_marks_of_every_style(opening, closing):
    text = f"{opening}The budget will be balanced by next spring,{closing} said Maria Lopez."
    quote = only(text)
    assert quote.text.startswith(opening.strip()) and quote.text.endswith(closing.strip())
    assert quote.speaker == "Maria Lopez"
    assert quote.quote_type == "direct"


def test_single_quotes_nested_in_double_stay_inside():
    text = "“They told me ‘wait until Monday’ and then nothing happened,” said Tom Reyes."
    quote = only(text)
    assert quote.text == "“They told me ‘wait until Monday’ and then nothing happened,”"
    assert quote.speaker == "Tom Reyes"


def test_quote_split_by_the_attribution_is_one_remark_in_two_parts():
    text = (
        "Michael Knights has studied the militias for years.\n\n"
        "“This is a deliberate message,” he said, “and a senior leader will be next.”"
    )
    quote = only(text)
    assert (
        quote.text == "“This is a deliberate message,” he said, “and a senior leader will be next.”"
    )
    first, second = parts(text)
    assert (first.text, second.text) == (
        "“This is a deliberate message,”",
        "“and a senior leader will be next.”",
    )
    for part in (first, second):
        assert part.speaker == "Michael Knights"
        assert text[part.speaker_start : part.speaker_end] == "he"
        assert part.cue["text"] == "said"


def test_multi_paragraph_quote_runs_until_it_closes():
    text = (
        "The mayor, Ana Ruiz, read a statement.\n\n"
        "“We have repaired every bridge in the district.\n\n"
        "“We will now turn to the schools, which have waited too long,” Ruiz said."
    )
    quote = only(text)
    assert quote.text.startswith("“We have repaired")
    assert quote.text.endswith("waited too long,”")
    assert quote.speaker == "Ana Ruiz"
    first, second = parts(text)  # one suggestion per paragraph
    assert first.text == "“We have repaired every bridge in the district."
    assert second.text == "“We will now turn to the schools, which have waited too long,”"
    assert first.speaker == second.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“Prices will fall in the spring,” said Omar Haddad.", "Omar Haddad", "said"),
        ("“Prices will fall in the spring,” Omar Haddad told reporters.", "Omar Haddad", "told"),
        ("“Prices will fall in the spring,” Omar Haddad added.", "Omar Haddad", "added"),
        ("“Prices will fall in the spring,” Omar Haddad warned.", "Omar Haddad", "warned"),
        ("Omar Haddad wrote: “Prices will fall in the spring.”", "Omar Haddad", "wrote"),
        ("Omar Haddad said, “Prices will fall in the spring.”", "Omar Haddad", "said"),
        (
            "According to Omar Haddad, “prices will fall in the spring.”",
            "Omar Haddad",
            "According to",
        ),
        (
            "Omar Haddad said in a statement: “Prices will fall in the spring.”",
            "Omar Haddad",
            "said",
        ),
        ("“Prices will fall in the spring,” Omar Haddad insisted.", "Omar Haddad", "insisted"),
    ],
)
def test_speaker_before_or_after_with_many_reporting_verbs(text, speaker, cue):
    quote = only(text)
    assert quote.speaker == speaker
    assert quote.cue["text"] == cue


def test_pronoun_resolves_to_the_right_earlier_person():
    text = (
        "Sarah Collins met Daniel Brooks at the summit on Tuesday.\n\n"
        "“The agreement is a first step,” she said.\n\n"
        "Brooks was less sure. “It will not survive the winter,” he said."
    )
    first, second = quotes(text)
    assert first.speaker == "Sarah Collins"
    assert second.speaker == "Daniel Brooks"


def test_surname_and_title_resolve_to_the_full_name():
    text = (
        "Michael Knights is an expert at the Washington Institute.\n\n"
        "“The strikes will continue,” Mr. Knights said.\n\n"
        "“Nobody expects a quick end,” Knights added."
    )
    first, second = quotes(text)
    assert first.speaker == second.speaker == "Michael Knights"
    assert text[second.speaker_start : second.speaker_end] == "Knights"


def test_organisations_speak_too():
    text = (
        "“The strike was an act of self-defense,” the Pentagon said.\n\n"
        "The Ministry of Defence rejected the claim. “No such operation took place,” "
        "the ministry said in a statement."
    )
    first, second = quotes(text)
    assert first.speaker == "Pentagon"
    assert first.speaker_kind == "organisation"
    assert second.speaker == "Ministry of Defence"
    assert second.speaker_kind == "organisation"


def test_appositive_role_is_captured():
    text = (
        "Renad Mansour, Iraq specialist at the think tank Chatham House, said: "
        "“The US has noticed an increase in attacks on its bases.”"
    )
    quote = only(text)
    assert quote.speaker == "Renad Mansour"
    assert quote.role == "Iraq specialist at the think tank Chatham House"


def test_role_after_an_inverted_verb():
    text = "“This is a justified response,” said Renad Mansour, Iraq specialist at Chatham House."
    quote = only(text)
    assert quote.speaker == "Renad Mansour"
    assert quote.role == "Iraq specialist at Chatham House"


def test_indirect_speech_is_indirect():
    text = (
        "Laura Chen said that the factory would close by the end of the year. "
        "According to the union, more than 400 jobs will be lost."
    )
    first, second = quotes(text)
    assert first.quote_type == "indirect"
    assert first.text == "the factory would close by the end of the year"
    assert first.speaker == "Laura Chen"
    assert second.quote_type == "indirect"
    assert second.text == "more than 400 jobs will be lost"
    assert second.cue["text"] == "According to"


def test_partial_quote_inside_reported_speech_is_mixed():
    text = "Laura Chen said the closure was “a betrayal of every worker in this town.”"
    quote = only(text)
    assert quote.quote_type == "mixed"
    assert quote.speaker == "Laura Chen"
    mixed, fragment = parts(text)  # and the quoted words, nested in it
    assert fragment.text == "“a betrayal of every worker in this town.”"
    assert (fragment.quote_type, fragment.speaker) == ("direct", "Laura Chen")


@pytest.mark.parametrize(
    "text",
    [
        "Critics call the plan a “reform” that changes nothing.",  # scare quote
        "She reviewed “The Art of the Deal” for a magazine last year.",  # title of a work
        "The word of the year was “rizz” in one dictionary.",  # one-word quote
        "The slogan “Make It Count” appeared on every bus in the city.",
    ],
)
def test_scare_quotes_titles_and_one_word_quotes_are_not_quotes(text):
    assert quotes(text) == []


def test_text_without_quotes_gives_an_empty_list():
    assert quotes("The river rose slowly through the night and fell again by morning.") == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "“This quote never closes, said the reporter.\n\nNext paragraph.",
        '"""""',
        "” backwards “ marks ” everywhere “",
        "«" * 50,
        "Der Minister sagte: „Wir werden das nicht akzeptieren.“",
        "北京市政府表示，“我们将继续努力。”",
        "Министр заявил: «Мы не отступим», — сказал он.",
        "\x00\x01\x02 binary-ish \ufffd text",
    ],
)
def test_bad_input_does_not_crash(text):
    for item in suggest(text):
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start : item.end] == item.text
        assert 0.0 <= item.score <= 1.0


def test_unbalanced_quote_is_best_effort():
    text = "“We will win this seat, whatever the polls say, said Jane Moss at the rally"
    found = quotes(text)
    assert len(found) <= 1


def test_claims_rank_numbers_over_opinions_and_questions():
    text = (
        "Unemployment fell to 4.1% in March, the lowest rate since 2019, the statistics office said. "
        "I think the mayor is a wonderful person. "
        "Will the council approve the budget? "
        "The new bridge cost $48 million, twice the original estimate."
    )
    claims = [s for s in suggest(text) if s.kind == "claim"]
    texts = [c.text for c in claims]
    assert any(t.startswith("Unemployment fell") for t in texts)
    assert any(t.startswith("The new bridge") for t in texts)
    assert not any("wonderful" in t or t.endswith("?") for t in texts)
    assert all(0.0 <= c.score <= 1.0 for c in claims)


def test_claims_limit():
    text = " ".join(
        f"Exports rose by {n}% in {2000 + n}, twice the rate of imports." for n in range(30)
    )
    assert len([s for s in suggest(text, claims=5) if s.kind == "claim"]) == 5
    assert [s for s in suggest(text, claims=0) if s.kind == "claim"] == []


def test_indirect_content_keeps_its_first_word_and_names_inside_split_attributions_count():
    text = (
        '"This is a deliberate message," said Michael Knights, Iraq expert at the Washington '
        'Institute. "A senior leader will be next on the list."\n\n'
        "The Pentagon said the strike was an act of self-defense. Militias have carried out "
        "more than 100 attacks on US bases since October, according to Knights."
    )
    direct, pentagon, knights = quotes(text)
    assert direct.quote_type == "direct" and direct.speaker == "Michael Knights"
    assert pentagon.text == "the strike was an act of self-defense"
    assert pentagon.speaker == "Pentagon"
    assert knights.speaker == "Michael Knights"
    assert knights.text.startswith("Militias have carried out")


def test_quote_after_a_long_attribution_in_the_same_paragraph_continues_it():
    text = (
        "“We will rebuild the pier before summer,” said one official with knowledge of the "
        "plans, who spoke on the condition of anonymity because the talks are private. "
        "“The money is already there, and the work can start.”"
    )
    quote = only(text)
    assert quote.text.endswith("the work can start.”")
    assert quote.cue["text"] == "said"


def test_quote_opening_the_paragraph_after_an_attribution_continues_it():
    text = (
        "The council met on Monday.\n\n"
        "“The plan is sound,” Ana Ruiz said.\n\n"
        "“We will start work on the bridge in May.”"
    )
    quote = only(text)
    assert quote.text.startswith("“The plan is sound,”")
    assert quote.text.endswith("in May.”")
    assert quote.speaker == "Ana Ruiz"


def test_quote_after_a_paragraph_that_goes_on_past_its_attribution_stands_alone():
    text = (
        "“The plan is sound,” Ana Ruiz said. The council then voted on the budget.\n\n"
        "“We will start work on the bridge in May.”"
    )
    first, second = quotes(text)
    assert first.text == "“The plan is sound,”"
    assert second.text == "“We will start work on the bridge in May.”"
    assert second.speaker == "Ana Ruiz"


def test_a_line_ending_in_a_no_break_space_still_ends_its_paragraph():
    text = (
        "“We can do what we like with the land we own.”\u00a0\n"
        "The council wrote in its report that the sale was legal."
    )
    quote = quotes(text)[0]
    assert quote.text == "“We can do what we like with the land we own.”"
    assert quote.cue is None


@pytest.mark.parametrize(
    "text",
    [
        "The mayor told Kim Park of the Evening Star, “We will open the bridge in May.”",
        "Ruiz, who grew up on the island and still lives there, “We were all so proud of it.”",
    ],
)
def test_sentence_quoted_after_a_comma_ending_a_long_clause_is_direct(text):
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text[:4] for q in direct] == ["“We "]


def test_quote_framed_by_that_before_a_comma_stays_mixed():
    text = "The mayor said that in the current climate, “it is an advantage to be new.”"
    assert [q.quote_type for q in quotes(text)] != ["direct"]


@pytest.mark.parametrize(
    "text",
    [
        "At the rally she pledged to “defend every school in this county against the cuts.”",
        "The senator denounced what he called the “reckless spending of the last decade.”",
        "He added that he thinks “the council should listen to the residents first.”",
    ],
)
def test_quote_carrying_on_the_phrase_before_it_is_not_direct(text):
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


def test_straight_single_quotes_in_a_headline():
    text = "Mayor Ruiz: 'We will never close the harbour.'\n\nThe council met on Monday."
    quote = only(text)
    assert quote.text == "'We will never close the harbour.'"
    assert quote.quote_type == "direct"


def test_apostrophes_are_not_quotation_marks():
    text = "The farmers' union and the mayor's office said they'd back the owners' plan."
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


@pytest.mark.parametrize(
    "remark",
    [
        "“Who wants to wait another year?” she asked. “We start the dredging next week.”",
        "“Who wants to wait another year?” Ana Ruiz said. “We start the dredging next week.”",
    ],
)
def test_quote_after_a_quoted_question_and_its_cue_is_one_remark(remark):
    quote = only("The minister visited the port.\n\n" + remark)
    assert quote.text == remark


def test_sentence_that_is_only_a_cue_still_introduces_the_next_quote():
    text = "Dianne Bystrom agreed. “The polls in this state have been wrong before.”"
    quote = only(text)
    assert quote.speaker == "Dianne Bystrom"


def test_short_remark_after_an_attributed_quote_continues_it():
    text = "“The plan is not perfect,” Ana Ruiz said. “We are hopeful.”"
    quote = only(text)
    assert quote.text == text[: text.rindex("”") + 1]


def test_short_quote_without_a_cue_alone_is_still_not_a_quote():
    text = "The council met on Monday.\n\n“We are hopeful.”"
    assert quotes(text) == []


def test_quotations_signed_with_a_dash_on_their_own_lines():
    text = (
        "Readers wrote in after the debate.\n"
        "“The bridge will never be finished at this rate, and we all know it.” ― Ana Ruiz\n"
        "“Nobody in this town trusts the council with the harbour any more.” ― Tom Reyes\n"
    )
    first, second = [q for q in quotes(text) if q.quote_type == "direct"]
    assert first.text.endswith("we all know it.”") and first.speaker == "Ana Ruiz"
    assert second.text.endswith("any more.”") and second.speaker == "Tom Reyes"


@pytest.mark.parametrize(
    "text",
    [
        "Many owners fear a long closure (“We cannot promise a date for the bridge,” Ruiz said).",
        "Critics who fear the worst - “He would sell the harbour to anyone,” Ruiz said - "
        "are louder than ever.",
    ],
)
def test_sentence_quoted_after_a_bracket_or_dash_is_direct(text):
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert len(direct) == 1 and direct[0].speaker == "Ruiz"


def test_decades_with_an_apostrophe_are_not_quotations():
    text = (
        "The harbour was busy then.\n\n'90s ferries ran every hour of the day and the "
        "fishermen' union paid for the lights."
    )
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


def test_quote_right_after_a_verb_of_saying_is_its_object():
    text = (
        "The video showed a man on the pier yelling "
        "“you will never build that bridge while I am alive!”"
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text[:9] for q in direct] == ["“you will"]


@pytest.mark.parametrize(
    "text",
    [
        "Outside the hall the protesters kept chanting “not in our town” for an hour.",
        "The owners had one message for the council: “Leave us alone.”",
    ],
)
def test_short_quote_introduced_by_a_verb_of_saying_or_a_colon(text):
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert len(direct) == 1


def test_two_unattributed_quotations_of_one_paragraph_are_one_remark():
    text = (
        "The council met on Monday.\n\n"
        "“We will open the new bridge to traffic in May.” The workers cheered. "
        "“Nobody believed us when we started a year ago.”"
    )
    quote = only(text)
    assert quote.text.startswith("“We will open") and quote.text.endswith("a year ago.”")


def test_quoted_question_its_cue_and_the_next_quotation_with_two_apostrophe_marks():
    remark = "''Can we win the harbour vote?'' Ms. Ruiz asked. ''I don't know. But we will try.''"
    quote = only("The minister visited the port.\n\n" + remark)
    assert quote.text == remark
    assert quote.speaker == "Ruiz"


@pytest.mark.parametrize(
    "remark",
    [
        # A capitalised word of a role ("Forecast") is no second cue.
        "“The risk,” said Tom Reyes, who directs the Harbour Forecast, “is that the jobs go.”",
        # A participle that does not introduce the second part: the sentence goes on.
        "“These men know how to use words,” said Reyes, speaking of the council, "
        "“and leave themselves a little room.”",
    ],
)
def test_quote_split_by_its_attribution_with_more_words_in_between(remark):
    quote = only("The council met on Monday.\n\n" + remark)
    assert quote.text == remark
    assert quote.quote_type == "direct"


def test_split_quote_whose_second_part_a_clause_of_its_own_introduces_stays_apart():
    text = (
        "“I see the mayor as an old friend,” Tom Reyes told the paper, noting that he and "
        "his wife “have talked with her every week for years.”"
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == ["“I see the mayor as an old friend,”"]


def test_words_framing_a_quotation_whose_cue_follows_make_a_mixed_quote():
    text = (
        "In this election, “money does not always mean more votes for a campaign,” "
        "said Ann Lie, a strategist."
    )
    quote = only(text)
    assert quote.quote_type == "mixed"
    assert quote.text.startswith("In this election, “money")
    assert quote.speaker == "Ann Lie"


def test_framing_with_a_cue_of_its_own_leaves_the_quotation_direct():
    text = "Still, she added, “we cannot ignore the farmers who grow the corn,” Ann Lie said."
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text[:8] for q in direct] == ["“we cann"]


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Asked whether he would resign, Tom Reyes said, “Probably.”", "“Probably.”"),
        ("“Absolutely,” Ana Ruiz said when asked about the bridge.", "“Absolutely,”"),
        ("The ferry goes north. ''Grand Rapids?'' Ana Ruiz asked.", "''Grand Rapids?''"),
    ],
)
def test_a_whole_short_answer_that_a_cue_attributes_is_a_quote(text, answer):
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == [answer]
    assert direct[0].speaker in {"Tom Reyes", "Ana Ruiz"}


@pytest.mark.parametrize(
    "text",
    [
        "The staff knew the mayor by a nickname, “Boss.”",
        "Ana Ruiz called the plan “Reckless.” on Monday.",
        "Ana Ruiz said the word “Never” was on every sign.",
    ],
)
def test_one_word_quotes_that_are_no_whole_answer_stay_out(text):
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


def test_an_opening_mark_typed_for_a_closing_one_still_closes_the_quote():
    text = (
        "Tom Reyes met the mayor.\n\n"
        "“Will the bridge ever open?“ he asked.\n\n"
        "“Not this year, and maybe not the next,” Ana Ruiz said."
    )
    first, second = [q for q in quotes(text) if q.quote_type == "direct"]
    assert first.text == "“Will the bridge ever open?“"
    assert first.speaker == "Tom Reyes"
    assert second.text == "“Not this year, and maybe not the next,”"
    assert second.speaker == "Ana Ruiz"


def test_slogans_and_works_cited_with_their_year_are_not_quotes():
    text = (
        "The party's posters grew harsher over the years.\n\n"
        "“Keep the harbour for the people who built it” (2008) — "
        "“No more ferries for strangers, yes to our own boats” (2012)."
    )
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


def test_words_between_according_to_and_a_quotation_frame_it():
    text = "According to the city office, the rise in the debt “is mainly due to the new bridge.”"
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []
    assert only("According to Omar Haddad, “prices will fall in the spring.”").quote_type == (
        "direct"
    )


def test_a_split_quotation_is_not_joined_across_a_sentence_that_introduces_the_next():
    text = (
        "“We will slip back into the old ways of the council,” Ann Lie said. Her verdict on "
        "the plan: “It is not hopeless, but it is close,” she said."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text[:8] for q in direct] == ["“We will", "“It is n"]
    assert {q.speaker for q in direct} == {"Ann Lie"}


def test_a_clause_of_its_own_after_the_attribution_opens_a_second_remark():
    text = (
        "“Her manner is gruff,” Ann Lie said, but despite the bitter tone of the campaign, "
        "“I think she will back the plan,” Lie added."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text[:8] for q in direct] == ["“Her man", "“I think"]


def test_a_pull_quote_repeating_the_article_is_not_reported_again():
    text = (
        "“We will rebuild every bridge in the county before the winter,” said Ann Lie, the "
        "mayor.\n\n"
        '"We will rebuild every bridge in the county before the winter.\n'
        'Ann Lie, mayor of Riverton."\n\n'
        "The council met on Monday."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == [
        "“We will rebuild every bridge in the county before the winter,”"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lie did not name the mayor, but told her supporters at the harbour, "
        "“our town is in real trouble this winter.”",
        "Ann Lie told the ferry workers who gathered in the old hall on Monday, "
        "“no one should doubt the plan for the harbour.”",
    ],
)
def test_a_quotation_after_told_and_a_long_listener_is_direct(text):
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert len(direct) == 1 and direct[0].speaker == "Ann Lie"
    assert direct[0].cue["text"] == "told"


def test_told_with_that_before_a_quotation_still_frames_it():
    text = "Ann Lie told the ferry workers in the old hall that the vote, “was a disgrace.”"
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


def test_a_quotation_set_off_by_dashes_with_its_own_cue_is_direct():
    text = (
        "Ann Lie suggested that the mayor's plan was not serious - “Again, we need to see the "
        "details,” she said - and then left the hall."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text[:8] for q in direct] == ["“Again, "]
    assert direct[0].speaker == "Ann Lie"


def test_framing_that_names_the_words_quoted_leaves_the_quotation_direct():
    text = "When the mayor used the words, “we are not there yet,” she was echoing Tom Reyes."
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == ["“we are not there yet,”"]


def test_a_quotation_its_own_sentence_introduces_with_a_colon_is_a_new_remark():
    text = (
        "“Having the old files is valuable,” said Tom Reyes, explaining he worked with the "
        "clerk, who kept the harbour records for the county: “She is the best we have.”"
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text[:8] for q in direct] == ["“Having ", "“She is "]
    assert {q.speaker for q in direct} == {"Tom Reyes"}


def test_a_participle_with_that_after_the_cue_does_not_take_the_cue_away():
    text = (
        "Ann Lie posted a comment under the story. “Keep them out!” she wrote, arguing that "
        "the town should close its gates."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == ["“Keep them out!”"]
    assert direct[0].speaker == "Ann Lie"


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the union said that, “at this point, any estimate is only a guess.”",
        "Ann Lie recalled that in 2009, “I called all my lenders and asked for more time.”",
    ],
)
def test_a_quotation_after_that_and_a_comma_is_part_of_reported_speech(text):
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


def test_a_title_followed_by_its_author_is_not_a_quote_even_after_a_cue():
    text = (
        "“We must be ready,” the admiral said. One of his recent reads, “This Kind of Harbour,” "
        "by Tom Reyes, made the point."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == ["“We must be ready,”"]


def test_a_quoted_sentence_around_an_aside_between_dashes_is_one_quote():
    text = (
        "Tom Reyes, the mayor's pollster, is confident. “I don't think the common view” -- that "
        "the mayor is out of touch -- “is going to last,” he says."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("“I don't") and direct[0].text.endswith("to last,”")


def test_a_split_quote_whose_cue_lacks_its_comma_is_still_one_quote():
    remark = "“We are trying to help the children,” she said “Ultimately the plan is about them.”"
    quote = only("Ann Lie met the parents on Monday.\n\n" + remark)
    assert quote.text == remark
    assert quote.speaker == "Ann Lie"


def test_curly_quotes_nested_in_straight_ones_stay_inside():
    text = (
        '"The department is not about “Equal Justice Under Law” any more. It is about '
        'politics," Ann Lie said.'
    )
    quote = only(text)
    assert quote.text.endswith('politics,"')
    assert quote.speaker == "Ann Lie"


def test_a_doubled_opening_mark_still_opens_one_quote():
    text = 'The council met on Monday.\n\n"“We will win the harbour vote,” Ann Lie said.'
    quote = only(text)
    assert quote.text.endswith("vote,”")
    assert quote.speaker == "Ann Lie"


def test_an_inch_mark_is_not_a_closing_quotation_mark():
    text = "“He says I am short, but I am like 6’2”, taller than him,” Tom Reyes said."
    quote = only(text)
    assert quote.text == "“He says I am short, but I am like 6’2”, taller than him,”"
    assert quote.speaker == "Tom Reyes"


def test_a_short_quotation_after_a_headline_speaker_and_colon_is_direct():
    text = (
        "Ann Lie: ‘No Regrets’ Over the Harbour Budget Vote\n\n"
        "The mayor defended her vote on Monday, telling reporters she would do it again."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [(q.text, q.speaker) for q in direct] == [("‘No Regrets’", "Ann Lie")]


def test_a_short_title_case_quotation_after_a_colon_in_a_sentence_stays_out():
    text = "Ann Lie named her favourite book: “Harbour Lights” by Tom Reyes."
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said that she would offer “a prayer” for the flooded towns.",
        "The mayor told reporters on Monday that Tom Reyes’s comments “show no respect for "
        "the harbour.”",
        "The mayor added that she would demand “a full inquiry” into the flooding.",
    ],
)
def test_a_quotation_inside_a_clause_reported_with_that_is_mixed(text):
    found = quotes(text)
    assert [q.quote_type for q in found] == ["mixed"]
    assert not found[0].text.startswith("that")  # the reported clause without its "that"
    assert found[0].speaker == "The mayor"


def test_a_that_not_after_a_cue_leaves_the_quotation_direct():
    text = "Critics of the law that the council passed, Ann Lie said, “do not understand it.”"
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [(q.text, q.speaker) for q in direct] == [("“do not understand it.”", "Ann Lie")]


@pytest.mark.parametrize(
    "text",
    [
        "“We have work to do,” she told the crowd, then praised the harbour workers. "
        "“But that work will not be finished this year.”",
        "“We have work to do,” Ann Lie said, and her deputy stepped in. “Not this year, though.”",
        "“We have work to do.” Ann Lie said - and argued for a new budget in the spring. "
        "“Nothing matters if the harbour closes.”",
    ],
)
def test_an_attribution_that_goes_on_to_a_deed_of_its_own_ends_the_remark(text):
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert len(direct) == 2
    assert direct[0].text in {"“We have work to do,”", "“We have work to do.”"}


def test_an_attribution_with_a_then_role_still_joins_the_split_quote():
    text = (
        "“My advice was not to do it,” said Tom Reyes, then the harbour master. “It was "
        "the wrong way to start.”"
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert len(direct) == 1


def test_unattributed_quotations_on_consecutive_lines_are_one_remark():
    text = (
        "The mayor gave few details in the interview.\n\n"
        "“We have to do something about the harbour.”\n"
        "“We have to be a lot tougher on the owners.”\n"
        "“We are not fighting it strongly enough.”\n\n"
        "The council meets again on Monday."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text[:12] for q in direct] == ["“We have to "]
    assert direct[0].text.endswith("strongly enough.”")


def test_unattributed_quotations_in_paragraphs_of_their_own_stay_apart():
    text = (
        "“We have to do something about the harbour.”\n\n"
        "“We have to be a lot tougher on the owners.”"
    )
    assert len([q for q in quotes(text) if q.quote_type == "direct"]) == 2


def test_a_sentence_going_on_unquoted_after_the_attribution_is_a_mixed_quote():
    text = "“It is our bad luck,” the imam said, that both men prayed at this little mosque."
    found = quotes(text)
    assert [(q.quote_type, q.text[-13:]) for q in found] == [("mixed", "little mosque")]
    assert found[0].speaker == "the imam"


def test_a_participle_after_the_attribution_leaves_the_quotation_direct():
    text = "“It is our bad luck,” the imam said, adding that both men prayed here."
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == ["“It is our bad luck,”"]


def test_a_quotation_alone_in_brackets_is_an_example_not_a_remark():
    text = (
        "Ann Lie explained how volunteers rank the voters they meet from 1 (“I will vote for "
        "Tom Reyes”) to 5 (“I will never vote for him”)."
    )
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


def test_a_quotation_with_its_cue_in_brackets_is_still_direct():
    text = "Members protested (“I want my dues back,” wrote Tom Reyes, a welder) for weeks."
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == ["“I want my dues back,”"]


def test_a_that_in_an_opening_subordinate_clause_does_not_frame_a_quotation_after_a_colon():
    text = (
        "When the mayor suggested that the port would sue the city for breaking the deal, "
        "Ann Lie fired back: “If they sue us in a court in Ohio, they are going to lose.”"
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [(q.text[:10], q.speaker) for q in direct] == [("“If they s", "Ann Lie")]


def test_a_that_clause_ending_in_a_colon_still_frames_the_quotation():
    text = (
        "The mayor noted that the port, which sued the city for breaking the deal, had few "
        "options: “In business, the question is always the price.”"
    )
    assert [q.quote_type for q in quotes(text)] == ["mixed"]


def test_a_passage_followed_by_its_link_is_an_excerpt_not_a_quote():
    text = (
        "HARBOUR NEWS—“Ferry service to end in May,” by the Gazette’s Tom Reyes: “The old ferry "
        "that has crossed the bay since 1950 will make its last run in May.” "
        "http://example.com/ferry.\n\n"
        "“We will miss it,” said Ann Lie."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == ["“We will miss it,”"]


def test_a_participle_of_saying_before_the_next_quotation_starts_a_second_remark():
    text = (
        "The mayor spoke on the pier at noon.\n\n"
        "“We will rebuild it by spring,” Ann Lie told the crowd before asking them, "
        "“Who will help us carry the stones?”"
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text[:8] for q in direct] == ["“We will", "“Who wil"]
    assert [q.speaker for q in direct] == ["Ann Lie", "Ann Lie"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor’s favourite line — “We will see after the summer” — is likely to be heard "
        "again this week.",
        "The harbour board has praised its own record—“the busiest season in our history”—and "
        "asked for more money.",
    ],
)
def test_a_quotation_after_a_dash_with_no_cue_is_an_apposition_not_a_remark(text):
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


def test_a_quotation_after_a_dash_with_its_cue_is_still_direct():
    text = "The mayor was blunt - “We need the details first,” she said - and left the room."
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == ["“We need the details first,”"]


def test_a_quotation_after_a_that_clause_ending_in_a_colon_with_no_cue_after_is_not_direct():
    text = (
        "The harbour master spoke at the meeting. He adds that the town has two choices: "
        "“We either dredge the channel or we close the port.”"
    )
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


def test_a_that_clause_ending_in_a_colon_leaves_a_quotation_with_its_own_cue_direct():
    text = (
        "Ann Lie argued that the town had lost its way: “The port is no longer the port,” she said."
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.text for q in direct] == ["“The port is no longer the port,”"]


def test_a_paragraph_quoted_in_single_marks_with_no_cue_is_a_headline():
    text = (
        "'The harbour will never close while I am the mayor.'\n\n"
        "The mayor has promised to keep the harbour open, whatever the council decides."
    )
    assert [q for q in quotes(text) if q.quote_type == "direct"] == []


def test_a_paragraph_quoted_in_double_marks_with_no_cue_is_still_a_quote():
    text = (
        "Ann Lie said the harbour would stay open.\n\n"
        "''We will never close it, whatever the council decides.''"
    )
    direct = [q for q in quotes(text) if q.quote_type == "direct"]
    assert [q.speaker for q in direct] == ["Ann Lie"]


def test_a_curly_quotation_inside_a_curly_quotation_does_not_close_it():
    text = (
        "Voters had their say.\n\n"
        "“I would rather live in what he calls “hell” than in a city he runs.” ― Ada Ruiz\n"
        "“He is not fit to lead.” ― Tom Lee"
    )
    found = [s for s in suggest(text, claims=0) if s.quote_type == "direct"]
    assert [(q.text[-11:], q.speaker) for q in found] == [
        ("y he runs.”", "Ada Ruiz"),
        ("t to lead.”", "Tom Lee"),
    ]


def test_a_quotation_left_open_is_not_taken_for_a_nested_one():
    text = "“We will win,” she said. “Then we rebuild. “Nobody doubts it,” he said."
    found = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found[0].text == "“We will win,”"
    assert any(q.text.startswith("“Nobody") or "Nobody" in q.text for q in found)


@pytest.mark.parametrize(
    "text",
    [
        "The new rules are part of the harbour plan agreed last year.",
        "Member states will have to present their plans by June.",
        "Two offers for full control of the club valued it at ten million.",
        "Parliament adopted its position on draft EU rules aimed at faster permits.",
    ],
)
def test_a_cue_word_read_as_a_noun_reports_nothing(text):
    """veto indirect/noun-cue: "rules", "states", "offers" are nouns here."""
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The ministry states that the harbour will reopen in May.", "the harbour will reopen"),
        ("Ann Lie claims the harbour will reopen in May.", "the harbour will reopen"),
    ],
)
def test_the_same_words_as_verbs_still_report(text, content):
    (quote,) = quotes(text)
    assert content in quote.text


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("The mayor said that the pier is safe.", "the pier is safe"),
        ("Ann Lie argued that, in the end, the law was fair.", "in the end, the law was fair"),
        ("The union warned THAT the workers would strike.", "the workers would strike"),
        # A "that" followed by a verb is the clause's subject, and stays.
        ("Tom Berg said that was wrong.", "that was wrong"),
        ("Tom Berg said that would help the port.", "that would help the port"),
    ],
)
def test_reported_speech_starts_after_its_that(text: str, clause: str) -> None:
    """LABELLING.md: an indirect quote is the reported clause without "that"."""
    assert [q.text for q in quotes(text)] == [clause]


def test_polnear_s_reports_keep_the_that() -> None:
    text = "The mayor said that the pier is safe."
    found = [s.text for s in suggest(text, claims=0, reports="all") if s.kind == "quote"]
    assert found == ["that the pier is safe"]


def test_two_rules_finding_one_clause_make_one_suggestion() -> None:
    text = (
        "The mayor said the bridge would open in May, while the union warned that the workers "
        "would strike."
    )
    assert [(q.text, q.speaker) for q in quotes(text)] == [
        ("the bridge would open in May", "The mayor"),
        ("the workers would strike", "the union"),
    ]
