"""Cursor pagination: stable under inserts, and as fast on page 1,000 as on page 1."""

from __future__ import annotations

from rest_framework import pagination


class CursorPagination(pagination.CursorPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500
    # Views set their own `ordering`; this is the fallback for any that forget.
    ordering = "-id"
