from __future__ import annotations

from django.contrib import admin

from workbench.annotations.models import Annotation, Comment, Entity, Evidence, Source


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "team"]
    list_filter = ["kind", "team"]
    search_fields = ["name", "search_names"]


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "status", "annotator", "article"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["article", "speaker", "claimant", "quote"]


admin.site.register([Source, Evidence, Comment])
