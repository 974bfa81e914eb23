from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, need
from workbench.articles.cleanup import (
    Cleaned,
    build_body,
    clean_text,
    normalize_text,
    provisional_title,
)

FIXTURES = Path(__file__).parent / "fixtures"
PROSE = (
    "The council voted on Tuesday to close the old bridge to traffic while engineers "
    "inspect its foundations, a process expected to take at least six weeks."
)
MORE_PROSE = (
    "Residents who rely on the crossing will have to use a detour of about four kilometres, "
    "and the bus company said it would add two extra services at peak hours."
)


def read_fixture(name: str) -> str:
    if name == SAMPLE.name:
        # The shared sample is read where it lives; shared/ is not copied into the repository.
        need(SAMPLE.exists(), f"the shared sample is missing at {SAMPLE}")
        return SAMPLE.read_text(encoding="utf-8")
    return (FIXTURES / name).read_text(encoding="utf-8")


def assert_invariants(cleaned: Cleaned) -> None:
    """Check what every cleanup must guarantee, whatever the input."""
    lines = cleaned.raw.split("\n")
    removed_lines = {r.line for r in cleaned.removed}
    assert len(removed_lines) == len(cleaned.removed), "a line is removed twice"
    assert [r.line for r in cleaned.removed] == sorted(removed_lines)
    assert cleaned.body == build_body(cleaned.raw, removed_lines)
    assert cleaned.body == cleaned.body.strip()
    assert cleaned.body
    for removed in cleaned.removed:
        assert removed.text == lines[removed.line]
        assert removed.reason
    for index, line in enumerate(lines):
        if not line.strip():
            assert index not in removed_lines
            continue
        in_body = line.strip() in cleaned.body
        # Nothing is lost: each non-blank line is in the body or in removed.
        assert in_body or index in removed_lines, f"line {index} lost: {line!r}"
        if index in removed_lines:
            assert not _is_kept_line(cleaned, index), f"line {index} both kept and removed"


def _is_kept_line(cleaned: Cleaned, index: int) -> bool:
    removed_lines = {r.line for r in cleaned.removed}
    without = build_body(cleaned.raw, removed_lines | {index})
    return without != cleaned.body


def reasons_by_text(cleaned: Cleaned) -> dict[str, str]:
    return {r.text.strip(): r.reason for r in cleaned.removed}


# --- the real sample: Le Monde via The America One News --------------------------------------


@pytest.fixture
def lemonde() -> Cleaned:
    # The shared sample is read where it lives; shared/ is not copied into the repository.
    need(SAMPLE.exists(), f"the shared sample is missing at {SAMPLE}")
    return clean_text(SAMPLE.read_text(encoding="utf-8"))


def test_clean_text_sample_recovers_metadata(lemonde: Cleaned) -> None:
    assert lemonde.outlet == "Le Monde"
    assert lemonde.published == datetime.date(2024, 1, 5)
    assert lemonde.syndicated_by == "The America One News"
    assert lemonde.retrieved == datetime.date(2025, 2, 22)
    assert lemonde.is_truncated is True
    assert lemonde.language == "en"
    assert lemonde.byline == ""


def test_clean_text_sample_body_runs_from_first_sentence_to_paywall(lemonde: Cleaned) -> None:
    assert lemonde.body.startswith("On Thursday, January 4,")
    assert lemonde.body.endswith("the architect of the alliance.")
    assert "left to read" not in lemonde.body
    assert "subscribers" not in lemonde.body


def test_clean_text_sample_keeps_quotes_and_subheading(lemonde: Cleaned) -> None:
    assert (
        'The Pentagon confirmed that Washington was behind the "act of self-defense" against '
        'Al-Saidi, who was "actively involved in organizing and carrying out attacks against '
        'US troops."'
    ) in lemonde.body
    assert (
        '"On the day after the anniversary of the death of Qassem Soleimani [the Iranian '
        "general killed in a US drone strike in Baghdad on January 3, 2020], this is a "
        "deliberate message from the Americans to say that if the attacks don't stop, a senior "
        'leader will be next on the list," said Michael Knights, Iraq expert at the Washington '
        "Institute for Near East Policy."
    ) in lemonde.body
    assert (
        '"The US has noticed an increase in attacks on their bases so this is, in their eyes, a '
        'justified response," said Renad Mansour, Iraq specialist at the think tank Chatham '
        "House."
    ) in lemonde.body
    assert "\n\n'Attack on Iraqi sovereignty'\n\n" in lemonde.body


