"""The article pipeline's one entry point: text or HTML in, a cleaned article out.

Every way in (paste, upload, a fetched page, a JSON line, the command line) hands its text
here; which path it takes (the HTML extractor, the text cleaner, or none for a text that
arrives with spans indexing into it) is decided once, by `prepare`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from workbench.articles.cleanup import (
    Cleaned,
    clean_text,
    guess_language,
    normalize_text,
    provisional_title,
)
from workbench.articles.extract import clean_html, looks_like_html
from workbench.suggest.finder.checkworthy import transcript_lines


def prepare(
    *,
    text: str,
    url: str = "",
    content_type: str = "",
    verbatim: bool = False,
    titled: bool = False,
) -> Cleaned:
    """Return the cleaned article from text or HTML, refusing what holds no article (`no_text`).

    `content_type` is a fetched page's: text/plain is read as text unless it looks like HTML,
    any other type as HTML; without one (paste, upload, file) the text's look decides.
    `verbatim` keeps the text as the body, uncleaned, for spans that index into it; `titled`
    says a title comes with it, so none is made up from the first sentence.
    """
    if verbatim:
        return _verbatim(text, titled=titled)
    if (content_type and not content_type.startswith("text/plain")) or looks_like_html(text):
        try:
            return clean_html(text, url=url)
        except ValueError as error:
            raise ValidationError(str(error), code="no_text") from error
    refuse_nul(text)  # a plain-text page, or any text that came past a form's own check
    transcript = _transcript(text)
    if transcript is not None:
        return transcript
    try:
        return clean_text(text)
    except ValueError as error:
        raise ValidationError(str(error), code="no_text") from error


def refuse_nul(text: str) -> None:
    """Refuse a text holding a NUL, by its position: PostgreSQL cannot store one."""
    nul = text.find("\x00")
    if nul >= 0:
        raise ValidationError(
            _(
                "The text holds a NUL character (U+0000) at character %(pos)s, which cannot be "
                "stored: remove it and try again."
            )
            % {"pos": f"{nul:,}"},
            code="bad_character",
        )


def _transcript(text: str) -> Cleaned | None:
    """A debate or interview of `SPEAKER: text` lines, kept line for line (None for an article).

    The article cleaner would take the first speaker's line for a headline and split turns
    into paragraphs; a transcript keeps every line and its label, so each sentence can be
    attributed to who said it (suggest.finder.checkworthy.transcript_lines)."""
    body = "\n".join(line.rstrip() for line in normalize_text(text).strip().split("\n"))
    if transcript_lines(body) is None:
        return None
    return Cleaned(
        raw=text,
        body=body,
        removed=[],
        title=provisional_title(body),
        title_is_provisional=True,
        language=guess_language(body),
    )


def _verbatim(text: str, *, titled: bool) -> Cleaned:
    """Return the text as the body, uncleaned: the spans that came with it index into it."""
    if normalize_text(text) != text:
        raise ValidationError(
            _(
                "A text with spans must come normalized (Unicode NFC, \\n line ends, no byte "
                "order mark): their offsets would not hold after normalizing it here."
            ),
            code="spans_not_normalized",
        )
    return Cleaned(
        raw=text,
        body=text,
        removed=[],
        title="" if titled else provisional_title(text),
        title_is_provisional=not titled,
        language=guess_language(text),
    )
