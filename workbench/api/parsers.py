"""The API's JSON parser: deep nesting is a 400 with a message, not a RecursionError."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from workbench.articles.jsonl import check_depth, too_deep


class JSONParser(parsers.JSONParser):
    def parse(
        self, stream: Any, media_type: str | None = None, parser_context: dict | None = None
    ) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
            check_depth(data)
        except RecursionError as error:
            raise ParseError(too_deep().messages[0], code="too_deep") from error
        except ValidationError as error:
            raise ParseError(error.messages[0], code="too_deep") from error
        return data
