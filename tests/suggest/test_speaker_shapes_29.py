"""Speaker names on world news, the twenty-second rule pass (issue 15): a later short form of
a name given in full before ("Luiz Inácio Lula da Silva" … "Lula said", "Ursula von der
Leyen" … "Von der Leyen said", "Ahmed al-Sharaa" … "Al-Sharaa said"); an office, a comma, the
name and a comma before the verb ("The Chief Minister of Punjab, Ann Lie, said"); a
description that the next or previous sentence names ("a military spokesman said … Col. Bo
Berg, the army's spokesman, added"); "the President's wife" where the article names her; and
offices the lexicon did not know ("Ceann Comhairle", "Taoiseach", "Emir"). Sentences written
for these tests, in the style of wire and public-broadcaster reports; names and places
invented where the shape allows it."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, speaker_of


def _first(text: str, words: str):
    found = [q for q in quotes(text) if words in q.text]
    assert found, [(q.text, q.speaker) for q in quotes(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Brazil's President Luiz Inácio Lula da Silva arrived in Rome on Monday. Lula said "
            "the talks with the Pope had been productive.",
            "talks with the Pope",
            "Luiz Inácio Lula da Silva",
        ),
        (
            "European Commission President Ursula von der Leyen visited Kyiv on Friday. Von der "
            "Leyen said Europe would stand by Ukraine for as long as it takes.",
            "Europe would stand by Ukraine",
            "Ursula von der Leyen",
        ),
        (
            "European Commission President Ursula von der Leyen visited Kyiv on Friday. Europe "
            "would stand by Ukraine, von der Leyen said.",
            "Europe would stand by Ukraine",
            "Ursula von der Leyen",
        ),
        (
            "Syria's interim president Ahmed al-Sharaa met the envoy in Damascus on Sunday. "
            "Al-Sharaa said the country needed investment to rebuild.",
            "country needed investment",
            "Ahmed al-Sharaa",
        ),
        (
            "Saudi Crown Prince Mohammed bin Salman hosted the talks in Riyadh. Bin Salman said "
            "the kingdom wanted a lasting deal.",
            "kingdom wanted a lasting deal",
            "Mohammed bin Salman",
        ),
        (
            "Mark van der Berg, the dyke warden, said the water would hold. Van der Berg added "
            "that the river was falling.",
            "river was falling",
            "Mark van der Berg",
        ),
        (
            "Mark van der Berg, the dyke warden, said the water would hold.",
            "water would hold",
            "Mark van der Berg",
        ),
    ],
)
def test_a_later_short_form_is_the_name_given_in_full(text, words, speaker):
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # no one named before bears the short form: it stays as written
        (
            "The talks in Rome ended on Monday. Lula said they had been productive.",
            "had been productive",
            "Lula",
        ),
        (
            "Luiz Inácio Lula da Silva arrived in Rome on Monday with Ann Lie. Lie said the "
            "talks had been productive.",
            "talks had been productive",
            "Ann Lie",
        ),
        # Xi and Erdoğan were right before, and stay so
        (
            "Chinese President Xi Jinping met his counterpart in Beijing. Xi said the two "
            "countries should be partners.",
            "should be partners",
            "Xi Jinping",
        ),
        (
            "Turkish President Recep Tayyip Erdoğan spoke in Ankara. Erdogan said Turkey would "
            "not back down.",
            "would not back down",
            "Recep Tayyip Erdoğan",
        ),
    ],
)
def test_a_short_form_with_no_fuller_name_stays(text, words, speaker):
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        (
            "The Chief Minister of Punjab, Ann Lie, said the floods had destroyed 200 villages.",
            "floods had destroyed",
            "Ann Lie",
            "Chief Minister of Punjab",
        ),
        (
            "The UN Secretary-General, Bo Berg, said the ceasefire must hold.",
            "ceasefire must hold",
            "Bo Berg",
            "The UN Secretary-General",
        ),
        (
            "Norland's Minister of Information, Ann Lie, said the ban would stay.",
            "ban would stay",
            "Ann Lie",
            "Minister of Information",
        ),
        (
            "The vote was close.\n\nThe Prime Minister, Ann Lie, said that the bill fails.",
            "the bill fails",
            "Ann Lie",
            "Prime Minister",
        ),
    ],
)
def test_an_office_then_the_name_between_commas(text, words, speaker, role):
    found = _first(text, words)
    assert (found.speaker, found.role) == (speaker, role)


def test_a_body_then_its_name_between_commas_stays_the_body():
    # "the union, the Norland Dockers Union, said": a body named twice, no office
    text = "A rival union, the Norland Dockers Union, said the strike would go on."
    assert speaker_of(text, "strike would go on") == "Norland Dockers Union"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "A military spokesman said the strikes had hit weapons depots near Ostia. Col. Bo "
            "Berg, the army's spokesman, added that more strikes would follow.",
            "hit weapons depots",
            "Bo Berg",
        ),
        (
            "Col. Bo Berg, the army's spokesman, said the strikes had hit weapons depots. A "
            "military spokeswoman added that more strikes would follow.",
            "more strikes would follow",
            "A military spokeswoman",
        ),
    ],
)
def test_a_description_named_in_the_next_sentence(text, words, speaker):
    assert speaker_of(text, words) == speaker


def test_a_description_of_another_body_stays_unresolved():
    text = (
        "A police spokesman said the strikes had hit weapons depots near Ostia. Col. Bo Berg, "
        "the army's spokesman, added that more strikes would follow."
    )
    found = _first(text, "hit weapons depots")
    assert (found.speaker, found.speaker_resolved) == ("A police spokesman", False)


def test_the_presidents_wife_named_before():
    text = (
        "President Ann Lie's wife, Eva Berg, opened the hospital on Monday. The President's "
        "wife said the country needed more doctors."
    )
    assert speaker_of(text, "needed more doctors") == "Eva Berg"


def test_the_presidents_wife_not_named_stays():
    text = (
        "President Bo Berg opened the hospital on Monday. The President's wife said the country "
        "needed more doctors."
    )
    found = _first(text, "needed more doctors")
    assert found.speaker != "Bo Berg" and not found.speaker_resolved


@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        (
            "Ceann Comhairle Seán Ó Fearghaíl said the debate would resume on Tuesday.",
            "debate would resume",
            "Seán Ó Fearghaíl",
            "Ceann Comhairle",
        ),
        (
            "Taoiseach Micheál Martin said the budget would pass before Christmas.",
            "budget would pass",
            "Micheál Martin",
            "Taoiseach",
        ),
        (
            "Emir Tamim bin Hamad Al Thani said the talks would continue in Doha.",
            "talks would continue",
            "Tamim bin Hamad Al Thani",
            "Emir",
        ),
        (
            "Brig. Gen. Ann Lie said the troops were ready to move.",
            "troops were ready",
            "Ann Lie",
            "Brig. Gen.",
        ),
    ],
)
def test_an_office_before_the_name_is_its_role(text, words, speaker, role):
    found = _first(text, words)
    assert (found.speaker, found.role) == (speaker, role)