def test_clean_text_sample_removes_boilerplate_with_reasons(lemonde: Cleaned) -> None:
    reasons = reasons_by_text(lemonde)
    assert reasons["THE AMERICA ONE NEWS"] == "aggregator banner"
    assert reasons["Feb 22, 2025 \u00a0|"] == "date"
    assert reasons["0"] == "fragment"
    assert reasons["| Remer,MN"] == "fragment"
    assert reasons["Sponsor:\u00a0 QWIKET AI"] == "sponsor"
    assert reasons["Sponsor:\u00a0 QWIKET AI:\u00a0Interactive Sports Knowledge."] == "sponsor"
    assert reasons["back"] == "navigation"
    assert reasons["topic"] == "navigation"
    assert reasons["Le Monde"] == "outlet"
    assert reasons["5 Jan 2024"] == "date"
    assert reasons["Inline image"] == "image caption"
    teaser = (
        "Read more Article réservé à nos abonnés US forces face upsurge in attacks in Iraq "
        "and Syria"
    )
    assert reasons[teaser] == "teaser"
    paywall = "You have 40% of this article left to read. The rest is for subscribers only."
    assert reasons[paywall] == "paywall"
    # Both "Le Monde" lines and all four sponsor lines are accounted for.
    assert sum(r.text == "Le Monde" for r in lemonde.removed) == 2
    assert sum(r.reason == "sponsor" for r in lemonde.removed) == 4
    for text in ("Sponsor", "QWIKET", "Inline image", "Remer", "Read more", "5 Jan 2024"):
        assert text not in lemonde.body
    assert not lemonde.body.startswith(("back", "topic", "0"))


def test_clean_text_sample_title_is_provisional(lemonde: Cleaned) -> None:
    assert lemonde.title_is_provisional is True
    assert lemonde.title == provisional_title(lemonde.body)
    assert lemonde.title.startswith("On Thursday, January 4, a few hundred meters")
    assert lemonde.title.endswith("…")
    assert len(lemonde.title) <= 81


def test_clean_text_sample_loses_nothing(lemonde: Cleaned) -> None:
    assert_invariants(lemonde)


def test_clean_text_sample_keeps_non_breaking_spaces_in_body() -> None:
    text = read_fixture("lemonde-baghdad-2024-01-05.txt").replace(
        "said Renad Mansour", "said Renad\u00a0Mansour"
    )
    cleaned = clean_text(text)
    assert "said Renad\u00a0Mansour, Iraq specialist" in cleaned.body
    assert_invariants(cleaned)


def test_clean_text_sample_body_is_stable_when_a_line_moves_back() -> None:
    cleaned = clean_text(read_fixture("lemonde-baghdad-2024-01-05.txt"))
    teaser = next(r for r in cleaned.removed if r.reason == "teaser")
    body = build_body(cleaned.raw, {r.line for r in cleaned.removed} - {teaser.line})
    assert f"armed resistance to the Americans.\n\n{teaser.text}\n\nThis targeted" in body


# --- fixture 1: another aggregator's wording ------------------------------------------------


@pytest.fixture
def aggregator() -> Cleaned:
    return clean_text(read_fixture("aggregator-reuters-shutdown.txt"))


def test_clean_text_aggregator_tells_outlet_from_aggregator(aggregator: Cleaned) -> None:
    assert aggregator.syndicated_by == "NewsNow Digest"
    assert aggregator.retrieved == datetime.date(2025, 3, 4)
    assert aggregator.outlet == "Reuters"
    assert aggregator.published == datetime.date(2025, 3, 3)
    assert aggregator.is_truncated is False


