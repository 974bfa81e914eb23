from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import trafilatura

from tests.articles.test_cleanup import assert_invariants, reasons_by_text
from tests.conftest import SAMPLE, need
from workbench.articles import extract
from workbench.articles.cleanup import Cleaned
from workbench.articles.extract import NO_ARTICLE_MESSAGE, clean_html, looks_like_html

FIXTURES = Path(__file__).parent / "fixtures"


def read_fixture(name: str) -> str:
    if name == SAMPLE.name:
        # The shared sample is read where it lives; shared/ is not copied into the repository.
        need(SAMPLE.exists(), f"the shared sample is missing at {SAMPLE}")
        return SAMPLE.read_text(encoding="utf-8")
    return (FIXTURES / name).read_text(encoding="utf-8")


# --- looks_like_html ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "harbour-gazette-news.html",
        "quotidien-paywall-fr.html",
        "broken-page.html",
        "no-text-page.html",
    ],
)
def test_looks_like_html_accepts_pages(name: str) -> None:
    assert looks_like_html(read_fixture(name))


@pytest.mark.parametrize(
    "text",
    [
        "<p>Pasted paragraph one.</p>\n<p>Pasted paragraph two.</p><br>",
        '\ufeff<?xml version="1.0" encoding="utf-8"?>\n<html><body>x</body></html>',
        "<!-- saved page -->\n<!DOCTYPE html><title>x</title>",
    ],
)
def test_looks_like_html_accepts_fragments_and_prologues(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "name",
    ["lemonde-baghdad-2024-01-05.txt", "wire-reuters-clean.txt", "lefigaro-liban-fr.txt"],
)
def test_looks_like_html_rejects_plain_text(name: str) -> None:
    assert not looks_like_html(read_fixture(name))


def test_looks_like_html_rejects_text_with_angle_brackets() -> None:
    assert not looks_like_html("Inflation was < 2% in May and > 3% in June <sigh>.")


# --- a news page with nav, header, footer, aside and cookie banner ---------------------------


@pytest.fixture
def gazette() -> Cleaned:
    return clean_html(read_fixture("harbour-gazette-news.html"), url="https://gazette.example/a")


def test_clean_html_news_page_metadata(gazette: Cleaned) -> None:
    assert gazette.title == "Port strike ends after 12 days as dockers accept pay deal"
    assert gazette.title_is_provisional is False
    assert gazette.byline == "Maria Lopez"
    assert gazette.outlet == "The Harbour Gazette"
    assert gazette.published == datetime.date(2025, 3, 3)
    assert gazette.language == "en"
    assert gazette.is_truncated is False
    assert gazette.syndicated_by == ""


def test_clean_html_news_page_body_is_the_article(gazette: Cleaned) -> None:
    assert gazette.body.startswith("Dockers at the port of Southhaven voted on Sunday")
    assert gazette.body.endswith("a one-off payment of £500 for each worker.")
    assert "\n\nCostly dispute\n\n" in gazette.body
    assert gazette.body.count("\n\n") == 5
    for boilerplate in ("cookies", "Home", "Read more", "Shipping costs rise", "©", "Privacy"):
        assert boilerplate not in gazette.body


def test_clean_html_news_page_keeps_no_break_spaces(gazette: Cleaned) -> None:
    assert "said Ellen\u00a0Marsh, the union's regional secretary" in gazette.body


def test_clean_html_news_page_raw_is_visible_text_only(gazette: Cleaned) -> None:
    assert "dataLayer" not in gazette.raw
    assert "font-family" not in gazette.raw
    assert "<" not in gazette.raw
    assert "\n\n\n" not in gazette.raw
    assert gazette.raw.split("\n")[0].startswith("We use cookies")


def test_clean_html_news_page_labels_removed_lines(gazette: Cleaned) -> None:
    reasons = reasons_by_text(gazette)
    assert reasons["Port strike ends after 12 days as dockers accept pay deal"] == "headline"
    assert reasons["By Maria Lopez"] == "byline"
    assert reasons["3 March 2025"] == "date"
    assert reasons["The Harbour Gazette"] == "outlet"
    assert reasons["Accept all cookies"] == "cookie notice"
    assert reasons["Home"] == "navigation"
    assert reasons["Sport"] == "page boilerplate"
    assert reasons["Read more"] == "teaser"
    assert reasons["Shipping costs rise as strike drags on"] == "page boilerplate"
    assert reasons["© 2025 The Harbour Gazette. All rights reserved."] == "footer"


