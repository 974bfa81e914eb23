from __future__ import annotations

from django.contrib import admin

from workbench.factchecks.models import FactCheck


@admin.register(FactCheck)
class FactCheckAdmin(admin.ModelAdmin):
    """Read-only: fact-checks come in through the import service, which keeps the index current."""

    list_display = ["claim_reviewed", "rating", "publisher", "date_published", "team"]
    list_filter = ["team", "publisher"]
    search_fields = ["claim_reviewed", "url", "publisher"]
    list_select_related = ["team"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