def test_clean_text_aggregator_finds_headline_and_byline(aggregator: Cleaned) -> None:
    assert aggregator.title == "Senate passes stopgap bill to avert government shutdown"
    assert aggregator.title_is_provisional is False
    assert aggregator.byline == "Jane Doe and John Roe"
    reasons = reasons_by_text(aggregator)
    assert reasons["Senate passes stopgap bill to avert government shutdown"] == "headline"
    assert reasons["By Jane Doe and John Roe"] == "byline"


def test_clean_text_aggregator_removes_share_newsletter_and_footer(aggregator: Cleaned) -> None:
    reasons = reasons_by_text(aggregator)
    assert reasons["Shared via NewsNow Digest on March 4, 2025"] == "aggregator banner"
    assert reasons["Originally published by Reuters on March 3, 2025"] == "aggregator banner"
    assert reasons["Share"] == "navigation"
    assert reasons["Facebook | Twitter | Email"] == "navigation"
    assert reasons["Sign up for our daily newsletter"] == "footer"
    assert reasons["4 min read"] == "reading time"
    assert reasons["Advertisement"] == "sponsor"
    assert reasons["Related: House Republicans unveil their own spending plan"] == "teaser"
    assert reasons["© 2025 Reuters. All rights reserved."] == "footer"
    assert reasons["Follow us on X and Facebook"] == "footer"


def test_clean_text_aggregator_body_keeps_subheading_and_quotes(aggregator: Cleaned) -> None:
    assert aggregator.body.startswith("WASHINGTON, March 3 (Reuters) - The U.S. Senate")
    assert aggregator.body.endswith("in April, aides said.")
    assert "\n\nWhat happens next\n\n" in aggregator.body
    assert '"This is a blank check," said Senator Patty Murray' in aggregator.body
    assert_invariants(aggregator)


# --- fixture 2: French article with a French paywall ----------------------------------------


@pytest.fixture
def figaro() -> Cleaned:
    return clean_text(read_fixture("lefigaro-liban-fr.txt"))


def test_clean_text_french_recovers_metadata(figaro: Cleaned) -> None:
    assert figaro.outlet == "Le Figaro"
    assert figaro.byline == "Jean Dupont"
    # "Publié le 12 février…, mis à jour le 13 février…": the first is the publication date.
    assert figaro.published == datetime.date(2025, 2, 12)
    assert (
        figaro.title == "Au Liban, le Sud attend toujours les fonds promis pour la reconstruction"
    )
    assert figaro.title_is_provisional is False
    assert figaro.language == "fr"
    assert figaro.syndicated_by == ""


def test_clean_text_french_paywall_with_narrow_no_break_space(figaro: Cleaned) -> None:
    assert figaro.is_truncated is True
    reasons = reasons_by_text(figaro)
    notice = "Il vous reste 62\u202f% de cet article à lire. La suite est réservée aux abonnés."
    assert reasons[notice] == "paywall"
    assert reasons["Déjà abonné\u202f? Se connecter"] == "after paywall"
    assert reasons["Offre spéciale\u00a0: 1 € le premier mois"] == "after paywall"
    assert figaro.body.endswith("\n\nUne aide qui tarde")


def test_clean_text_french_removes_teaser_and_navigation(figaro: Cleaned) -> None:
    reasons = reasons_by_text(figaro)
    assert reasons["Lire aussi\u00a0| Au Liban, la trêve fragile mise à l’épreuve"] == "teaser"
    assert reasons["Accueil › International › Proche-Orient"] == "navigation"
    assert reasons["Partager"] == "navigation"
    assert "Lire aussi" not in figaro.body


def test_clean_text_french_keeps_guillemets_with_no_break_spaces(figaro: Cleaned) -> None:
    assert "«\u00a0Nous avons tout perdu, la maison, les oliviers, l’atelier\u00a0»" in figaro.body
    assert "«\u00a0sans délai\u00a0»" in figaro.body
    assert_invariants(figaro)


