from __future__ import annotations

from django.apps import AppConfig


class SuggestConfig(AppConfig):
    name = "workbench.suggest"
    label = "suggest"