def test_clean_html_news_page_loses_nothing(gazette: Cleaned) -> None:
    assert_invariants(gazette)


def test_clean_html_falls_back_to_htmldate(monkeypatch: pytest.MonkeyPatch) -> None:
    real = trafilatura.bare_extraction

    def without_date(*args: object, **kwargs: object) -> object:
        document = real(*args, **kwargs)
        document.date = None
        return document

    monkeypatch.setattr(extract.trafilatura, "bare_extraction", without_date)
    cleaned = clean_html(read_fixture("harbour-gazette-news.html"))
    assert cleaned.published == datetime.date(2025, 3, 3)


# --- a French page: the text rules still run on what trafilatura kept ------------------------


def test_clean_html_catches_teaser_and_paywall_inside_the_article() -> None:
    cleaned = clean_html(read_fixture("quotidien-paywall-fr.html"))
    reasons = reasons_by_text(cleaned)
    assert reasons["Lire aussi | Transports : la gratuité des bus relancée à Montpellier"] == (
        "teaser"
    )
    notice = "Il vous reste 58\u202f% de cet article à lire. La suite est réservée aux abonnés."
    assert reasons[notice] == "paywall"
    assert cleaned.is_truncated is True
    assert cleaned.language == "fr"
    assert cleaned.title == "À Marseille, les bus électriques se font attendre"
    assert cleaned.byline == "Claire Martin"
    assert cleaned.outlet == "Le Quotidien du Sud"
    assert cleaned.published == datetime.date(2025, 3, 4)
    assert cleaned.body.endswith("selon un document consulté par notre journal.")
    assert "«\u00a0On nous a vendu une révolution, on a eu des retards\u00a0»" in cleaned.body
    assert_invariants(cleaned)


# --- broken and empty pages ------------------------------------------------------------------


def test_clean_html_extracts_what_a_broken_page_has() -> None:
    cleaned = clean_html(read_fixture("broken-page.html"))
    assert cleaned.body.startswith("Residents of the lower valley were told on Tuesday")
    assert "said Kate Olsen, the county's emergency manager" in cleaned.body
    assert "Shelters have opened in two schools" in cleaned.body
    assert reasons_by_text(cleaned)["Advertisement"] == "sponsor"
    assert_invariants(cleaned)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n ",
        "<<<>>>",
        "<html",
        "\x00\x01<p>\x02",
        "</div></p></body>",
        "<html><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        # An unclosed <title> swallows the page, in browsers as in lxml.
        "<html><head><title>Flood<body><p>" + "Residents were told to leave. " * 20,
    ],
)
def test_clean_html_rejects_pages_without_article_text(html: str) -> None:
    with pytest.raises(ValueError, match=f"^{NO_ARTICLE_MESSAGE}$"):
        clean_html(html)


def test_clean_html_rejects_a_page_with_no_text() -> None:
    with pytest.raises(ValueError, match=f"^{NO_ARTICLE_MESSAGE}$"):
        clean_html(read_fixture("no-text-page.html"))


def test_clean_html_accepts_xml_declaration_and_entities() -> None:
    paragraph = "The ferry service resumed on Friday after a week of storms&nbsp;&amp; repairs. "
    html = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xml:lang="en"><body><article>'
        f"<p>{paragraph * 6}</p><p>{paragraph * 5}</p></article></body></html>"
    )
    cleaned = clean_html(html)
    assert "storms\u00a0& repairs" in cleaned.body
    assert cleaned.language == "en"
    assert_invariants(cleaned)


def test_clean_html_language_comes_from_the_page_not_the_text() -> None:
    paragraph = "The ferry service resumed on Friday after a week of storms and repairs. "
    html = f'<html lang="pt-BR"><body><article><p>{paragraph * 8}</p></article></body></html>'
    assert clean_html(html).language == "pt"