# --- fixture 3: a clean wire story -----------------------------------------------------------


def test_clean_text_clean_wire_story_comes_through_untouched() -> None:
    text = read_fixture("wire-reuters-clean.txt")
    cleaned = clean_text(text)
    assert cleaned.body == text.strip()
    assert cleaned.removed == []
    assert cleaned.is_truncated is False
    assert cleaned.title_is_provisional is True
    assert cleaned.title.startswith("WASHINGTON, March 3 (Reuters) - The U.S. Senate on Monday")
    # The dateline credits the wire service.
    assert cleaned.outlet == "Reuters"
    assert_invariants(cleaned)


def test_clean_text_clean_input_body_equals_normalized_input() -> None:
    quote = "\u00abQuote\u00a0!\u00bb she said, smiling at the crowd of reporters."
    text = f"{PROSE}\n\n{quote}\n\n{MORE_PROSE}\n"
    cleaned = clean_text(text)
    assert cleaned.body == normalize_text(text).strip()
    assert cleaned.removed == []


# --- header zone: outlet, banner, dates, byline, generic (not tuned to one file) -------------


def test_clean_text_unknown_outlet_from_repetition_and_banner_title_case() -> None:
    text = (
        "THE VOICE OF THE NORTH\nJan 10, 2025\nHarbour Gazette\nHarbour Gazette\n"
        f"12 December 2024\n\n{PROSE}\n\n{MORE_PROSE}"
    )
    cleaned = clean_text(text)
    assert cleaned.syndicated_by == "The Voice of the North"
    assert cleaned.retrieved == datetime.date(2025, 1, 10)
    assert cleaned.outlet == "Harbour Gazette"
    assert cleaned.published == datetime.date(2024, 12, 12)
    assert_invariants(cleaned)


def test_clean_text_unknown_outlet_from_line_before_date() -> None:
    cleaned = clean_text(f"Valley Courier\nMarch 3, 2025\n\n{PROSE}")
    assert cleaned.outlet == "Valley Courier"
    assert cleaned.published == datetime.date(2025, 3, 3)
    assert cleaned.syndicated_by == ""
    assert cleaned.retrieved is None


@pytest.mark.parametrize(
    "line",
    [
        "5 Jan 2024",
        "Jan 5, 2024",
        "Jan. 5, 2024",
        "January 5, 2024",
        "January 5th, 2024",
        "2024-01-05",
        "2024-01-05T09:30:00Z",
        "5 janvier 2024",
        "Published on January 5, 2024",
        "Published 5 Jan 2024, 10:32 a.m. ET",
        "Updated Jan 5, 2024 at 10:32 GMT",
        "Friday, January 5, 2024",
        "Publié le 5 janvier 2024 à 10h32",
        "Mis à jour le vendredi 5 janvier 2024",
        "05.01.2024",
        "Le Monde · 5 Jan 2024",
    ],
)
def test_clean_text_parses_header_dates(line: str) -> None:
    cleaned = clean_text(f"{line}\n\n{PROSE}")
    assert cleaned.published == datetime.date(2024, 1, 5)
    assert reasons_by_text(cleaned)[line] == "date"


def test_clean_text_date_line_with_known_outlet_sets_outlet() -> None:
    cleaned = clean_text(f"Le Monde · 5 Jan 2024\n\n{PROSE}")
    assert cleaned.outlet == "Le Monde"


def test_clean_text_ignores_impossible_and_ambiguous_dates() -> None:
    cleaned = clean_text(f"31 February 2024\n03/04/2025\n\n{PROSE}")
    assert cleaned.published is None
    assert_invariants(cleaned)


