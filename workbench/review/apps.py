from __future__ import annotations

from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "workbench.review"
    label = "review"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out

        from workbench.review.signals import close_review_sessions

        user_logged_out.connect(close_review_sessions, dispatch_uid="review_close_sessions")
