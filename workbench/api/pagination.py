"""Cursor pagination: stable under inserts, and as fast on page 1,000 as on page 1."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from rest_framework import pagination
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.views import APIView


class CursorPagination(pagination.CursorPagination):
    page_size = settings.WORKBENCH_API_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = settings.WORKBENCH_API_MAX_PAGE_SIZE
    # Views set their own `ordering`; this is the fallback for any that forget.
    ordering = "-id"

    def paginate_queryset(
        self, queryset: QuerySet, request: Request, view: APIView | None = None
    ) -> list | None:
        """Page as DRF does; a cursor whose position does not fit the ordering is a 404.

        DRF decodes the cursor safely but filters by its position unchecked: "abc" for an id
        is a ValueError, a 25-digit number an OverflowError on SQLite, a bad date a
        ValidationError, all 500s. Any of them means a cursor we did not make.
        """
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValueError, TypeError, OverflowError, ValidationError) as error:
            if request.query_params.get(self.cursor_query_param) is None:
                raise
            raise NotFound(self.invalid_cursor_message) from error

    def decode_cursor(self, request: Request) -> pagination.Cursor | None:
        """DRF's decoding, refusing a position with a NUL: no cursor of ours holds one, and
        PostgreSQL cannot compare text with it (a DataError, a 500)."""
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None and "\x00" in cursor.position:
            raise NotFound(self.invalid_cursor_message)
        return cursor