@pytest.mark.parametrize(
    ("line", "byline", "outlet"),
    [
        ("By Jane Doe", "Jane Doe", ""),
        ("By Jane Doe, Reuters", "Jane Doe", "Reuters"),
        ("By Jane Doe and John Roe | The Guardian", "Jane Doe and John Roe", "The Guardian"),
        ("Par Jean Dupont", "Jean Dupont", ""),
        ("Par Jean Dupont et Marie Curie", "Jean Dupont et Marie Curie", ""),
    ],
)
def test_clean_text_reads_bylines(line: str, byline: str, outlet: str) -> None:
    cleaned = clean_text(f"Bridge closes for six weeks of repairs\n{line}\n\n{PROSE}")
    assert cleaned.byline == byline
    assert cleaned.outlet == outlet
    assert reasons_by_text(cleaned)[line] == "byline"
    assert cleaned.title == "Bridge closes for six weeks of repairs"


def test_clean_text_headline_in_header_becomes_title() -> None:
    cleaned = clean_text(f"Politics\nBridge closes for six weeks of repairs\n\n{PROSE}")
    assert cleaned.title == "Bridge closes for six weeks of repairs"
    assert cleaned.title_is_provisional is False
    assert reasons_by_text(cleaned)["Bridge closes for six weeks of repairs"] == "headline"
    assert cleaned.body == PROSE


def test_clean_text_markdown_headline_becomes_title() -> None:
    cleaned = clean_text(f"# Bridge closes for six weeks of repairs\n\n{PROSE}\n\n## Detours")
    assert cleaned.title == "Bridge closes for six weeks of repairs"
    assert cleaned.body == f"{PROSE}\n\n## Detours"


def test_clean_text_header_with_sections_subtitle_and_updated_date() -> None:
    text = (
        "World\nShare\nBridge closes for six weeks of repairs\n"
        "Why the old crossing needs urgent work on its foundations\n"
        "By Jane Doe, CNN\nPublished January 4, 2024\nUpdated 10:32 a.m. ET, Fri January 5, 2024"
        f"\n\n{PROSE}"
    )
    cleaned = clean_text(text)
    reasons = reasons_by_text(cleaned)
    assert reasons["World"] == "section label"
    assert reasons["Why the old crossing needs urgent work on its foundations"] == "header"
    assert cleaned.title == "Bridge closes for six weeks of repairs"
    assert (cleaned.byline, cleaned.outlet) == ("Jane Doe", "CNN")
    assert cleaned.published == datetime.date(2024, 1, 4)
    assert cleaned.body == PROSE


def test_clean_text_updated_date_stands_in_for_a_missing_publication_date() -> None:
    cleaned = clean_text(f"By Jane Doe\nUpdated Jan 5, 2024 at 10:32 GMT\n\n{PROSE}")
    assert cleaned.published == datetime.date(2024, 1, 5)


@pytest.mark.parametrize(
    ("line", "syndicated_by", "outlet"),
    [
        ("Source: Example Wire", "Example Wire", ""),
        ("Source: AFP", "", "AFP"),
        ("Syndicated by Daily Brief Network", "Daily Brief Network", ""),
        ("This story was originally published by The Conversation.", "", "The Conversation"),
    ],
)
def test_clean_text_reads_aggregator_wording(line: str, syndicated_by: str, outlet: str) -> None:
    cleaned = clean_text(f"{line}\n\n{PROSE}")
    assert cleaned.syndicated_by == syndicated_by
    assert cleaned.outlet == outlet
    assert reasons_by_text(cleaned)[line] == "aggregator banner"


def test_clean_text_data_source_in_body_stays() -> None:
    cleaned = clean_text(f"{PROSE}\n\nSource: Ministry of Health\n\n{MORE_PROSE}")
    assert "Source: Ministry of Health" in cleaned.body
    assert cleaned.syndicated_by == ""


