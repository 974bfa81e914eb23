"""Bookkeeping on logout: a review session ends when its reviewer logs out.

Not a business rule (those live in services): the signal only closes the session record.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest

from workbench.review.services import session_end


def close_review_sessions(
    sender: object, request: HttpRequest, user: AbstractBaseUser | None, **kwargs: object
) -> None:
    if user is not None:
        session_end(user=user)
