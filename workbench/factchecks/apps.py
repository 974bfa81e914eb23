from __future__ import annotations

from django.apps import AppConfig


class FactchecksConfig(AppConfig):
    name = "workbench.factchecks"
    label = "factchecks"
    verbose_name = "Known fact-checks"