# --- body zone: only explicit boilerplate goes ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "sponsor"),
        ("Sponsored by Acme Bank", "sponsor"),
        ("Publicité", "sponsor"),
        ("Share", "navigation"),
        ("Back to top", "navigation"),
        ("Skip to content", "navigation"),
        ("Share on Facebook Share on Twitter", "navigation"),
        ("Tags: Iraq, Syria, United States", "navigation"),
        ("Home > World > Middle East", "navigation"),
        ("Photo: Jane Doe/AFP", "image caption"),
        ("Soldiers at a checkpoint in Baghdad. (Getty Images)", "image caption"),
        ("Play video", "image caption"),
        ("Listen to this article", "image caption"),
        ("Read also: Iraq's militias and the US", "teaser"),
        ("See also: How the strike unfolded", "teaser"),
        ("Related: Iran's proxies in the region", "teaser"),
        ("À lire aussi : Les milices irakiennes", "teaser"),
        ("Lire aussi | Les milices irakiennes", "teaser"),
        ("Sign up for our newsletter", "footer"),
        ("Follow us on Instagram", "footer"),
        ("© 2025 Example Media", "footer"),
        ("Example Media. All rights reserved.", "footer"),
        ("Tous droits réservés", "footer"),
        ("We use cookies to improve your experience.", "cookie notice"),
    ],
)
def test_clean_text_removes_body_boilerplate(line: str, reason: str) -> None:
    cleaned = clean_text(f"{PROSE}\n\n{line}\n\n{MORE_PROSE}")
    assert reasons_by_text(cleaned) == {line: reason}
    assert cleaned.body == f"{PROSE}\n\n{MORE_PROSE}"


@pytest.mark.parametrize(
    "line",
    [
        "Background",
        "Reaction",
        "'Attack on Iraqi sovereignty'",
        "Related to this, the mayor said talks with the regional government would continue.",
        "Sponsored by the state, the programme has trained four hundred engineers since 2019.",
        "More from the same family were questioned by police later that evening.",
        "The loan carries a tax credit: $500.",
        "Found on Monday.",
    ],
)
def test_clean_text_keeps_ordinary_body_lines(line: str) -> None:
    text = f"{PROSE}\n\n{line}\n\n{MORE_PROSE}"
    cleaned = clean_text(text)
    assert cleaned.removed == []
    assert cleaned.body == text


@pytest.mark.parametrize(
    "notice",
    [
        "You have 40% of this article left to read. The rest is for subscribers only.",
        "The rest of this article is for subscribers only.",
        "Subscribe to continue reading.",
        "This article is for subscribers only.",
        "Il vous reste 62 % de cet article à lire.",
        "Il vous reste 62\u202f% de cet article à lire.",
        "La suite est réservée aux abonnés.",
    ],
)
def test_clean_text_cuts_everything_after_a_paywall(notice: str) -> None:
    cleaned = clean_text(f"{PROSE}\n\n{notice}\n{MORE_PROSE}\n\nSign up for our newsletter")
    assert cleaned.is_truncated is True
    assert cleaned.body == PROSE
    reasons = reasons_by_text(cleaned)
    assert reasons[notice] == "paywall"
    assert reasons[MORE_PROSE] == "after paywall"
    assert reasons["Sign up for our newsletter"] == "footer"
    assert_invariants(cleaned)


# --- paragraphs and hard wrapping -------------------------------------------------------------


def test_build_body_joins_hard_wrapped_lines() -> None:
    wrapped = (
        "The council voted on Tuesday to close the old bridge to traffic while\n"
        "engineers inspect its foundations, a process that the city expects to\n"
        "take at least six weeks and that could be extended if the divers find\n"
        "more damage."
    )
    cleaned = clean_text(f"{wrapped}\n\n{MORE_PROSE}")
    assert cleaned.body == f"{wrapped}\n\n{MORE_PROSE}"
    assert cleaned.removed == []


def test_build_body_splits_unwrapped_lines_of_one_block_into_paragraphs() -> None:
    text = f"{PROSE}\n{MORE_PROSE}\nBackground"
    cleaned = clean_text(text)
    assert cleaned.body == f"{PROSE}\n\n{MORE_PROSE}\n\nBackground"


def test_build_body_separates_blocks_by_one_blank_line_and_strips_edges_only() -> None:
    raw = "  first line\t\n\n\n\n\tsecond\u00a0line \n\u00a0\nthird"
    assert build_body(raw, set()) == "first line\n\nsecond\u00a0line\n\nthird"
    assert build_body(raw, {4}) == "first line\n\nthird"
    assert build_body(raw, frozenset({0, 4, 6})) == ""


