"""Extract an article from an HTML page into the same raw/body/removed model as pasted text.

The page's visible text becomes ``raw`` (one line per block element, blocks separated by a
blank line). trafilatura decides which of those lines are the article; the lines it dropped
are removed as page boilerplate, and the pasted-text rules then run on the rest, so a
leftover "Read more" or paywall notice is still caught and ``body == build_body(raw,
removed)`` holds exactly as for pasted text.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import re

import htmldate
import trafilatura
from lxml import etree
from lxml import html as lxml_html

from workbench.articles.cleanup import (
    Cleaned,
    clean_normalized,
    explain_line,
    normalize_text,
)

NO_ARTICLE_MESSAGE = "No article text found in this HTML page."
PAGE_BOILERPLATE = "page boilerplate"

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|article|section|main|body|html|head|meta|script|style|ul|li"
    r"|table|img|nav|header|footer)\b[^<>]*>",
    re.IGNORECASE,
)
# Control characters make lxml refuse a page altogether; they are never visible text.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_INVISIBLE_TAGS = ("head", "script", "style", "noscript", "template", "svg", "math", "iframe")
_BLOCK_TAGS = frozenset(
    re.findall(
        r"\w+",
        """
        address article aside blockquote body button caption dd details dialog div dl dt
        fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend
        li main menu nav ol option p pre section select summary table tbody td textarea tfoot
        th thead tr ul
        """,
    )
)
# HTML collapses these; a no-break space is not HTML whitespace and stays as text.
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_LIST_BULLET = re.compile(r"^[-*•]\s+")
_WHITESPACE = re.compile(r"\s+")
# A short line ("Share", "Politics") would match inside any paragraph, so only lines this
# long may count as kept when they appear inside a longer extracted line.
_MIN_SUBSTRING_MATCH = 25


def looks_like_html(text: str) -> bool:
    """Tell whether pasted or uploaded text is an HTML page rather than plain text."""
    text = text.lstrip("\ufeff")
    if _HTML_START.match(text[:4000]):
        return True
    return len(_HTML_TAG.findall(text[:20000])) >= 3


def clean_html(html: str, url: str = "") -> Cleaned:
    """Extract the article from an HTML page and recover its metadata."""
    html = _CONTROL_CHARS.sub("", html.lstrip("\ufeff"))
    root = _parse(html)
    raw = normalize_text(_visible_text(root))
    document = _extract(html, url)
    if not raw.strip() or document is None or not (document.text or "").strip():
        raise ValueError(NO_ARTICLE_MESSAGE)
    title = normalize_text(document.title or "").strip()
    outlet = normalize_text(document.sitename or "").strip()
    pre_removed = _lines_not_kept(
        raw, normalize_text(document.text), {"headline": title, "outlet": outlet}
    )
    try:
        cleaned = clean_normalized(raw, pre_removed=pre_removed)
    except ValueError as error:
        raise ValueError(NO_ARTICLE_MESSAGE) from error
    return dataclasses.replace(
        cleaned,
        title=title or cleaned.title,
        title_is_provisional=not title and cleaned.title_is_provisional,
        outlet=outlet or cleaned.outlet,
        byline=normalize_text(document.author or "").strip() or cleaned.byline,
        published=_date(document.date) or _fallback_date(html, url) or cleaned.published,
        is_truncated=cleaned.is_truncated or "paywall" in pre_removed.values(),
        language=_page_language(root) or cleaned.language,
    )


def _parse(html: str) -> lxml_html.HtmlElement:
    """Parse a page leniently; turn any parser failure into the no-article error."""
    # Bytes, because lxml refuses a str that starts with an XML encoding declaration.
    data = html.encode("utf-8")
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except (etree.LxmlError, ValueError) as error:
        raise ValueError(NO_ARTICLE_MESSAGE) from error
    if root is None:
        raise ValueError(NO_ARTICLE_MESSAGE)
    return root


def _visible_text(root: lxml_html.HtmlElement) -> str:
    """Return the page's visible text: one line per block element, blank lines between."""
    # Work on a copy: the language lookup still needs <head> and its meta tags.
    page = copy.deepcopy(root)
    etree.strip_elements(page, *_INVISIBLE_TAGS, with_tail=False)
    blocks: list[str] = []
    pieces: list[str] = []
    pre_depth = 0

    def flush() -> None:
        lines = (_HTML_SPACE.sub(" ", line).strip(" ") for line in "".join(pieces).split("\n"))
        block = "\n".join(line for line in lines if line.strip())
        if block:
            blocks.append(block)
        pieces.clear()

    def add(text: str | None) -> None:
        # Outside <pre>, a newline in the source is just a space on screen.
        if text:
            pieces.append(text if pre_depth else text.replace("\n", " ").replace("\r", " "))

    for event, element in etree.iterwalk(page, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _BLOCK_TAGS:
            flush()
        if event == "start":
            pre_depth += tag == "pre"
            if tag == "br":
                pieces.append("\n")
            add(element.text)
        else:
            pre_depth -= tag == "pre"
            add(element.tail)
    flush()
    return "\n\n".join(blocks)


def _extract(html: str, url: str) -> trafilatura.settings.Document | None:
    """Run trafilatura on the page; a page it cannot read counts as having no article."""
    try:
        return trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
        )
    except (etree.LxmlError, ValueError, TypeError):
        return None


def _lines_not_kept(raw: str, extracted: str, known: dict[str, str]) -> dict[int, str]:
    """Return {line: reason} for the raw lines trafilatura did not keep as article text.

    `known` maps a reason to a metadata value ({"headline": title}): a dropped line that
    is exactly that value gets that reason rather than a generic one.
    """
    kept_lines = {
        _match_key(_LIST_BULLET.sub("", line)) for line in extracted.split("\n") if line.strip()
    }
    kept_blob = "\n".join(kept_lines)
    known_keys = {_match_key(value): reason for reason, value in known.items() if value}
    removed: dict[int, str] = {}
    for index, line in enumerate(raw.split("\n")):
        key = _match_key(line)
        if not key:
            continue
        if key in kept_lines or (len(key) >= _MIN_SUBSTRING_MATCH and key in kept_blob):
            continue
        removed[index] = known_keys.get(key) or explain_line(line) or PAGE_BOILERPLATE
    return removed


def _match_key(text: str) -> str:
    """Return text with whitespace squeezed and case folded, to compare two extractions."""
    return _WHITESPACE.sub(" ", text).strip().casefold()


def _date(value: str | None) -> datetime.date | None:
    """Parse an ISO date string from trafilatura or htmldate, or return None."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _fallback_date(html: str, url: str) -> datetime.date | None:
    """Ask htmldate for the publication date when trafilatura found none."""
    try:
        found = htmldate.find_date(
            html, original_date=True, extensive_search=False, url=url or None
        )
    except (etree.LxmlError, ValueError, TypeError):
        return None
    return _date(found)


def _page_language(root: lxml_html.HtmlElement) -> str:
    """Return the primary language subtag from <html lang> or a content-language meta."""
    # The HTML parser keeps "xml:lang" as a plain attribute name.
    value = root.get("lang") or root.get("xml:lang") or ""
    for meta in root.iter("meta"):
        if not value and (meta.get("http-equiv") or "").lower() == "content-language":
            value = meta.get("content") or ""
    subtag = re.split(r"[-_,;\s]", value.strip(), maxsplit=1)[0].lower()
    return subtag if re.fullmatch(r"[a-z]{2,3}", subtag) else ""
