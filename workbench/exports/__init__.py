"""Streaming dataset exports (JSON Lines, CSV, W3C Web Annotation, schema.org ClaimReview).

The public interface is FORMATS, ExportFormat, export_stream, export_filename and
export_article_count. The app registry imports this package before models are ready, so the
functions that touch models load on first use (PEP 562) instead of at import time.
"""

from __future__ import annotations

from workbench.exports.formats import FORMATS, ExportFormat

__all__ = ["FORMATS", "ExportFormat", "export_article_count", "export_filename", "export_stream"]

_LAZY = {"export_stream", "export_filename", "export_article_count"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from workbench.exports import streaming

        return getattr(streaming, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