def test_build_body_is_a_pure_function_of_raw_and_removed_lines() -> None:
    cleaned = clean_text(read_fixture("aggregator-reuters-shutdown.txt"))
    removed = {r.line for r in cleaned.removed}
    assert build_body(cleaned.raw, removed) == build_body(cleaned.raw, frozenset(removed))
    assert build_body(cleaned.raw, removed) == cleaned.body


def test_clean_text_one_word_subheading_mid_body_survives() -> None:
    cleaned = clean_text(f"{PROSE}\n\nBackground\n\n{MORE_PROSE}")
    assert cleaned.body == f"{PROSE}\n\nBackground\n\n{MORE_PROSE}"


# --- normalization and errors -----------------------------------------------------------------


def test_clean_text_crlf_input_matches_lf_input() -> None:
    text = read_fixture("lemonde-baghdad-2024-01-05.txt")
    crlf = clean_text(text.replace("\n", "\r\n"))
    assert "\r" not in crlf.raw
    assert "\r" not in crlf.body
    assert crlf == clean_text(text)
    assert clean_text(text.replace("\n", "\r")).body == crlf.body


def test_clean_text_normalizes_decomposed_accents_to_nfc() -> None:
    decomposed = "Le pre\u0301fet a annonce\u0301 la fermeture du pont pour des travaux urgents."
    cleaned = clean_text(f"{decomposed}\n\n{MORE_PROSE}")
    assert "préfet a annoncé" in cleaned.body
    assert "\u0301" not in cleaned.raw


def test_normalize_text_strips_bom_and_keeps_no_break_spaces() -> None:
    assert normalize_text("\ufeffa\u00a0b\r\nc\rd\u202f!") == "a\u00a0b\nc\nd\u202f!"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\ufeff", "\u00a0\r\n"])
def test_clean_text_rejects_empty_input(text: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        clean_text(text)


def test_clean_text_rejects_input_with_nothing_but_boilerplate() -> None:
    with pytest.raises(ValueError, match="No article text is left"):
        clean_text("Advertisement\nShare\nBack to top\n\n© 2025 Example Media")


# --- provisional titles ------------------------------------------------------------------------


def test_provisional_title_uses_a_short_first_sentence() -> None:
    assert provisional_title("The bridge is closed. Traffic is diverted.") == "The bridge is closed"


def test_provisional_title_skips_abbreviations() -> None:
    body = "The U.S. Senate passed the bill. It now goes to the House."
    assert provisional_title(body) == "The U.S. Senate passed the bill"


def test_provisional_title_cuts_long_sentences_at_a_word_boundary() -> None:
    title = provisional_title(PROSE)
    assert (
        title == "The council voted on Tuesday to close the old bridge to traffic while engineers…"
    )
    assert len(title) <= 81


def test_provisional_title_of_empty_body_is_empty() -> None:
    assert provisional_title("") == ""


def test_clean_text_reads_aggregator_and_date_sharing_a_line() -> None:
    text = (
        "DAILY WIRE DIGEST\n"
        "Mar 3, 2025 | Shared via NewsNow\n"
        "Advertisement\n"
        "Health ministry says clinic waiting times fell by a third\n"
        "By Sara Lindqvist\n"
        "The Nordic Herald\n"
        "2 Mar 2025\n\n"
        f"{PROSE}\n\n{MORE_PROSE}\n"
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Health ministry says clinic waiting times fell by a third"
    assert not cleaned.title_is_provisional
    assert (cleaned.syndicated_by, cleaned.retrieved) == ("NewsNow", datetime.date(2025, 3, 3))
    assert (cleaned.outlet, cleaned.published) == ("The Nordic Herald", datetime.date(2025, 3, 2))
    assert cleaned.byline == "Sara Lindqvist"
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["DAILY WIRE DIGEST"] == "aggregator banner"
    assert reasons["Mar 3, 2025 | Shared via NewsNow"] == "aggregator banner"
    assert cleaned.body == f"{PROSE}\n\n{MORE_PROSE}"
